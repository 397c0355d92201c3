"""Every terminal size from 1x1 up, on every kind of screen, and resizes in quick succession.

Below 80x24 the game is covered by a request to enlarge the window, but the screens under it are still
laid out and drawn at that size: none of them may raise, at any size."""

from __future__ import annotations

import random

import pytest

from game.tui.dialogs.too_small import MIN_HEIGHT, MIN_WIDTH
from game.tui.launch import make_app
from tui_helpers import FIXTURE, finish, new_app, saved_game, screen_name

# Each drawing of ours is tested at every width in test_every_width.py; here the layouts: every small
# size up to 4x4 (where what is left for a part can be 0), then widths and heights around each border,
# breakpoint and fixed part width (1, 2, 5, 13, 30, 50, the minimum, the tall breakpoint).
EDGES = (1, 2, 5, 13, 30, 50)
SIZES = sorted({(w, h) for w in range(1, 5) for h in range(1, 5)}
               | {(w, h) for w in (*EDGES, MIN_WIDTH - 1, MIN_WIDTH, 120) for h in (1, 5, MIN_HEIGHT - 1, MIN_HEIGHT)}
               | {(w, h) for h in (*EDGES, MIN_HEIGHT, 33, 34) for w in (1, 30, MIN_WIDTH)})


def debrief_app(saves):
    session = finish(saved_game(saves, "sizes", weeks=0))
    return make_app(str(FIXTURE), lang="zh", saves_dir=str(saves), load=str(session.save()))


WHERE = {
    "card": (lambda s: new_app(s, "zh"), ["enter"]),
    "week": (lambda s: new_app(s, "en"), ["enter", "1", "1", "y"]),
    "debrief": (debrief_app, []),
}


@pytest.mark.parametrize("where", list(WHERE))
async def test_every_size_draws_without_error(saves, where):
    factory, keys = WHERE[where]
    app = factory(saves)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        name = screen_name(app)
        for size in SIZES:
            await pilot.resize_terminal(*size)  # (it pauses once: the new size is laid out and drawn)
            small = size[0] < MIN_WIDTH or size[1] < MIN_HEIGHT
            for _ in range(3):  # covering or uncovering the game may take another pause, seldom more
                if screen_name(app) == ("TooSmall" if small else name):
                    break
                await pilot.pause()
            assert screen_name(app) == ("TooSmall" if small else name), size
        await pilot.resize_terminal(100, 34)
        await pilot.pause()
        assert screen_name(app) == name


@pytest.mark.parametrize("seed", [1, 2])
async def test_rapid_resizes_end_at_the_last_size(saves, seed):
    rng = random.Random(seed)
    app = new_app(saves, "en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "1")
        await pilot.pause()
        for _ in range(200):  # no pause between: resizes arrive faster than frames
            app.post_message(__import__("textual.events", fromlist=["Resize"]).Resize.from_dimensions(
                (rng.randint(1, 160), rng.randint(1, 50)), None))
        for size in ((100, 30), (30, 24), (20, 24), (80, 24)):  # the sequence, then the minimum
            await pilot.resize_terminal(*size)
        await pilot.pause()
        await pilot.pause()
        assert screen_name(app) == "WeekScreen" and app.size == (80, 24)
