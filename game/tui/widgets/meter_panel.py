"""The meters: one row each with label, value, level bar, change since last week and trend."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import HorizontalGroup, VerticalGroup
from textual.content import Content

from game.narrate.words import change as change_seen
from game.narrate.words import whole
from game.tui.present.meters import MeterView
from game.tui.widgets.level_bar import LevelBar
from game.tui.widgets.plain import Plain
from game.tui.widgets.trend import TrendLine


class MeterRow(HorizontalGroup):
    """One meter. CSS classes -warn / -danger say how near a game-ending end it is."""

    def __init__(self, view: MeterView) -> None:
        super().__init__(id=f"meter-{view.id}", classes="meter-row")
        self.view = view

    def compose(self) -> ComposeResult:
        yield Plain(classes="meter-label")
        yield Plain(classes="meter-value")
        yield LevelBar()
        yield Plain(classes="meter-change")
        yield TrendLine()

    def on_mount(self) -> None:
        self.show(self.view)

    def show(self, view: MeterView) -> None:
        """Display one meter's view."""
        self.view = view
        if not self.is_mounted:
            return
        self.query_one(".meter-label", Plain).update(view.short)
        self.query_one(".meter-value", Plain).update(whole(view.value))  # meters read as whole numbers
        self.query_one(LevelBar).set_level(view.value, view.low, view.high)
        delta = change_seen(view.value - view.change, view.value)  # the change between the two rounded readings
        moved = delta != 0
        good = (delta > 0) == view.good_high
        change = self.query_one(".meter-change", Plain)
        change.update(f"{delta:+d}" if moved else "")
        change.set_class(moved and good, "-good")
        change.set_class(moved and not good, "-bad")
        self.query_one(TrendLine).set_trend(view.trend, view.low, view.high)
        self.set_class(view.level == "warn", "-warn")
        self.set_class(view.level == "danger", "-danger")
        self.tooltip = Content(view.label)


class MeterPanel(VerticalGroup):
    """The visible meters (the same ones, in the same order, all game long)."""

    def __init__(self, views: list[MeterView], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.views = views

    def compose(self) -> ComposeResult:
        for view in self.views:
            yield MeterRow(view)

    def show(self, views: list[MeterView]) -> None:
        """Display new values of the same meters."""
        self.views = views
        for row, view in zip(self.query(MeterRow), views):
            row.show(view)
