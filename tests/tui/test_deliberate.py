"""Choices that matter are deliberate: a line-crossing choice asks first (Enter alone means no), and q
then Enter inside any dialog quits (saving) instead of picking what was highlighted."""

from __future__ import annotations

import pytest

from tui_helpers import SIZE, answer_cards, new_app, screen_name, screen_text

# (keys from the intro, the dialog they open)
DIALOGS = {
    "card": (["enter"], "EventCard"),
    "end-week": (["enter", "1", "e"], "ConfirmDialog"),
    "cross-line": (["enter", "1", "1"], "ConfirmDialog"),
    "ledger": (["enter", "1", "e", "enter"], "WeekSummaryDialog"),
    "help": (["enter", "f1"], "HelpDialog"),
}


@pytest.mark.parametrize("where", list(DIALOGS))
async def test_q_then_enter_in_a_dialog_quits_and_picks_nothing(saves, where):
    keys, name = DIALOGS[where]
    app = new_app(saves, "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        assert screen_name(app) == name
        decisions = list(app.session.state.decisions)
        await pilot.press("q")
        await pilot.pause()
        assert screen_name(app) == "ConfirmDialog" and app.screen.purpose == "quit"
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.state.decisions == decisions  # nothing was picked on the way out
    assert app.return_code == 0


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_a_line_crossing_approach_asks_first_and_enter_means_no(saves, lang):
    app = new_app(saves, lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await answer_cards(app, pilot)
        before = app.session.state
        await pilot.press("1")  # "collect screenshots": crosses a line
        await pilot.pause()
        assert screen_name(app) == "ConfirmDialog" and app.screen.purpose == "cross-line"
        assert ("Have village cadres collect screenshots" if lang == "en" else "让村干部收集截图凑数") in screen_text(app.screen)
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "WeekScreen" and app.session.state is before
        await pilot.press("1", "n")
        await pilot.pause()
        assert app.session.state is before
        await pilot.press("1", "y")
        await pilot.pause()
        assert app.session.state.decisions[-1].option == "screenshots"
        assert app.session.state.hours_left < before.hours_left


async def test_an_approach_that_crosses_no_line_is_taken_at_once(saves):
    app = new_app(saves, "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await answer_cards(app, pilot)
        hours = app.session.state.hours_left
        await pilot.press("2")
        await pilot.pause()
        assert screen_name(app) == "WeekScreen" and app.session.state.hours_left < hours
