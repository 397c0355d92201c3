"""Shown while a scenario or a save loads in a worker thread, so that the screen never waits (issue 15).

Nothing opens above it (no help, no palette, no size warning): the app removes it when the load is done,
so it must stay on top. F2 still switches the language; q, Ctrl+C and Ctrl+Q quit at once (no game is in
play yet, so there is nothing to save).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalGroup
from textual.widgets import LoadingIndicator

from game.tui.dialogs.frame import DialogFrame
from game.tui.screens.base import GameDialog
from game.tui.widgets.plain import Plain
from game.tui.widgets.key_bar import KeyHint


class LoadingDialog(GameDialog[None]):
    """A loading indicator and "Loading..." / "正在读取..." in the current language."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("f2", "app.toggle_language", "language", show=False),
        Binding("q,ctrl+c,ctrl+q", "app.quit", "quit", show=False, priority=True),
    ]

    def __init__(self) -> None:
        super().__init__(classes="dialog-screen")

    def compose_box(self) -> ComposeResult:
        with DialogFrame(), VerticalGroup(classes="dialog", id="loading"):
            yield Plain(id="loading-text", classes="dialog-title")
            yield LoadingIndicator()

    def key_hints(self) -> list[KeyHint]:
        return [KeyHint("F2", self.t("key.lang"), "app.toggle_language"), KeyHint("q", self.t("key.quit"), "app.quit")]

    def relabel(self) -> None:
        self.query_one("#loading-text", Plain).update(self.t("title.loading"))
        super().relabel()
