"""One line of a menu: a focusable text that the player picks with Enter or a click, its focus shown in
plain text (`> New game`) as GameButton shows it.

The title screen's menu is made of these rather than Buttons: a Button brings Textual's whole button
stylesheet (every variant and style) into the first frame, which a one-line menu entry does not use
(issue 15: `play`'s first frame within 1.3x a bare Textual app)."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.visual import Visual

from game.tui.widgets.game_button import FOCUS_MARK, NO_MARK
from game.tui.widgets.plain import Plain


class MenuItem(Plain):
    """A focusable one-line entry; Enter or a click posts `MenuItem.Chosen` with the entry's id."""

    can_focus = True
    BINDINGS = [Binding("enter", "choose", "choose", show=False)]

    @dataclass
    class Chosen(Message):
        """The player picked this entry (`item_id`: the widget's id)."""

        item_id: str

    @property
    def label(self) -> str:
        """The entry's text, without the focus mark."""
        return str(self.content)

    def render(self) -> Visual:
        """`> label` focused, `  label` not (one line: the mark takes the same room either way)."""
        return Content.assemble(FOCUS_MARK if self.has_focus else NO_MARK, Content(self.label))

    def _on_focus(self, event: events.Focus) -> None:
        super()._on_focus(event)
        self.refresh()

    def _on_blur(self, event: events.Blur) -> None:
        super()._on_blur(event)
        self.refresh()

    def action_choose(self) -> None:
        self.post_message(self.Chosen(self.id or ""))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.action_choose()
