"""Counterfactual replay (issue 12): the same game, the same seed, one decision changed at week N.

The branch replays the logged decisions up to week N, makes the changed decision there, then carries on with
the rest of the log: a logged decision the branch no longer allows is skipped, and a card the original game
never met is answered with its first open choice. When the log runs out before the game ends, the weeks are
ended with nothing more done (cards answered the same way). Same engine, same determinism: the same branch
always gives the same game. Card draws do not depend on earlier choices (game.engine.draws), so the branch
meets the original's cards wherever its state allows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine import END_WEEK, Decision, GameState, Outcome, Rules, apply, legal, new_game, outcome


class BranchError(ValueError):
    """A branch that cannot be made: a bad WEEK:TARGET.OPTION, a week the game never reached, an option that
    does not exist or is not open then."""


@dataclass(frozen=True)
class Branch:
    """At `week`, decide `decision` instead of `replace` (the first time that week it was logged), or, with no
    `replace`, instead of the first logged decision on the same card or item."""

    week: int
    decision: Decision
    replace: Decision | None = None

    @staticmethod
    def parse(text: str, rules: Rules) -> "Branch":
        """From `WEEK:TARGET.OPTION`, e.g. `3:liaison_hint.refuse` (an event card's choice, or a directive's or
        request's approach); raises BranchError with the reason."""
        week_text, sep, ref = text.partition(":")
        target, dot, option = ref.partition(".")
        if not sep or not dot or not week_text.strip().isdigit() or not target or not option:
            raise BranchError(f"--branch {text!r}: write WEEK:CARD.CHOICE or WEEK:TASK.APPROACH, e.g. 3:liaison_hint.refuse")
        if target in rules.event_index:
            decision = Decision("choose", target, option)
        elif target in rules.item_index:
            decision = Decision("act", target, option)
        else:
            raise BranchError(f"--branch {text!r}: no card, directive or request '{target}' in this scenario")
        if rules.action_of(decision) is None:
            owner = rules.events[rules.event_index[target]].choices if decision.kind == "choose" else \
                rules.items[rules.item_index[target]].actions
            raise BranchError(f"--branch {text!r}: '{target}' has no choice or approach '{option}' "
                              f"(it has {', '.join(a.id for a in owner)})")
        return Branch(int(week_text), decision)


@dataclass
class BranchResult:
    """The original and the branched game, finished, with what differed."""

    original: GameState
    branched: GameState
    branch: Branch
    replaced: Decision | None  # the logged decision the branch replaced (None: it was added)
    skipped: list[Decision] = field(default_factory=list)  # logged decisions the branch no longer allowed
    answered: list[Decision] = field(default_factory=list)  # cards the original never met, answered here

    def outcomes(self, rules: Rules) -> tuple[Outcome, Outcome]:
        return outcome(rules, self.original), outcome(rules, self.branched)


def _play(rules: Rules, seed: int, decisions: list[Decision]) -> GameState:
    state, _ = new_game(rules, seed)
    for decision in decisions:
        state, _ = apply(rules, state, decision, record=False)
    return state


def branch_game(rules: Rules, seed: int, decisions: list[Decision], branch: Branch) -> BranchResult:
    """Replay `decisions` on `seed` with the branch; raises BranchError if the branch is not open at its week."""
    original = _play(rules, seed, decisions)
    state, _ = new_game(rules, seed)
    position = 0
    while position < len(decisions) and state.week < branch.week and not state.ended:
        state, _ = apply(rules, state, decisions[position], record=False)
        position += 1
    if state.week != branch.week or state.ended:
        raise BranchError(f"the game never reached week {branch.week} with a decision to change")
    replaced = None
    for index in range(position, len(decisions)):
        logged = decisions[index]
        if logged == END_WEEK:  # only this week's decisions can be the one changed
            break
        same = logged == branch.replace if branch.replace is not None else (
            logged.kind == branch.decision.kind and logged.target == branch.decision.target)
        if same:
            replaced = logged
            break
    # replay the week up to the replaced decision (or, when adding one, up to the end of the week)
    result = BranchResult(original, state, branch, replaced)
    rest = list(decisions[position:])
    cut = rest.index(replaced) if replaced is not None else _end_of_week(rest)
    for logged in rest[:cut]:
        state = _try(rules, state, logged, result)
    if branch.decision not in legal(rules, state):
        raise BranchError(f"{branch.decision.target}.{branch.decision.option} is not open at week {branch.week} "
                          "(answer the card or choose an approach that was open then)")
    state, _ = apply(rules, state, branch.decision, record=False)
    for logged in rest[cut + (1 if replaced is not None else 0):]:
        if state.ended:
            break
        state = _try(rules, state, logged, result)
    guard = rules.weeks * 50
    while not state.ended and guard:
        state = _answer_cards(rules, state, result)
        if not state.ended:
            state, _ = apply(rules, state, END_WEEK, record=False)
        guard -= 1
    result.branched = state
    return result


def _end_of_week(rest: list[Decision]) -> int:
    return rest.index(END_WEEK) if END_WEEK in rest else len(rest)


def _answer_cards(rules: Rules, state: GameState, result: BranchResult) -> GameState:
    """Answer pending cards the log does not answer with their first open choice."""
    while state.pending and not state.ended:
        choice = next((d for d in legal(rules, state) if d.kind == "choose"), None)
        if choice is None:
            break
        state, _ = apply(rules, state, choice, record=False)
        result.answered.append(choice)
    return state


def _try(rules: Rules, state: GameState, logged: Decision, result: BranchResult) -> GameState:
    """Apply a logged decision if the branch allows it; otherwise skip it (answering cards in the way)."""
    if state.ended:
        return state
    allowed = legal(rules, state)
    if logged not in allowed and state.pending and logged.kind != "choose":
        state = _answer_cards(rules, state, result)
        allowed = legal(rules, state)
    if logged in allowed:
        state, _ = apply(rules, state, logged, record=False)
    else:
        result.skipped.append(logged)
    return state
