"""`grassroots serve`: memory and CPU per game session, and the time to the first frame in a browser.

    python bench/bench_serve.py                 # 3 browser loads, then 6 sessions, 60 s idle, Ctrl+C
    python bench/bench_serve.py --sessions 12   # more sessions at once

Needs the web extra (`pip install -e '.[web]'`) and, for the browser part, Debian's chromium
(`bash tests/web/setup_browser.sh`). Starts a real server on a free loopback port with a temporary class
folder; each session joins through the page's form and plays through the websocket protocol, as the tests do.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "web"))

import aiohttp  # noqa: E402
from serve_kit import Served, Tab, after_end_of_week, alive, begin, drive, progress  # noqa: E402

TICKS = 100  # os.sysconf("SC_CLK_TCK") on Linux


def memory_kib(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of a process in KiB: PSS shares the common pages (the interpreter, libraries) fairly."""
    rss = pss = 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1])
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            pss = int(line.split()[1])
    return rss, pss


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


async def sessions(served: Served, count: int, idle: float) -> None:
    browsers, tabs, tokens = [], [], []
    for number in range(count):
        browser = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        async with browser.post(f"{served.url}/join", data={"name": f"p{number}"}) as response:
            await response.read()
        tokens.append(next(c.value for c in browser.cookie_jar if c.key == "grassroots_player"))
        tabs.append(Tab(await browser.ws_connect(f"ws://127.0.0.1:{served.port}/ws?width=120&height=36")))
        browsers.append(browser)
    await asyncio.gather(*(begin(t) for t in tabs))

    async def into_week_2(tab: Tab, token: str) -> None:  # keys by the game's state, as the tests play
        await drive(tab, served.class_dir, token, lambda s: s.get("snapshot", {}).get("week") == 2 and
                    after_end_of_week(s) >= 1)

    await asyncio.gather(*(into_week_2(t, token) for t, token in zip(tabs, tokens)))
    pids = sorted(served.note_children())
    await asyncio.sleep(2)
    mem = [memory_kib(pid) for pid in pids]
    played = [cpu_seconds(pid) for pid in pids]
    print(f"{len(pids)} sessions in week 2 (each a game process):")
    print(f"  memory per session: RSS median {statistics.median(m[0] for m in mem) / 1024:.1f} MiB, "
          f"PSS median {statistics.median(m[1] for m in mem) / 1024:.1f} MiB (max RSS {max(m[0] for m in mem) / 1024:.1f})")
    print(f"  CPU to start and play into week 2: median {statistics.median(played):.2f} s per session")
    if idle:
        server_before = cpu_seconds(served.process.pid)
        await asyncio.gather(*(t.read(idle) for t in tabs))  # open tabs, no key: as a browser left alone
        rested = [cpu_seconds(pid) - before for pid, before in zip(pids, played)]
        print(f"  idle {idle:.0f} s (tab open, no key): CPU per session median {statistics.median(rested):.3f} s, "
              f"max {max(rested):.3f} s; the server {cpu_seconds(served.process.pid) - server_before:.3f} s")
    code, seconds, _ = await asyncio.to_thread(served.stop)  # Ctrl+C with every tab still open
    saved = sum(1 for token in tokens if progress(served.class_dir, token).get("snapshot", {}).get("week") == 2)
    print(f"  Ctrl+C with {len(tabs)} games open: the server exited ({code}) after {seconds:.2f} s, "
          f"{saved} games saved in week 2, {sum(alive(pid) for pid in pids)} game processes left")
    for tab in tabs:
        await tab.ws.close()
    for browser in browsers:
        await browser.close()


async def first_frames(served: Served, loads: int) -> None:
    from browser_kit import Browser

    times, started = [], []
    for number in range(loads):
        async with Browser(1200, 760) as page:
            await page.goto(served.url + "/")
            await page.js(f"document.getElementById('name').value = 'b{number}'; true")
            before = served.note_children()
            start = time.monotonic()
            await page.js("document.forms[0].submit(); true")
            await page.until("document.body && document.body.classList.contains('-first-byte')", 120)
            times.append(time.monotonic() - start)
            started += [cpu_seconds(pid) for pid in served.note_children() - before]  # the new game's process
    print(f"time to first frame in headless Chromium (form sent -> game drawn), {loads} loads: "
          f"median {statistics.median(times):.2f} s, max {max(times):.2f} s; CPU of the game process by then: "
          f"median {statistics.median(started):.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=6)
    parser.add_argument("--loads", type=int, default=3)
    parser.add_argument("--idle", type=float, default=60.0, metavar="SECONDS",
                        help="then leave the sessions without a key this long and read their CPU (0: skip)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        served = Served(Path(folder) / "class", "--lang", "en", "--seed", "1", "--max-sessions", "100")
        try:
            if args.loads:
                asyncio.run(asyncio.wait_for(first_frames(served, args.loads), 300))
            asyncio.run(asyncio.wait_for(sessions(served, args.sessions, args.idle), 300 + args.idle))  # then stops
        finally:
            if served.process.poll() is None:
                served.stop()
            served.kill()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
