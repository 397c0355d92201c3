"""Strategies that play the game through the public engine API, reading only content tags (kinds,
weights, deadlines, which direction of a meter is good) - never scenario ids."""

from __future__ import annotations

import random
from typing import Callable

from game.engine import END_WEEK, Decision, GameState, Rules
from game.engine.compile import CAction

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
        for action in rules.actions:
            value = 0.0
            for meter, delta in action.effect.meters:
                if not callable(delta):
                    value += sign.get(rules.meter_ids[meter], 0.0) * delta
            index = action.index
            self.meter_value[index] = value
            self.reported[index] = _const(action.effect.reported)
            self.actual[index] = _const(action.effect.actual)
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


def appraisal(rules: Rules) -> Appraisal:
    """The appraisal for these rules (computed once, kept with the Rules object)."""
    found = rules.derived.get("appraisal")
    if found is None:
        found = rules.derived["appraisal"] = Appraisal(rules)
    return found


def _actions(rules: Rules, legal: list[Decision]) -> list[tuple[Decision, CAction]]:
    lookup = rules.by_decision
    return [(d, action) for d in legal if (action := lookup.get(d)) is not None]


def _first_of_kinds(pairs: list[tuple[Decision, CAction]], kinds: tuple[str, ...]) -> Decision | None:
    for kind in kinds:
        for decision, action in pairs:
            if action.kind == kind:
                return decision
    return None


def random_bot(rules: Rules, state: GameState, legal: list[Decision], rng: random.Random) -> Decision:
    """Explores: any legal decision, ending the week only now and then."""
    if len(legal) > 1 and legal[-1] is END_WEEK and rng.random() > 0.2:
        return legal[rng.randrange(len(legal) - 1)]
    return legal[rng.randrange(len(legal))]


def _urgency(rules: Rules, state: GameState, action: CAction) -> float:
    if action.owner < 0:
        return 1.0
    value, item = appraisal(rules), state.items[action.owner]
    if value.is_directive[action.owner]:
        return value.directive_factor[action.owner] / (1.0 + max(0, item.deadline - state.week))
    return value.request_factor[action.owner] + item.age


def _prefer(kinds: tuple[str, ...], skip_requests: bool = False) -> Bot:
    def bot(rules: Rules, state: GameState, legal: list[Decision], rng: random.Random) -> Decision:
        pairs = _actions(rules, legal)
        if state.pending:
            return _first_of_kinds(pairs, kinds) or _best(rules, state, pairs, 0.5) or legal[0]
        wanted = [(d, a) for d, a in pairs if a.kind == kinds[0]
                  and not (skip_requests and not rules.items[a.owner].is_directive)]
        if not wanted:
            return END_WEEK
        return max(wanted, key=lambda pair: _urgency(rules, state, pair[1]))[0]

    return bot


def _best(rules: Rules, state: GameState, pairs: list[tuple[Decision, CAction]], upward: float) -> Decision | None:
    """Greedy on a mix of upward (reported, meters) and downward (actual, meters) value per hour."""
    if not pairs:
        return None
    value = appraisal(rules)
    items, week, downward = state.items, state.week, 1 - upward
    # the appraisal's tables as locals, and min/max as comparisons: this loop runs for every decision
    reported, actual, factor, is_directive = value.reported, value.actual, value.directive_factor, value.is_directive
    best, best_score = None, 0.0
    for decision, action in pairs:
        index, owner = action.index, action.owner
        score = value.meter_value[index]
        if owner >= 0:
            item = items[owner]
            if is_directive[owner]:
                quota = item.quota or 1.0
                room_up, room_down = item.quota - item.reported, item.quota - item.actual
                gain_up = (room_up if room_up < reported[index] else reported[index]) / quota
                gain_down = (room_down if room_down < actual[index] else actual[index]) / quota
                weeks_left = item.deadline - week
                urgency = factor[owner] / (1.0 + (weeks_left if weeks_left > 0 else 0))
                score += 10.0 * urgency * (upward * gain_up + downward * gain_down)
            else:
                score += downward * (value.request_base[index] + item.age)
        score = score / value.divisor[index] - value.penalty[index]
        if best is None or score > best_score:
            best, best_score = decision, score
    return best if state.pending or best_score > 0 else None


def balanced_bot(rules: Rules, state: GameState, legal: list[Decision], rng: random.Random) -> Decision:
    """Greedy on an even mix of what upward and downward see."""
    return _best(rules, state, _actions(rules, legal), 0.5) or (legal[0] if state.pending else END_WEEK)


def reform_bot(rules: Rules, state: GameState, legal: list[Decision], rng: random.Random) -> Decision:
    """Takes reform and feedback openings when offered, otherwise plays balanced."""
    pairs = _actions(rules, legal)
    choice = _first_of_kinds(pairs, ("reform", "feedback"))
    if choice is not None and (state.pending or state.took.get(rules.by_decision[choice].ref, 0) < 1):
        return choice
    return _best(rules, state, pairs, 0.5) or (legal[0] if state.pending else END_WEEK)


BOTS: dict[str, Bot] = {
    "random": random_bot,
    "trace": _prefer(("trace", "set_aside", "delegate", "other")),
    "service": _prefer(("service", "feedback", "other")),
    "balanced": balanced_bot,
    "reform": reform_bot,
}
