"""Start-up benchmark: process start to the first drawn frame of `grassroots play` vs a bare Textual app.

Run: .venv/bin/python bench/bench_startup.py [--runs N] [--size 100x32]

Each run is a fresh Python process in a pseudo-terminal (a real terminal driver, not headless). The child
patches `App.run` to add an auto-pilot that waits until the first screen and its widgets are mounted, asks
for a callback after the next refresh (the first frame painted), writes the wall-clock time to a file and
exits. The parent takes the time just before starting the process, so a run measures interpreter start,
imports, app construction, mounting and the first paint — and not teardown. Both variants use the same
patch, so they pay the same (small) cost for it. The child also stamps its own CPU time at that frame,
which a busy shared machine disturbs far less than wall time. Target (issue 15): play <= 1.3x bare, in
CPU time; exits 1 when missed.
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
TARGET = 1.3  # play's first frame at most 1.3 times a bare Textual app's (issue 15)

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
                handle.write(f"{time.time()!r} {time.process_time()!r}")
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


def run_once(code: str, size: tuple[int, int], saves: str) -> tuple[float, float]:
    """(wall, CPU) seconds from starting the process to its first painted frame. The CPU time is the
    child's own (interpreter start included): less disturbed by other work on a shared machine."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    with tempfile.NamedTemporaryFile(suffix=".stamp", delete=False) as stamp_file:
        stamp = stamp_file.name
    # a first start: no settings file (the machine's own settings, e.g. another theme, would change the run)
    env = dict(os.environ, BENCH_STAMP=stamp, BENCH_SAVES=saves, TERM="xterm-256color", PYTHONPATH=str(ROOT),
               GRASSROOTS_CONFIG_DIR=str(Path(saves) / "config"))
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
    wall, cpu = text.split()
    return float(wall) - started, float(cpu)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each variant (alternating)")
    parser.add_argument("--size", default="100x32", help="terminal size, WxH")
    args = parser.parse_args()
    size = tuple(int(x) for x in args.size.split("x"))
    times: dict[str, list[tuple[float, float]]] = {"bare": [], "play": []}
    with tempfile.TemporaryDirectory() as saves:
        run_once(BARE, size, saves)  # warm the file cache (and write the game's bytecode) once for each
        run_once(PLAY, size, saves)
        for _ in range(args.runs):
            times["bare"].append(run_once(BARE, size, saves))
            times["play"].append(run_once(PLAY, size, saves))
    medians = {name: (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
               for name, runs in times.items()}
    for name, runs in times.items():
        walls = sorted(w for w, _ in runs)
        print(f"{name:5} median {medians[name][0] * 1000:6.0f} ms (CPU {medians[name][1] * 1000:4.0f} ms)   "
              f"min {walls[0] * 1000:6.0f} ms   max {walls[-1] * 1000:6.0f} ms   ({len(runs)} runs)")
    wall_ratio = medians["play"][0] / medians["bare"][0]
    cpu_ratio = medians["play"][1] / medians["bare"][1]
    ok = cpu_ratio <= TARGET
    print(f"play / bare = {wall_ratio:.2f} wall, {cpu_ratio:.2f} CPU (target <= {TARGET} in CPU time: "
          f"{'OK' if ok else 'MISSED'}; load average {os.getloadavg()[0]:.1f})")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
