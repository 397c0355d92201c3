"""Which event cards come each week: a draw that player choices never move.

Chance rolls inside choices use the state's generator (`GameState.rng`); the weekly card draw does not. Each
card gets a priority from a number derived only from (seed, card id) - and the week, for cards that can come
again - so two players on one seed meet the same cards in the same order wherever their states allow, however
many rolls their choices made (issue 12: a class compares games played on one seed).

The priority is a weighted sampling key (Efraimidis-Spirakis: log(u) / weight, highest first), so over a game
a card with twice the weight still tends to come twice as early. A core card (`core: {from_week, by_week}`)
comes for certain inside its window if its `when` holds there: at a week picked from the seed inside the window,
or the first week after it where its condition holds. Core cards due take their slots first.
"""

from __future__ import annotations

import math
import zlib
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from game.engine.rng import GOLDEN, MASK, float_at, seed_state

if TYPE_CHECKING:
    from game.engine.compile import CEvent, Rules

_CORE = 0x636F7265  # a fixed salt for the core target week ("core")


def card_key(card_id: str) -> int:
    """A stable number for a card id (the same on every Python and machine)."""
    return zlib.crc32(card_id.encode("utf-8"))


def key_state(start: int, part: int) -> int:
    """The generator state two steps after mixing `part` into a seed's generator state `start` (its first
    number is never used; `float_at` gives the second)."""
    return (((start ^ (part & MASK)) & MASK) + 2 * GOLDEN) & MASK


@lru_cache(maxsize=4096)
def _after(seed: int, part: int) -> tuple[float, int]:
    """The number and generator state after mixing the first part into the seed's generator (a game asks
    for the same (seed, card) every week, so this step is remembered)."""
    state = key_state(seed_state(seed), part)
    return float_at(state), state


def unit(seed: int, *parts: int) -> float:
    """A number in (0, 1) that depends only on the seed and the parts."""
    if not parts:
        return 1e-300
    number, state = _after(seed, parts[0])
    for part in parts[1:]:
        state = key_state(state, part)
        number = float_at(state)
    return max(number, 1e-300)


def priority(seed: int, key: int, week: int, once: bool, weight: float) -> float:
    """The card's sampling key this week: higher comes first (weight > 0)."""
    if once:
        return math.log(unit(seed, key)) / weight
    return repeat_priority(_after(seed, key)[1], week, weight)


def repeat_priority(base: int, week: int, weight: float) -> float:
    """`priority` of a card that can come again, from its key's state (`_after(seed, key)[1]`, its base in
    `draw_plan`): log(unit(seed, key, week)) / weight, the same float."""
    return math.log(max(float_at(key_state(base, week)), 1e-300)) / weight


class DrawPlan(NamedTuple):
    """One game's draw tables (see `draw_plan`)."""

    general: list[tuple[CEvent, Any]]  # (card, base): core cards, cards that come again, expression weights
    once: list[tuple[float, int, CEvent]]  # (priority, index, card): once, constant weight > 0; highest first


_PLAN: list = [None, -1, None]  # the last (drawable list, seed, plan) asked for: one game's weeks share it


def draw_plan(rules: Rules, seed: int) -> DrawPlan:
    """What the weekly draw needs from the seed, per drawable card. A card that comes once, with a constant
    weight and no core window, has one priority for the whole game (log(u) / weight): those come sorted,
    highest first. Every other card comes with its base: log(u) for a card that comes once (priority = base
    / weight), the generator state after its key for one that can come again (see `repeat_priority`).
    Remembered for the last (rules, seed): every week of a game asks again."""
    drawable = rules.drawable
    if _PLAN[0] is drawable and _PLAN[1] == seed:
        return _PLAN[2]
    general: list[tuple[CEvent, Any]] = []
    once: list[tuple[float, int, CEvent]] = []
    start = seed_state(seed)
    for event in drawable:
        after = key_state(start, event.key)  # `_after(seed, key)[1]`
        if event.once:
            base: Any = math.log(max(float_at(after), 1e-300))  # log(unit(seed, key))
            if event.core is None and event.weight.__class__ is float:
                if event.weight > 0:
                    once.append((base / event.weight, event.index, event))
                continue
        else:
            base = after
        general.append((event, base))
    once.sort(reverse=True)  # (priority, index) are unique: the card itself is never compared
    plan = DrawPlan(general, once)
    _PLAN[:] = [drawable, seed, plan]
    return plan


def core_week(seed: int, key: int, window: tuple[int, int]) -> int:
    """The week in [from_week, by_week] at which a core card becomes due for this seed."""
    first, last = window
    return first + min(last - first, int(unit(seed, key, _CORE) * (last - first + 1)))
