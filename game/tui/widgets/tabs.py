"""Tabs whose labels change with the language keep their underline under the active tab."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static, TabbedContent, Tabs
from textual.widgets._tabs import Tab


def relabel_tab(tab: Tab, label: str) -> None:
    """Give a tab a new label without Textual's immediate underline move: that move measures the tab
    before the new label is laid out, and (animated) could land after ours, leaving the old width."""
    tab._label = Content.from_text(label)
    Static.update(tab, tab._label)


def underline_tabs_after_layout(tabbed: TabbedContent) -> None:
    """Move the underline under the active tab once relabelled tabs have their new widths.

    Textual 8.2.8 moves the underline when a tab is relabelled, but measures the tab before the new label
    is laid out: after F2 the underline kept the other language's width and place ("2 Charts" underlined
    as "2 走势"). Measuring again after the next refresh (when the layout is done) puts it right."""
    tabs = tabbed.query_one(Tabs)
    steady_underline(tabs)
    tabs.call_after_refresh(tabs._highlight_active, False)  # the same call Textual makes on a resize


def steady_underline(tabs: Tabs) -> None:
    """Make every underline move of `tabs` immediate, measured after the next refresh.

    Textual animates a page switch's move (0.3 s, started 20 ms later, measured when it starts): a language
    switch pressed within that time had its correct, immediate move overtaken by the animation, which then
    landed on the other language's width (seen under load in the full suite). With no animated move, the
    last move made is the one that stays, and each measures the laid-out tabs."""
    if getattr(tabs, "_steady_underline", False):
        return

    def move(animate: bool = True) -> None:
        Tabs._highlight_active(tabs, False)

    tabs._highlight_active = move  # type: ignore[method-assign]
    tabs._steady_underline = True  # type: ignore[attr-defined]
