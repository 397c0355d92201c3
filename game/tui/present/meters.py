"""Meter rows for the week screen and the debrief: value, range, trend and how close to an end."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.scenario.text import localize

if TYPE_CHECKING:
    from game.engine import GameState, Rules

# Share of a meter's range from a game-ending end at which the row is coloured.
WARN_AT, DANGER_AT = 0.30, 0.15


@dataclass(frozen=True)
class MeterView:
    """One meter as the player sees it."""

    id: str
    label: str
    short: str
    value: float
    low: float
    high: float
    trend: tuple[float, ...]
    change: float  # since the end of last week
    level: str  # "", "warn" or "danger": how close the meter is to a range end that ends the game
    hidden: bool
    good_high: bool


def danger_level(value: float, low: float, high: float, ends_low: bool, ends_high: bool) -> str:
    """How near a game-ending range end the value is (presentation only: the engine decides endings)."""
    span = (high - low) or 1.0
    distances = ([(value - low) / span] if ends_low else []) + ([(high - value) / span] if ends_high else [])
    nearest = min(distances, default=1.0)
    return "danger" if nearest <= DANGER_AT else "warn" if nearest <= WARN_AT else ""


def meter_views(rules: Rules, state: GameState, lang: str, reveal: bool = False) -> list[MeterView]:
    """The meters in scenario order; hidden ones only when `reveal` (the debrief)."""
    views = []
    for index, meter in enumerate(rules.scenario.meters):
        if meter.hidden and not reveal:
            continue
        value = state.meters[index]
        history = tuple(row[index] for row in state.history)
        trend = history if state.ended else history + (value,)
        views.append(MeterView(
            id=meter.id, label=localize(meter.label, lang), short=localize(meter.short or meter.label, lang),
            value=value, low=rules.lows[index], high=rules.highs[index], trend=trend,
            change=value - history[-1] if not state.ended and history else 0.0,
            level=danger_level(value, rules.lows[index], rules.highs[index],
                               rules.end_min[index] is not None, rules.end_max[index] is not None),
            hidden=meter.hidden, good_high=meter.good == "high",
        ))
    return views
