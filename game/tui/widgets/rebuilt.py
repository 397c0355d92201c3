"""A scrolling body whose children are built again from a function, the old ones removed first (awaited).

Removing children without awaiting and mounting new ones at once leaves both sets mounted for a moment:
a rebuilt widget with an id then raises DuplicateIds (F2 on the debrief did). Textual's recompose awaits
the removal, and runs in the widget's own queue, so rebuilds asked for in quick succession happen in turn.
"""

from __future__ import annotations

from typing import Callable, Iterable

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widget import Widget

Builder = Callable[[], Iterable[Widget]]


class RebuiltScroll(VerticalScroll):
    """Its children come from the last builder given to `rebuild()`."""

    class Rebuilt(Message):
        """Posted once the new children are mounted (their layout comes with the next refresh)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.builder: Builder = tuple

    def compose(self) -> ComposeResult:
        yield from self.builder()

    def rebuild(self, builder: Builder) -> None:
        """Show what `builder()` yields instead of the current children (on the next idle moment)."""
        self.builder = builder
        self.refresh(recompose=True)

    async def recompose(self) -> None:
        """Build the children again, then say so (the screen may measure what the new layout moved)."""
        await super().recompose()
        self.post_message(self.Rebuilt())
