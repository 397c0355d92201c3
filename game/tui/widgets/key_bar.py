"""A localized bar of keys at the bottom of a screen; clicking a key runs its action."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.content import Content
from textual.message import Message
from textual.widgets import Static


@dataclass(frozen=True)
class KeyHint:
    """A key, what it does in words, and the action it runs."""

    key: str
    label: str
    action: str


class KeyChip(Static):
    """One key and its label."""

    def __init__(self, hint: KeyHint) -> None:
        super().__init__(markup=False)
        self.show(hint)

    def show(self, hint: KeyHint) -> None:
        if getattr(self, "hint", None) == hint:
            return  # the same key and words: nothing to lay out again
        self.hint = hint
        self.update(Content.assemble((f" {hint.key} ", "bold reverse"), f" {hint.label} "))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(KeyBar.Pressed(self.hint.action))


class KeyBar(HorizontalGroup):
    """The keys of the current screen in the current language."""

    @dataclass
    class Pressed(Message):
        """A key chip was clicked: the screen runs the action."""

        action: str

    def __init__(self, hints: list[KeyHint] | None = None, *, classes: str | None = None) -> None:
        """`hints`: the keys to show from the start (a screen that knows them at compose is drawn once,
        without composing the chips again after mount)."""
        super().__init__(classes=classes)
        self.hints: list[KeyHint] = list(hints or [])

    def compose(self) -> ComposeResult:
        yield from (KeyChip(hint) for hint in self.hints)

    def show(self, hints: list[KeyHint]) -> None:
        """Show these keys (chips are updated in place when their number is unchanged, else composed
        again: the old chips are removed, awaited, before the new ones are mounted)."""
        changed = len(hints) != len(self.hints)
        self.hints = list(hints)
        if changed:
            self.refresh(recompose=True)
            return
        for chip, hint in zip(self.query(KeyChip), hints):
            chip.show(hint)
