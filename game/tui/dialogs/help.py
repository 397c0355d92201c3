"""Help: this screen's keys, keys that work everywhere, and how to play."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalGroup, VerticalScroll
from textual.widgets import Button

from game.tui.dialogs.frame import DialogFrame
from game.tui.screens.base import GameDialog
from game.tui.widgets.game_button import GameButton
from game.tui.widgets.key_bar import KeyHint
from game.tui.widgets.plain import Plain


class HelpDialog(GameDialog[None]):
    """Keys for the screen it was opened on, and a short how-to-play."""

    CSS_PATH = "dialogs.tcss"
    HELP_TOPIC = "dialog"
    BINDINGS = [Binding("escape,enter,f1,question_mark", "close", "close", show=False)]

    def __init__(self, topic: str) -> None:
        super().__init__(classes="dialog-screen help-dialog")
        self.topic = topic

    def compose_box(self) -> ComposeResult:
        with DialogFrame(), VerticalGroup(classes="dialog -tall"):
            yield Plain(classes="dialog-title")
            with VerticalScroll(id="help-body"):  # the text scrolls; the Close button stays in view
                yield Plain(id="help-keys-heading", classes="dialog-heading")
                yield Plain(id="help-keys")
                yield Plain(id="help-everywhere", classes="dialog-muted")
                yield Plain(id="help-howto-heading", classes="dialog-heading")
                yield Plain(id="help-howto")
            yield GameButton("", id="close", variant="primary")

    def on_mount(self) -> None:
        self.query("#close").focus()  # (nothing to focus when the help was closed before it was shown)

    def relabel(self) -> None:
        self.query_one(".dialog-title", Plain).update(self.t("help.heading"))
        self.query_one("#help-keys-heading", Plain).update(self.t("help.keys"))
        self.query_one("#help-keys", Plain).update(self.t(f"help.{self.topic}"))
        self.query_one("#help-everywhere", Plain).update(self.t("help.everywhere"))
        self.query_one("#help-howto-heading", Plain).update(self.t("help.howto"))
        self.query_one("#help-howto", Plain).update(self.t("help.howto_text"))
        self.query_one("#close", Button).label = self.t("close")

    def key_hints(self) -> list[KeyHint]:
        return [KeyHint("Esc", self.t("key.close"), "close"), *self.common_hints()[1:]]  # F1 closes it too

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
