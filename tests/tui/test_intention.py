"""Before week 1 the player states an intention; it is kept in the save (issue 12)."""

from __future__ import annotations

import json

from textual.widgets import RadioSet
from tui_helpers import SIZE, new_app, screen_name


async def test_the_intention_asked_before_week_1_is_saved(tmp_path):
    app = new_app(tmp_path, ask_intention=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # the intro's "begin"
        await pilot.pause()
        assert screen_name(app) == "IntentionDialog"
        app.screen.query_one("#share-50").value = True
        app.screen.query_one("#falsify-never").value = True
        await pilot.pause()
        assert app.screen.query_one("#share", RadioSet).pressed_button.id == "share-50"
        await pilot.click("#start")
        await pilot.pause()
        assert screen_name(app) != "IntentionDialog"
        assert app.session.intention == {"trace_share": 50, "falsify": "never"}
        path = app.session.save()
    assert json.loads(path.read_text(encoding="utf-8"))["intention"] == {"trace_share": 50, "falsify": "never"}


async def test_skipping_the_intention_records_none_and_never_asks_again(tmp_path):
    app = new_app(tmp_path, ask_intention=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert screen_name(app) != "IntentionDialog" and app.session.intention == {}
        path = app.session.save()
    assert "intention" not in json.loads(path.read_text(encoding="utf-8"))


async def test_enter_notes_the_answers_as_they_stand(tmp_path):
    app = new_app(tmp_path, ask_intention=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) != "IntentionDialog"
        assert app.session.intention == {"trace_share": 25, "falsify": "undecided"}
