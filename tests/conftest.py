"""Shared fixtures for the whole suite (kept minimal: each test folder has its own helpers)."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURE_DIR = Path(__file__).resolve().parent / "fixtures" / "scenarios" / "mini-town"


@pytest.fixture
def fixture_dir() -> Path:
    """The complete fixture scenario, mini-town (read-only: copy it before changing anything)."""
    return FIXTURE_DIR


@pytest.fixture(autouse=True)
def _play_in_a_terminal(monkeypatch):
    """Tests run `grassroots play` in-process with captured (non-terminal) streams; they test what play
    does after the terminal check, which tests/cli/test_play_terminal.py tests in real subprocesses."""
    monkeypatch.setattr("game.cli.cmd_play.terminal_problem", lambda: None)


@pytest.fixture(autouse=True)
def config_dir(tmp_path_factory, monkeypatch) -> Path:
    """Every test gets an empty settings folder of its own (game/settings.py), never the user's, and
    outside its tmp_path (which some tests list)."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("GRASSROOTS_CONFIG_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def isolated_content_roots(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test sees the machine's user content folder or $GRASSROOTS_CONTENT_DIR (catalog.py's roots)."""
    from game.scenario import catalog

    user = tmp_path_factory.mktemp("user-data") / "scenarios"
    monkeypatch.delenv(catalog.ENV_VAR, raising=False)
    monkeypatch.setattr(catalog, "user_root", lambda: user)
    catalog.use_content_dirs(())


@pytest.fixture(autouse=True)
def _no_shared_records_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    """A facilitator's shared records folder ($GRASSROOTS_RECORDS_DIR) never receives a test's records."""
    monkeypatch.delenv("GRASSROOTS_RECORDS_DIR", raising=False)


@pytest.fixture(autouse=True)
def _own_saves_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """A game a test starts without --saves-dir (in process or in a child) saves in a folder of the test's
    own, never in the checkout's saves/ nor the user's (a `play --seed` run in the checkout left its lock
    files there). Tests of where saves go set or unset $GRASSROOTS_SAVES_DIR themselves."""
    monkeypatch.setenv("GRASSROOTS_SAVES_DIR", str(tmp_path_factory.mktemp("saves-default")))
