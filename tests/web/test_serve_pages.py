"""`grassroots serve`'s pages and limits, against a real server process: the join form, blank names, the
room-full page, idle sessions ending with a save, the facilitator's key, local assets only, bad options,
and one clear message when the web extra is missing."""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys

import pytest
from serve_kit import ROOT, Served, Tab, alive, begin, drive, need_web_extra, save_of


def run_serve(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "game", "serve", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, env=env)


def test_without_the_web_extra_one_line_and_exit_2(tmp_path):
    fake = tmp_path / "textual_serve"  # an environment where the extra's package cannot be imported
    fake.mkdir()
    (fake / "__init__.py").write_text("raise ImportError('not installed')\n")
    import os

    done = run_serve("--class-dir", str(tmp_path / "c"), env={**os.environ, "PYTHONPATH": str(tmp_path)})
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip() == ("grassroots: serve needs the optional web extra: pip install "
                                   "'grassroots-game[web]' (in a checkout: pip install -e '.[web]')")


@pytest.mark.parametrize("args, message", [
    (["--port", "70000"], "--port 70000: a port is 0-65535"),
    (["--max-sessions", "0"], "--max-sessions: at least 1"),
    (["--idle-minutes", "0"], "--idle-minutes: more than 0"),
    (["--public-url", "example.org"], "--public-url example.org: an http:// or https:// address"),
    (["no-such-scenario"], "no-such-scenario"),
    (["--variant", "no-such-variant"], "scenario 'lianhe-town' has no variant 'no-such-variant' (variants: seminar,"),
    (["hexi-street", "--variant", "lab_outcomes"], "scenario 'hexi-street' has no variant 'lab_outcomes'"),
])
def test_bad_options_one_line_exit_2(tmp_path, args, message):
    need_web_extra()
    done = run_serve("--class-dir", str(tmp_path / "c"), *args)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert message in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert done.stdout == ""  # refused before the server started: no address was announced


def test_help_says_what_a_wider_address_exposes():
    done = run_serve("--help")
    assert done.returncode == 0
    text = " ".join(done.stdout.split())
    assert "127.0.0.1, is reachable from this computer only" in text and "no passwords" in text


@pytest.fixture
def served(tmp_path):
    need_web_extra()
    server = Served(tmp_path / "class", "--lang", "en", "--seed", "5", "--max-sessions", "1",
                    "--idle-minutes", "0.05")
    yield server
    server.stop()
    server.kill()


async def test_pages_limits_and_idle(served):
    import aiohttp

    jar = aiohttp.CookieJar(unsafe=True)
    async with aiohttp.ClientSession(cookie_jar=jar) as first, aiohttp.ClientSession(
            cookie_jar=aiohttp.CookieJar(unsafe=True)) as second:
        async with first.get(served.url + "/") as response:
            page = await response.text()
        assert 'action="/join"' in page and "Name" in page and "名字" in page
        async with first.post(served.url + "/join", data={"name": " \t\u200b\u202e ", "team": ""}) as response:
            assert response.status == 400 and "cannot be blank" in await response.text()
        async with first.post(served.url + "/join", data={"name": "Mei\u202e", "team": "C"}) as response:
            page = await response.text()
        assert "textual.js" in page and "Mei (C)" in page and "\u202e" not in page
        for url in re.findall(r'(?:src|href)="([^"]+)"', page):  # every asset and link on this server
            assert url.startswith("/"), url
            if not url.startswith("/static/"):
                continue
            async with first.get(served.url + url) as asset:
                assert asset.status == 200, url
                if url.endswith(".css"):  # a style sheet loads nothing from elsewhere (Chromium's test: JS too)
                    rules = re.sub(r"/\*.*?\*/", "", await asset.text(), flags=re.S)
                    assert "@import" not in rules and not re.findall(r"url\((?!\"?/static/)", rules), url
        tab = Tab(await first.ws_connect(f"ws://127.0.0.1:{served.port}/ws"))
        assert await tab.wait_for("Begin week 1")
        served.note_children()
        await second.post(served.url + "/join", data={"name": "Jun"})
        async with second.get(served.url + "/") as response:  # one seat, taken
            assert response.status == 503 and "The room is full" in await response.text()
        token = next(c.value for c in jar if c.key == "grassroots_player")
        await begin(tab)  # into week 2, each key once the last took effect: a save
        await drive(tab, served.class_dir, token, lambda s: s.get("snapshot", {}).get("week") == 2, pause=0.8)
        assert save_of(served.class_dir, token)["snapshot"]["week"] == 2
        closed = await asyncio.wait_for(tab.ws.receive(), 30)  # no key for 3 seconds: the server ends the game
        while closed.type == aiohttp.WSMsgType.BINARY:  # the screen still drawing what the last key did
            closed = await asyncio.wait_for(tab.ws.receive(), 30)
        assert closed.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
        await asyncio.sleep(1)
        assert not [pid for pid in served.children if alive(pid)]
        async with second.get(served.url + "/") as response:  # the seat is free again
            assert response.status == 200
        async with first.get(served.url + "/me") as response:
            page = await response.text()
        assert "Week 2" in page and "/?player=" + token in page
        async with first.get(served.url + "/me/record") as response:  # not finished: no record yet
            assert response.status == 404
        async with second.get(served.url + "/facilitator?key=wrong") as response:
            assert response.status == 403
        async with second.get(served.url + f"/facilitator?key={served.key}") as response:
            page = await response.text()
        assert response.status == 200 and "Mei" in page and "Jun" in page
