"""A Static that never parses markup: author and player text is shown exactly as written."""

from __future__ import annotations

from textual.containers import HorizontalGroup
from textual.content import Content
from textual.visual import Visual, VisualType
from textual.widgets import Static

from game.tui.widgets.broken import LineBroken


class Plain(Static):
    """Static text with markup off (`[/]` or `[Tip]` in content must render literally, never crash)."""

    def __init__(self, content: str | Content = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(content, markup=False, id=id, classes=classes)

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        """Show new content; the same content again costs nothing (no re-layout)."""
        if type(content) is type(self.content) and content == self.content:
            return
        super().update(content, layout=layout)

    def render(self) -> Visual:
        """The text, wrapped by Chinese line-breaking rules (no line starts with a closing mark)."""
        visual = super().render()
        if not isinstance(visual, Content):
            return visual  # type: ignore[return-value]  # Static renders our text as Content, markup off
        broken = getattr(self, "_broken", None)
        if broken is None or broken.source is not visual:
            broken = self._broken = LineBroken(visual)
        return broken


def styled(*parts: str | tuple[str, str]) -> Content:
    """Content from plain strings and (text, style) pairs; the text is never parsed as markup."""
    return Content.assemble(*parts)


class Bullet(HorizontalGroup):
    """A list item with a hanging indent (long lines, Chinese ones too, wrap under the text, not the dash)."""

    DEFAULT_CSS = """
    Bullet { height: auto; }
    Bullet > .bullet-mark { width: 2; }
    Bullet > .bullet-text { width: 1fr; }
    """

    def __init__(self, text: str | Content, *, classes: str | None = None) -> None:
        super().__init__(Plain("-", classes="bullet-mark"), Plain(text, classes="bullet-text"), classes=classes)
