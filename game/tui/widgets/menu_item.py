"""One line of a menu: a focusable text that the player picks with Enter or a click.

The title screen's menu is made of these rather than Buttons: a Button brings Textual's whole button
stylesheet (every variant and style) into the first frame, which a one-line menu entry does not use
(issue 15: `play`'s first frame within 1.3x a bare Textual app)."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.message import Message

from game.tui.widgets.plain import Plain


class MenuItem(Plain):
    """A focusable one-line entry; Enter or a click posts `MenuItem.Chosen` with the entry's id."""

    can_focus = True
    BINDINGS = [Binding("enter", "choose", "choose", show=False)]

    @dataclass
    class Chosen(Message):
        """The player picked this entry (`item_id`: the widget's id)."""

        item_id: str

    def action_choose(self) -> None:
        self.post_message(self.Chosen(self.id or ""))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.action_choose()
