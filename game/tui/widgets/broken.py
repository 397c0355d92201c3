"""Text that wraps by the rules of Chinese line breaking (see game.tui.linebreak), drawn by Textual.

Textual wraps at spaces and cuts Chinese anywhere, so a line could start with "，" or cut "2.5小时".
`LineBroken` decides the lines itself, then hands Textual text that already fits: alignment, styles,
ellipsis and `text-wrap: nowrap` work as before."""

from __future__ import annotations

from unicodedata import east_asian_width

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from game.tui.emoji import display_content
from game.tui.linebreak import wrap_offsets


def has_wide_text(text: str) -> bool:
    """Whether the text holds Chinese (or other East Asian wide) characters."""
    return any(ord(char) >= 0x2E80 and east_asian_width(char) in "WF" for char in text)


def needs_our_breaks(text: str) -> bool:
    """Chinese text, or text with numbers ("Actual 0" keeps its number, in English too); other text wraps
    as Textual wraps it (at spaces), which already keeps words whole."""
    return has_wide_text(text) or any(char.isdigit() for char in text)


def broken_lines(content: Content, width: int) -> Content:
    """The content with a line break wherever it must wrap to fit `width` cells."""
    if not needs_our_breaks(content.plain):
        return content
    lines: list[Content] = []
    for line in content.split(allow_blank=True):
        cuts = wrap_offsets(line.plain, width)
        if not cuts:
            lines.append(line)
            continue
        pieces = line.divide(cuts)
        lines += [piece.rstrip() for piece in pieces[:-1]] + [pieces[-1]]
    return Content("\n").join(lines)


class LineBroken(Visual):
    """A Content whose lines break at allowed places only (cached for the last width); emoji sequences are
    flattened first, so that no terminal draws the text wider than it was measured."""

    def __init__(self, content: Content) -> None:
        self.source = content
        self.content = display_content(content)
        self._cache: tuple[int, Content] | None = None

    def __str__(self) -> str:
        return self.content.plain

    def _at(self, width: int, rules: RulesMap) -> Content:
        if rules.get("text_wrap", "wrap") == "nowrap" or width <= 0:
            return self.content
        width -= rules.get("line_pad", 0) * 2
        if self._cache is None or self._cache[0] != width:
            self._cache = (width, broken_lines(self.content, width))
        return self._cache[1]

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return self._at(width, options.rules).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        if width <= 0:
            return 0  # Textual 8.2.8's Content raises at width 0
        return self._at(width, rules).get_height(rules, width)
