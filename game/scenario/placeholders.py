"""`{{expression}}` placeholders in debrief texts: found once, checked at load, filled from the final state.

Endings, reflections and questions may quote the game's own numbers ("{{chances_then('feedback')}} of
{{chances('feedback')}} answered", "your {{weeks_played()}} weeks"). Double braces, as in most template languages, so
a single brace in ordinary text (or a translator's "{note}") stays text. Each placeholder is an ordinary
game expression, so a typo gets the same file:line:column error as a `when:`.
"""

from __future__ import annotations

import re
from typing import Callable, Iterator

_TOKEN = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)


def placeholders(text: str) -> Iterator[str]:
    """The expressions inside `{{...}}` in a text, in order."""
    for match in _TOKEN.finditer(text):
        yield match.group(1).strip()


_SINGLE = re.compile(r"(?<!\{)\{([^{}]+)\}(?!\})")


def single_braced(text: str) -> Iterator[str]:
    """What sits in single braces outside placeholders (`{turn}`: probably a placeholder missing a brace)."""
    for match in _SINGLE.finditer(_TOKEN.sub("", text)):
        yield match.group(1).strip()


def fill(text: str, value_of: Callable[[str], object]) -> str:
    """The text with each `{{expression}}` replaced by its value (numbers rounded to whole numbers unless
    they have a fraction worth showing)."""
    return _TOKEN.sub(lambda match: show(value_of(match.group(1).strip())), text)


def generic(text: str, mark: str = "…") -> str:
    """The text for no game in particular (a facilitator's guide): each placeholder shown as `mark`."""
    return _TOKEN.sub(mark, text)


def show(value: object) -> str:
    """A placeholder's value as a player reads it: 7, 0.5, never 7.0 or 0.3333333."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (int, float)):
        rounded = round(float(value), 1)
        return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"
    return str(value)
