"""Option prompts of several lines, each indented, whose wrapped lines keep their indentation (an
approach's effects line up under its label)."""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Spacing
from textual.strip import Strip
from textual.style import Style
from textual.visual import Padding, RenderOptions, Visual


class Stack(Visual):
    """Lines of Content one below the other, each with its own left indent."""

    def __init__(self, *lines: tuple[Content, int]) -> None:
        self.lines = lines
        self._visuals = [Padding(content, Spacing(0, 0, 0, indent)) if indent else content
                         for content, indent in lines]

    @property
    def plain(self) -> str:
        """The text without styles (for tests and accessibility)."""
        return "\n".join(content.plain for content, _ in self.lines)

    def __str__(self) -> str:
        return self.plain

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        strips: list[Strip] = []
        for visual in self._visuals:
            strips.extend(visual.render_strips(width, None, style, options))
        return strips[:height] if height is not None else strips

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max((v.get_optimal_width(rules, container_width) for v in self._visuals), default=0)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return sum(v.get_height(rules, width) for v in self._visuals)
