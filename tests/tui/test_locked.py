"""Locked approaches and event choices are shown dimmed with the reason, and cannot be taken."""

from __future__ import annotations

from game.engine import options
from game.tui.dialogs.event_card import EventCard
from game.tui.widgets.approach_list import ApproachList
from tui_helpers import answer_cards, SIZE, new_app, screen_name, screen_text


async def to_week(app, pilot):
    await pilot.pause()
    await pilot.press("enter")  # intro -> week 1
    await pilot.pause()
    await answer_cards(app, pilot)
    assert screen_name(app) == "WeekScreen"


async def test_approach_used_up_this_week_is_locked(saves):
    app = new_app(saves, "en")
    async with app.run_test(size=SIZE) as pilot:
        await to_week(app, pilot)
        await pilot.press("1", "y", "1", "y")  # screenshots (crossing a line) may be taken twice a week
        await pilot.pause()
        before = app.session.state
        approaches = app.screen.query_one("#approaches", ApproachList)
        first = approaches.get_option_at_index(0)
        assert first.disabled
        assert "locked: already done this week" in str(first.prompt)
        await pilot.press("1")
        await pilot.pause()
        assert app.session.state is before  # nothing was applied
        assert len(app.session.state.decisions) == len(before.decisions)


async def test_locked_event_choice_shows_author_reason(saves):
    app = new_app(saves, "zh")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await to_week(app, pilot)
        rules = app.session.rules
        state = app.session.state.clone()
        state.pending = [rules.event_index["cadre_favour"]]
        state.meters[rules.meter_index["goodwill"]] = 20  # too tense to decline
        answers = []
        card = EventCard(rules, state.pending[0], options(rules, state))
        app.push_screen(card, answers.append)
        await pilot.pause()
        text = screen_text(app.screen)
        assert "村支书的请求" in text
        assert "锁定：关系太僵，不能直接拒绝。" in text
        choices = app.screen.query_one("#event-choices", ApproachList)
        assert choices.get_option_at_index(2).disabled
        await pilot.press("3")  # locked: nothing happens but a notice
        await pilot.pause()
        assert answers == [] and isinstance(app.screen, EventCard)
        await pilot.press("2")
        await pilot.pause()
        assert answers and answers[0].decision.option == "co_design"
