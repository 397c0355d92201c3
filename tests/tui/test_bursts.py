"""Fast typing: long seeded bursts of keys, sent at once as a real terminal delivers them, at every screen.

Keys typed faster than dialogs open and close must never crash the app, blank the screen (a second answer
popping the screen below a dialog), or leave the screen showing something other than the game's state.
"""

from __future__ import annotations

import random

import pytest
from textual import events

from game.i18n import t
from game.tui.dialogs.too_small import TooSmall
from game.tui.launch import make_app
from game.tui.screens.base import GameDialog, GameScreen
from tui_helpers import FIXTURE, SIZE, finish, new_app, saved_game, screen_name

# every key the game binds, and some it does not; no quit keys (a burst may legitimately quit with them)
KEYS = [*"123456789", "e", "y", "n", "m", "a", "x", "space", "enter", "escape", "tab", "shift+tab", "up", "down",
        "left", "right", "home", "end", "pageup", "pagedown", "f1", "f2", "f3", "question_mark"]
CHARS = {"space": " ", "enter": "\r", "tab": "\t", "escape": "\x1b", "question_mark": "?"}

# the week's flow as the issue typed it, and random bursts
FIXED = "2 2 2 2 2 2 e y space 1 1 1 e y space 1 1 e y space".split()


def send_burst(app, keys: list[str]) -> None:
    """Queue every key at once (Pilot.press waits after each key; a terminal does not)."""
    for key in keys:
        event = events.Key(key, CHARS.get(key, key if len(key) == 1 else None))
        event.set_sender(app)
        app._driver.send_message(event)


def _moment(app) -> tuple:
    """What a key can still change: the screens, the decisions taken, the flows and workers running."""
    state = app.session.state if app.session is not None else None
    return (tuple(map(id, app.screen_stack)), len(state.decisions) if state is not None else -1,
            state.week if state is not None else -1, app.lang,
            sum(worker.is_running for worker in app.workers), getattr(app.screen, "busy", False))


async def settle(pilot, rounds: int = 30) -> None:
    """Pause until every queued key has acted: nothing changed over three pauses in a row and no worker
    runs (at most `rounds` pauses). Each pause draws the screen, so waiting no longer than needed is what
    keeps the burst tests fast; they assert the same things once the app is quiet."""
    app, last, quiet = pilot.app, None, 0
    for _ in range(rounds):
        await pilot.pause()
        now = _moment(app)
        quiet = quiet + 1 if now == last and not now[4] else 0
        if quiet >= 3:
            return
        last = now


def check_consistent(app) -> None:
    """The app runs, a game screen is under any dialogs, and the screen shows the session's state."""
    assert app.is_running
    stack = app.screen_stack
    assert len(stack) >= 2 and isinstance(stack[1], GameScreen), [type(s).__name__ for s in stack]
    assert all(isinstance(s, (GameDialog, TooSmall)) for s in stack[2:]), [type(s).__name__ for s in stack]
    assert sum(isinstance(s, GameScreen) for s in stack) == 1
    session, top = app.session, app.screen
    if screen_name(app) == "WeekScreen":
        state = session.state
        assert not state.ended and not state.pending, "a waiting card or an ended game is not being shown"
        hours = top.query_one("#hours").content
        assert str(hours) == t("week.hours", app.lang, left=f"{state.hours_left:g}", total=f"{state.hours_week:g}")
        assert t("week_of", app.lang, n=state.week, total=session.rules.weeks) in str(top.query_one("#week-label").content)
    if session is not None and session.state.ended and any(screen_name(app) == n for n in ("WeekScreen",)):
        raise AssertionError("the game ended but the week is still shown")


async def at_title(app, pilot):
    return None


async def at_new_game(app, pilot):
    await pilot.press("enter")


async def at_week(app, pilot):
    await pilot.press("enter", "1")


async def at_card(app, pilot):
    await pilot.press("enter")


async def at_summary(app, pilot):
    await pilot.press("enter", "1", "e", "enter")


async def at_help(app, pilot):
    await pilot.press("enter", "1", "f1")


START = {"title": (False, at_title), "new-game": (False, at_new_game), "intro": (True, at_title),
         "card": (True, at_card), "week": (True, at_week), "summary": (True, at_summary), "help": (True, at_help)}


@pytest.mark.parametrize("where", list(START))
@pytest.mark.parametrize("seed", [1])
async def test_random_burst_at_every_screen(saves, where, seed):
    game, reach = START[where]
    app = new_app(saves, "en") if game else make_app(None, lang="en", saves_dir=str(saves))
    rng = random.Random(f"{where}-{seed}")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await reach(app, pilot)
        await pilot.pause()
        send_burst(app, [rng.choice(KEYS) for _ in range(200)])
        await settle(pilot)
        check_consistent(app)


async def test_random_burst_at_the_debrief(saves):
    session = finish(saved_game(saves, "burst", weeks=0))
    app = make_app(str(FIXTURE), lang="en", saves_dir=str(saves), load=str(session.save()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert screen_name(app) == "DebriefScreen"
        send_burst(app, [random.Random(7).choice([k for k in KEYS if k != "m"]) for _ in range(200)])
        await settle(pilot)
        check_consistent(app)
        assert screen_name(app) in ("DebriefScreen", "HelpDialog")


@pytest.mark.parametrize("run", range(2))
async def test_the_issues_burst_plays_weeks_without_a_crash(saves, run):
    app = new_app(saves, "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        send_burst(app, FIXED)
        await settle(pilot)
        check_consistent(app)
        # keys typed ahead of a dialog are not answers to it: every decision taken was one the screen showed
        assert len(app.session.state.decisions) <= len(FIXED)


async def test_a_burst_played_to_the_end_reaches_the_debrief(saves):
    app = new_app(saves, "en")
    rng = random.Random(11)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(60):
            send_burst(app, [rng.choice(["1", "2", "e", "y", "space", "enter", "down"]) for _ in range(40)])
            await settle(pilot, 10)
            check_consistent(app)
            if screen_name(app) == "DebriefScreen":
                break
        assert app.session.state.ended and screen_name(app) == "DebriefScreen"
