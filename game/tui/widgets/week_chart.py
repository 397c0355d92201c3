"""A small column chart of one meter over the weeks, drawn with coloured spaces (width-safe everywhere)."""

from __future__ import annotations

from typing import ClassVar, Sequence

from textual.content import Content
from textual.widget import Widget


def column_levels(values: Sequence[float], low: float, high: float, rows: int) -> list[int]:
    """How many of `rows` cells each value fills (scaled to the meter's whole range)."""
    span = (high - low) or 1.0
    return [round(min(1.0, max(0.0, (v - low) / span)) * rows) for v in values]


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
        values = self.values[-max(1, width // 2):] if width else []
        column = max(1, min(4, width // max(1, len(values)) - 1))
        levels = column_levels(values, self.low, self.high, rows)
        fill = self.get_visual_style("week-chart--fill")
        empty = self.get_visual_style("week-chart--empty")
        lines = []
        for row in range(rows, 0, -1):
            parts: list = []
            for level in levels:
                parts += [(" " * column, fill if level >= row else empty), " "]
            lines.append(Content.assemble(*parts))
        return Content("\n").join(lines)
