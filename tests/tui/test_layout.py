"""Small terminals get a bilingual message; resizing keeps every screen usable."""

from __future__ import annotations

from game.tui.dialogs.too_small import TooSmall
from tui_helpers import answer_cards, new_app, screen_name, screen_text


async def test_small_terminal_asks_to_enlarge_in_both_languages(saves):
    app = new_app(saves, "en")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmall)
        text = screen_text(app.screen)
        assert "please enlarge the terminal to at least 80x24 (now 60x20)" in text
        assert "窗口太小" in text and "80x24" in text
        await pilot.press("enter")  # the game underneath does not move
        await pilot.pause()
        assert isinstance(app.screen, TooSmall)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert screen_name(app) == "IntroScreen"
        await pilot.resize_terminal(79, 30)
        await pilot.pause()
        assert isinstance(app.screen, TooSmall)
        assert "(now 79x30)" in screen_text(app.screen)


async def test_resizing_keeps_the_week_screen_usable(saves):
    app = new_app(saves, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await answer_cards(app, pilot)
        for size in ((160, 48), (80, 24), (120, 30), (50, 15), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
        assert screen_name(app) == "WeekScreen"
        screen = app.screen
        for selector in ("#items", "#approaches", "#meters", "#hours", "KeyBar"):
            region = screen.query_one(selector).region
            assert region.width > 0 and region.height > 0, selector
            assert region.right <= 80 and region.bottom <= 24, selector
        hours_before = app.session.state.hours_left
        await pilot.press("1", "y")  # still playable (this approach crosses a line: confirmed)
        await pilot.pause()
        assert app.session.state.hours_left < hours_before


async def test_meters_near_a_game_ending_end_are_marked(saves):
    app = new_app(saves, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "1")
        await pilot.pause()
        assert screen_name(app) == "WeekScreen"
        rules, state = app.session.rules, app.session.state.clone()
        state.meters[rules.meter_index["pressure"]] = 90  # ends the game at 100
        state.meters[rules.meter_index["trust"]] = 25  # ends the game at 0
        app.session.state = state
        app.screen.state = state
        await pilot.pause()
        assert app.screen.query_one("#meter-pressure").has_class("-danger")
        assert app.screen.query_one("#meter-trust").has_class("-warn")
        calm = app.screen.query_one("#meter-assessment")
        assert not calm.has_class("-warn") and not calm.has_class("-danger")
        assert not app.screen.query("#meter-goodwill")  # hidden
