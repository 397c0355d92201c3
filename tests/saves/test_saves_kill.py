"""A kill at any moment (SIGKILL, or Ctrl+C inside a save) never leaves a broken save, and loses at most
the save being written."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from saves_helpers import FIXTURE, prefix, snapshot_files

import game.saves.atomic as atomic
from game.engine import Rules
from game.saves import SaveError, backup_path, load_save, write_save
from game.saves.errors import WRITE_FAILED

KILLS = 40


def test_sigkill_during_saves_always_leaves_a_loadable_save(tmp_path: Path, rules: Rules) -> None:
    writer = subprocess.Popen([sys.executable, str(Path(__file__).with_name("kill_writer.py")), str(FIXTURE)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    watchdog = threading.Timer(120, writer.kill)  # a hung helper fails the test instead of hanging it
    watchdog.start()
    rng = random.Random(4242)
    try:
        ready = writer.stdout.readline().split()
        assert ready[0] == "ready", ready
        length = int(ready[1])
        for run in range(KILLS):
            folder = tmp_path / f"run{run}"
            folder.mkdir()
            writer.stdin.write(f"{folder}\n")
            writer.stdin.flush()
            started, confirmed, wanted = False, [], rng.randint(1, 3)
            while not started or len(confirmed) < wanted:
                line = writer.stdout.readline().strip()
                assert line, "the writer stopped"
                if line == "started":
                    started = True
                else:
                    confirmed.append(int(line))
            time.sleep(rng.uniform(0, 0.03))  # land the kill somewhere inside a later save
            writer.stdin.write("kill\n")  # the helper kills its own child: this test signals no pid
            writer.stdin.flush()
            for line in iter(writer.stdout.readline, ""):
                if line.strip() == "reaped":
                    break
                confirmed.append(int(line))
            last = confirmed[-1]
            path = folder / "kill.save.json"
            loaded = load_save(path, rules=rules)
            assert loaded.warnings == [], loaded.warnings  # the save itself loads: no fallback was needed
            assert len(loaded.state.decisions) in (last, last % length + 1)  # at most the save in flight lost
            if backup_path(path).exists():
                load_save(backup_path(path), rules=rules)
            leftovers = {p.name for p in folder.iterdir()} - {path.name, backup_path(path).name}
            # a killed writer may leave its temp file, and its lock file (unlocked: the OS dropped the lock)
            assert all(name.startswith(".kill.save.json.") and name.endswith((".tmp", ".lock")) for name in leftovers)
            write_save(path, rules, loaded.state, player="kill", lang="en")  # the next save cleans up
            assert {p.name for p in folder.iterdir()} == {path.name, backup_path(path).name}
    finally:
        watchdog.cancel()
        writer.stdin.close()
        writer.kill()
        writer.wait()


class Interrupt(KeyboardInterrupt):
    """Ctrl+C arriving at one chosen system call."""


@pytest.mark.parametrize("target", ["write", "fsync", "replace", "open"])
def test_ctrl_c_at_every_step_of_a_save(tmp_path: Path, rules: Rules, finished, monkeypatch, target) -> None:
    path = tmp_path / "p.save.json"
    old, new = prefix(rules, finished, 7), prefix(rules, finished, 8)
    write_save(path, rules, prefix(rules, finished, 6), player="p", lang="en")
    write_save(path, rules, old, player="p", lang="en")
    steps = 0
    while True:
        steps += 1
        calls = [0]
        real = getattr(os, target) if target != "write" else None

        def interrupted(*args, _real=real, _mine=threading.get_ident(), **kwargs):
            if threading.get_ident() != _mine:  # another thread of the test runner's own: not the save's call
                return _real(*args, **kwargs)
            calls[0] += 1
            if calls[0] == steps:
                raise Interrupt()
            return _real(*args, **kwargs)

        if target == "write":
            import io

            real_write = io.BufferedWriter.write
            patched = lambda self, data: interrupted(self, data, _real=real_write)  # noqa: E731
            monkeypatch.setattr(atomic.os, "fdopen", _fdopen_with(patched))
        else:
            monkeypatch.setattr(os, target, interrupted)
        try:
            write_save(path, rules, new, player="p", lang="en")
            finished_write = True
        except Interrupt:
            finished_write = False
        finally:
            monkeypatch.undo()
        loaded = load_save(path, rules=rules)
        assert loaded.warnings == []
        # interrupted: the old save, or the new one when only the final directory sync was cut short
        assert len(loaded.state.decisions) in ((8,) if finished_write else (7, 8))
        assert len(load_save(backup_path(path), rules=rules).state.decisions) in (6, 7)
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # nothing left behind
        if finished_write:
            break
        write_save(path, rules, old, player="p", lang="en")  # back to the old save for the next step
    assert steps > 1  # the interrupt really landed inside at least one save


def _fdopen_with(write):
    real_fdopen = os.fdopen

    def fdopen(*args, **kwargs):
        handle = real_fdopen(*args, **kwargs)

        class Wrapped:
            def __enter__(self):
                handle.__enter__()
                return self

            def __exit__(self, *exc):
                return handle.__exit__(*exc)

            def write(self, data):
                return write(handle, data)

            def __getattr__(self, name):
                return getattr(handle, name)

        return Wrapped()

    return fdopen


def test_stale_temp_files_are_removed_by_the_next_save(tmp_path: Path, rules: Rules, midgame) -> None:
    path = tmp_path / "p.save.json"
    write_save(path, rules, midgame, player="p", lang="en")
    for name in (".p.save.json.abc123.tmp", ".p.save.json.bak.xyz.tmp"):
        (tmp_path / name).write_text("half a save")
    (tmp_path / ".other.save.json.abc.tmp").write_text("another player's write in progress")
    write_save(path, rules, midgame, player="p", lang="en")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.save.json.abc.tmp", "p.save.json",
                                                          "p.save.json.bak"]


def test_a_damaged_save_is_moved_aside_not_overwritten(tmp_path: Path, rules: Rules, finished) -> None:
    path = tmp_path / "p.save.json"
    write_save(path, rules, prefix(rules, finished, 5), player="p", lang="en")
    write_save(path, rules, prefix(rules, finished, 6), player="p", lang="en")
    good_backup = backup_path(path).read_bytes()
    path.write_bytes(b"{damaged")
    loaded = load_save(path)  # falls back to the backup...
    write_save(path, rules, prefix(rules, finished, 7), player="p", lang="en")  # ...and the game goes on
    assert backup_path(path).read_bytes() == good_backup  # the good backup was not replaced by the damage
    assert (tmp_path / "p.save.json.damaged").read_bytes() == b"{damaged"
    assert len(load_save(path).state.decisions) == 7 and len(loaded.state.decisions) == 5


def test_a_failed_write_keeps_the_previous_save(tmp_path: Path, rules: Rules, finished, monkeypatch) -> None:
    path = tmp_path / "p.save.json"
    write_save(path, rules, prefix(rules, finished, 5), player="p", lang="en")
    before = snapshot_files(tmp_path)

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(SaveError) as err:
        write_save(path, rules, prefix(rules, finished, 6), player="p", lang="en")
    monkeypatch.undo()
    assert err.value.code == WRITE_FAILED and "No space left on device" in str(err.value)
    assert "previous save is unchanged" in str(err.value)
    assert snapshot_files(tmp_path) == before


def test_a_folder_in_the_way_is_left_alone(tmp_path: Path, rules: Rules, midgame) -> None:
    path = tmp_path / "p.save.json"
    path.mkdir()
    (path / "inside.txt").write_text("mine")
    with pytest.raises(SaveError) as err:
        write_save(path, rules, midgame, player="p", lang="en")
    assert err.value.code == WRITE_FAILED and "folder" in str(err.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.save.json"]
    assert (path / "inside.txt").read_text() == "mine"
