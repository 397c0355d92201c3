"""A radio button whose state reads in plain text: `(*)` chosen, `( )` not.

Textual's RadioButton draws the same glyph for both states and tells them apart by colour only, so a
screen reader, a monochrome terminal, `tmux capture-pane` or a text export shows every option as chosen.
ASCII marks have one width on every terminal (● and ○ are East Asian "ambiguous": two cells on some)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import RadioButton

CHOSEN, NOT_CHOSEN = "(*)", "( )"


class ChoiceButton(RadioButton):
    """A RadioButton drawn as `(*) label` when chosen and `( ) label` when not, in both languages."""

    @property
    def _button(self) -> Content:
        style = self.get_visual_style("toggle--button")
        return Content.styled(CHOSEN if self.value else NOT_CHOSEN, style)
