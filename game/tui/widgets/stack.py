"""Option prompts of several lines, each indented, whose wrapped lines keep their indentation (an
approach's effects line up under its label)."""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Spacing
from textual.strip import Strip
from textual.style import Style
from textual.visual import Padding, RenderOptions, Visual

from game.tui.widgets.broken import LineBroken


def fitted_indent(indent: int, width: int) -> int:
    """The indent that leaves at least one cell of text in `width` cells (none in a width of 0 or 1)."""
    return max(0, min(indent, width - 1))


class Stack(Visual):
    """Lines of Content one below the other, each with its own left indent.

    At any width, 0 and negative included (a terminal shrunk to a few columns), every line keeps at
    least one cell for text: the indent gives way, and nothing is asked to wrap into zero cells (Textual
    8.2.8's Content raises ValueError there)."""

    def __init__(self, *lines: tuple[Content, int]) -> None:
        self.lines = lines
        self._broken = [LineBroken(content) for content, _ in lines]

    @property
    def plain(self) -> str:
        """The text without styles (for tests and accessibility)."""
        return "\n".join(content.plain for content, _ in self.lines)

    def __str__(self) -> str:
        return self.plain

    def _visuals(self, width: int) -> list[Visual]:
        visuals: list[Visual] = []
        for (_, indent), content in zip(self.lines, self._broken):
            shift = fitted_indent(indent, width)
            visuals.append(Padding(content, Spacing(0, 0, 0, shift)) if shift else content)
        return visuals

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        if width <= 0:
            return []
        strips: list[Strip] = []
        for visual in self._visuals(width):
            strips.extend(visual.render_strips(width, None, style, options))
        return strips[:height] if height is not None else strips

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max((content.get_optimal_width(rules, container_width) + indent for content, indent in self.lines),
                   default=0)

    def get_height(self, rules: RulesMap, width: int) -> int:
        if width <= 0:
            return 0
        return sum(v.get_height(rules, width) for v in self._visuals(width))
