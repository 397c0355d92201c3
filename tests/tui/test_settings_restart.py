"""The settings file in use: theme, language and player name survive a restart; `--lang` wins; a damaged
file is ignored with a warning and the game starts with the defaults."""

from __future__ import annotations

import json

import pytest

from game.settings import read_settings
from game.tui.launch import make_app
from tui_helpers import SIZE, new_app


async def test_theme_and_language_survive_a_restart(saves, config_dir):
    app = make_app(None, saves_dir=str(saves))
    async with app.run_test(size=SIZE) as pilot:
        first_lang, first_theme = app.lang, app.theme
        await pilot.press("f2")
        await pilot.press("f3")
        await pilot.pause()
        chosen_lang, chosen_theme = app.lang, app.theme
    assert (chosen_lang, chosen_theme) != (first_lang, first_theme)
    assert chosen_lang != first_lang and chosen_theme != first_theme

    again = make_app(None, saves_dir=str(saves))
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert (again.lang, again.theme) == (chosen_lang, chosen_theme)
        assert again.screen.player_name == ""
    stored = json.loads((config_dir / "settings.json").read_text(encoding="utf-8"))
    assert stored == {"lang": chosen_lang, "theme": chosen_theme}


async def test_nothing_is_written_until_something_changes(saves, config_dir):
    async with make_app(None, saves_dir=str(saves)).run_test(size=SIZE) as pilot:
        await pilot.pause()
    assert not (config_dir / "settings.json").exists()


async def test_the_player_name_is_remembered(saves, config_dir):
    app = make_app(None, lang="en", saves_dir=str(saves))
    async with app.run_test(size=SIZE) as pilot:
        app.show_new_game("Lin")
        await pilot.pause()
    assert read_settings()[0].player == "Lin"
    again = make_app(None, saves_dir=str(saves))
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.screen.player_name == "Lin"


@pytest.mark.parametrize(("name", "kept"), [("Lin", "Lin"), (None, None)])
async def test_a_name_from_the_command_line_is_remembered_not_the_default(saves, config_dir, name, kept):
    app = new_app(saves, "en", name=name)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.session is not None
    assert read_settings()[0].player == kept


@pytest.mark.parametrize("given", ["zh", "en"])
async def test_lang_on_the_command_line_wins(saves, config_dir, given):
    (config_dir / "settings.json").write_text(json.dumps({"lang": "en" if given == "zh" else "zh"}), encoding="utf-8")
    app = make_app(None, lang=given, saves_dir=str(saves))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.lang == given


async def test_a_damaged_file_is_ignored_with_a_warning(saves, config_dir):
    damaged = b"{\"lang\": \"zh\", \"theme\": "
    (config_dir / "settings.json").write_bytes(damaged)
    app = make_app(None, lang="en", saves_dir=str(saves))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        notes = [n.message for n in app._notifications]
        assert notes == [f"The settings file {config_dir / 'settings.json'} is damaged (not JSON); using the defaults."]
    assert (config_dir / "settings.json").read_bytes() == damaged  # left as it is until a change


async def test_the_warning_is_in_the_players_language(saves, config_dir):
    (config_dir / "settings.json").write_text(json.dumps({"lang": "zh", "theme": 7}), encoding="utf-8")
    app = make_app(None, saves_dir=str(saves))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert app.lang == "zh"
        assert [n.message for n in app._notifications] == [f"设置文件 {config_dir / 'settings.json'} 中的 theme 无法使用，已忽略。"]


async def test_an_unknown_theme_in_the_file_falls_back(saves, config_dir):
    (config_dir / "settings.json").write_text(json.dumps({"theme": "no-such-theme"}), encoding="utf-8")
    app = make_app(None, lang="en", saves_dir=str(saves))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
