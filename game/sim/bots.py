"""Bots that play the game through the public engine API, reading only content tags (kinds, weights,
deadlines, which direction of a meter is good) and, for a strategy's per-item overrides, the ids its file
names. Strategies are data (game/sim/strategy.py); this module turns one into a bot."""

from __future__ import annotations

import random
from typing import Any, Callable

from game.engine import END_WEEK, Decision, GameState, Rules
from game.engine.compile import CAction
from game.engine.context import Ctx
from game.sim.strategy import Strategy, shipped

Bot = Callable[[Rules, GameState, list[Decision], random.Random], Decision]


class Appraisal:
    """Static, foreseeable value of each action for one scenario (computed once per Rules).

    Lists are indexed by action index (or, for `directive_factor`, by item index)."""

    def __init__(self, rules: Rules) -> None:
        sign = {m.id: (1.0 if m.good == "high" else -1.0) for m in rules.scenario.meters if not m.hidden}
        urgency = {"high": 3.0, "medium": 2.0, "low": 1.5}
        count = len(rules.actions)
        self.meter_value = [0.0] * count
        self.reported = [0.0] * count
        self.actual = [0.0] * count
        self.divisor = [1.0] * count
        self.penalty = [0.0] * count
        self.request_base = [0.0] * count
        self.dynamic: set[int] = set()
        for action in rules.actions:
            value = 0.0
            for meter, delta in action.effect.meters:
                if not callable(delta):
                    value += sign.get(rules.meter_ids[meter], 0.0) * delta
            index = action.index
            self.meter_value[index] = value
            self.reported[index] = _const(action.effect.reported)
            self.actual[index] = _const(action.effect.actual)
            if callable(action.effect.reported) or callable(action.effect.actual):
                self.dynamic.add(index)  # ledger progress computed from the state: evaluated when deciding
            hours = action.hours if not callable(action.hours) else 4.0
            self.divisor[index] = 1.0 + hours / 8.0
            self.penalty[index] = 1.0 if action.crosses_line else 0.0
            if action.owner >= 0 and not rules.items[action.owner].is_directive:
                base = urgency.get(rules.items[action.owner].model.urgency, 2.0)
                self.request_base[index] = base * (2.0 if action.kind == "service" else 0.5)
        self.is_directive = [item.is_directive for item in rules.items]
        # how much a directive's deadline matters, before dividing by the weeks left
        self.directive_factor = [(1.0 + item.weight / 5.0) * (3.0 if item.veto else 1.0) for item in rules.items]
        # how much a request matters, before adding the weeks it has waited
        self.request_factor = [0.0 if item.is_directive else 1.0 + {"high": 2.0, "medium": 1.0, "low": 0.5}.get(
            item.model.urgency, 1.0) for item in rules.items]


def _const(value: object) -> float:
    return float(value) if isinstance(value, (int, float)) else 0.0


def _number(value: Any, ctx: Ctx) -> float:
    """A compiled ledger value now: a constant, a closure evaluated in ctx, or 0 when absent."""
    if value is None:
        return 0.0
    return float(value(ctx)) if callable(value) else float(value)


def appraisal(rules: Rules) -> Appraisal:
    """The appraisal for these rules (computed once, kept with the Rules object)."""
    found = rules.derived.get("appraisal")
    if found is None:
        found = rules.derived["appraisal"] = Appraisal(rules)
    return found


def _actions(rules: Rules, legal: list[Decision]) -> list[tuple[Decision, CAction]]:
    lookup = rules.by_decision
    return [(d, action) for d in legal if (action := lookup.get(d)) is not None]


def below(rng: random.Random, n: int) -> int:
    """`rng.randrange(n)` for n >= 1: the same number, drawn the way CPython's `random.Random` draws it
    (bits of n's length until one is below n), without the argument checks `randrange` makes in Python
    code: a few percent of a random game (tests/sim/test_bots.py checks it against `randrange`)."""
    bits = n.bit_length()
    found = rng.getrandbits(bits)
    while found >= n:
        found = rng.getrandbits(bits)
    return found


def random_bot(rules: Rules, state: GameState, legal: list[Decision], rng: random.Random) -> Decision:
    """Explores: any legal decision, ending the week only now and then."""
    if len(legal) > 1 and legal[-1] is END_WEEK and rng.random() > 0.2:
        return legal[below(rng, len(legal) - 1)]
    return legal[below(rng, len(legal))]


def _urgency(rules: Rules, state: GameState, action: CAction) -> float:
    if action.owner < 0:
        return 1.0
    value, item = appraisal(rules), state.items[action.owner]
    if value.is_directive[action.owner]:
        return value.directive_factor[action.owner] / (1.0 + max(0, item.deadline - state.week))
    return value.request_factor[action.owner] + item.age


def _best(rules: Rules, state: GameState, pairs: list[tuple[Decision, CAction]], upward: float) -> Decision | None:
    """Greedy on a mix of upward (reported, meters) and downward (actual, meters) value per hour."""
    if not pairs:
        return None
    value = appraisal(rules)
    items, week, downward = state.items, state.week, 1 - upward
    # the appraisal's tables as locals, and min/max as comparisons: this loop runs for every decision
    reported, actual, factor, is_directive = value.reported, value.actual, value.directive_factor, value.is_directive
    dynamic = value.dynamic
    best, best_score = None, 0.0
    for decision, action in pairs:
        index, owner = action.index, action.owner
        score = value.meter_value[index]
        if owner >= 0:
            item = items[owner]
            if is_directive[owner]:
                quota = item.quota or 1.0
                room_up, room_down = item.quota - item.reported, item.quota - item.actual
                up, down = reported[index], actual[index]
                if index in dynamic:
                    ctx = Ctx(rules, state, owner)
                    up, down = _number(action.effect.reported, ctx), _number(action.effect.actual, ctx)
                gain_up = (room_up if room_up < up else up) / quota
                gain_down = (room_down if room_down < down else down) / quota
                weeks_left = item.deadline - week
                urgency = factor[owner] / (1.0 + (weeks_left if weeks_left > 0 else 0))
                score += 10.0 * urgency * (upward * gain_up + downward * gain_down)
            else:
                score += downward * (value.request_base[index] + item.age)
        score = score / value.divisor[index] - value.penalty[index]
        if best is None or score > best_score:
            best, best_score = decision, score
    return best if state.pending or best_score > 0 else None


class _Orders:
    """A strategy's preference orders resolved against one scenario: per action, its rank (or None)."""

    def __init__(self, rules: Rules, strategy: Strategy) -> None:
        self.rank: list[int | None] = []
        for action in rules.actions:
            if action.event >= 0:
                owner_id, general = rules.events[action.event].id, strategy.events
            else:
                rule = rules.items[action.owner]
                owner_id, general = rule.id, strategy.directives if rule.is_directive else strategy.requests
            order = strategy.overrides.get(owner_id, general)
            kinds = [k.value for k in order]
            self.rank.append(kinds.index(action.kind) if action.kind in kinds else None)
        self.once = [k.value for k in strategy.once_first]


def _orders(rules: Rules, strategy: Strategy) -> _Orders:
    key = ("orders", strategy.id, id(strategy))
    found = rules.derived.get(key)
    if found is None:
        found = rules.derived[key] = _Orders(rules, strategy)
    return found


def make_bot(strategy: Strategy) -> Bot:
    """The bot that plays a strategy (see game/sim/strategy.py for what its fields mean)."""
    if strategy.mode == "random":
        return random_bot
    upward, greedy_fallback = strategy.upward, strategy.fallback == "greedy" or strategy.mode == "greedy"

    def bot(rules: Rules, state: GameState, legal: list[Decision], rng: random.Random) -> Decision:
        orders = _orders(rules, strategy)
        pairs = _actions(rules, legal)
        for kind in orders.once:  # kinds taken once first (a card's choice of that kind is always taken)
            fresh = [(d, a) for d, a in pairs if a.kind == kind and (state.pending or state.took.get(a.ref, 0) < 1)]
            if fresh:
                return max(fresh, key=lambda pair: _urgency(rules, state, pair[1]))[0]
        if strategy.mode == "prefer":
            ranked = [(rank, d, a) for d, a in pairs if (rank := orders.rank[a.index]) is not None]
            if ranked and state.pending:
                return min(ranked, key=lambda t: t[0])[1]
            if ranked:
                best_rank: dict[int, int] = {}
                for rank, _, action in ranked:  # each item is worked with its most preferred legal kind
                    if rank < best_rank.get(action.owner, 1 << 30):
                        best_rank[action.owner] = rank
                wanted = [(d, a) for rank, d, a in ranked if rank == best_rank[a.owner]]
                return max(wanted, key=lambda pair: _urgency(rules, state, pair[1]))[0]
            if not state.pending and not greedy_fallback:
                return END_WEEK
        return _best(rules, state, pairs, upward) or (legal[0] if state.pending else END_WEEK)

    return bot


def _bots() -> dict[str, Bot]:
    return {name: make_bot(strategy) for name, strategy in shipped().items()}


BOTS: dict[str, Bot] = _bots()
"""The shipped strategies' bots, by id (the five built-in bots first, then the probes)."""
