"""The debrief's tab underline stays under the active tab, as wide as it, after every language switch (F2
there and back) on every page: it used to keep the other language's width and place."""

from __future__ import annotations

from textual.widgets import Tabs

from test_language_everywhere import debrief_app
from tui_helpers import screen_name


def underline_and_tab(app) -> tuple[tuple[int, int], tuple[int, int]]:
    tabs = app.screen.query_one(Tabs)
    underline = tabs.query_one("Underline")
    tab = tabs.active_tab
    return (underline.highlight_start, underline.highlight_end), tab.virtual_region.shrink(tab.styles.gutter).column_span


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


async def test_the_underline_follows_the_active_tab_through_language_switches(saves):
    app = debrief_app(saves)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert screen_name(app) == "DebriefScreen"
        # one switch on each page, so the pages alternate zh -> en -> zh ...; then a round trip at 120x36
        for size, page, keys in [*(((80, 24), page, ["f2"]) for page in "12345"), ((120, 36), "2", ["f2", "f2"])]:
            await pilot.resize_terminal(*size)
            await pilot.press(page)
            for key in keys:
                await pilot.press(key)
                await settle(pilot)
                underline, tab = underline_and_tab(app)
                assert underline == tab, (size, page, app.lang)


async def test_the_underline_is_right_when_a_page_and_a_language_switch_come_together(saves):
    """A page key and F2 typed in one burst: the page switch's move must not overtake the language switch's
    (Textual animated it, measured before the relabelled tabs were laid out, and it landed last)."""
    app = debrief_app(saves)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for page in "2413524":
            await pilot.press(page, "f2")
            await settle(pilot)
            underline, tab = underline_and_tab(app)
            assert underline == tab, (page, app.lang)
