"""A saved game or record as data, week by week, for `replay --format json` (the text replay's content).

Built from the engine's replay of the decision log (`steps`), never from the text. Shape:

    {"scenario": {"id", "title", "content_hash"}, "kind": "record"|"save", "player", "seed", "lang",
     "decisions": N, "meters": [{"id", "label"}],
     "weeks": [{"week": n, "label": str|null,
                "started": [happening...],                  # arrivals and event cards as the week opens
                "decisions": [{"number", "kind", "target", "option", "title", "approach_kind", "hours",
                               "costs": {meter: n}, "happenings": [happening...]}],
                "meters_at_end": {meter: value}|null}],     # null for a week still being played
     "meters_now": {meter: value},
     "outcome": {"ending", "ending_title", "reason", "upward", "downward", "upward_label", "downward_label",
                 "idle_index", "crossed", "crossed_titles": {ref: title}, ...}}

A happening is `{"kind", "subject", "title"?, ...its data}`: the engine's Happening with the subject's
title in `lang` (items, event cards, inspections, endings, approaches and choices); kinds as in
game.engine.state.Happening; ledger changes are `{"item", "title", "reported", "actual", "quota"}`. Numbers are the engine's, unrounded (rounding is for display). Meter values
are on the scenario's meter scales (0-100 for the shipped scenario); hours are work hours.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from game.engine import Decision, Happening, Rules, outcome
from game.saves.replay import Loaded, steps
from game.scenario.text import localize

FORMAT = 1
"""The version of this shape; it grows only by new keys."""


class _Titles:
    """Titles of what happenings name, in one language."""

    def __init__(self, rules: Rules, lang: str) -> None:
        self.rules, self.lang = rules, lang
        self.refs = {action.ref: action for action in rules.actions}
        self.inspections = {i.id: i.model for i in rules.inspections}

    def text(self, value: Any) -> str:
        return " ".join(localize(value, self.lang).split())

    def item(self, item_id: str) -> str | None:
        index = self.rules.item_index.get(item_id)
        return self.text(self.rules.items[index].model.title) if index is not None else None

    def event(self, event_id: str) -> str | None:
        index = self.rules.event_index.get(event_id)
        return self.text(self.rules.events[index].model.title) if index is not None else None

    def ref(self, ref: str) -> str | None:
        """'Owner title: action label' of an approach or a choice (a full-width colon in Chinese)."""
        action = self.refs.get(ref)
        if action is None:
            return None
        owner = ref.split(".", 1)[0]
        title = (self.event(owner) if action.event >= 0 else self.item(owner)) or owner
        return f"{title}{'：' if self.lang == 'zh' else ': '}{self.text(action.model.label)}"

    def subject(self, h: Happening) -> str | None:
        kind, subject = h.kind, h.subject
        if kind in ("arrived", "settled", "ignored", "escalated", "expired"):
            return self.item(subject)
        if kind == "event_drawn":
            return self.event(subject)
        if kind == "inspected":
            model = self.inspections.get(subject)
            return self.text(model.title) if model else None
        if kind == "ended":
            ending = self.rules.ending_by_id.get(subject)
            return self.text(ending.title) if ending else None
        source, _, rest = subject.partition(":")
        if source in ("deadline", "escalation"):
            return self.item(rest)
        if source == "inspection":
            model = self.inspections.get(rest)
            return self.text(model.title) if model else None
        return self.ref(subject) if subject and subject != "weekly" else None


def _happening(h: Happening, titles: _Titles) -> dict:
    entry: dict[str, Any] = {"kind": h.kind, "subject": h.subject}
    title = titles.subject(h)
    if title:
        entry["title"] = title
    for key, value in (h.data or {}).items():
        if key == "ledgers" and isinstance(value, (list, tuple)):
            value = [{"item": row[0], "title": titles.item(row[0]), "reported": row[1], "actual": row[2],
                      "quota": row[3]} for row in value if isinstance(row, (list, tuple)) and len(row) == 4]
        entry.setdefault(key, _plain(value, titles))
    return entry


def _plain(value: Any, titles: _Titles) -> Any:
    """A happening's value as JSON: containers as lists and objects, content text in the language."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, dict):
        return {str(k): _plain(v, titles) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v, titles) for v in value]
    return titles.text(value)  # a {zh:, en:} text of the content (a card's message)


def _decision(number: int, decision: Decision, happened: list[Happening], titles: _Titles) -> dict:
    took = next((h for h in happened if h.kind in ("acted", "chose")), None)
    data = took.data if took and took.data else {}
    entry: dict[str, Any] = {"number": number, "kind": decision.kind}
    if decision.kind != "end_week":
        entry.update(target=decision.target, option=decision.option,
                     title=titles.ref(f"{decision.target}.{decision.option}"),
                     approach_kind=data.get("kind"), hours=data.get("hours", 0.0), costs=_plain(data.get("costs") or {}, titles))
    entry["happenings"] = [_happening(h, titles) for h in happened if h is not took]
    return entry


def story(loaded: Loaded, lang: str) -> dict:
    """The game in `loaded` as data (see the module docstring); titles in `lang`. Raises ReplayStopped
    like the text replay when the log no longer replays."""
    rules, titles = loaded.rules, _Titles(loaded.rules, lang)
    meters = list(rules.meter_ids)
    labels = rules.scenario.info.week_labels
    weeks: list[dict] = []
    state = None

    def open_week(week: int) -> dict:
        label = titles.text(labels[week - 1]) if 0 < week <= len(labels) else None
        weeks.append({"week": week, "label": label, "started": [], "decisions": [], "meters_at_end": None})
        return weeks[-1]

    for number, decision, state, happened in steps(rules, loaded.seed, loaded.decisions):
        current = weeks[-1] if weeks else None
        before, opened, after = _split_at_week_start(happened)
        if decision is not None and current is not None:
            current["decisions"].append(_decision(number, decision, before, titles))
        if opened is not None:
            if current is not None:
                current["meters_at_end"] = dict(zip(meters, state.history[opened.week - 1]))
            current = open_week(opened.week)
            current["started"] = [_happening(h, titles) for h in after]
    if state is not None and weeks and state.ended and len(state.history) > state.week:
        weeks[-1]["meters_at_end"] = dict(zip(meters, state.history[state.week]))
    done = asdict(outcome(rules, state)) if state is not None else {}
    done.pop("history", None)  # it is in the weeks
    ending = rules.ending_by_id.get(done.get("ending") or "")
    scoring = rules.scenario.info.scoring
    return {
        "format": FORMAT,
        "scenario": {"id": rules.id, "title": titles.text(rules.scenario.info.title), "content_hash": rules.content_hash},
        "kind": loaded.kind, "player": loaded.player, "seed": loaded.seed, "lang": lang,
        "decisions": len(loaded.decisions),
        "meters": [{"id": m.id, "label": titles.text(m.label)} for m in rules.scenario.meters],
        "weeks": weeks,
        "meters_now": dict(zip(meters, state.meters)) if state is not None else {},
        "outcome": {**done, "ending_title": titles.text(ending.title) if ending else None,
                    "upward_label": titles.text(scoring.upward_label) or None,
                    "downward_label": titles.text(scoring.downward_label) or None,
                    "crossed_titles": {ref: titles.ref(ref) for ref in done.get("crossed", [])}},
    }


def _split_at_week_start(happened: list[Happening]) -> tuple[list[Happening], Happening | None, list[Happening]]:
    """(what belongs to the week that was going on, the week_started happening or None, the new week's)."""
    for position, h in enumerate(happened):
        if h.kind == "week_started":
            return happened[:position], h, happened[position + 1:]
    return happened, None, []
