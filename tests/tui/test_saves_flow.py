"""Issue 11 in the game: a name with a game in progress offers continue / start another (both kept);
blank names never share a save; a finished game continues at its debrief; a failed save never keeps the
player in; SIGHUP/SIGTERM save; the quit dialog shows the save's path; hostile names are shown clean."""

from __future__ import annotations

from textual.widgets import Input

from game.safe_text import BIDI
from game.saves import list_saves, load_save, write_save
from game.tui.dialogs.choice import ChoiceDialog
from game.tui.dialogs.confirm import ConfirmDialog
from game.tui.dialogs.load_save import LoadDialog
from game.tui.launch import make_app
from tui_helpers import FIXTURE, SIZE, finish, new_app, saved_game, screen_name, screen_text


async def _new_game_from_title(app, pilot, name: str, seed: str = "") -> None:
    """Title -> New game with `name` (typed into the form) -> Start."""
    await pilot.pause()
    await pilot.click("#new")
    await pilot.pause()
    app.screen.query_one("#player", Input).value = name
    app.screen.query_one("#seed", Input).value = seed
    await pilot.click("#start")
    await pilot.pause()


async def test_two_players_who_leave_the_name_blank_both_keep_their_games(saves):
    for seed in ("11", "22"):
        app = make_app(str(FIXTURE), lang="en", saves_dir=str(saves))
        async with app.run_test(size=SIZE) as pilot:
            await _new_game_from_title(app, pilot, "", seed)
            if isinstance(app.screen, ChoiceDialog):  # the second player: the first game is in progress
                assert "'player' already has a game in progress" in screen_text(app.screen)
                await pilot.click("#answer-another")
                await pilot.pause()
            assert screen_name(app) == "IntroScreen"
            await pilot.press("enter")
            await pilot.pause()
            while screen_name(app) == "EventCard":
                await pilot.press("1")
                await pilot.pause()
            assert app.session.state.decisions  # a decision was made, and saved at once
            await pilot.press("q")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
    games = list_saves(saves)
    assert sorted(load_save(g.path).seed for g in games) == [11, 22] and {g.player for g in games} == {"player"}


async def test_a_name_with_a_game_in_progress_can_continue_it(saves):
    first = saved_game(saves, "mei")
    first.close()
    app = make_app(str(FIXTURE), lang="zh", saves_dir=str(saves))
    async with app.run_test(size=SIZE) as pilot:
        await _new_game_from_title(app, pilot, "mei")
        assert isinstance(app.screen, ChoiceDialog) and "「mei」已有一局没下完" in screen_text(app.screen)
        await pilot.click("#answer-continue")
        await pilot.pause()
        assert app.session.save_path == first.save_path and app.session.state.week == first.state.week
    app = make_app(str(FIXTURE), lang="en", saves_dir=str(saves))
    async with app.run_test(size=SIZE) as pilot:  # Escape keeps the player on the form, nothing started
        await _new_game_from_title(app, pilot, "mei")
        await pilot.press("escape")
        await pilot.pause()
        assert screen_name(app) == "NewGameScreen" and app.session is None
    assert len(list_saves(saves)) == 1


async def test_continue_on_a_finished_game_opens_the_debrief(saves):
    done = finish(saved_game(saves, "end"))
    done.save()
    done.close()
    for how in ("title", "load-dialog", "command-line"):
        app = make_app(None if how != "command-line" else None, lang="en", saves_dir=str(saves), name="end",
                       load=str(done.save_path) if how == "command-line" else None)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            if how == "title":
                await pilot.click("#continue")
            elif how == "load-dialog":
                await pilot.click("#load")
                await pilot.pause()
                await pilot.press("enter")
            await pilot.pause()
            await pilot.pause()
            assert screen_name(app) == "DebriefScreen", how
    from game.saves import records_dir

    assert len(list(records_dir(saves).glob("*.record.json"))) == 1  # one game, one record, however often continued


async def test_when_saving_fails_quit_says_why_and_can_quit_without_saving(saves, monkeypatch):
    # (the key that asks to quit, the key that answers "quit without saving")
    for key, then in (("q", "enter"), ("ctrl+c", "enter"), ("ctrl+q", "enter"), ("ctrl+c", "ctrl+c"),
                      ("ctrl+q", "ctrl+q"), ("q", "ctrl+c")):
        app = new_app(saves, "en", name=f"full-{key}-{then}")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()

            def full_disk():
                raise OSError(28, "No space left on device")

            monkeypatch.setattr(app.session, "save", full_disk)
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, ConfirmDialog) and str(app.session.save_path) in screen_text(app.screen)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmDialog) and app.screen.purpose == "quit-unsaved"
            assert "No space left on device" in screen_text(app.screen)
            await pilot.press(then)  # out, without saving (never a retry loop)
            await pilot.pause()
        assert app.return_code == 0


async def test_a_closed_terminal_or_a_polite_kill_saves_the_week(saves):
    for signum in (1, 15):
        app = new_app(saves, "en", name=f"hup{signum}")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            await pilot.pause()
            while screen_name(app) == "EventCard":
                await pilot.press("1")
                await pilot.pause()
            state = app.session.state
            app.hang_up(signum)
            await pilot.pause()
        assert app.return_code == 128 + signum
        assert load_save(app.session.save_path).state.fingerprint() == state.fingerprint()


HOSTILE_NAMES = ["\x1b]0;pwned\x07x", "\u202eevil", "a\x1b[2Jb", "c\rd", "\x9b31me"]


def _safe(text: str) -> bool:
    return not any(ord(ch) < 32 and ch not in "\n\t" or 0x7f <= ord(ch) <= 0x9f or ch in BIDI for ch in text)


async def test_hostile_names_in_saves_are_shown_clean_in_the_load_dialog(saves):
    session = saved_game(saves, "seed-game")
    for number, name in enumerate(HOSTILE_NAMES):
        write_save(saves / f"h{number}.save.json", session.rules, session.state, player=name, lang="en")
    app = make_app(None, lang="en", saves_dir=str(saves))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#load")
        await pilot.pause()
        assert isinstance(app.screen, LoadDialog)
        shown = screen_text(app.screen)
        assert "evil" in shown and "pwned" not in shown and _safe(shown)


async def test_a_hostile_name_typed_in_the_game_is_saved_clean(saves):
    app = make_app(str(FIXTURE), lang="en", saves_dir=str(saves))
    async with app.run_test(size=SIZE) as pilot:
        await _new_game_from_title(app, pilot, "\u202ex\x1b]0;t\x07y")
        assert app.session.player == "xy"
