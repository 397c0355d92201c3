"""`Ctx`: what a content expression is evaluated in.

Content expressions become Python functions at run time (game.engine.pyexpr) and read this object's
attributes on every call: the state's meters, items and flags are bound here directly (one attribute
read instead of two). It stays an interpreted class with slots, in a module of its own that the optional
compiled build leaves out: CPython reads an interpreted class's slots fastest, while a compiled class's
attributes cost those functions a descriptor call each.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.engine.compile import Rules
    from game.engine.state import GameState, ItemState


class Ctx:
    """Evaluation context: the rules, the state (and its meters, items and flags, which a state never
    replaces, only changes), and the item or inspection score in focus (`item` -1: none)."""

    __slots__ = ("r", "s", "item", "score", "meters", "items", "flags")

    def __init__(self, rules: Rules, state: GameState, item: int = -1, score: float = 0.0) -> None:
        self.r, self.s, self.item, self.score = rules, state, item, score
        self.meters: list[float] = state.meters
        self.items: list[ItemState] = state.items
        self.flags: set[str] = state.flags
