"""Which button has the focus (the one Enter presses) reads in plain text: `> Label`, on every screen and
dialog with buttons, in both languages. Textual marked it by colour only, so a captured screen or a screen
reader could not tell "End the week" from "Keep working" (nor which title-menu entry Enter starts)."""

from __future__ import annotations

import ast

import pytest
from textual.widgets import Button

from game.tui.widgets.game_button import FOCUS_MARK, GameButton
from game.tui.widgets.menu_item import MenuItem
from test_language_everywhere import WHERE
from tui_helpers import ROOT, SIZE, rendered, screen_name

WITH_BUTTONS = ["title", "new-game", "help", "quit", "load", "intro", "end-week", "summary", "cross-line"]


def marked_rows(app) -> list[str]:
    labels = [str(b.label) for b in app.screen.query(Button) if b.display and b.region]
    labels += [m.label for m in app.screen.query(MenuItem) if m.display and m.region]
    return [row for row in rendered(app).splitlines() if any(f"{FOCUS_MARK}{label}" in row for label in labels)]


@pytest.mark.parametrize("where", WITH_BUTTONS)
async def test_the_focused_button_is_marked_in_plain_text(saves, where):
    factory, keys, name = WHERE[where]
    app = factory(saves)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
        await pilot.pause()
        assert screen_name(app) == name
        for lang in ("zh", "en"):
            app.lang = lang
            await pilot.pause()
            focused = app.screen.focused
            if isinstance(focused, (Button, MenuItem)):
                rows = marked_rows(app)
                assert len(rows) == 1 and f"{FOCUS_MARK}{focused.label}" in rows[0], (lang, rows)
            else:  # the focus is elsewhere (a list, a field): no button claims it
                assert marked_rows(app) == [], lang


def test_every_button_of_the_game_marks_its_focus():
    for path in sorted((ROOT / "game" / "tui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "Button":
                raise AssertionError(f"{path.relative_to(ROOT)}:{node.lineno} builds a plain Button")
    assert issubclass(GameButton, Button)


async def test_the_title_menu_marks_its_focused_entry(saves):
    """The title's menu is MenuItems, not Buttons (a lighter first frame): its focus reads the same way."""
    factory, keys, name = WHERE["title"]
    app = factory(saves)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen.focused, MenuItem)
        first = marked_rows(app)
        await pilot.press("down")
        await pilot.pause()
        second = marked_rows(app)
        assert len(first) == len(second) == 1 and first != second, (first, second)
