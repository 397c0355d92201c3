"""The week's ledger: deadlines, inspections, residents, news, meter changes and what next week brings."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalGroup
from textual.widgets import Button

from game.tui.dialogs.frame import DialogFrame
from game.tui.present.ledger import week_summary
from game.tui.screens.base import GameDialog
from game.tui.widgets.game_button import GameButton
from game.tui.widgets.key_bar import KeyHint
from game.tui.widgets.plain import Plain
from game.tui.widgets.rebuilt import RebuiltScroll


class WeekSummaryDialog(GameDialog[None]):
    """Shown after the player ends a week; closing it goes on to the next week (or the debrief)."""

    CSS_PATH = "dialogs.tcss"
    HELP_TOPIC = "summary"
    BINDINGS = [Binding("escape,space,enter", "close", "close", show=False)]

    def __init__(self, rules, week: int, after, happenings: list, save_error: str | None) -> None:
        super().__init__(classes="dialog-screen week-summary")
        self.rules, self.week, self.after, self.happenings = rules, week, after, happenings
        self.save_error = save_error

    def compose_box(self) -> ComposeResult:
        with DialogFrame(), VerticalGroup(classes="dialog"):
            yield Plain(classes="dialog-title")
            yield RebuiltScroll(id="summary-body")
            yield Plain(id="summary-saved", classes="dialog-muted")
            yield GameButton("", id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    def relabel(self) -> None:
        summary = week_summary(self.rules, self.week, self.after, self.happenings, self.lang)
        self.query_one(".dialog-title", Plain).update(self.t("sum.title", week=summary.week))
        lines: list[Plain] = []
        for section in summary.sections:
            lines.append(Plain(section.heading, classes="dialog-heading"))
            lines += [Plain(line.text, classes=f"ledger-line -{line.tone or 'plain'}") for line in section.lines]
        self.query_one("#summary-body", RebuiltScroll).rebuild(lambda: lines)
        saved = self.query_one("#summary-saved", Plain)
        saved.update(self.t("sum.save_failed", error=self.save_error) if self.save_error else self.t("sum.saved"))
        saved.set_class(bool(self.save_error), "-bad")
        self.query_one("#close", Button).label = self.t("continue")

    def key_hints(self) -> list[KeyHint]:
        return [KeyHint("Enter", self.t("key.continue"), "close"), *self.common_hints()]

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
