"""Helpers for engine tests: purpose-built one-file scenarios and short ways to drive a game.

`write_scenario(folder, **sections)` writes a scenario: each keyword is a section of the content format,
given as YAML text or the equivalent Python data. `scenario=` is merged into a minimal header (4 weeks,
40 hours, no event draws, meters `a` and `b` starting at 50); every other section replaces the default.
A fallback ending `fallback` is added unless the endings already name one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from game.engine import END_WEEK, Decision, GameState, Happening, Rules, apply, legal

HEADER: dict[str, Any] = {
    "id": "unit", "title": "Unit", "weeks": 4, "hours_per_week": 40, "events_per_week": 0,
    "languages": ["en"], "scoring": {"upward": "a", "downward": "b"},
}
METERS: list[dict[str, Any]] = [
    {"id": "a", "label": "A", "start": 50},
    {"id": "b", "label": "B", "start": 50},
]
FALLBACK = {"id": "fallback", "title": "Fallback", "text": "The game ran its course."}


def _data(value: Any) -> Any:
    return yaml.safe_load(value) if isinstance(value, str) else value


def write_scenario(folder: Path, **sections: Any) -> Path:
    """Write a one-file scenario built from the minimal defaults and `sections` into `folder`."""
    header = {**HEADER, **(_data(sections.pop("scenario", None)) or {})}
    content: dict[str, Any] = {"scenario": header, "meters": _data(sections.pop("meters", None)) or METERS}
    endings = list(_data(sections.pop("endings", None)) or [])
    if not any(e["id"] == "fallback" for e in endings):
        endings.append(FALLBACK)
    content["endings"] = endings
    content.update({name: _data(value) for name, value in sections.items()})
    folder.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(content, allow_unicode=True, sort_keys=False)
    (folder / "scenario.yaml").write_text(text, encoding="utf-8")
    return folder


def directive(id: str, approaches: list[dict], quota: float = 10, arrives: int | None = 1, due: int = 2,
              **extra: Any) -> dict[str, Any]:
    """A directive with the required fields filled in."""
    found = {"id": id, "title": id, "level": "city", "unit": "u", "quota": quota, "due_in_weeks": due,
             "approaches": approaches, **extra}
    if arrives is not None:
        found["arrives"] = arrives
    return found


def request(id: str, approaches: list[dict], arrives: int | None = 1, **extra: Any) -> dict[str, Any]:
    """A resident request with the required fields filled in."""
    found = {"id": id, "title": id, "approaches": approaches, **extra}
    if arrives is not None:
        found["arrives"] = arrives
    return found


def action(id: str, kind: str = "service", hours: float = 1, **extra: Any) -> dict[str, Any]:
    """An approach or event choice."""
    return {"id": id, "kind": kind, "label": id, "hours": hours, **extra}


def event(id: str, choices: list[dict], **extra: Any) -> dict[str, Any]:
    """An event card."""
    return {"id": id, "title": id, "text": id, "choices": choices, **extra}


def meter(rules: Rules, state: GameState, name: str) -> float:
    """A meter's value by id."""
    return state.meters[rules.meter_index[name]]


def item(rules: Rules, state: GameState, name: str):
    """A directive's or request's state by id."""
    return state.items[rules.item_index[name]]


def act(rules: Rules, state: GameState, ref: str) -> tuple[GameState, list[Happening]]:
    """Take the approach 'item.action' (or answer 'event.choice' when that card is waiting)."""
    target, option = ref.split(".")
    kind = "choose" if state.pending and rules.events[state.pending[0]].id == target else "act"
    return apply(rules, state, Decision(kind, target, option))


def end(rules: Rules, state: GameState, weeks: int = 1) -> tuple[GameState, list[Happening]]:
    """End `weeks` weeks, answering any waiting card with its first legal choice; happenings of all of them."""
    seen: list[Happening] = []
    for _ in range(weeks):
        while state.pending and not state.ended:
            state, out = apply(rules, state, legal(rules, state)[0])
            seen += out
        if state.ended:
            break
        state, out = apply(rules, state, END_WEEK)
        seen += out
    return state, seen


def kinds(happenings: list[Happening], kind: str) -> list[Happening]:
    """The happenings of one kind."""
    return [h for h in happenings if h.kind == kind]
