"""A horizontal level bar: full blocks in the fill colour, then coloured spaces.

The filled part is drawn with a glyph (not only a background colour), so the bar reads in a monochrome
terminal, a `tmux capture-pane`, a text export or a screen reader as well as in colour."""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content
from textual.style import Style
from textual.reactive import reactive
from textual.widget import Widget


FULL = "█"


class LevelBar(Widget):
    """Shows where a value sits in a range; colours come from the stylesheet's component classes."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"level-bar--fill", "level-bar--empty"}
    DEFAULT_CSS = """
    LevelBar { height: 1; width: 1fr; min-width: 4; }
    """

    value: reactive[float] = reactive(0.0)
    """The value shown."""
    low: reactive[float] = reactive(0.0)
    """The bottom of the range."""
    high: reactive[float] = reactive(100.0)
    """The top of the range."""

    def set_level(self, value: float, low: float, high: float) -> None:
        """Set the value and range at once."""
        self.low, self.high, self.value = low, high, value

    def render(self) -> Content:
        width = self.content_size.width
        span = (self.high - self.low) or 1.0
        share = min(1.0, max(0.0, (self.value - self.low) / span))
        filled = round(share * width)
        if share > 0 and filled == 0:
            filled = 1
        fill = self.get_visual_style("level-bar--fill")
        empty = self.get_visual_style("level-bar--empty")
        solid = fill + Style(foreground=fill.background)  # a block as wide as the cell, in the fill colour
        return Content.assemble((FULL * filled, solid), (" " * (width - filled), empty))
