"""A small column chart of one meter over the weeks, drawn with block glyphs in eighths of a cell.

The columns are glyphs (▁▂▃▄▅▆▇█), not only coloured spaces, so the chart reads in a monochrome terminal,
a `tmux capture-pane`, a text export or the browser as well as in colour."""

from __future__ import annotations

from typing import ClassVar, Sequence

from textual.content import Content
from textual.style import Style
from textual.widget import Widget

EIGHTHS = " ▁▂▃▄▅▆▇█"


def column_levels(values: Sequence[float], low: float, high: float, rows: int) -> list[int]:
    """How many of `rows` cells each value fills (scaled to the meter's whole range)."""
    return [round(level / 8) for level in column_eighths(values, low, high, rows)]


def column_eighths(values: Sequence[float], low: float, high: float, rows: int) -> list[int]:
    """How many eighths of `rows` cells each value fills (0 to 8 * rows); a value above the bottom shows."""
    span = (high - low) or 1.0
    shares = [min(1.0, max(0.0, (v - low) / span)) for v in values]
    return [max(1 if share > 0 else 0, round(share * rows * 8)) for share in shares]


def chart_lines(values: Sequence[float], low: float, high: float, rows: int, width: int) -> list[list[str]]:
    """Rows of column glyphs, top row first: the last values that fit `width`, one column each (with a gap)."""
    shown = list(values)[-max(1, (width + 1) // 2):] if width > 0 and rows > 0 else []
    column = max(1, min(4, (width + 1) // max(1, len(shown)) - 1)) if shown else 1
    eighths = column_eighths(shown, low, high, rows)
    return [[EIGHTHS[min(8, max(0, level - (row - 1) * 8))] * column for level in eighths]
            for row in range(rows, 0, -1)]


class WeekChart(Widget):
    """One column per week (the first is the start), scaled to the meter's range."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"week-chart--fill", "week-chart--empty"}
    DEFAULT_CSS = """
    WeekChart { height: 4; width: 1fr; }
    """

    def __init__(self, values: Sequence[float], low: float, high: float, *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self.values, self.low, self.high = list(values), low, high

    def render(self) -> Content:
        rows, width = self.content_size.height, self.content_size.width
        fill = self.get_visual_style("week-chart--fill")
        empty = self.get_visual_style("week-chart--empty")
        glyph = empty + Style(foreground=fill.background)  # the fill colour drawn as a block on the empty cell
        lines = []
        for cells in chart_lines(self.values, self.low, self.high, rows, width):
            parts: list = []
            for cell in cells:
                parts += [(cell, glyph), " "]
            lines.append(Content.assemble(*parts[:-1]))
        return Content("\n").join(lines)
