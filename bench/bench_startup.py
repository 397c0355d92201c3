"""Start-up benchmark: process start to the first drawn frame of `grassroots play` vs a bare Textual app.

Run: .venv/bin/python bench/bench_startup.py [--runs N] [--size 100x32]

Each run is a fresh Python process in a pseudo-terminal (a real terminal driver, not headless). The child
patches `App.run` to add an auto-pilot that waits until the first screen and its widgets are mounted, asks
for a callback after the next refresh (the first frame painted), writes the wall-clock time to a file and
exits. The parent takes the time just before starting the process, so a run measures interpreter start,
imports, app construction, mounting and the first paint — and not teardown. Both variants use the same
patch, so they pay the same (small) cost for it. Targets: play <= 1.5x bare, and under 0.5 s.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PATCH = r"""
import asyncio, os, sys, time
import textual.app

_run = textual.app.App.run

def _run_until_first_frame(self, *args, **kwargs):
    async def auto_pilot(pilot):
        app = pilot.app
        while not (app.screen.is_mounted and app.screen.children
                   and all(child.is_mounted for child in app.screen.children)):
            await asyncio.sleep(0.0005)

        def stamp():
            with open(os.environ["BENCH_STAMP"], "w") as handle:
                handle.write(repr(time.time()))
            app.exit()

        app.screen.call_after_refresh(stamp)

    kwargs["auto_pilot"] = auto_pilot
    return _run(self, *args, **kwargs)

textual.app.App.run = _run_until_first_frame
"""

PLAY = PATCH + r"""
from game.cli.main import main
sys.exit(main(["play", "--lang", "en", "--saves-dir", os.environ["BENCH_SAVES"]]))
"""

BARE = PATCH + r"""
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("hello")

Bare().run()
"""


def run_once(code: str, size: tuple[int, int], saves: str) -> float:
    """Seconds from starting the process to its first painted frame."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    with tempfile.NamedTemporaryFile(suffix=".stamp", delete=False) as stamp_file:
        stamp = stamp_file.name
    env = dict(os.environ, BENCH_STAMP=stamp, BENCH_SAVES=saves, TERM="xterm-256color", PYTHONPATH=str(ROOT))
    # As a player's second start: the game's modules compiled once (pip compiles them when it installs; a
    # checkout, on the first run). With PYTHONDONTWRITEBYTECODE set, every run would compile the game from
    # source, while Textual's installed bytecode is used: a cost no player pays, only the game's side.
    env.pop("PYTHONDONTWRITEBYTECODE", None)

    def drain() -> None:  # the child's screen output must be read or it blocks
        try:
            while os.read(master, 65536):
                pass
        except OSError:
            pass

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    started = time.time()
    process = subprocess.Popen([sys.executable, "-c", code], stdin=slave, stdout=slave, stderr=slave, env=env,
                               cwd=ROOT, start_new_session=True)
    try:
        process.wait(timeout=30)
    finally:
        os.close(slave)
        os.close(master)
    text = Path(stamp).read_text()
    os.unlink(stamp)
    if process.returncode != 0 or not text:
        raise RuntimeError(f"run failed with exit code {process.returncode}")
    return float(text) - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each variant (alternating)")
    parser.add_argument("--size", default="100x32", help="terminal size, WxH")
    args = parser.parse_args()
    size = tuple(int(x) for x in args.size.split("x"))
    times: dict[str, list[float]] = {"bare": [], "play": []}
    with tempfile.TemporaryDirectory() as saves:
        run_once(BARE, size, saves)  # warm the file cache once for each
        run_once(PLAY, size, saves)
        for _ in range(args.runs):
            times["bare"].append(run_once(BARE, size, saves))
            times["play"].append(run_once(PLAY, size, saves))
    bare, play = statistics.median(times["bare"]), statistics.median(times["play"])
    for name, values in times.items():
        values.sort()
        print(f"{name:5} median {statistics.median(values) * 1000:6.0f} ms   min {values[0] * 1000:6.0f} ms   "
              f"max {values[-1] * 1000:6.0f} ms   ({len(values)} runs)")
    ratio = play / bare
    ok = ratio <= 1.5 and play < 0.5
    print(f"play / bare = {ratio:.2f}  (target <= 1.5, and play < 500 ms): {'OK' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
