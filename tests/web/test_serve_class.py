"""`grassroots serve` end to end: a real server process on a free loopback port, three players driven through
the page's websocket protocol with aiohttp's real client (not a mock), a reload that finds its decisions,
records in the class folder, the facilitator's page, the room's variant in every game, and a Ctrl+C that leaves
no process behind."""

from __future__ import annotations

import asyncio
import json
import time

import pytest
from serve_kit import Served, Tab, after_end_of_week, alive, begin, drive, need_web_extra, save_of

need_web_extra()
import aiohttp  # noqa: E402

WEEK = r"Week {}/{}"
SEMINAR_WEEKS = 8  # the shipped scenario's seminar variant (content/scenarios/lianhe-town/variants.yaml)


async def join(served: Served, name: str, team: str) -> tuple[aiohttp.ClientSession, str]:
    """A browser: post the join form, keep the cookie; (session, player token)."""
    session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
    async with session.post(f"{served.url}/join", data={"name": name, "team": team}) as response:
        page = await response.text()
        assert response.status == 200 and "textual.js" in page  # the game page, after the redirect
    token = next(c.value for c in session.cookie_jar if c.key == "grassroots_player")
    return session, token


async def open_tab(served: Served, session: aiohttp.ClientSession) -> Tab:
    return Tab(await session.ws_connect(f"ws://127.0.0.1:{served.port}/ws?width=110&height=32"))


async def into_week_2(served: Served, tab: Tab, token: str, weeks: int = 12) -> None:
    """Begin, play week 1 to its end, and take a decision in week 2 (driven by the save, not by a fixed list)."""
    await begin(tab, weeks=weeks)
    await drive(tab, served.class_dir, token, lambda s: s.get("snapshot", {}).get("week") == 2 and
                after_end_of_week(s) >= 1)
    assert await tab.wait_for(WEEK.format(2, weeks)), tab.text[-500:]


async def wait_save(served: Served, token: str, test, seconds: float = 20.0) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            save = save_of(served.class_dir, token)
        except (OSError, ValueError):  # being replaced right now
            save = {}
        if save and test(save):
            return save
        await asyncio.sleep(0.3)
    raise AssertionError(f"no save of {token} as expected: {save_of(served.class_dir, token)}")


async def finish(served: Served, tab: Tab, token: str) -> None:
    """Play the remaining weeks (end each week, first choice of any card) until the game ends."""
    await drive(tab, served.class_dir, token, lambda s: bool(s.get("snapshot", {}).get("ended")), pause=0.8,
                seconds=300)


async def a_player(served: Served, name: str, team: str, reconnect: bool) -> tuple[str, list]:
    session, token = await join(served, name, team)
    try:
        tab = await open_tab(served, session)
        await into_week_2(served, tab, token, SEMINAR_WEEKS)
        served.note_children()
        if reconnect:  # the tab closes mid-week; the game saves; a reload continues it
            await tab.ws.close()  # week 2 holds decisions beyond the end of week 1: closing the tab saved them
            before = await wait_save(served, token, lambda s: s["snapshot"]["week"] == 2 and
                                     s["decisions"][-1] != ["end_week"])
            tab = await open_tab(served, session)
            assert await tab.wait_for(WEEK.format(2, SEMINAR_WEEKS)), tab.text[-500:]  # back in week 2, not a new game
            served.note_children()
            await tab.keys("1")
            after = await wait_save(served, token, lambda s: len(s["decisions"]) >= len(before["decisions"]))
            assert after["decisions"][:len(before["decisions"])] == before["decisions"]
            assert after["game"] == before["game"]
        await finish(served, tab, token)
        deadline = time.monotonic() + 30  # the record is written as the debrief opens: after the last ledger
        while True:
            async with session.get(f"{served.url}/me/record") as response:  # the player's own record
                if response.status == 200 or time.monotonic() > deadline:
                    break
            await tab.keys(" ", pause=1.0)  # close the last week's ledger (sent again if it was dropped)
        assert response.status == 200
        async with session.get(f"{served.url}/me/record") as response:
            record = json.loads(await response.read())
        assert record["kind"] == "record" and record["player"] == f"{name} ({team})"
        assert record["variant"] == "seminar" and record["snapshot"]["week"] <= SEMINAR_WEEKS
        assert (record["seed"], record["lang"]) == (7, "en")  # the room's seed and language
        async with session.get(f"{served.url}/me/handout") as response:
            assert response.status == 200 and name in await response.text()
        await tab.ws.close()
        return token, record["decisions"]
    finally:
        await session.close()


async def test_three_players_a_reload_records_and_a_clean_stop(tmp_path):
    served = Served(tmp_path / "class", "--lang", "en", "--seed", "7", "--variant", "seminar")
    try:
        names = [("Lin", "A", False), ("Wang", "B", True), ("Zhou", "A", False)]
        results = await asyncio.gather(*(a_player(served, *n) for n in names))
        tokens = [token for token, _ in results]
        assert len(set(tokens)) == 3
        for token in tokens:  # three identities, three saves, each its own folder
            assert len(list((served.class_dir / "saves" / token).glob("*.save.json"))) == 1
        records = list((served.class_dir / "records").glob("*.json"))
        assert sorted(json.loads(p.read_text(encoding="utf-8"))["player"] for p in records) == [
            "Lin (A)", "Wang (B)", "Zhou (A)"]
        async with aiohttp.ClientSession() as browser:
            async with browser.get(f"{served.url}/facilitator?key={served.key}") as response:
                page = await response.text()
            assert response.status == 200 and all(n in page for n in ("Lin", "Wang", "Zhou"))
            assert "Class report" in page and "3" in page
            assert "variant: Seminar length (about 45 minutes) (seminar), 8 weeks, seed 7" in " ".join(page.split())
            async with browser.get(f"{served.url}/facilitator") as response:
                assert response.status == 403
    finally:
        code, seconds, log = served.stop()
        served.kill()
    assert code == 0 and seconds < 10, log
    assert served.children and not [pid for pid in served.children if alive(pid)]


async def test_ctrl_c_mid_game_saves_every_game_and_ends_every_child(tmp_path):
    served = Served(tmp_path / "class", "--lang", "en", "--seed", "3")
    sessions = []
    try:
        for name in ("Ann", "Bo"):
            session, token = await join(served, name, "")
            sessions.append((session, token, await open_tab(served, session)))
        await asyncio.gather(*(into_week_2(served, tab, token) for _, token, tab in sessions))
        assert len(served.note_children()) == 2
    finally:
        code, seconds, log = served.stop()
        served.kill()
        for session, _, _ in sessions:
            await session.close()
    assert code == 0 and seconds < 10, log
    assert not [pid for pid in served.children if alive(pid)]
    for _, token, _ in sessions:
        assert save_of(served.class_dir, token)["snapshot"]["week"] == 2
