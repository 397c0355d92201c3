"""What expressions see at run time: the evaluation context and the real function implementations."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Callable

from game.engine.state import CLOSED, MET, MISSED, OPEN, PENDING
from game.scenario.envs import game_env
from game.scenario.expr_compile import Env

if TYPE_CHECKING:
    from game.engine.compile import Rules
    from game.engine.state import GameState
    from game.scenario.loader import Scenario


class Ctx:
    """Evaluation context: the rules, the state, and the item or inspection score in focus."""

    __slots__ = ("r", "s", "item", "score")

    def __init__(self, rules: Rules, state: GameState, item: int = -1, score: float = 0.0) -> None:
        self.r, self.s, self.item, self.score = rules, state, item, score


def _item_value(name: str) -> Callable[[Ctx], Any]:
    def quota(c: Ctx) -> float:
        return c.s.items[c.item].quota if c.item >= 0 else 0.0

    def reported(c: Ctx) -> float:
        return c.s.items[c.item].reported if c.item >= 0 else 0.0

    def actual(c: Ctx) -> float:
        return c.s.items[c.item].actual if c.item >= 0 else 0.0

    def progress(c: Ctx) -> float:
        if c.item < 0:
            return 0.0
        item = c.s.items[c.item]
        return item.reported / item.quota if item.quota else 1.0

    def weight(c: Ctx) -> float:
        return c.r.items[c.item].weight if c.item >= 0 else 0.0

    def age(c: Ctx) -> float:
        if c.item < 0:
            return 0
        item = c.s.items[c.item]
        return item.age if not c.r.items[c.item].is_directive else c.s.week - item.arrived

    def weeks_left(c: Ctx) -> float:
        return c.s.items[c.item].deadline - c.s.week if c.item >= 0 else 0

    return locals()[name]


_NAMES: dict[str, Callable[[Ctx], Any]] = {
    "turn": lambda c: c.s.week,
    "weeks": lambda c: c.r.weeks,
    "hours": lambda c: c.s.hours_week,
    "hours_left": lambda c: c.s.hours_left,
    "score": lambda c: c.score,
}


def name_getter(name: str) -> Callable[[Ctx], Any]:
    return _NAMES[name] if name in _NAMES else _item_value(name)


def meter_getter(index: int) -> Callable[[Ctx], float]:
    return lambda c: c.s.meters[index]


def flag_getter(flag: str) -> Callable[[Ctx], bool]:
    return lambda c: flag in c.s.flags


# -- ledger measures (also used by outcome and inspections) -------------------------------------------
def ledger_sums(rules: Rules, state: GameState, statuses: tuple[str, ...]) -> tuple[float, float, float, float]:
    """(quota, reported, actual, unbacked) summed over directives with these statuses."""
    quota = reported = actual = unbacked = 0.0
    for index in rules.directive_indices:
        item = state.items[index]
        if item.status in statuses:
            quota += item.quota
            reported += item.reported
            actual += item.actual
            unbacked += max(0.0, item.reported - item.actual)
    return quota, reported, actual, unbacked


ARRIVED = (OPEN, MET, MISSED, CLOSED)


def idle_index(rules: Rules, state: GameState) -> float:
    _, reported, _, unbacked = ledger_sums(rules, state, ARRIVED)
    return unbacked / reported if reported else 0.0


def share(rules: Rules, state: GameState, which: str) -> float:
    quota, reported, actual, _ = ledger_sums(rules, state, (OPEN, MET, MISSED))
    if not quota:
        return 0.0
    return (reported if which == "reported" else actual) / quota


def gap_share(rules: Rules, state: GameState) -> float:
    _, reported, _, unbacked = ledger_sums(rules, state, (OPEN, MET, MISSED))
    return unbacked / reported if reported else 0.0


def ledger_share(rules: Rules, state: GameState) -> float:
    shares = [min(1.0, state.items[i].reported / state.items[i].quota) for i in rules.directive_indices
              if state.items[i].status == OPEN and state.items[i].quota > 0]
    if not shares:
        shares = [min(1.0, state.items[i].reported / state.items[i].quota) for i in rules.directive_indices
                  if state.items[i].status in (MET, MISSED) and state.items[i].deadline == state.week]
    return sum(shares) / len(shares) if shares else 1.0


def _status_is(statuses: tuple[str, ...]) -> Callable:
    def check(c: Ctx, item_id: str) -> bool:
        index = c.r.item_index.get(item_id)
        return index is not None and c.s.items[index].status in statuses

    return check


def _count(status: str) -> Callable:
    return lambda c: sum(1 for i in c.r.directive_indices if c.s.items[i].status == status)


IMPLS: dict[str, Callable] = {
    "min": lambda c, *a: min(a),
    "max": lambda c, *a: max(a),
    "abs": lambda c, x: abs(x),
    "round": lambda c, x: float(round(x)),
    "floor": lambda c, x: float(math.floor(x)),
    "ceil": lambda c, x: float(math.ceil(x)),
    "clamp": lambda c, x, lo, hi: max(lo, min(hi, x)),
    "count_kind": lambda c, k: c.s.kind_counts.get(k, 0),
    "hours_kind": lambda c, k: c.s.kind_hours.get(k, 0.0),
    "crossed": lambda c: len(c.s.crossed),
    "idle_index": lambda c: idle_index(c.r, c.s),
    "reported_share": lambda c: share(c.r, c.s, "reported"),
    "actual_share": lambda c: share(c.r, c.s, "actual"),
    "gap_share": lambda c: gap_share(c.r, c.s),
    "ledger_share": lambda c: ledger_share(c.r, c.s),
    "served": lambda c: c.s.counters.get("served", 0),
    "escalated": lambda c: c.s.counters.get("escalated", 0),
    "open_requests": lambda c: sum(1 for i in c.r.request_indices if c.s.items[i].status == OPEN),
    "met_count": _count(MET),
    "missed_count": _count(MISSED),
    "vetoes_missed": lambda c: c.s.counters.get("vetoes_missed", 0),
    "fired": lambda c, e: c.r.event_index.get(e, -1) in c.s.fired,
    "took": lambda c, ref: c.s.took.get(ref, 0),
    "met": _status_is((MET,)),
    "missed": _status_is((MISSED,)),
    "arrived": lambda c, i: c.s.items[c.r.item_index[i]].status != PENDING if i in c.r.item_index else False,
    "is_open": _status_is((OPEN,)),
    "chances": lambda c, k: c.s.counters.get("chance:" + k, 0),
    "chances_then": lambda c, k: c.s.counters.get("then:" + k, 0),
}


def runtime_env(scenario: Scenario, context: str) -> Env:
    """The Env that compiles a context's expressions into closures over a Ctx."""
    return game_env(scenario, context, meter_getter, name_getter, flag_getter, IMPLS)
