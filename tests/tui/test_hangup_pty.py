"""Issue 11: closing the terminal (SIGHUP) or a polite kill (SIGTERM) in the middle of a week loses
nothing: the real program, in a pseudo-terminal, saves and exits with 128 + the signal's number."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.saves import list_saves, load_save

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "scenarios" / "mini-town"
pytestmark = pytest.mark.skipif(not hasattr(os, "openpty") or sys.platform == "win32", reason="needs a pty")


def _drain(master: int, until: float) -> bytes:
    out = b""
    while time.monotonic() < until:
        ready, _, _ = select.select([master], [], [], 0.05)
        if not ready:
            break
        try:
            out += os.read(master, 65536)
        except OSError:
            break
    return out


def _wait_for(check, limit: float = 60.0) -> bool:
    """Poll `check` until it holds; the limit only turns a hang into a failure."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return check()


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM])
def test_a_signal_mid_week_saves_the_game(signum: int, tmp_path: Path) -> None:
    master, slave = os.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "32"}
    game = subprocess.Popen([sys.executable, "-m", "game", "play", str(FIXTURE), "--seed", "3", "--lang", "en",
                             "--name", "hup", "--saves-dir", str(tmp_path)], cwd=ROOT, env=env,
                            stdin=slave, stdout=slave, stderr=slave, start_new_session=True, close_fds=True)
    os.close(slave)
    try:
        def decisions() -> int:
            """Decisions in the game's save; -1 while there is no save yet (the intro screen)."""
            saves = list_saves(tmp_path)
            return len(load_save(saves[0].path).decisions) if saves else -1

        for attempt in range(90):  # begin week 1, answer the opening card, take approaches: each is saved at once
            before = decisions()
            if before >= 3:
                break
            # Enter on the intro, then 1s; a choice that crosses a line asks first, so a `y` follows when a `1`
            # made no decision; a key that lands while a screen is still coming may be dropped: it is sent again
            os.write(master, b"\r" if before < 0 else b"1y"[attempt % 2:attempt % 2 + 1])
            _wait_for(lambda: _drain(master, time.monotonic() + 0.1) is not None and decisions() != before, 2)
        made = decisions()
        assert made >= 3, "decisions were not saved as they were made"
        game.send_signal(signum)  # the process this test started
        deadline = time.monotonic() + 30  # a guard against a hang, not a measurement
        while game.poll() is None and time.monotonic() < deadline:
            _drain(master, time.monotonic() + 0.2)  # keep reading, so the app never blocks on a full pty
        assert game.wait(timeout=5) == 128 + signum
    finally:
        if game.poll() is None:
            game.kill()
            game.wait()
        os.close(master)
    assert decisions() >= made  # nothing saved was lost (a key still queued may have added one more)
    assert not list(tmp_path.glob(".*.lock"))  # the lock went with the game
