"""The blank ring around every dialog's box: the box is drawn over the screen below, never merged with it.

A dialog's rounded border drawn straight onto a screen that has borders of its own touches them (at 120x36
the end-of-week dialog's corner ran into the left panel's: `╭──╭`). The ring is one row above and below and
two columns each side, painted with the dimmed screen colour, so that no border below can touch the box."""

from __future__ import annotations

from textual.containers import VerticalGroup


class DialogFrame(VerticalGroup):
    """Holds a dialog's `.dialog` box; sized to it, never larger than the screen."""

    DEFAULT_CSS = """
    DialogFrame {
        width: auto;
        height: auto;
        max-width: 100%;
        max-height: 100%;
        padding: 1 2;
        background: $background 70%;
    }
    """
