"""A Static that never parses markup: author and player text is shown exactly as written."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class Plain(Static):
    """Static text with markup off (`[/]` or `[Tip]` in content must render literally, never crash)."""

    def __init__(self, content: str | Content = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(content, markup=False, id=id, classes=classes)

    def update(self, content: str | Content = "", *, layout: bool = True) -> None:
        """Show new content; the same content again costs nothing (no re-layout)."""
        if type(content) is type(self.content) and content == self.content:
            return
        super().update(content, layout=layout)


def styled(*parts: str | tuple[str, str]) -> Content:
    """Content from plain strings and (text, style) pairs; the text is never parsed as markup."""
    return Content.assemble(*parts)
