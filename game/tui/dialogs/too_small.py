"""Shown instead of the game while the terminal is smaller than the game needs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen

from game.i18n import t
from game.tui.widgets.plain import Plain

if TYPE_CHECKING:
    from textual import getters

    from game.tui.app import GrassrootsApp

MIN_WIDTH, MIN_HEIGHT = 80, 24


class TooSmall(ModalScreen[None]):
    """A bilingual request to enlarge the window; the app removes it when the size is enough again."""

    if TYPE_CHECKING:
        app = getters.app(GrassrootsApp)

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("ctrl+c,ctrl+q,q", "app.request_quit", "quit", show=False, priority=True)]

    def compose(self) -> ComposeResult:
        yield Plain(id="too-small")

    def on_mount(self) -> None:
        self.app.check_size()

    def on_screen_resume(self) -> None:
        self.app.check_size()  # a dialog opened above this one has closed: the window may be big again

    def show_size(self, width: int, height: int) -> None:
        """Say how big the window is and how big it must be, in both languages."""
        values = dict(w=MIN_WIDTH, h=MIN_HEIGHT, cw=width, ch=height)
        self.query_one("#too-small", Plain).update(f"{t('small.message', 'zh', **values)}\n\n"
                                                   f"{t('small.message', 'en', **values)}")
