"""The player's name on the title, shown as text until the player goes to it; then the screen puts the real
field (an Input) in its place.

An Input brings Textual's input stylesheet, a cursor and more styling work than the rest of the title
together: about a tenth of the first frame's work (issue 15: `play`'s first frame within 1.3x a bare
Textual app). Most starts never edit the name, so the field is made only when it is wanted."""

from __future__ import annotations

from rich.cells import cell_len, get_character_cell_size
from textual import events
from textual.content import Content
from textual.message import Message
from textual.widgets import Input
from textual.widgets.input import Selection

from game.tui.widgets.plain import Plain

# Keys that edit the field, besides printable ones: kept when typed in the moment between this text taking
# the focus and the field replacing it, then given to the field (nothing a fast typist sends is lost or
# read as a command, such as q for quit).
EDIT_KEYS = {"backspace": "delete_left", "delete": "delete_right", "enter": "submit"}


class NameText(Plain):
    """Focusable text in the look of the name field; taking the focus posts `NameText.Wanted`."""

    can_focus = True

    class Wanted(Message):
        """The player went to the name: the screen replaces this text (`control`) with the field."""

        def __init__(self, text: NameText) -> None:
            super().__init__()
            self.text = text

        @property
        def control(self) -> NameText:
            return self.text

    def __init__(self, name: str, *, classes: str | None = None) -> None:
        super().__init__(name, classes=classes)
        self.value = name
        self.typed: list[events.Key | events.Paste] = []
        """Keys and pastes that reached this text before the field took the focus, in order."""
        self.clicked_at: int | None = None
        """The cell (from the text's start) a click on this text pressed, if it was a click."""

    def render(self) -> Content:
        """The name, then blanks to the end of the line: drawn cell for cell as the field draws it."""
        blanks = self.content_size.width - cell_len(self.value)
        return Content(self.value + " " * blanks if blanks > 0 else self.value)

    def _on_focus(self, event: events.Focus) -> None:
        super()._on_focus(event)
        self.post_message(self.Wanted(self))

    def on_mouse_down(self, event: events.MouseDown) -> None:
        self.clicked_at = event.get_content_offset_capture(self).x  # before the text's start on its padding

    def on_key(self, event: events.Key) -> None:
        if event.is_printable or event.key in EDIT_KEYS:
            event.stop()
            event.prevent_default()
            self.typed.append(event)

    def on_paste(self, event: events.Paste) -> None:
        event.stop()
        self.typed.append(event)

    def hand_over(self, field: Input) -> None:
        """Give `field` what reached this text: the click's place as its cursor (else the field selects the
        name, as a field reached by keys does), then the keys and pastes, in order. All of it is queued on
        the field after its focus event, so it lands as it would have in a field that was there all along."""
        if self.clicked_at is not None:
            index = _index_at_cell(self.value, self.clicked_at)
            field.call_later(setattr, field, "selection", Selection.cursor(index))
        for event in self.typed:
            if isinstance(event, events.Paste):
                field.post_message(events.Paste(event.text))
            elif event.key in EDIT_KEYS:
                field.call_later(field.run_action, EDIT_KEYS[event.key])
            else:
                field.post_message(events.Key(event.key, event.character))
        self.typed = []


def _index_at_cell(text: str, cell: int) -> int:
    """The index of the character drawn at `cell` (wide characters take two; a cell before the text is its
    start), else the end: where a click puts the field's cursor."""
    start = 0
    for index, char in enumerate(text):
        start += get_character_cell_size(char)
        if cell < start:
            return index
    return len(text)
