"""Open directives and requests, and what is coming up (deadlines, announced inspections)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from game.i18n import t
from game.scenario.text import localize

if TYPE_CHECKING:
    from game.engine import GameState, Rules

URGENCY_ORDER = {"high": 0, "medium": 1, "low": 2}


@dataclass(frozen=True)
class ItemView:
    """An open directive or request as the player sees it."""

    index: int
    id: str
    is_directive: bool
    title: str
    text: str
    # directives
    level: str = ""
    issuer: str = ""
    unit: str = ""
    quota: float = 0.0
    reported: float = 0.0
    actual: float = 0.0
    weeks_left: int = 0
    deadline: int = 0
    veto: bool = False
    # requests
    who: str = ""
    urgency: str = ""
    age: int = 0
    escalated: bool = False
    new: bool = False


def open_items(rules: Rules, state: GameState, lang: str) -> list[ItemView]:
    """Open directives (soonest deadline first), then open requests (most urgent first)."""
    directives, requests = [], []
    for rule in rules.items:
        item = state.items[rule.index]
        if item.status != "open":
            continue
        model = rule.model
        common: dict[str, Any] = dict(index=rule.index, id=rule.id, is_directive=rule.is_directive,
                                      title=localize(model.title, lang), text=localize(model.text, lang),
                                      new=item.arrived == state.week)
        if rule.is_directive:
            directives.append(ItemView(
                **common, level=t(f"item.level.{model.level.value}", lang), issuer=localize(model.issuer, lang),
                unit=localize(model.unit, lang), quota=item.quota, reported=item.reported, actual=item.actual,
                weeks_left=item.deadline - state.week, deadline=item.deadline, veto=rule.veto))
        else:
            requests.append(ItemView(**common, who=localize(model.who, lang), urgency=model.urgency, age=item.age,
                                     escalated=item.escalated))
    directives.sort(key=lambda v: (v.weeks_left, v.index))
    requests.sort(key=lambda v: (URGENCY_ORDER.get(v.urgency, 3), -v.age, v.index))
    return directives + requests


def upcoming(rules: Rules, state: GameState, lang: str, horizon: int = 3) -> list[tuple[int, str]]:
    """(weeks from now, line) for deadlines and announced inspections within the horizon, soonest first."""
    lines: list[tuple[int, str]] = []
    for index in rules.directive_indices:
        item = state.items[index]
        if item.status != "open":
            continue
        left = item.deadline - state.week
        if left <= horizon:
            title = localize(rules.items[index].model.title, lang)
            lines.append((left, t("week.due_now", lang, title=title) if left == 0 else
                          t("week.due_in", lang, title=title, n=left)))
    for inspection in rules.scenario.inspections:
        if not inspection.weeks:
            continue  # only announced (scheduled) inspections are known in advance
        coming = [w for w in inspection.weeks if state.week <= w <= state.week + horizon]
        if coming:
            week, title = coming[0], localize(inspection.title, lang)
            lines.append((week - state.week, t("week.inspection_now", lang, title=title) if week == state.week
                          else t("week.inspection_at", lang, title=title, n=week)))
    lines.sort(key=lambda pair: pair[0])
    return lines
