"""Every number content computes at play time is finite and bounded, whatever the expression does.

Expressions can overflow (`quota * 1e14` grown week after week), divide their way to huge values, or
meet text (`'a' if x else 1`); none of that may reach the state, a save or the screen. Values are
bounded where they leave an expression, so the engine never holds inf, NaN or text as a number.
"""

from __future__ import annotations

from typing import Any, Callable

LIMIT = 1e15  # the largest size of a number in content (yamlscalars.MAX_NUMBER)


def finite(value: Any) -> float:
    """`value` as a float within [-LIMIT, LIMIT]: NaN and anything not a number become 0."""
    kind = value.__class__
    if kind is not float:
        if kind is int or kind is bool:
            value = float(value)
        else:
            return 0.0
    if value != value:  # NaN
        return 0.0
    return LIMIT if value > LIMIT else -LIMIT if value < -LIMIT else value


def bounded(getter: Callable[[Any], Any]) -> Callable[[Any], float]:
    """A compiled expression whose results are always finite numbers (see `finite`)."""
    def value(ctx: Any) -> float:
        return finite(getter(ctx))

    return value


def safe_round(function: Callable[[float], Any]) -> Callable[[Any, Any], float]:
    """round/floor/ceil for expressions: on inf, NaN or text they give a bounded value instead of raising."""
    def apply(ctx: Any, x: Any) -> float:
        x = finite(x)
        return float(function(x))

    return apply


