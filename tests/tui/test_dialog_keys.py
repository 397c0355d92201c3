"""While a dialog is open, the key bar at the bottom shows the dialog's keys, and only keys that act now: never
the keys of the screen below (the intro's "Enter begin week 1" under the intention dialog read as a key that
works). Every dialog a player can reach, both languages, at 80x24."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import game.tui.dialogs

from game.tui.screens.base import GameDialog
from game.tui.widgets.key_bar import KeyBar
from test_dialog_frames import DIALOGS as FRAMED
from test_language_everywhere import save_then_title, title_app
from tui_helpers import rendered, saved_game, screen_name

SMALL = (80, 24)
KEYS = {"Esc": "escape", "Enter": "enter", "F1": "f1", "F2": "f2", "PgDn": "pagedown"}


def exists_then_new_game(saves):
    """A player whose name has a game in progress starts a new game: continue it, or start another?"""
    saved_game(saves, "lin", weeks=1, lang="zh")
    return title_app(saves, "lin")


DIALOGS = dict(FRAMED)
DIALOGS["game-exists"] = (exists_then_new_game, ["enter", "enter"], "ChoiceDialog")
DIALOGS["load-empty"] = (title_app, ["down", "down", "enter"], "LoadDialog")
DIALOGS["load"] = (save_then_title, ["down", "down", "enter"], "LoadDialog")


def flat(text: str) -> str:
    return text.replace(" ", "")


def live(dialog: GameDialog, key: str, action: str) -> bool:
    """Whether the hint's key is bound where the dialog is (its own bindings, the focused widget's, the app's)
    and enabled, and its action (run on a click) exists."""
    name = action.partition("(")[0]
    owner = dialog.app if name.startswith("app.") else dialog
    if not callable(getattr(owner, f"action_{name.removeprefix('app.')}", None)):
        return False
    pressed = KEYS.get(key, key.split("-")[0])  # "1-3": the first of the number keys
    bound = dialog.active_bindings.get(pressed)
    return bound is not None and bound.enabled


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("where", list(DIALOGS))
async def test_the_key_bar_over_a_screen_shows_the_dialogs_keys_only(saves, where, lang):
    """...and every control of the dialog (buttons, lists, choices) is whole inside its box at 80x24."""
    factory, keys, name = DIALOGS[where]
    app = factory(saves)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
        app.lang = lang
        for _ in range(3):
            await pilot.pause()
        dialog = app.screen
        assert screen_name(app) == name and isinstance(dialog, GameDialog)
        hints = dialog.key_hints()
        assert hints and dialog.query_one(KeyBar).hints == hints  # the bar holds this language's keys
        bottom = flat(rendered(app).splitlines()[-1])
        assert bottom == "".join(flat(f"{hint.key}{hint.label}") for hint in hints), bottom
        below = app.screen_stack[-2]
        own = {(hint.key, hint.label) for hint in hints}
        for hint in getattr(below, "key_hints", list)():
            if (hint.key, hint.label) not in own:
                assert flat(f"{hint.key}{hint.label}") not in bottom, (hint, bottom)
        for hint in hints:
            assert live(dialog, hint.key, hint.action), hint
        box = dialog.query_one(".dialog").region
        for control in dialog.query("Button, OptionList, RadioSet"):
            assert box.contains_region(control.region), (control, control.region, box)


def test_every_dialog_class_says_its_own_keys():
    """The kind: each dialog of the game names the keys that act on it (not only help, language and quit)."""
    for module in pkgutil.iter_modules(game.tui.dialogs.__path__):
        importlib.import_module(f"game.tui.dialogs.{module.name}")
    dialogs = {cls.__name__ for cls in GameDialog.__subclasses__()}
    covered = {where[2] for where in DIALOGS.values()}
    assert dialogs - covered <= {"LoadingDialog"}, dialogs - covered  # loading: tested with the loading flow
    for cls in GameDialog.__subclasses__():
        assert "key_hints" in vars(cls), cls.__name__


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_command_palette_shows_its_own_keys(saves, lang):
    from test_palette import open_palette
    from tui_helpers import new_app

    app = new_app(saves, lang)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        below = app.screen.key_hints()
        await open_palette(pilot)
        await pilot.pause()
        hints = app.screen.query_one(KeyBar).hints
        bottom = flat(rendered(app).splitlines()[-1])
        assert bottom == "".join(flat(f"{hint.key}{hint.label}") for hint in hints), bottom
        assert not any(flat(f"{hint.key}{hint.label}") in bottom for hint in below)
        await pilot.press("escape")  # Esc, as the bar says, closes it
        await pilot.pause()
        assert screen_name(app) == "IntroScreen"
