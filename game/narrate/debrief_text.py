"""Debrief texts for one finished game: the wording whose `when` holds, with `{expression}` placeholders
filled from the game's own numbers, and discussion questions filtered by what the player met and did."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Any, Callable

from game.engine.context import Ctx
from game.scenario.placeholders import fill
from game.scenario.text import localize

if TYPE_CHECKING:
    from game.engine import GameState, Rules

_COMPILED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _compiled(rules: Rules, expression: str) -> Callable:
    cache = _COMPILED.setdefault(rules, {})
    if expression not in cache:
        cache[expression] = rules.expr(expression, "game")
    return cache[expression]


def holds(rules: Rules, state: GameState, expression: str | None) -> bool:
    """Whether a `when` holds on this state (no condition: it holds)."""
    return expression is None or bool(_compiled(rules, expression)(Ctx(rules, state)))


def words(rules: Rules, state: GameState, text: Any, lang: str) -> str:
    """A content text in `lang` with its placeholders filled from `state`."""
    ctx = Ctx(rules, state)
    return fill(localize(text, lang), lambda expression: _compiled(rules, expression)(ctx))


def chosen(rules: Rules, state: GameState, model: Any) -> Any:
    """The first variant of a model whose `when` holds, or the model itself."""
    for variant in getattr(model, "variants", ()) or ():
        if holds(rules, state, variant.when):
            return variant
    return model


def ending_words(rules: Rules, state: GameState, ending_id: str, lang: str) -> tuple[str, str]:
    """(text, debrief) of an ending as this game reached it."""
    ending = rules.ending_by_id.get(ending_id)
    if ending is None:
        return "", ""
    variant = chosen(rules, state, ending)
    debrief = getattr(variant, "debrief", None) or ending.debrief
    return words(rules, state, variant.text, lang), words(rules, state, debrief, lang) if debrief else ""


def reflection_words(rules: Rules, state: GameState, reflection: Any, lang: str) -> str:
    """A reflection's text as this game earned it."""
    return words(rules, state, chosen(rules, state, reflection).text, lang)


def questions(rules: Rules, state: GameState, lang: str) -> list[tuple[str, str]]:
    """(stage, text) of the discussion questions that apply to this game, in content order."""
    return [(q.stage, words(rules, state, chosen(rules, state, q).text, lang))
            for q in rules.scenario.debrief.questions if holds(rules, state, q.when)]
