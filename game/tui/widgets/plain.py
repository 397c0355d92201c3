"""A Static that never parses markup: author and player text is shown exactly as written."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class Plain(Static):
    """Static text with markup off (`[/]` or `[Tip]` in content must render literally, never crash)."""

    def __init__(self, content: str | Content = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(content, markup=False, id=id, classes=classes)


def styled(*parts: str | tuple[str, str]) -> Content:
    """Content from plain strings and (text, style) pairs; the text is never parsed as markup."""
    return Content.assemble(*parts)
