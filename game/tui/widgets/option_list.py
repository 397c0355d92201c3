"""The game's OptionList: page keys are safe before the list has any room (zero rows, not yet laid out)."""

from __future__ import annotations

from textual.widgets import OptionList


class GameOptionList(OptionList):
    """An OptionList whose page keys do nothing while it has no room to show a line.

    Textual 8.2.8's page up/down index a line table that is only built once the list has a size; a key
    arriving before (a fast typist) or at a terminal too small to give it a row raised KeyError."""

    def action_page_up(self) -> None:
        if self.scrollable_content_region:
            super().action_page_up()

    def action_page_down(self) -> None:
        if self.scrollable_content_region:
            super().action_page_down()
