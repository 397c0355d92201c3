"""Strategies that play the game through the public engine API, reading only content tags (kinds,
weights, deadlines, which direction of a meter is good) - never scenario ids."""

from __future__ import annotations

import random
from typing import Callable

from game.engine import END_WEEK, Decision, GameState, Rules
from game.engine.compile import CAction

Bot = Callable[[Rules, GameState, list[Decision], random.Random], Decision]


class Appraisal:
    """Static, foreseeable value of each action for one scenario (computed once per Rules)."""

    def __init__(self, rules: Rules) -> None:
        sign = {m.id: (1.0 if m.good == "high" else -1.0) for m in rules.scenario.meters if not m.hidden}
        self.meter_value: dict[int, float] = {}
        self.reported: dict[int, float] = {}
        self.actual: dict[int, float] = {}
        for action in rules.actions:
            value = 0.0
            for meter, delta in action.effect.meters:
                if not callable(delta):
                    value += sign.get(rules.meter_ids[meter], 0.0) * delta
            self.meter_value[action.index] = value
            self.reported[action.index] = _const(action.effect.reported)
            self.actual[action.index] = _const(action.effect.actual)


def _const(value: object) -> float:
    return float(value) if isinstance(value, (int, float)) else 0.0


_APPRAISALS: dict[int, Appraisal] = {}


def appraisal(rules: Rules) -> Appraisal:
    """The appraisal for these rules (kept per Rules object for the life of the process)."""
    found = _APPRAISALS.get(id(rules))
    if found is None:
        found = _APPRAISALS[id(rules)] = Appraisal(rules)
    return found


def _actions(rules: Rules, legal: list[Decision]) -> list[tuple[Decision, CAction]]:
    return [(d, a) for d in legal if d.kind != "end_week" and (a := rules.action_of(d)) is not None]


def _first_of_kinds(pairs: list[tuple[Decision, CAction]], kinds: tuple[str, ...]) -> Decision | None:
    for kind in kinds:
        for decision, action in pairs:
            if action.kind == kind:
                return decision
    return None


def random_bot(rules: Rules, state: GameState, legal: list[Decision], rng: random.Random) -> Decision:
    """Explores: any legal decision, ending the week only now and then."""
    if len(legal) > 1 and END_WEEK in legal and rng.random() > 0.2:
        return rng.choice([d for d in legal if d.kind != "end_week"])
    return rng.choice(legal)


def _urgency(rules: Rules, state: GameState, action: CAction) -> float:
    if action.owner < 0:
        return 1.0
    item, rule = state.items[action.owner], rules.items[action.owner]
    if rule.is_directive:
        weeks_left = max(0, item.deadline - state.week)
        return (1.0 + rule.weight / 5.0) * (3.0 if rule.veto else 1.0) / (1.0 + weeks_left)
    return 1.0 + {"high": 2.0, "medium": 1.0, "low": 0.5}.get(rule.model.urgency, 1.0) + item.age


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
    best, best_score = None, 0.0
    for decision, action in pairs:
        score = value.meter_value[action.index]
        if action.owner >= 0 and rules.items[action.owner].is_directive:
            item = state.items[action.owner]
            quota = item.quota or 1.0
            left_rep, left_act = item.quota - item.reported, item.quota - item.actual
            gain_up = min(value.reported[action.index], left_rep) / quota
            gain_down = min(value.actual[action.index], left_act) / quota
            score += 10.0 * _urgency(rules, state, action) * (upward * gain_up + (1 - upward) * gain_down)
        elif action.owner >= 0:
            score += (1 - upward) * _urgency(rules, state, action) * (2.0 if action.kind == "service" else 0.5)
        hours = action.hours if not callable(action.hours) else 4.0
        score /= 1.0 + hours / 8.0
        if action.crosses_line:
            score -= 1.0
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
    if choice is not None and (state.pending or state.took.get(rules.action_of(choice).ref, 0) < 1):
        return choice
    return balanced_bot(rules, state, legal, rng)


BOTS: dict[str, Bot] = {
    "random": random_bot,
    "trace": _prefer(("trace", "set_aside", "delegate", "other")),
    "service": _prefer(("service", "feedback", "other")),
    "balanced": balanced_bot,
    "reform": reform_bot,
}
