"""What every screen and dialog shares: the current language, re-labelling on a switch, the key bar."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar

from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen

from game.i18n import t
from game.tui.widgets.key_bar import KeyBar, KeyHint

if TYPE_CHECKING:
    from textual import getters

    from game.tui.app import GrassrootsApp


class Localized:
    """Mixin for screens: `relabel()` re-renders every text when the app's language changes."""

    HELP_TOPIC = "title"
    """Which help text the help dialog shows on this screen."""
    @property
    def lang(self) -> str:
        return self.app.lang  # type: ignore[attr-defined]

    def t(self, key: str, **values: object) -> str:
        """A UI string in the current language."""
        return t(key, self.lang, **values)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys act on a screen only once it is drawn and on top: keys typed ahead of a screen or a dialog
        (a fast typist, a pasted burst) never act on one that is not yet shown, or already left."""
        return self.is_mounted and self.is_active  # type: ignore[attr-defined]

    def on_mount(self) -> None:
        if self not in self.app.screen_stack:  # type: ignore[attr-defined]
            return  # closed before it was shown (a flow moved on): nothing to label
        self.watch(self.app, "lang", self._language_changed, init=False)  # type: ignore[attr-defined]
        self._language_changed(self.lang)

    def _language_changed(self, _lang: str) -> None:
        self.relabel()
        self.show_keys()  # (a screen's relabel may show them too: the same keys are not laid out again)

    def relabel(self) -> None:
        """Render every text in the current language (subclasses fill this in)."""
        self.show_keys()

    def key_hints(self) -> list[KeyHint]:
        """The keys shown in this screen's key bar."""
        return []

    def show_keys(self) -> None:
        bars = self.query(KeyBar)  # type: ignore[attr-defined]
        if bars:
            bars.first().show(self.key_hints())

    async def on_key_bar_pressed(self, message: KeyBar.Pressed) -> None:
        await self.run_action(message.action)  # type: ignore[attr-defined]

    def common_hints(self) -> list[KeyHint]:
        """Help, language and quit: on every screen."""
        return [KeyHint("F1", self.t("key.help"), "app.help"), KeyHint("F2", self.t("key.lang"), "app.toggle_language"),
                KeyHint("q", self.t("key.quit"), "app.request_quit")]


class GameScreen(Localized, Screen):
    """A full screen of the game."""

    if TYPE_CHECKING:  # Textual's way to type `self.app` as the game's app (no import cycle at run time)
        app = getters.app(GrassrootsApp)


Answer = TypeVar("Answer")


# Modal screens do not see the app's bindings, so dialogs repeat the ones that work everywhere.
EVERYWHERE: list[Binding | tuple[str, str] | tuple[str, str, str]] = [
    Binding("f1,question_mark", "app.help", "help", show=False),
    Binding("f2", "app.toggle_language", "language", show=False),
    Binding("f3", "app.cycle_theme", "theme", show=False),
    Binding("q", "app.request_quit", "quit", show=False),
    Binding("ctrl+c,ctrl+q", "app.request_quit", "quit", show=False, priority=True),
]


# A dialog's scrolling text moves from the keyboard whatever has focus (its button keeps Enter), as on the
# debrief: a long week summary, results list or help is readable at 80x24 without a mouse.
SCROLL_KEYS: list[Binding | tuple[str, str] | tuple[str, str, str]] = [
    Binding(key, f"scroll_body('{how}')", show=False)
    for key, how in (("down", "down"), ("up", "up"), ("pagedown", "page_down"), ("pageup", "page_up"),
                     ("end", "end"), ("home", "home"))
]


class ScrollsText:
    """Mixin for a screen or dialog whose text may be longer than it shows at 80x24: SCROLL_KEYS move the first
    scrolling text that has more than it shows (the keys are left to others when nothing needs scrolling)."""

    def scroll_body(self) -> VerticalScroll | None:
        """The scrolling text: the first VerticalScroll that has more than it shows, else None."""
        for body in self.query(VerticalScroll):  # type: ignore[attr-defined]
            if body.max_scroll_y > 0:
                return body
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Scroll keys act only when there is text to scroll: otherwise the key is left to whatever wants it."""
        if action == "scroll_body" and self.is_mounted and self.scroll_body() is None:  # type: ignore[attr-defined]
            return False
        return super().check_action(action, parameters)  # type: ignore[misc]

    def action_scroll_body(self, how: str) -> None:
        """Scroll the text a line, a page, or to either end (`how`: down, up, page_down, page_up, end, home)."""
        body = self.scroll_body()
        if body is None:
            return
        {"down": body.scroll_down, "up": body.scroll_up, "page_down": body.scroll_page_down,
         "page_up": body.scroll_page_up, "end": body.scroll_end, "home": body.scroll_home}[how](animate=False)


class GameDialog(ScrollsText, Localized, ModalScreen[Answer], Generic[Answer]):
    """A modal dialog of the game; `dismiss()` returns its answer to the screen below."""

    BINDINGS = EVERYWHERE + SCROLL_KEYS

    if TYPE_CHECKING:
        app = getters.app(GrassrootsApp)

    answered = False
    """Set by the first answer; keys already queued behind it (fast typing) cannot answer again."""

    def compose(self) -> ComposeResult:
        """The dialog's box, then its own key bar at the bottom of the terminal: it covers the bar of the
        screen below, so the keys shown are the keys that act now (the dialog's), never the screen's."""
        yield from self.compose_box()
        yield KeyBar(self.key_hints(), classes="dialog-keys")

    def compose_box(self) -> ComposeResult:
        """The dialog's `.dialog` box inside its DialogFrame (each dialog fills this in)."""
        yield from ()

    def key_hints(self) -> list[KeyHint]:
        """The keys shown in the dialog's key bar: its own keys first (each dialog adds them), then help,
        language and quit, which work over every dialog."""
        return self.common_hints()

    def dismiss(self, result: Answer | None = None) -> AwaitComplete:
        """Answer once, only when shown and on top: a second answer would pop the screen below this one,
        and an answer before it is shown (a key typed ahead) would answer a question the player never saw."""
        if self.answered or not self.is_mounted or not self.is_active:
            return AwaitComplete.nothing()
        self.answered = True
        return super().dismiss(result)
