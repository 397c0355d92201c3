"""The title: new game, continue the autosave, load a save, how to play, quit."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalGroup
from textual.widgets import Input

from game.i18n import t
from game.safe_text import clean_line
from game.tui.screens.base import GameScreen
from game.tui.widgets.key_bar import KeyBar, KeyHint
from game.tui.widgets.menu_item import MenuItem
from game.tui.widgets.name_text import NameText
from game.tui.widgets.plain import Plain

BUTTONS = (("new", "title.new"), ("continue", "title.continue"), ("load", "title.load"),
           ("howto", "title.howto"), ("quit", "title.quit"))


class TitleScreen(GameScreen):
    """The first screen; the app carries out what the player picks."""

    # its rules (title.tcss) load with the app's stylesheet: see GrassrootsApp.CSS_PATH
    HELP_TOPIC = "title"
    # No size classes here (title.tcss uses none): Textual sets them when the screen is first sized, after
    # mounting, and restyling every widget for them cost the first frame a second full style pass (issue 15).
    HORIZONTAL_BREAKPOINTS: list[tuple[int, str]] = []
    VERTICAL_BREAKPOINTS: list[tuple[int, str]] = []
    # "New game" has the focus from the start: Textual's auto-focus gives it to the first focusable widget (the
    # name field) as soon as the screen is composed, and moving it on after mount restyled both (issue 15).
    AUTO_FOCUS = "#new"
    BINDINGS = [Binding("up", "app.focus_previous", "previous", show=False),
                Binding("down", "app.focus_next", "next", show=False)]

    def __init__(self, player: str = "") -> None:
        super().__init__(classes="title")  # a class, not an id: the old screen may still be mounted
        self.player = player
        self.shown_before = False

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Shown for the first time, the title's widgets were styled moments ago as they were mounted: Textual's
        restyling of every widget of a resumed screen would repeat it just before the first frame (issue 15).
        When the title comes back from under a dialog, it is restyled as usual."""
        if not self.shown_before:
            self.shown_before = True
            event.refresh_styles = False

    def compose(self) -> ComposeResult:
        # the box is centred by the screen's own alignment (title.tcss): no Center container to style, lay
        # out and draw before the first frame
        with VerticalGroup(id="title-box"):
            yield Plain(t("game.title", "zh"), id="title-zh")
            yield Plain(t("game.title", "en"), id="title-en")
            # the texts are there from the start, so the first frame is laid out once (relabel on a
            # language switch writes the same widgets)
            yield Plain(self.t("game.subtitle"), id="subtitle")
            yield Plain(self.t("title.name"), id="name-label", classes="field-label")
            # the name as text: the field replaces it when the player goes to it (NameText)
            yield NameText(self.player, classes="name-field")
            for button_id, key in BUTTONS:
                yield MenuItem(self.t(key), id=button_id, classes="menu-button")
            yield Plain(id="title-status")
        yield KeyBar(self.key_hints())  # drawn with its keys: no second composition after mount

    async def on_name_text_wanted(self, event: NameText.Wanted) -> None:
        """Put the name field in place of the name shown as text, with the focus when the text still has it,
        and hand it what reached the text meanwhile (see NameText.hand_over)."""
        event.stop()
        shown = event.control
        if not shown.is_attached or self.query("#name"):
            return
        field = Input(shown.value, id="name", max_length=40)
        with self.app.batch_update():  # one frame shows the text, the next the field: never both, nor neither
            await self.query_one("#title-box").mount(field, after=shown)
            if shown.has_focus:
                self.set_focus(field, scroll_visible=False)
            shown.hand_over(field)
            await shown.remove()

    def relabel(self) -> None:
        self.query_one("#subtitle", Plain).update(self.t("game.subtitle"))
        self.query_one("#name-label", Plain).update(self.t("title.name"))
        for button_id, key in BUTTONS:
            self.query_one(f"#{button_id}", MenuItem).update(self.t(key))
        self.show_keys()

    def key_hints(self) -> list[KeyHint]:
        return self.common_hints()

    def say(self, text: str) -> None:
        """A one-line status under the menu (e.g. no autosave found)."""
        self.query_one("#title-status", Plain).update(text)

    @property
    def player_name(self) -> str:
        fields = self.query("#name").results(Input)
        field = next(fields, None)  # None only in the moment before the field replaces the shown text
        return clean_line(field.value if field is not None else self.player).strip()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#continue", MenuItem).focus()

    def on_menu_item_chosen(self, event: MenuItem.Chosen) -> None:
        event.stop()
        if not self.is_active:
            return  # keys typed ahead reached this screen after it was left
        app = self.app
        match event.item_id:
            case "new":
                app.show_new_game(self.player_name)
            case "continue":
                app.continue_autosave(self.player_name)
            case "load":
                app.show_load()
            case "howto":
                app.action_help()
            case "quit":
                app.action_request_quit()
