"""A real browser (headless Debian Chromium) plays through `grassroots serve`: the page loads with nothing
from outside the machine, the terminal has the keyboard at once, keys reach the game, and Chinese is drawn
(the screenshot is written for a person to look at; the README's docs/serve-zh.png is one: to refresh it, run
this test with `--basetemp DIR` and copy DIR/test_chromium_plays_in_chinese0/serve-zh.png)."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

from serve_kit import TURN, Served, alive, need_web_extra, progress

need_web_extra()
from browser_kit import Browser  # noqa: E402


async def test_chromium_plays_in_chinese_offline(tmp_path):
    served = Served(tmp_path / "class", "--lang", "zh", "--seed", "7")
    try:
        async with Browser(1200, 760) as page:
            await page.goto(served.url + "/")
            assert await page.js("!!document.getElementById('name')")  # the join form comes first
            await page.js("document.getElementById('name').value = '林晓'; document.getElementById('team').value"
                          " = '一组'; document.forms[0].submit(); true")
            await page.until("document.body.classList.contains('-first-byte')")
            await page.until("document.activeElement && document.activeElement.classList.contains("
                             "'xterm-helper-textarea')", 10)  # focused on load: no click needed
            token = next(c for c in await cookies(page) if c["name"] == "grassroots_player")["value"]
            for _ in range(20):  # Enter: the intro, then the intention question, until the game's save shows week 1
                if progress(served.class_dir, token).get("snapshot"):
                    break
                await page.key("Enter", "Enter", 13, "\r")
                await wait(lambda: bool(progress(served.class_dir, token).get("snapshot")), 1.0, must=False)
            await page.until("document.querySelector('.xterm-rows, canvas') !== null")
            keys = {"e": ("e", "KeyE", 69, "e"), "y": ("y", "KeyY", 89, "y"), " ": (" ", "Space", 32, " "),
                    "1": ("1", "Digit1", 49, "1")}
            deadline = time.monotonic() + 120
            turn = 0
            while (week := progress(served.class_dir, token).get("snapshot", {}).get("week")) != 2:
                assert time.monotonic() < deadline, week  # keys by the state, as in serve_kit.drive
                before = progress(served.class_dir, token)
                await page.key(*keys[TURN[turn % len(TURN)]])
                turn += 1
                await wait(lambda: progress(served.class_dir, token) != before, 1.0, must=False)
            for _ in range(5):  # close the ledger: week 2 on screen (space again if it was dropped)
                await page.key(*keys[" "])
                await page.until("new Promise(r => setTimeout(() => r(true), 500))")
            await page.until("new Promise(r => setTimeout(() => r(true), 1500))")
            shot = tmp_path / "serve-zh.png"
            await page.screenshot(shot)
            assert shot.stat().st_size > 20_000  # a drawn screen, not a blank page
            fonts = await page.js("document.fonts.check('16px \"Roboto Mono\"', '第二周')")
            assert fonts
            outside = [u for u in page.requests if urlsplit(u).hostname not in ("127.0.0.1", None)]
            assert page.requests and not outside, outside
            served.note_children()
    finally:
        code, _, log = served.stop()
        served.kill()
    assert code == 0, log
    assert not [pid for pid in served.children if alive(pid)]


async def cookies(page) -> list[dict]:
    return (await page.send("Network.getCookies", {}, session=True))["cookies"]


async def wait(test, seconds: float = 20.0, must: bool = True) -> None:
    import asyncio

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if test():
                return
        except (OSError, ValueError):
            pass
        await asyncio.sleep(0.2)
    if must:
        raise AssertionError("the game did not reach the state expected")
