"""Every choice the player makes from a set (the intention's radio sets, the new game's scenario list) shows
which answer is chosen in plain text, `(*)` against `( )`, in both languages: a captured screen (tmux
capture-pane, a text export, a screen reader) once showed every radio button as selected."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from textual.widgets import RadioButton, RadioSet

from game.tui.widgets.choice_button import CHOSEN, NOT_CHOSEN, ChoiceButton
from tui_helpers import ROOT, SIZE, new_app, rendered, screen_name


def marks(line: str) -> list[str]:
    return [mark for mark in (CHOSEN, NOT_CHOSEN) for _ in range(line.count(mark))]


def option_rows(text: str, labels: list[str]) -> dict[str, str]:
    """The captured row that shows each label."""
    rows = {}
    for label in labels:
        found = [line for line in text.splitlines() if f" {label}" in line and marks(line)]
        assert len(found) == 1, (label, found)
        rows[label] = found[0]
    return rows


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_intentions_choices_read_in_plain_text(saves, lang):
    app = new_app(saves, lang, ask_intention=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert screen_name(app) == "IntentionDialog"
        for radio_set in app.screen.query(RadioSet):
            buttons = list(radio_set.query(RadioButton))
            for pick in [*buttons, buttons[0]]:  # every answer in turn, by the keyboard
                radio_set.focus()
                while radio_set.pressed_button is not pick:
                    await pilot.press("down", "space")
                text = rendered(app)
                rows = option_rows(text, [str(button.label) for button in buttons])
                for button in buttons:
                    mark = CHOSEN if button is pick else NOT_CHOSEN
                    assert f"{mark} {button.label}" in rows[str(button.label)], (lang, text)
                assert sum(text.count(f"{CHOSEN} {button.label}") for button in buttons) == 1


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_scenario_chosen_on_the_new_game_form_is_marked(saves, lang):
    app = new_app(saves, lang, seed=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.show_new_game("tester")
        await pilot.pause()
        listing = app.screen.query_one("#scenario")
        listing.focus()
        for index in [0, 1, 2, 1, 0]:
            listing.highlighted = index
            await pilot.pause()
            lines = [line for line in rendered(app).splitlines() if marks(line)]
            assert [marks(line) for line in lines] == [[CHOSEN if i == index else NOT_CHOSEN] for i in range(3)]


def test_every_radio_button_of_the_game_is_a_choice_button():
    """The kind, not the example: no dialog builds a plain RadioButton (or another colour-only toggle)."""
    for path in sorted((ROOT / "game" / "tui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in (
                    "RadioButton", "Checkbox", "ToggleButton", "Switch"):
                raise AssertionError(f"{path.relative_to(ROOT)}:{node.lineno} builds a colour-only toggle")
    assert issubclass(ChoiceButton, RadioButton)
