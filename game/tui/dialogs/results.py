"""This week's results so far, in full (the week screen shows the last ones in two lines at 80x24)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalGroup
from textual.widgets import Button

from game.tui.dialogs.frame import DialogFrame
from game.tui.present.ledger import action_result
from game.tui.screens.base import GameDialog
from game.tui.widgets.game_button import GameButton
from game.tui.widgets.key_bar import KeyHint
from game.tui.widgets.plain import Bullet, Plain
from game.tui.widgets.rebuilt import RebuiltScroll


class ResultsDialog(GameDialog[None]):
    """What each decision of this week did, newest first, in the current language."""

    CSS_PATH = "dialogs.tcss"
    HELP_TOPIC = "dialog"
    BINDINGS = [Binding("escape,enter,l", "close", "close", show=False)]

    def __init__(self, rules, results: list[list]) -> None:
        super().__init__(classes="dialog-screen results-dialog")
        self.rules, self.results = rules, results

    def compose_box(self) -> ComposeResult:
        with DialogFrame(), VerticalGroup(classes="dialog"):
            yield Plain(classes="dialog-title")
            yield RebuiltScroll(id="results-body")
            yield GameButton("", id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    def relabel(self) -> None:
        self.query_one(".dialog-title", Plain).update(self.t("results.title"))
        lines = [action_result(self.rules, happened, self.lang) for happened in self.results]
        widgets = [Bullet(line.text, classes=f"ledger-line -{line.tone or 'plain'}") for line in lines]
        self.query_one("#results-body", RebuiltScroll).rebuild(
            lambda: widgets or [Plain(self.t("results.none"), classes="dialog-muted")])
        self.query_one("#close", Button).label = self.t("close")

    def key_hints(self) -> list[KeyHint]:
        return [KeyHint("Esc", self.t("key.close"), "close"), *self.common_hints()]

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
