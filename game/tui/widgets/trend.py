"""A one-line trend of a meter over the weeks, scaled to the meter's whole range (not to its own min/max)."""

from __future__ import annotations

from typing import ClassVar, Sequence

from textual.content import Content
from textual.widget import Widget

LEVELS = " ▁▂▃▄▅▆▇█"


def trend_text(values: Sequence[float], low: float, high: float, width: int) -> str:
    """The last `width` values as block levels (a level per value)."""
    span = (high - low) or 1.0
    shown = list(values)[-width:] if width > 0 else []
    return "".join(LEVELS[1 + round(min(1.0, max(0.0, (v - low) / span)) * (len(LEVELS) - 2))] for v in shown)


class TrendLine(Widget):
    """Where a meter was each week (oldest on the left)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"trend-line--line"}
    DEFAULT_CSS = """
    TrendLine { height: 1; width: 12; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.values: tuple[float, ...] = ()
        self.low, self.high = 0.0, 100.0

    def set_trend(self, values: Sequence[float], low: float, high: float) -> None:
        """Show these values in this range."""
        self.values, self.low, self.high = tuple(values), low, high
        self.refresh()

    def render(self) -> Content:
        text = trend_text(self.values, self.low, self.high, self.content_size.width)
        return Content.styled(text, self.get_visual_style("trend-line--line"))
