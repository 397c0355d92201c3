"""A yes/no question; dismisses with True or False."""

from __future__ import annotations

from typing import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, VerticalGroup
from textual.widgets import Button

from game.tui.dialogs.frame import DialogFrame
from game.tui.screens.base import GameDialog
from game.tui.widgets.game_button import GameButton
from game.tui.widgets.key_bar import KeyHint
from game.tui.widgets.plain import Plain

# (title, body, yes label, no label) in a language
Texts = Callable[[str], tuple[str, str, str, str]]


class ConfirmDialog(GameDialog[bool]):
    """Ask before something that cannot be undone (ending a week, quitting, crossing a line)."""

    CSS_PATH = "dialogs.tcss"
    HELP_TOPIC = "dialog"
    BINDINGS = [
        Binding("y", "answer(True)", "yes", show=False),
        Binding("n,escape", "answer(False)", "no", show=False),
    ]

    def __init__(self, texts: Texts, purpose: str, default: bool = True) -> None:
        super().__init__(classes=f"dialog-screen confirm-{purpose}")
        self.texts, self.purpose = texts, purpose
        self.default = default  # the answer Enter gives (the focused button)

    def compose_box(self) -> ComposeResult:
        with DialogFrame(), VerticalGroup(classes="dialog"):
            yield Plain(classes="dialog-title")
            yield Plain(classes="dialog-body")
            with HorizontalGroup(classes="dialog-buttons"):
                yield GameButton("", id="yes", variant="primary")
                yield GameButton("", id="no")

    def on_mount(self) -> None:
        self.query_one("#yes" if self.default else "#no", Button).focus()

    def relabel(self) -> None:
        title, body, yes, no = self.texts(self.lang)
        self.query_one(".dialog-title", Plain).update(title)
        self.query_one(".dialog-body", Plain).update(body)
        self.query_one(".dialog-body", Plain).display = bool(body)
        self.query_one("#yes", Button).label = yes
        self.query_one("#no", Button).label = no

    def key_hints(self) -> list[KeyHint]:
        _title, _body, yes, no = self.texts(self.lang)
        common = self.common_hints()
        if self.purpose == "quit":  # q does not ask again over its own question
            common = [hint for hint in common if hint.action != "app.request_quit"]
        return [KeyHint("y", yes, "answer(True)"), KeyHint("n", no, "answer(False)"), *common]

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
