"""The scenario's introduction before week 1."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, VerticalGroup, VerticalScroll
from textual.content import Content
from textual.widgets import Button

from game.scenario.text import localize
from game.tui.screens.base import SCROLL_KEYS, GameScreen, ScrollsText
from game.tui.widgets.game_button import GameButton
from game.tui.widgets.key_bar import KeyBar, KeyHint
from game.tui.widgets.plain import Plain


class IntroScreen(ScrollsText, GameScreen):
    """Title, summary and intro of the scenario; Enter begins week 1."""

    CSS_PATH = "intro.tcss"
    HELP_TOPIC = "intro"
    BINDINGS = [Binding("enter", "begin", "begin", show=False), *SCROLL_KEYS]  # a long intro scrolls at 80x24

    def __init__(self, session) -> None:
        super().__init__(classes="intro")  # a class, not an id: the old screen may still be mounted
        self.session = session

    def compose(self) -> ComposeResult:
        with Center():
            with VerticalGroup(id="intro-box"):
                yield Plain(id="intro-title")
                yield Plain(id="intro-facts")
                with VerticalScroll(id="intro-scroll"):
                    yield Plain(id="intro-summary")
                    yield Plain(id="intro-text")
                yield GameButton("", id="begin", variant="primary")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#begin", Button).focus()

    def relabel(self) -> None:
        info, state = self.session.rules.scenario.info, self.session.state
        self.query_one("#intro-title", Plain).update(Content.styled(localize(info.title, self.lang), "bold"))
        self.query_one("#intro-facts", Plain).update(
            self.t("intro.facts", weeks=info.weeks, seed=state.seed, player=self.session.player))
        summary = self.query_one("#intro-summary", Plain)
        summary.update(localize(info.summary, self.lang))
        summary.display = info.summary is not None
        self.query_one("#intro-text", Plain).update(localize(info.intro, self.lang))
        self.query_one("#begin", Button).label = self.t("intro.begin")
        self.show_keys()

    def key_hints(self) -> list[KeyHint]:
        return [KeyHint("Enter", self.t("intro.begin"), "begin"), *self.common_hints()]

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_begin()

    def action_begin(self) -> None:
        if self.is_active:  # not again from keys typed ahead after the weeks began
            self.app.begin_weeks()
