"""Quitting asks and saves; a new app continues exactly where the player was; loading a save."""

from __future__ import annotations

from game.tui.dialogs.load_save import LoadDialog
from game.tui.launch import make_app
from tui_helpers import answer_cards, FIXTURE, SIZE, new_app, saved_game, screen_name, screen_text


def in_game(app) -> bool:
    """The week screen is up (perhaps under the event card the loaded week starts with)."""
    return any(type(s).__name__ == "WeekScreen" for s in app.screen_stack)


async def play_a_little(app, pilot) -> None:
    await pilot.pause()
    await pilot.press("enter")  # intro
    await pilot.pause()
    await pilot.press("1")  # the week-1 card
    await pilot.pause()
    await pilot.press("e", "enter")  # end week 1, confirm
    await pilot.pause()
    await pilot.press("enter")  # close the ledger
    await pilot.pause()
    await answer_cards(app, pilot)
    await pilot.press("down", "1", "y")  # an approach in week 2, mid-week (it crosses a line: confirmed)
    await pilot.pause()


async def test_quit_saves_and_continue_resumes_exactly(saves):
    app = new_app(saves, "en", name="lin")
    async with app.run_test(size=SIZE) as pilot:
        await play_a_little(app, pilot)
        state = app.session.state
        assert state.week == 2 and state.hours_left < state.hours_week
        await pilot.press("q")
        await pilot.pause()
        assert "Save and quit?" in screen_text(app.screen) and "'lin'" in screen_text(app.screen)
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_code == 0
    expected = (state.week, state.hours_left, list(state.meters), state.fingerprint())

    again = make_app(str(FIXTURE), lang="en", saves_dir=str(saves), name="lin")
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert screen_name(again) == "TitleScreen"
        await pilot.click("#continue")
        await pilot.pause()
        assert screen_name(again) == "WeekScreen"
        resumed = again.session.state
        assert (resumed.week, resumed.hours_left, list(resumed.meters), resumed.fingerprint()) == expected
        assert "Week 2/12" in screen_text(again.screen)


async def test_quit_can_be_cancelled_and_continue_without_a_save_says_so(saves):
    app = make_app(None, lang="zh", saves_dir=str(saves), name="nobody")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#continue")
        await pilot.pause()
        assert "没有找到「nobody」的自动存档。" in screen_text(app.screen)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert screen_name(app) == "ConfirmDialog"
        await pilot.press("escape")
        await pilot.pause()
        assert screen_name(app) == "TitleScreen"
        assert app.is_running


async def test_load_dialog_lists_saves_and_loads_one(saves):
    week = saved_game(saves, "wang").state.week
    app = make_app(None, lang="en", saves_dir=str(saves))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#load")
        await pilot.pause()
        assert isinstance(app.screen, LoadDialog)
        assert "wang | mini-town | week 2" in screen_text(app.screen)
        await pilot.press("enter")
        await pilot.pause()
        assert in_game(app) and app.session.state.week == week
        assert app.session.player == "wang"


async def test_load_on_the_command_line_goes_straight_in(saves):
    path = saved_game(saves, "zhao").autosave_path
    app = make_app(None, lang="en", saves_dir=str(saves), load=str(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert in_game(app) and app.session.player == "zhao" and app.session.state.week == 2


def test_continue_finds_a_save_whose_main_file_is_lost_but_whose_backup_is_good(saves):
    from game.engine import END_WEEK, Rules, apply, legal, new_game
    from game.saves import autosave_path, backup_path, load_save, write_save
    from game.scenario import load_scenario
    from game.tui.session import find_autosave

    rules = Rules(load_scenario(FIXTURE))
    state, _ = new_game(rules, 3)
    path = autosave_path(saves, "Li")
    write_save(path, rules, state, player="Li", lang="en")
    while state.pending:
        state, _ = apply(rules, state, legal(rules, state)[0])
    state, _ = apply(rules, state, END_WEEK)
    write_save(path, rules, state, player="Li", lang="en")  # the first save is now the backup
    path.unlink()
    assert backup_path(path).is_file()
    assert find_autosave(saves, "Li") == path
    loaded = load_save(path)
    assert loaded.state.week == 1 and loaded.warnings  # it came back from the backup, and says so
