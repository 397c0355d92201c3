"""The title shows the player's name as text until the player goes to it; then the real field takes its
place, with the focus, the name, and every key typed in between (issue 15 keeps the Input out of the first
frame). Reaching it by keys, by Tab or by a click works the same in both languages."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from game.tui.launch import make_app
from game.tui.widgets.menu_item import MenuItem
from game.tui.widgets.name_text import NameText
from tui_helpers import SIZE


def field(app) -> Input | None:
    found = app.screen.query("#name").results(Input)
    return next(found, None)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", ["", "Lin", "林小林"])
async def test_the_name_is_text_until_the_player_goes_to_it(saves, config_dir, lang, name):
    app = make_app(None, lang=lang, saves_dir=str(saves), name=name or None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert field(app) is None and app.screen.query_one(NameText).value == name
        assert isinstance(app.focused, MenuItem) and app.focused.id == "new"
        assert app.screen.player_name == name
        await pilot.press("up")
        await pilot.pause()
        typed = field(app)
        assert typed is not None and app.focused is typed and typed.value == name
        assert typed.cursor_position == len(name) and not app.screen.query(NameText)
        await pilot.press("down")
        assert isinstance(app.focused, MenuItem) and app.focused.id == "new"


@pytest.mark.parametrize("how", [("up",), ("shift+tab",)])
@pytest.mark.parametrize("keys, value, focused", [
    (("L", "i", "q"), "Liq", "name"),                                      # q is a letter here, not quit
    (("L", "i", "x", "backspace", "n", "enter"), "Lin", "continue"),       # Enter moves on, as in the field
    (("1", "2", "left", "3"), "132", "name"),                              # left reaches the field, after
])
async def test_keys_typed_as_the_field_appears_all_reach_it(saves, config_dir, how, keys, value, focused):
    app = make_app(None, lang="en", saves_dir=str(saves))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*how, *keys)  # one burst: no pause for the field to be put in place
        await pilot.pause()
        typed = field(app)
        assert typed is not None and typed.value == value
        assert app.focused is not None and app.focused.id == focused
        assert app.screen.player_name == value


@pytest.mark.parametrize("cell, value", [(0, "aLin"), (3, "Lian"), (30, "Lina")])  # the padding, a letter, after
async def test_a_click_on_the_name_gives_the_field_with_the_cursor_there(saves, config_dir, cell, value):
    app = make_app(None, lang="zh", saves_dir=str(saves), name="Lin")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click(NameText, offset=(cell, 0))
        await pilot.pause()
        typed = field(app)
        assert typed is not None and app.focused is typed and typed.value == "Lin"
        await pilot.press("a", "enter")
        assert app.screen.player_name == value and app.focused.id == "continue"


@pytest.mark.parametrize("keys, value", [(("up", "x"), "x"), (("shift+tab", "x", "y"), "xy")])
async def test_a_name_reached_by_keys_is_selected_so_typing_replaces_it(saves, config_dir, keys, value):
    app = make_app(None, lang="en", saves_dir=str(saves), name="Lin")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        assert app.screen.player_name == value
