"""Content text as the workshop's handouts, guide and report print it."""

from __future__ import annotations

from game.scenario.models import Text
from game.scenario.text import localize


def one_line(value: Text | None, lang: str) -> str:
    """A content text in `lang` on one line: line breaks and runs of spaces become single spaces
    ("" for no text)."""
    return " ".join(localize(value, lang).split())
