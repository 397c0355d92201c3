"""The game's rules: a pure, deterministic engine over a compiled scenario.

Use: `rules = Rules(scenario)`; `state, happened = new_game(rules, seed)`; `options(rules, state)` /
`legal(rules, state)`; `state, happened = apply(rules, state, decision)`; `outcome(rules, state)`.
No clock, no I/O, no global state; all randomness comes from the state's own generator.
Imports neither Textual nor Rich.
"""

from game.engine.actions import IllegalDecision, Option, apply, legal, options
from game.engine.compile import Rules
from game.engine.game import Outcome, new_game, outcome, scores
from game.engine.state import END_WEEK, Decision, GameState, Happening, ItemState

__all__ = [
    "END_WEEK", "Decision", "GameState", "Happening", "IllegalDecision", "ItemState", "Option", "Outcome",
    "Rules", "apply", "legal", "new_game", "options", "outcome", "scores",
]
