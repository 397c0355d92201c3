"""The mouse works too: items, approaches (a first click highlights, a second takes), key chips, buttons."""

from __future__ import annotations

from game.tui.widgets.approach_list import ApproachList
from game.tui.widgets.item_list import ItemList
from game.tui.widgets.key_bar import KeyChip
from tui_helpers import SIZE, new_app, rendered, screen_name


def where(app, text: str) -> tuple[int, int]:
    """Screen coordinates of a text as drawn (what a player would click on)."""
    for y, line in enumerate(rendered(app).splitlines()):
        if text in line:
            return line.index(text) + 1, y
    raise AssertionError(f"{text!r} is not on screen")


async def test_play_with_the_mouse(saves):
    app = new_app(saves, "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#begin")
        await pilot.pause()
        assert screen_name(app) == "EventCard"
        await pilot.click("#event-choices", offset=(4, 3))  # the second choice's label: highlight
        await pilot.pause()
        await pilot.click("#event-choices", offset=(4, 3))  # and take it
        await pilot.pause()
        assert screen_name(app) == "WeekScreen"
        assert app.session.state.decisions[-1].option == "skip"
        items = app.screen.query_one("#items", ItemList)
        await pilot.click(offset=where(app, "An elder cannot pass"))
        await pilot.pause()
        assert items.highlighted_id == "pension_check"
        approaches = app.screen.query_one("#approaches", ApproachList)
        hours = app.session.state.hours_left
        await pilot.click("#approaches", offset=(4, 3))  # the second approach: highlight only
        await pilot.pause()
        assert approaches.highlighted == 1 and app.session.state.hours_left == hours
        await pilot.click("#approaches", offset=(4, 3))  # now take it (it crosses a line: confirm)
        await pilot.pause()
        assert screen_name(app) == "ConfirmDialog" and app.session.state.hours_left == hours
        await pilot.click("#yes")
        await pilot.pause()
        assert app.session.state.hours_left == hours - 0.5
        chip = next(c for c in app.screen.query(KeyChip) if c.hint.action == "end_week")
        await pilot.click(chip)
        await pilot.pause()
        assert screen_name(app) == "ConfirmDialog"
        await pilot.click("#no")
        await pilot.pause()
        assert screen_name(app) == "WeekScreen" and app.session.state.week == 1
