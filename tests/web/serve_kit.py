"""Helpers for the serve tests: start `grassroots serve` as a real process, and drive its page's websocket
protocol (textual-serve's: ["stdin", keys] in, terminal bytes out) with aiohttp's real client."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ESCAPES = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]")


def need_web_extra() -> None:
    """Skip where the web extra is not installed, except in CI (.ci/run installs it: there it must run)."""
    try:
        import aiohttp  # noqa: F401
        import textual_serve  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            raise
        pytest.skip("the web extra is not installed: pip install -e '.[web]'", allow_module_level=True)


class Served:
    """A running `grassroots serve` on a free loopback port (port 0), stopped by stop()."""

    def __init__(self, class_dir: Path, *args: str) -> None:
        self.class_dir = class_dir
        self.process = subprocess.Popen(
            [sys.executable, "-m", "game", "serve", "--port", "0", "--class-dir", str(class_dir), *args],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
        first = self.process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", first)
        assert match, first + self.process.stderr.read()
        self.port = int(match.group(1))
        self.key = re.search(r"key=(\S+)", self.process.stdout.readline()).group(1)
        self.children: set[int] = set()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def note_children(self) -> set[int]:
        """The server's child processes now (each game), remembered for the orphan check."""
        found = set()
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                if int(stat.rsplit(")", 1)[1].split()[1]) == self.process.pid:
                    found.add(int(entry.name))
        self.children |= found
        return found

    def stop(self, timeout: float = 15.0) -> tuple[int, float, str]:
        """Ctrl+C the server; (exit code, seconds it took, its stdout+stderr)."""
        start = time.monotonic()
        self.process.send_signal(signal.SIGINT)
        out, err = self.process.communicate(timeout=timeout)
        return self.process.returncode, time.monotonic() - start, out + err

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def alive(pid: int) -> bool:
    """True for a running (not zombie) process."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


class Tab:
    """One browser tab's websocket: send keys, read the screen text it draws."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self.text = ""
        self.mark = 0  # where the screen text stood when the last key was sent

    async def read(self, seconds: float) -> str:
        """Terminal output for `seconds` (escape sequences removed); also appended to self.text."""
        import aiohttp

        chunks = []
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:  # not receive(timeout=...): it starts its timeout again after each ping it answers (the
                # server pings every 15 s), so a quiet read longer than that would never end
                message = await asyncio.wait_for(self.ws.receive(), left)
            except asyncio.TimeoutError:
                break
            if message.type == aiohttp.WSMsgType.BINARY:
                chunks.append(message.data)
            elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING):
                break
        text = ESCAPES.sub("", b"".join(chunks).decode("utf-8", "replace"))
        self.text += text
        return text

    async def wait_for(self, pattern: str, seconds: float = 30.0) -> bool:
        """Read until `pattern` (a regex) shows on the screen since the last key; False after `seconds`."""
        deadline = time.monotonic() + seconds
        while not re.search(pattern, self.text[self.mark:]):
            if time.monotonic() > deadline:
                return False
            await self.read(0.5)
        return True

    async def keys(self, *keys: str, pause: float = 0.6) -> str:
        """Send keys one by one as the page does; return what the screen drew meanwhile."""
        drawn = ""
        for key in keys:
            self.mark = len(self.text)
            await self.ws.send_str(json.dumps(["stdin", key]))
            drawn += await self.read(pause)
        return drawn


def save_of(class_dir: Path, token: str) -> dict:
    """The player's latest save, parsed ({} when none yet)."""
    saves = sorted((class_dir / "saves" / token).glob("*.save.json"), key=lambda p: p.stat().st_mtime)
    return json.loads(saves[-1].read_text(encoding="utf-8")) if saves else {}


def progress(class_dir: Path, token: str) -> dict:
    """Like save_of, but {} also while the save is being replaced."""
    try:
        return save_of(class_dir, token)
    except (OSError, ValueError):
        return {}


# One turn of keys that moves the game on from any screen, whichever shows: `e` asks to end the week, `y`
# confirms (the end of a week, or a choice that crosses a line: Enter alone means no there), space closes
# the week's ledger, `1` answers an event card or takes the first approach. A key that changes nothing where
# it lands (or is dropped because a screen is still coming) costs one pause; the turn comes round again.
TURN = ("e", "y", " ", "1", "y")


async def drive(tab: Tab, class_dir: Path, token: str, done, keys: tuple[str, ...] = TURN,
                pause: float = 1.0, seconds: float = 180.0) -> dict:
    """Send `keys` in turn, each once the previous one took effect in the save (or after `pause` seconds),
    until `done(save)` holds; return that save. AssertionError after `seconds`."""
    deadline = time.monotonic() + seconds
    turn = 0
    while not done(save := progress(class_dir, token)):
        assert time.monotonic() < deadline, f"the game did not get there: {save.get('snapshot')} {tab.text[-600:]}"
        tab.mark = len(tab.text)
        await tab.ws.send_str(json.dumps(["stdin", keys[turn % len(keys)]]))
        turn += 1
        wait_until = time.monotonic() + pause
        while time.monotonic() < wait_until and progress(class_dir, token) == save:
            await tab.read(0.15)
    return save


async def begin(tab: Tab, tries: int = 10, weeks: int = 12) -> None:
    """From the intro into week 1 (of `weeks`): Enter, sent again while week 1 does not show (a dropped key)."""
    assert await tab.wait_for("Begin week 1"), tab.text[-500:]
    for _ in range(tries):
        await tab.keys("\r", pause=0.3)
        if await tab.wait_for(rf"Week 1/{weeks}", 2):
            return
    raise AssertionError(tab.text[-500:])


def after_end_of_week(save: dict) -> int:
    """Decisions taken since the last end of a week (all of them before the first)."""
    decisions = save.get("decisions", [])
    ends = [i for i, d in enumerate(decisions) if d == ["end_week"]]
    return len(decisions) - 1 - ends[-1] if ends else len(decisions)
