"""A button that shows it has the focus in plain text: `> Label` focused, `  Label` not.

Textual marks the focused button by colour (reverse) only: a captured screen, a screen reader or a
monochrome terminal cannot tell which of "End the week" / "Keep working" Enter will press. And a button
relabelled in the other language is measured again, so the longer label is never cut."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.visual import VisualType
from textual.widgets import Button

FOCUS_MARK, NO_MARK = "> ", "  "


class GameButton(Button):
    """A Button whose focus reads in plain text (the mark takes the same room either way)."""

    def render(self) -> VisualType:
        return Content.assemble(FOCUS_MARK if self.has_focus else NO_MARK, Content.from_text(self.label))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return super().get_content_width(container, viewport) + len(NO_MARK)

    def watch_label(self, _label: object) -> None:
        """A new label (a language switch) is measured again: Textual 8.2.8 kept the first label's width,
        so a longer label in the other language was cut ("Save and qui")."""
        self.clear_cached_dimensions()
        self.refresh(layout=True)

    def _on_focus(self, event) -> None:
        super()._on_focus(event)
        self.refresh()

    def _on_blur(self, event) -> None:
        super()._on_blur(event)
        self.refresh()
