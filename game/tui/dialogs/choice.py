"""A question with a few answers (e.g. continue a game / start another / cancel); dismisses with the id
of the answer chosen, or None (Escape)."""

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

# (title, body, [(answer id, label), ...]) in a language
ChoiceTexts = Callable[[str], tuple[str, str, list[tuple[str, str]]]]


class ChoiceDialog(GameDialog[str | None]):
    """Ask the player to pick one of a few answers."""

    CSS_PATH = "dialogs.tcss"
    HELP_TOPIC = "dialog"
    BINDINGS = [Binding("escape", "cancel", "cancel", show=False)]

    def __init__(self, texts: ChoiceTexts, purpose: str) -> None:
        super().__init__(classes=f"dialog-screen choice-{purpose}")
        self.texts, self.purpose = texts, purpose
        self.answers = [answer for answer, _ in texts("en")[2]]

    def compose_box(self) -> ComposeResult:
        with DialogFrame(), VerticalGroup(classes="dialog"):
            yield Plain(classes="dialog-title")
            yield Plain(classes="dialog-body")
            with HorizontalGroup(classes="dialog-buttons"):
                for index, answer in enumerate(self.answers):
                    yield GameButton("", id=f"answer-{answer}", variant="primary" if index == 0 else "default")

    def on_mount(self) -> None:
        self.query_one(f"#answer-{self.answers[0]}", Button).focus()

    def relabel(self) -> None:
        title, body, answers = self.texts(self.lang)
        self.query_one(".dialog-title", Plain).update(title)
        self.query_one(".dialog-body", Plain).update(body)
        for answer, label in answers:
            self.query_one(f"#answer-{answer}", Button).label = label

    def key_hints(self) -> list[KeyHint]:
        return [KeyHint("Enter", self.t("key.choose"), "choose_focused"), KeyHint("Esc", self.t("key.cancel"), "cancel"),
                *self.common_hints()]

    def action_choose_focused(self) -> None:
        """Give the answer whose button has focus (the first until Tab or an arrow moves it)."""
        focused = self.focused
        if isinstance(focused, Button):
            focused.press()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(str(event.button.id).removeprefix("answer-"))

    def action_cancel(self) -> None:
        self.dismiss(None)
