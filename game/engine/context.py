"""What expressions see at run time: the evaluation context and the real function implementations."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Callable

from game.engine.bounds import finite, safe_round
from game.engine.evalctx import Ctx
from game.engine.state import CLOSED, MET, MISSED, OPEN, PENDING, ItemState
from game.scenario.envs import game_env
from game.scenario.expr_compile import Env

if TYPE_CHECKING:
    from game.engine.compile import Rules
    from game.engine.state import GameState
    from game.scenario.scenario_types import Scenario


def _quota(c: Ctx) -> float:
    return c.items[c.item].quota if c.item >= 0 else 0.0


def _reported(c: Ctx) -> float:
    return c.items[c.item].reported if c.item >= 0 else 0.0


def _actual(c: Ctx) -> float:
    return c.items[c.item].actual if c.item >= 0 else 0.0


def _progress(c: Ctx) -> float:
    if c.item < 0:
        return 0.0
    item = c.items[c.item]
    return item.reported / item.quota if item.quota else 1.0


def _weight(c: Ctx) -> float:
    return c.r.items[c.item].weight if c.item >= 0 else 0.0


def _age(c: Ctx) -> float:
    if c.item < 0:
        return 0
    item = c.items[c.item]
    return item.age if not c.r.items[c.item].is_directive else c.s.week - item.arrived


def _weeks_left(c: Ctx) -> float:
    return c.items[c.item].deadline - c.s.week if c.item >= 0 else 0


# what an expression reads of the item in focus (an approach's own directive or request)
_ITEM_VALUES: dict[str, Callable[[Ctx], Any]] = {
    "quota": _quota, "reported": _reported, "actual": _actual, "progress": _progress, "weight": _weight,
    "age": _age, "weeks_left": _weeks_left,
}


_NAMES: dict[str, Callable[[Ctx], Any]] = {
    "turn": lambda c: c.s.week,
    "weeks": lambda c: c.r.weeks,
    "hours": lambda c: c.s.hours_week,
    "hours_left": lambda c: c.s.hours_left,
    "score": lambda c: c.score,
}


def name_getter(name: str) -> Callable[[Ctx], Any]:
    return _NAMES[name] if name in _NAMES else _ITEM_VALUES[name]


def meter_getter(index: int) -> Callable[[Ctx], float]:
    return lambda c: c.meters[index]


def flag_getter(flag: str) -> Callable[[Ctx], bool]:
    return lambda c: flag in c.flags


# -- ledger measures (also used by outcome and inspections) -------------------------------------------
# Every measure is a weighted mean of per-directive ratios, so no directive's unit count decides how much
# it matters: 6,000 app registrations weigh what their assessment weight says, not 6,000 units (issue 10).
VETO_FACTOR = 2.0  # a one-vote-veto directive weighs twice its assessment weight in the measures

ARRIVED = (OPEN, MET, MISSED, CLOSED)
LIVE = (OPEN, MET, MISSED)


def measure_weight(rules: Rules, index: int) -> float:
    """How much directive `index` counts in the ledger measures: its assessment weight, doubled for a veto."""
    rule = rules.items[index]
    return max(0.0, rule.weight) * (VETO_FACTOR if rule.veto else 1.0)


def _weighted(pairs: list[tuple[float, float]]) -> float | None:
    """The weighted mean of (weight, ratio) pairs; equal weights when every weight is 0; None when empty."""
    if not pairs:
        return None
    total = sum([w for w, _ in pairs])  # lists, not generators: the same sums, sooner
    if total <= 0:
        return sum([r for _, r in pairs]) / len(pairs)
    return sum([w * r for w, r in pairs]) / total


def unbacked_ratio(item: ItemState) -> float:
    """Share of one directive's reported progress with no actual progress behind it (0..1)."""
    return max(0.0, item.reported - item.actual) / item.reported if item.reported > 0 else 0.0


def _weights(rules: Rules) -> list[float]:
    """measure_weight of every item, by index (computed once per Rules: the measures run many times a game)."""
    found = rules.derived.get("measure_weights")
    if found is None:
        found = rules.derived["measure_weights"] = [measure_weight(rules, i) for i in range(len(rules.items))]
    return found


# The measures below build the same (weight, ratio) pairs in the same order as their definitions say, with
# the weights read from a table and the ratios written out, so that every sum is the same float.
def idle_index(rules: Rules, state: GameState) -> float:
    """Idle-execution index, 0..1: over arrived directives with something reported, the weighted mean of
    (reported - actual) / reported. 0 when nothing was reported (finding A3: traces without substance)."""
    return _unbacked_mean(rules, state, ARRIVED)


def _unbacked_mean(rules: Rules, state: GameState, statuses: tuple[str, ...]) -> float:
    """The weighted mean of each reported directive's unbacked ratio, (reported - actual) / reported, over
    the directives whose status is in `statuses`; 0 when none has anything reported."""
    items, weights = state.items, _weights(rules)
    pairs = []
    for i in rules.directive_indices:
        item = items[i]
        reported = item.reported
        if reported > 0 and item.status in statuses:
            gap = reported - item.actual
            pairs.append((weights[i], (gap if gap > 0.0 else 0.0) / reported))  # unbacked_ratio
    return _weighted(pairs) or 0.0


def share(rules: Rules, state: GameState, which: str) -> float:
    """Reported or actual share, 0..1: over arrived directives (shelved ones included, at what they got),
    the weighted mean of min(1, ledger / quota). 0 before any directive arrives."""
    items, weights, reported = state.items, _weights(rules), which == "reported"
    pairs = []
    for i in rules.directive_indices:
        item = items[i]
        quota = item.quota
        if quota > 0 and item.status in ARRIVED:
            ratio = (item.reported if reported else item.actual) / quota
            pairs.append((weights[i], ratio if ratio < 1.0 else 1.0))
    return _weighted(pairs) or 0.0


def gap_share(rules: Rules, state: GameState) -> float:
    """What a field check finds, 0..1: the idle index over open and settled directives (not shelved ones)."""
    return _unbacked_mean(rules, state, LIVE)


def ledger_share(rules: Rules, state: GameState) -> float:
    """What a ledger check sees, 0..1: the weighted mean of min(1, reported / quota) over open directives,
    or, when none is open, over those settled this week; 1 when there are none."""
    items, weights = state.items, _weights(rules)
    pairs = []
    for i in rules.directive_indices:
        item = items[i]
        if item.status == OPEN and item.quota > 0:
            ratio = item.reported / item.quota
            pairs.append((weights[i], ratio if ratio < 1.0 else 1.0))
    if not pairs:
        for i in rules.directive_indices:
            item = items[i]
            if item.status in (MET, MISSED) and item.deadline == state.week and item.quota > 0:
                ratio = item.reported / item.quota
                pairs.append((weights[i], ratio if ratio < 1.0 else 1.0))
    found = _weighted(pairs)
    return 1.0 if found is None else found


def weeks_played(state: GameState) -> int:
    """Weeks the player played (0..weeks): every week closed with "end week", plus the week in progress when
    a decision was taken in it. A game that ends at the start of a week (a delayed removal, a threshold
    crossed by the week's arrivals) has not played that week; one that ends mid-week has. The one
    definition behind the debrief, ending texts (`weeks_played()`), records, replay and reports."""
    decisions = state.decisions
    closed = sum(1 for d in decisions if d.kind == "end_week")
    return closed + 1 if decisions and decisions[-1].kind != "end_week" else closed


def _status_is(statuses: tuple[str, ...]) -> Callable:
    def check(c: Ctx, item_id: str) -> bool:
        index = c.r.item_index.get(item_id)
        return index is not None and c.items[index].status in statuses

    return check


def _count(status: str) -> Callable:
    return lambda c: sum(1 for i in c.r.directive_indices if c.items[i].status == status)


IMPLS: dict[str, Callable] = {
    "min": lambda c, *a: min(map(finite, a)),
    "max": lambda c, *a: max(map(finite, a)),
    "abs": lambda c, x: abs(finite(x)),
    "round": safe_round(round),
    "floor": safe_round(math.floor),
    "ceil": safe_round(math.ceil),
    "clamp": lambda c, x, lo, hi: max(finite(lo), min(finite(hi), finite(x))),
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
    "open_requests": lambda c: sum(1 for i in c.r.request_indices if c.items[i].status == OPEN),
    "met_count": _count(MET),
    "missed_count": _count(MISSED),
    "vetoes_missed": lambda c: c.s.counters.get("vetoes_missed", 0),
    "fired": lambda c, e: c.r.event_index.get(e, -1) in c.s.fired,
    "took": lambda c, ref: c.s.took.get(ref, 0),
    "met": _status_is((MET,)),
    "missed": _status_is((MISSED,)),
    "arrived": lambda c, i: c.items[c.r.item_index[i]].status != PENDING if i in c.r.item_index else False,
    "is_open": _status_is((OPEN,)),
    "chances": lambda c, k: c.s.counters.get("tried:" + k, 0),
    "chances_then": lambda c, k: c.s.counters.get("won:" + k, 0),
    "weeks_played": lambda c: weeks_played(c.s),
}


def runtime_env(scenario: Scenario, context: str) -> Env:
    """The Env that compiles a context's expressions into closures over a Ctx."""
    return game_env(scenario, context, meter_getter, name_getter, flag_getter, IMPLS)
