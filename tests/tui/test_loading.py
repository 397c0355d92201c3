"""Loading a game never blocks the screen: the scenario or save loads in a worker thread under a loading
dialog, keys still work meanwhile, and a problem comes back as one line (issue 15)."""

from __future__ import annotations

import threading

from game.tui.start import Start
from tui_helpers import FIXTURE, SIZE, new_app, screen_name, screen_text


def held_back(monkeypatch, name: str) -> threading.Event:
    """Make Start.`name` wait (off the event loop) until the returned event is set; record its thread."""
    release = threading.Event()
    real = getattr(Start, name)

    def slow(self, *args, **kwargs):
        assert threading.current_thread() is not threading.main_thread(), "loaded on the event loop's thread"
        assert release.wait(30)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Start, name, slow)
    return release


async def to_the_form(app, pilot) -> None:
    await pilot.pause()
    app.show_new_game("tester")
    await pilot.pause()


async def test_a_new_game_loads_in_a_worker_under_a_bilingual_loading_dialog(saves, monkeypatch):
    release = held_back(monkeypatch, "new_session")
    app = new_app(saves, "en", seed=None)
    async with app.run_test(size=SIZE) as pilot:
        await to_the_form(app, pilot)
        app.start_new_game(FIXTURE, 3, "tester")
        await pilot.pause()
        assert screen_name(app) == "LoadingDialog" and "Loading..." in screen_text(app.screen)
        await pilot.press("f2")  # the event loop answers keys while the scenario loads
        assert "正在读取..." in screen_text(app.screen)
        await pilot.press("f1", "ctrl+p")  # nothing opens above the loading dialog
        assert screen_name(app) == "LoadingDialog"
        app.start_new_game(FIXTURE, 3, "tester")  # a second press while loading starts no second game
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen_name(app) == "IntroScreen"
        assert app.session is not None and app.session.player == "tester"
        assert len(app.screen_stack) == 2  # the loading dialog is gone, nothing left behind


async def test_a_scenario_that_fails_to_load_is_one_line_on_the_form(saves, tmp_path):
    broken = tmp_path / "broken-town"
    broken.mkdir()
    (broken / "scenario.yaml").write_text("scenario: {id: broken-town}\n", encoding="utf-8")
    app = new_app(saves, "en", seed=None)
    async with app.run_test(size=SIZE) as pilot:
        await to_the_form(app, pilot)
        app.start_new_game(broken, 3, "tester")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen_name(app) == "NewGameScreen" and app.session is None
        status = str(app.screen.query_one("#new-status").content)
        assert "broken-town" in status or "scenario" in status.lower()


async def test_a_save_loads_in_a_worker_too(saves, monkeypatch):
    first = new_app(saves, "en")  # --seed: a game exists on disk from its start
    async with first.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first.session.try_save()
        path = first.session.save_path
    release = held_back(monkeypatch, "load_session")
    app = new_app(saves, "en", seed=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.load_game(path)
        await pilot.pause()
        assert screen_name(app) == "LoadingDialog"
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen_name(app) in ("WeekScreen", "EventCard")  # the week, with its waiting card if any
        assert app.session is not None and app.session.save_path == path
