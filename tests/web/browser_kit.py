"""A headless Chromium driven over the DevTools protocol with aiohttp's websocket client (no extra library):
open pages, type, read the DOM, take screenshots, and list every request the page made.

Chromium runs with every host name resolving to nothing but 127.0.0.1, so a page that tried to reach
outside the machine would fail and show it in `requests`."""

from __future__ import annotations

import asyncio
import base64
import itertools
import os
import re
import shutil
import subprocess
import tempfile
import time

import aiohttp
import pytest

SETUP = "apt-get update && apt-get install -y chromium fonts-noto-cjk  (or: bash tests/web/setup_browser.sh)"


def chromium_path() -> str:
    """The Chromium binary; skipped outside CI when it is missing (in CI .ci/run installs it: a failure)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        if os.environ.get("CI"):
            raise AssertionError(f"chromium is missing: {SETUP}")
        pytest.skip(f"chromium is not installed: {SETUP}")
    return found


class Browser:
    """One headless Chromium with one page. Use `async with Browser() as page:`."""

    def __init__(self, width: int = 1280, height: int = 800) -> None:
        self.size = (width, height)
        self.requests: list[str] = []
        self._ids = itertools.count(1)
        self._pending: dict[int, asyncio.Future] = {}
        self._events: list[dict] = []

    async def __aenter__(self) -> "Browser":
        self.profile = tempfile.mkdtemp(prefix="grassroots-chromium-")
        self.process = subprocess.Popen(
            [chromium_path(), "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--remote-debugging-port=0",
             f"--user-data-dir={self.profile}", f"--window-size={self.size[0]},{self.size[1]}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
        url = None
        deadline = time.monotonic() + 60
        while url is None and time.monotonic() < deadline:
            line = await asyncio.to_thread(self.process.stderr.readline)
            if not line:
                break
            match = re.search(r"DevTools listening on (ws://\S+)", line)
            url = match.group(1) if match else None
        assert url, "chromium did not start"
        self.http = aiohttp.ClientSession()
        self.ws = await self.http.ws_connect(url, max_msg_size=0)
        self.reader = asyncio.create_task(self._read())
        target = await self.send("Target.createTarget", {"url": "about:blank"})
        attached = await self.send("Target.attachToTarget", {"targetId": target["targetId"], "flatten": True})
        self.session = attached["sessionId"]
        await self.send("Network.enable", session=True)
        await self.send("Page.enable", session=True)
        await self.send("Emulation.setDeviceMetricsOverride", {"width": self.size[0], "height": self.size[1],
                                                                "deviceScaleFactor": 1, "mobile": False}, session=True)
        return self

    async def __aexit__(self, *exc) -> None:
        self.reader.cancel()
        await self.ws.close()
        await self.http.close()
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)

    async def _read(self) -> None:
        async for message in self.ws:
            data = message.json()
            if "id" in data and data["id"] in self._pending:
                self._pending.pop(data["id"]).set_result(data)
            elif data.get("method") == "Network.requestWillBeSent":
                self.requests.append(data["params"]["request"]["url"])

    async def send(self, method: str, params: dict | None = None, session: bool = False) -> dict:
        ident = next(self._ids)
        message = {"id": ident, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        future = asyncio.get_running_loop().create_future()
        self._pending[ident] = future
        await self.ws.send_json(message)
        answer = await asyncio.wait_for(future, 60)
        assert "error" not in answer, answer
        return answer.get("result", {})

    async def goto(self, url: str) -> None:
        await self.send("Page.navigate", {"url": url}, session=True)
        await self.until("document.readyState === 'complete'")

    async def js(self, expression: str):
        result = await self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                      "awaitPromise": True}, session=True)
        return result.get("result", {}).get("value")

    async def until(self, expression: str, seconds: float = 60.0) -> float:
        """Wait until `expression` is truthy in the page; the seconds it took."""
        start = time.monotonic()
        while not await self.js(expression):
            if time.monotonic() - start > seconds:
                raise AssertionError(f"never true in the page: {expression}")
            await asyncio.sleep(0.05)
        return time.monotonic() - start

    async def key(self, key: str, code: str, keycode: int, text: str = "", pause: float = 0.8) -> None:
        """One key press, as a keyboard would send it to the focused element; then `pause` seconds."""
        for kind in ("keyDown", "keyUp"):
            params = {"type": kind, "key": key, "code": code, "windowsVirtualKeyCode": keycode}
            if kind == "keyDown" and text:
                params["text"] = text
            await self.send("Input.dispatchKeyEvent", params, session=True)
        await asyncio.sleep(pause)

    async def screenshot(self, path) -> None:
        shot = await self.send("Page.captureScreenshot", {"format": "png"}, session=True)
        path.write_bytes(base64.b64decode(shot["data"]))
