"""Helpers that force every outcome of every action, so each can be told and checked."""

from __future__ import annotations

import re
from pathlib import Path

from game.engine import Happening, Rules, new_game
from game.engine import actions as engine_actions
from game.engine.effects import apply_effect, arrive

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = {"lianhe-town": ROOT / "content" / "scenarios" / "lianhe-town",
             "hexi-street": ROOT / "content" / "scenarios" / "hexi-street",
             "mini-town": ROOT / "tests" / "fixtures" / "scenarios" / "mini-town"}

# What must never reach a player, whatever the content: verdicts, key names, doubled or dangling glue.
FORBIDDEN = [
    (re.compile(r"[。！？；：，、.;:,]\s*[。；;：:，,]"), "doubled punctuation"),
    (re.compile(r"\b(then|otherwise|success|won|lost)\s*[:：]"), "a key name"),
    (re.compile(r"It worked|It did not work|did not work\.|成功了。|没有成功。"), "a verdict instead of what happened"),
    (re.compile(r"[{}]"), "an unfilled placeholder"),
    (re.compile(r"\b[a-z]+(_[a-z0-9]+)+\b"), "an id"),
    (re.compile(r"\d\.\d{2,}"), "an unrounded number"),
    (re.compile(r"^\s*[:：;；,，.。]|[：:]\s*$"), "dangling punctuation"),
]


def faults(text: str) -> list[str]:
    """What is wrong with a player-facing text (empty when nothing)."""
    return [why for pattern, why in FORBIDDEN if pattern.search(text)]


def forced(rules: Rules, action, branch: str | None, monkeypatch) -> list[Happening]:
    """The happenings of taking `action` in a fresh game, with its chance (if any) forced to `branch`."""
    state, _ = new_game(rules, 1)
    state = state.clone()
    state.pending = []
    if action.owner >= 0:
        arrive(rules, state, action.owner, [])
    else:
        state.pending = [action.event]
    monkeypatch.setattr(engine_actions, "chance_holds", lambda _state, _chance: branch == "then")
    out: list[Happening] = []
    engine_actions._take(rules, state, action, 2.0, {}, out)
    return out


def later_effects(action) -> list[int]:
    """Indices (into rules.laters) of every delayed consequence an action may schedule, on any branch."""
    found = []
    for effect in (action.effect, action.then, action.otherwise):
        if effect is not None:
            found.extend(effect.later)
    return found


def delayed(rules: Rules, action, later: int) -> list[Happening]:
    """The happenings of one delayed consequence of `action` coming due (as start_week records them)."""
    state, _ = new_game(rules, 1)
    state = state.clone()
    if action.owner >= 0:
        arrive(rules, state, action.owner, [])
    out = [Happening("week_started", state.week), Happening("delayed", state.week, action.ref)]
    apply_effect(rules, state, rules.laters[later].effect, action.owner, out, action.ref)
    return out


def random_game(rules: Rules, seed: int, prefer: tuple[str, ...] = ()):
    """A whole game with random legal moves (ending weeks now and then), for property checks; actions of the
    `prefer` kinds are taken when there are any."""
    import random

    from game.engine import END_WEEK, apply, options

    state, _ = new_game(rules, seed)
    rnd = random.Random(seed)
    guard = rules.weeks * 60
    while not state.ended and guard:
        acts = [o for o in options(rules, state) if not o.locked and o.action is not None]
        acts = [o for o in acts if o.action.kind in prefer] or acts
        decision = rnd.choice(acts).decision if acts and (state.pending or rnd.random() < 0.85) else END_WEEK
        state, _ = apply(rules, state, decision, record=False)
        guard -= 1
    return state


def value(rules: Rules, state, expression: str):
    """An expression's value on a state (what a placeholder would show)."""
    from game.engine.context import Ctx

    return rules.expr(expression, "game")(Ctx(rules, state))
