"""Text in a box of limited height that says when it is cut (the screen then offers the full text)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from game.tui.widgets.plain import Plain


class ClippedPlain(Plain):
    """A Plain whose CSS max-height may cut it; posts `Cut` whenever that starts or stops being so."""

    @dataclass
    class Cut(Message):
        """Whether the text is cut now (more lines than the box shows)."""

        widget: ClippedPlain
        cut: bool

    is_cut = False
    """What the last `Cut` message said."""

    def on_resize(self) -> None:
        self.call_after_refresh(self.measure)

    def update(self, content="", *, layout: bool = True) -> None:
        super().update(content, layout=layout)
        self.call_after_refresh(self.measure)

    def measure(self) -> None:
        """Compare the lines the text needs at this width with the lines shown."""
        width, shown = self.content_region.width, self.content_region.height
        if width <= 0 or not self.is_mounted:
            return
        needed = self.render().get_height(self.styles, width)  # type: ignore[arg-type]  # Textual passes its styles so
        cut = needed > shown
        if cut != self.is_cut:
            self.is_cut = cut
            self.post_message(self.Cut(self, cut))
