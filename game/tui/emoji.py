"""Emoji sequences made safe for a terminal's grid: the frame of the screen never shifts.

Terminals disagree with each other, and with Rich's width table, on sequences built from several code
points: an emoji with VS16 (❤️ drawn 2 cells, counted 1), ZWJ families (👨‍👩‍👧 drawn 2, counted 6), keycaps
(1️⃣), flags (🇨🇳, a pair of regional indicators) and skin-tone modifiers. For display each becomes what
every terminal draws at the width Rich counts: the selectors, joiners, keycap marks, modifiers and tags
are dropped (the pictographs stay, one by one) and a flag becomes its two-letter region code ("CN").
Text without such code points is returned as it is (the common case costs one regex search)."""

from __future__ import annotations

import re

from textual.content import Content, Span

_INVISIBLE = "\ufe0e\ufe0f\u200d\u20e3"  # variation selectors 15/16, zero-width joiner, combining keycap
_MODIFIERS = "\U0001f3fb-\U0001f3ff"  # skin tones
_TAGS = "\U000e0020-\U000e007f"  # tag characters (subdivision flags)
_REGIONAL = "\U0001f1e6-\U0001f1ff"
SEQUENCE_PARTS = re.compile(f"[{_INVISIBLE}{_MODIFIERS}{_TAGS}]|[{_REGIONAL}]{{1,2}}")


def _replacement(part: str) -> str:
    if "\U0001f1e6" <= part[0] <= "\U0001f1ff":
        return "".join(chr(ord("A") + ord(char) - 0x1F1E6) for char in part)
    return ""


def display_text(text: str) -> str:
    """The text with emoji sequences flattened (see the module's docstring)."""
    return SEQUENCE_PARTS.sub(lambda m: _replacement(m.group()), text) if SEQUENCE_PARTS.search(text) else text


def display_content(content: Content) -> Content:
    """The same for styled content: each replaced part keeps the styles it had."""
    plain = content.plain
    matches = list(SEQUENCE_PARTS.finditer(plain))
    if not matches:
        return content
    pieces: list[Content] = []
    position = 0
    for match in matches:
        pieces.append(content[position:match.start()])
        part = content[match.start():match.end()]
        new = _replacement(match.group())
        pieces.append(Content(new, [Span(0, len(new), span.style) for span in part.spans] if new else None))
        position = match.end()
    pieces.append(content[position:])
    return Content("").join(pieces)
