"""Choose a save to continue; dismisses with its path, or None."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalGroup
from textual.content import Content
from textual.widgets import Button, OptionList
from textual.widgets.option_list import Option

from game.safe_text import clean_line
from game.tui.dialogs.frame import DialogFrame
from game.tui.screens.base import GameDialog
from game.tui.widgets.game_button import GameButton
from game.tui.widgets.key_bar import KeyHint
from game.tui.widgets.option_list import GameOptionList
from game.tui.widgets.plain import Plain


class LoadDialog(GameDialog):
    """The saves found in the saves folder, newest first."""

    CSS_PATH = "dialogs.tcss"
    HELP_TOPIC = "load"
    BINDINGS = [Binding("escape", "cancel", "back", show=False)]

    def __init__(self, saves: list, folder: Path) -> None:
        super().__init__(classes="dialog-screen load-dialog")
        self.saves, self.folder = saves, folder

    def compose_box(self) -> ComposeResult:
        with DialogFrame(), VerticalGroup(classes="dialog -tall"):
            yield Plain(classes="dialog-title")
            yield Plain(id="load-folder", classes="dialog-muted")
            yield GameOptionList(id="load-list")
            yield GameButton("", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#load-list", OptionList).focus()

    def relabel(self) -> None:
        self.query_one(".dialog-title", Plain).update(self.t("load.heading"))
        self.query_one("#load-folder", Plain).update(self.t("title.saves_in", path=clean_line(self.folder)))
        listing = self.query_one("#load-list", OptionList)
        if self.saves:
            listing.set_options([Option(Content(self._row(info)), id=str(i)) for i, info in enumerate(self.saves)])
            listing.highlighted = 0
        else:
            listing.set_options([Option(Content(self.t("title.no_saves")), disabled=True)])
        self.query_one("#cancel", Button).label = self.t("cancel")

    def key_hints(self) -> list[KeyHint]:
        opening = [KeyHint("Enter", self.t("key.open"), "open_highlighted")] if self.saves else []
        return [*opening, KeyHint("Esc", self.t("key.back"), "cancel"), *self.common_hints()]

    def action_open_highlighted(self) -> None:
        """Continue the highlighted save (as Enter on the list does)."""
        highlighted = self.query_one("#load-list", OptionList).highlighted
        if self.saves and highlighted is not None:
            self.dismiss(Path(self.saves[highlighted].path))

    def _row(self, info) -> str:
        saved = str(getattr(info, "saved_at", "") or "")[:16].replace("T", " ")
        return self.t("load.row", player=clean_line(info.player), scenario=clean_line(info.scenario_id), week=info.week,
                      ended=self.t("load.ended") if info.ended else "", saved=saved)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(Path(self.saves[int(event.option.id or 0)].path))  # every option's id is its index

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
