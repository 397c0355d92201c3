"""Visuals stacked top to bottom, each optionally indented: option prompts whose wrapped lines keep
their indentation (an approach's effects line up under its label)."""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Spacing
from textual.strip import Strip
from textual.style import Style
from textual.visual import Padding, RenderOptions, Visual


class Stack(Visual):
    """Several visuals one below the other."""

    def __init__(self, *visuals: Visual) -> None:
        self._visuals = visuals

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        strips: list[Strip] = []
        for visual in self._visuals:
            strips.extend(visual.render_strips(width, None, style, options))
        return strips[:height] if height is not None else strips

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max((v.get_optimal_width(rules, container_width) for v in self._visuals), default=0)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return sum(v.get_height(rules, width) for v in self._visuals)


def indented(content: Content, left: int) -> Visual:
    """Content whose every line, wrapped ones included, starts `left` cells in."""
    return Padding(content, Spacing(0, 0, 0, left))
