"""Apply compiled effects to a state being built (the caller owns the clone)."""

from __future__ import annotations

from typing import Any

from game.engine.bounds import LIMIT
from game.engine.compile import CEffect, Rules
from game.engine.context import Ctx
from game.engine.discard import Discard
from game.engine.rng import next_float
from game.engine.state import OPEN, PENDING, GameState, Happening, Scheduled


def val(value: Any, ctx: Ctx) -> Any:
    """A compiled value: a constant, or a closure evaluated in ctx."""
    return value(ctx) if callable(value) else value


def roll(state: GameState) -> float:
    """Draw the next random number from the state's generator."""
    number, state.rng = next_float(state.rng)
    return number


def chance_holds(state: GameState, chance: float) -> bool:
    """Roll against a probability; certain and impossible outcomes use no random number."""
    if chance >= 1:
        return True
    if chance <= 0:
        return False
    return roll(state) < chance


def set_meter(rules: Rules, state: GameState, index: int, value: float) -> float:
    """Clamp and store a meter; return the change actually made."""
    low, high = rules.lows[index], rules.highs[index]
    value = low if value < low else high if value > high else value
    old = state.meters[index]
    state.meters[index] = value
    return value - old


def add_to_meters(rules: Rules, state: GameState, changes: list[tuple[int, float]], deltas: dict | None) -> None:
    """Add each (meter, change), clamped to the meter's range (as set_meter does, inlined: this runs most
    often of all); record the changes actually made, by meter id, in `deltas` unless it is None."""
    meters, lows, highs = state.meters, rules.lows, rules.highs
    for index, delta in changes:
        old = meters[index]
        value = old + delta
        value = lows[index] if value < lows[index] else highs[index] if value > highs[index] else value
        meters[index] = value
        if deltas is not None and value != old:
            name = rules.meter_ids[index]
            deltas[name] = deltas.get(name, 0.0) + (value - old)


def arrive(rules: Rules, state: GameState, index: int, out: list[Happening]) -> None:
    """An item arrives now (once)."""
    item = state.items[index]
    if item.status != PENDING:
        return
    rule = rules.items[index]
    quota = float(rule.model.quota) if rule.is_directive else 0.0
    state.items[index] = item.opened(state.week, state.week + rule.due - 1, quota)
    if type(out) is not Discard:
        out.append(Happening("arrived", state.week, rule.id, {"directive": rule.is_directive}))


def apply_effect(rules: Rules, state: GameState, effect: CEffect | None, item: int, out: list[Happening],
                 source: str, score: float = 0.0) -> None:
    """Apply one effect. Values are computed against the state as it was before the effect."""
    if effect is None or effect.empty:
        return
    quiet = type(out) is Discard
    deltas: dict[str, float] | None = None if quiet else {}
    if effect.simple:  # constant meter changes only: the common case, kept short
        add_to_meters(rules, state, effect.meters, deltas)
        if not quiet:
            out.append(Happening("effect", state.week, source, {"meters": deltas, "ledgers": [], "message": None,
                                                                "flags": [], "event": ""}))
        return
    changes, own, progress = effect.fixed or _evaluate(rules, state, effect, item, score)
    add_to_meters(rules, state, changes, deltas)
    ledgers: list[tuple] | None = None if quiet else []
    if own is not None and item >= 0 and rules.items[item].is_directive:
        reported, actual, quota = own
        _change_ledger(rules, state, item, reported, actual, quota, ledgers)
    for target, reported, actual, quota in progress:
        _change_ledger(rules, state, target, reported, actual, quota, ledgers)
    if effect.set_flags:
        state.flags.update(effect.set_flags)
    if effect.clear_flags:
        state.flags.difference_update(effect.clear_flags)
    for index in effect.issue:
        arrive(rules, state, index, out)
    queued = effect.event >= 0 and effect.event not in state.pending and _may_trigger(state)
    if queued:
        state.pending.append(effect.event)
        state.fired[effect.event] = state.week
    for later in effect.later:
        state.order += 1
        state.scheduled.append(Scheduled(state.week + rules.laters[later].in_weeks, state.order, later, item, source))
    ends = bool(effect.end_game) and not state.ended
    if ends:
        state.ended, state.end_reason = effect.end_game, "effect"
    if quiet:
        return
    out.append(Happening("effect", state.week, source, {
        "meters": deltas, "ledgers": ledgers, "message": effect.message,
        "flags": list(effect.set_flags), "event": rules.events[effect.event].id if queued else "",
    }))
    if ends:
        out.append(Happening("ended", state.week, effect.end_game, {"reason": "effect"}))


# Cards triggered by effects in one week are counted under this key of `uses_week` (never an action index),
# which the week's start resets. Validation refuses events that queue themselves; this bound holds anyway,
# so no content can lock a week with an endless chain of cards.
TRIGGERED_KEY = -1
MAX_TRIGGERED_PER_WEEK = 12


def _may_trigger(state: GameState) -> bool:
    """Count one more triggered card this week, unless the week's bound is reached."""
    count = state.uses_week.get(TRIGGERED_KEY, 0)
    if count >= MAX_TRIGGERED_PER_WEEK:
        return False
    state.uses_week[TRIGGERED_KEY] = count + 1
    return True


def _evaluate(rules: Rules, state: GameState, effect: CEffect, item: int, score: float) -> tuple:
    """An effect's numbers computed now: (meter changes, own ledger change or None, named ledger changes)."""
    ctx = Ctx(rules, state, item, score)
    changes = [(index, float(val(delta, ctx))) for index, delta in effect.meters]
    own = None
    if effect.has_ledger and item >= 0 and rules.items[item].is_directive:
        own = (val(effect.reported, ctx) or 0.0, val(effect.actual, ctx) or 0.0, val(effect.quota, ctx) or 0.0)
    progress = [(i, val(r, ctx) or 0.0, val(a, ctx) or 0.0, val(q, ctx) or 0.0) for i, r, a, q in effect.progress]
    return changes, own, progress


def _change_ledger(rules: Rules, state: GameState, target: int, reported: float, actual: float, quota: float,
                   ledgers: list[tuple] | None) -> None:
    """Change an open directive's ledgers and quota: ledgers stay within 0..quota, the quota is at least 1.
    The changes actually made are recorded in `ledgers` unless it is None."""
    current = state.items[target]
    if current.status != OPEN:
        return
    new_quota = min(LIMIT, max(1.0, current.quota + quota))  # bounded, like every computed value
    new_rep = min(new_quota, max(0.0, current.reported + reported))
    new_act = min(new_quota, max(0.0, current.actual + actual))
    state.items[target] = current.with_ledgers(new_quota, new_rep, new_act)
    if ledgers is not None:
        ledgers.append((rules.item_ids[target], new_rep - current.reported, new_act - current.actual,
                        new_quota - current.quota))


def check_thresholds(rules: Rules, state: GameState, out: list[Happening]) -> None:
    """End the game if a meter reached a range end that ends it (highest-priority ending wins)."""
    if state.ended:
        return
    meters, ending = state.meters, ""
    for index, bound, is_min, reached in rules.thresholds:  # the first of the highest priority wins
        if (meters[index] <= bound if is_min else meters[index] >= bound) and (
                not ending or rules.ending_by_id[reached].priority > rules.ending_by_id[ending].priority):
            ending = reached
    if ending:
        state.ended, state.end_reason = ending, "threshold"
        out.append(Happening("ended", state.week, ending, {"reason": "threshold"}))
