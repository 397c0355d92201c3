"""Issue 11: a FIFO, a device or a folder named like a save or a scenario file is refused at once, never
opened for a blocking read, by every reader (saves, records, listings, scenarios, the CLI)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from saves_helpers import FIXTURE

from game.read_file import NotRegularFile, TooLarge, read_regular
from game.saves import SaveError, list_saves, load_save, read_game, verify_record
from game.scenario.catalog import scenario_titles

ROOT = Path(__file__).resolve().parents[2]
KINDS = ["fifo", "link-to-fifo", "link-to-tty", "link-to-null", "folder", "link-to-zero"]
pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")


def make(kind: str, path: Path) -> Path:
    """Something that is not a regular file, at `path`."""
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "link-to-fifo":
        os.mkfifo(path.with_name("real-fifo"))
        path.symlink_to(path.with_name("real-fifo"))
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to({"link-to-tty": "/dev/tty", "link-to-null": "/dev/null", "link-to-zero": "/dev/zero"}[kind])
    return path


def _cli(*args: str) -> subprocess.CompletedProcess:
    # The timeout only turns a hang into a failure; nothing here measures time.
    return subprocess.run([sys.executable, "-m", "game", *args], capture_output=True, text=True, timeout=60,
                          cwd=ROOT, stdin=subprocess.DEVNULL, check=False, start_new_session=True)


@pytest.mark.parametrize("kind", KINDS)
def test_the_bounded_reader_refuses_what_is_not_a_regular_file(kind: str, tmp_path: Path) -> None:
    path = make(kind, tmp_path / "x.save.json")
    with pytest.raises((NotRegularFile, IsADirectoryError, OSError)) as err:
        read_regular(path, 1000)
    assert not isinstance(err.value, TooLarge)
    regular = tmp_path / "big"
    regular.write_bytes(b"x" * 2000)
    with pytest.raises(TooLarge):
        read_regular(regular, 1000)
    assert read_regular(regular, 1000, cut=True) == b"x" * 1001


@pytest.mark.parametrize("kind", KINDS)
def test_save_readers_refuse_at_once(kind: str, tmp_path: Path) -> None:
    path = make(kind, tmp_path / "x.save.json")
    for reader in (load_save, read_game, verify_record):
        with pytest.raises(SaveError) as err:
            reader(path)
        assert err.value.code in ("unreadable", "missing")
    assert list_saves(tmp_path) == []  # the Load dialog's list skips it without opening it


@pytest.mark.parametrize("kind", KINDS)
def test_replay_and_play_load_refuse_at_once(kind: str, tmp_path: Path) -> None:
    path = make(kind, tmp_path / "x.save.json")
    for args in (["replay", str(path)], ["replay", str(path), "--verify"],
                 ["play", "--load", str(path), "--saves-dir", str(tmp_path / "saves")]):
        done = _cli(*args)
        assert done.returncode in (1, 2) and "Traceback" not in done.stderr, (args, done.stderr)
        assert len(done.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("kind", ["fifo", "link-to-fifo", "link-to-tty", "link-to-zero"])
def test_a_scenario_file_that_is_not_regular_is_an_error_not_a_hang(kind: str, tmp_path: Path) -> None:
    folder = Path(shutil.copytree(FIXTURE, tmp_path / "town"))
    (folder / "scenario.yaml").unlink()
    make(kind, folder / "scenario.yaml")
    done = _cli("validate", str(folder))
    assert done.returncode == 1 and "not a regular file" in done.stdout + done.stderr
    assert scenario_titles(folder) == {}  # the New game list reads titles this way
    done = _cli("play", str(folder), "--seed", "1", "--saves-dir", str(tmp_path / "saves"))
    assert done.returncode == 1 and "Traceback" not in done.stderr


@pytest.mark.parametrize("kind", ["fifo", "link-to-tty", "link-to-zero"])
def test_a_strategy_file_that_is_not_regular_is_an_error_not_a_hang(kind: str, tmp_path: Path) -> None:
    from game.sim.strategy import StrategyError, load_strategy

    path = make(kind, tmp_path / "mine.yaml")
    with pytest.raises(StrategyError):
        load_strategy(path)
    done = _cli("simulate", str(FIXTURE), "--runs", "2", "--jobs", "1", "--strategy", str(path))
    assert done.returncode in (1, 2) and "Traceback" not in done.stderr and done.stderr.count("\n") == 1
