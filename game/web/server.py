"""The aiohttp server of `grassroots serve`: pages, the terminal websocket, the facilitator's view.

Routes: `/` join form or the game; `POST /join`; `/ws` the terminal (textual-serve's protocol);
`/me` a player's own page with `/me/record` and `/me/handout`; `/leave`; `/facilitator?key=K` and
`/facilitator/report?key=K`; `/static/...` (every asset local: nothing is fetched from outside).
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import textual_serve
from aiohttp import WSMsgType, web
from textual_serve.download_manager import DownloadManager

from game.web.child import GameProcess
from game.web.classroom import ClassFolder, Player
from game.web.facilitator import ClassView

log = logging.getLogger("grassroots.serve")
COOKIE = "grassroots_player"
HERE = Path(__file__).parent
TEXTUAL_SERVE_STATIC = Path(textual_serve.__file__).parent / "static"


@dataclass
class ServeConfig:
    """What `grassroots serve` was asked for (see game/cli/cmd_serve.py for each option)."""

    class_dir: Path
    host: str = "127.0.0.1"
    port: int = 8000
    public_url: str | None = None
    max_sessions: int = 40
    seed: int = 0
    lang: str = "zh"
    idle_minutes: float = 30.0
    facilitator_key: str = ""
    scenario: str | None = None
    content_dirs: list[str] = field(default_factory=list)
    variant: str = ""  # every new game plays this variant of the scenario ("" for the scenario as written)
    about: dict = field(default_factory=dict)  # what the room plays, for the pages (see cmd_serve._scenario)


@dataclass
class Session:
    """A live browser tab: its player, game process and websocket."""

    player: Player
    process: GameProcess
    websocket: web.WebSocketResponse
    started: float = field(default_factory=time.time)


class Room:
    """The running server: live sessions by player token, and the class folder."""

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        self.folder = ClassFolder(config.class_dir)
        self.sessions: dict[str, Session] = {}
        self.downloads = DownloadManager()
        self.view = ClassView(self.folder)
        self.templates = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True)
        self.stopping = False

    # ---- pages -------------------------------------------------------------------------------------
    def page(self, name: str, status: int = 200, **context) -> web.Response:
        html = self.templates.get_template(name).render(lang=self.config.lang, **context)
        response = web.Response(text=html, content_type="text/html", charset="utf-8", status=status)
        response.headers["Cache-Control"] = "no-store"
        return response

    def player_of(self, request: web.Request) -> Player | None:
        return self.folder.find(request.cookies.get(COOKIE))

    def full_for(self, player: Player) -> bool:
        return player.token not in self.sessions and len(self.sessions) >= self.config.max_sessions

    async def index(self, request: web.Request) -> web.StreamResponse:
        given = request.query.get("player")
        if given and self.folder.find(given):  # a player's resume link (from their /me page)
            response = web.HTTPSeeOther("/")
            self.set_cookie(response, given)
            raise response
        player = self.player_of(request)
        if player is None:
            return self.page("join.html")
        if self.full_for(player):
            return self.page("full.html", status=503, limit=self.config.max_sessions)
        ws_url = None
        if self.config.public_url:
            base = self.config.public_url.rstrip("/")
            ws_url = ("wss:" if base.startswith("https:") else "ws:") + base.split(":", 1)[1] + "/ws"
        return self.page("play.html", player=player, ws_url=ws_url)

    def set_cookie(self, response: web.StreamResponse, token: str) -> None:
        response.set_cookie(COOKIE, token, max_age=60 * 60 * 24 * 30, httponly=True, samesite="Lax", path="/")

    async def join(self, request: web.Request) -> web.StreamResponse:
        form = await request.post()
        try:
            player = self.folder.join(str(form.get("name", "")), str(form.get("team", "")))
        except ValueError:
            return self.page("join.html", status=400, blank=True)
        response = web.HTTPSeeOther("/")
        self.set_cookie(response, player.token)
        raise response

    async def leave(self, request: web.Request) -> web.StreamResponse:
        response = web.HTTPSeeOther("/")
        response.del_cookie(COOKIE, path="/")
        raise response

    async def me(self, request: web.Request) -> web.StreamResponse:
        player = self.player_of(request)
        if player is None:
            raise web.HTTPSeeOther("/")
        return self.page("me.html", player=player, progress=self.folder.progress(player.token),
                         record=self.folder.record_of(player.token) is not None,
                         handout=self.view.can_make_handouts, resume=f"/?player={player.token}")

    async def my_record(self, request: web.Request) -> web.StreamResponse:
        player = self.player_of(request)
        record = self.folder.record_of(player.token) if player else None
        if record is None:
            return self.page("message.html", status=404, kind="no-record")
        return web.FileResponse(record, headers={"Content-Disposition": f'attachment; filename="{record.name}"',
                                                 "Content-Type": "application/json"})

    async def my_handout(self, request: web.Request) -> web.StreamResponse:
        player = self.player_of(request)
        record = self.folder.record_of(player.token) if player else None
        html = await asyncio.to_thread(self.view.handout, record) if record else None
        if html is None:
            return self.page("message.html", status=404, kind="no-record")
        return web.Response(text=html, content_type="text/html", charset="utf-8")

    def facilitator_allowed(self, request: web.Request) -> bool:
        return hmac.compare_digest(request.query.get("key", ""), self.config.facilitator_key)

    async def facilitator(self, request: web.Request) -> web.StreamResponse:
        if not self.facilitator_allowed(request):
            return self.page("message.html", status=403, kind="forbidden")
        rows = await asyncio.to_thread(self.view.rows, set(self.sessions))
        summary = await asyncio.to_thread(self.view.summary)
        return self.page("facilitator.html", rows=rows, summary=summary, key=request.query["key"],
                         live=len(self.sessions), limit=self.config.max_sessions, class_dir=str(self.config.class_dir),
                         about=self.config.about)

    async def facilitator_report(self, request: web.Request) -> web.StreamResponse:
        if not self.facilitator_allowed(request):
            return self.page("message.html", status=403, kind="forbidden")
        html = await asyncio.to_thread(self.view.report_html)
        if html is None:
            return self.page("message.html", status=404, kind="no-report")
        return web.Response(text=html, content_type="text/html", charset="utf-8")

    # ---- the terminal ------------------------------------------------------------------------------
    def child_argv(self, player: Player) -> list[str]:
        """The game command for a player: continue their latest save, or start a game (their first, or a new
        one when their latest was played in another variant than this room's)."""
        argv = [sys.executable, "-m", "game", "play"]
        if self.config.scenario:
            argv.append(self.config.scenario)
        for folder in self.config.content_dirs:
            argv += ["--content-dir", folder]
        argv += ["--lang", self.config.lang, "--saves-dir", str(self.folder.saves_of(player.token))]
        save = self.folder.latest_save(player.token)
        if save is not None and self.folder.progress(player.token).get("variant", "") == self.config.variant:
            return argv + ["--load", str(save)]
        if self.config.variant:
            argv += ["--variant", self.config.variant]
        return argv + ["--name", player.label, "--seed", str(self.config.seed)]

    async def websocket(self, request: web.Request) -> web.StreamResponse:
        websocket = web.WebSocketResponse(heartbeat=15)
        await websocket.prepare(request)
        player = self.player_of(request)
        if player is None or self.stopping or self.full_for(player):
            await websocket.close(code=4000, message=b"no seat")
            return websocket
        old = self.sessions.pop(player.token, None)
        if old is not None:  # the same player in a new tab: the old tab's game saves and ends first
            await old.websocket.close()
            await old.process.stop()
        width = _int(request.query.get("width"), 80)
        height = _int(request.query.get("height"), 24)
        process = GameProcess(self.child_argv(player), {"GRASSROOTS_RECORDS_DIR": str(self.folder.records)},
                              write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                              close=websocket.close, download_manager=self.downloads)
        session = Session(player, process, websocket)
        self.sessions[player.token] = session
        log.info("start %s (%s)", player.label, player.token[:6])
        try:
            await process.start(width, height)
            await self.pump(websocket, process)
        except Exception as err:  # a broken client: its game still ends and saves below
            log.warning("session %s: %s", player.token[:6], err)
        finally:
            if self.sessions.get(player.token) is session:
                del self.sessions[player.token]
            await process.stop()
            await websocket.close()
            log.info("end %s (%s)", player.label, player.token[:6])
        return websocket

    async def pump(self, websocket: web.WebSocketResponse, process: GameProcess) -> None:
        """Browser -> game: keys, sizes, focus; answers pings."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                kind, *rest = message.json()
            except (ValueError, TypeError):
                continue
            if kind == "stdin" and rest and isinstance(rest[0], str):
                await process.send_bytes(rest[0].encode("utf-8"))
            elif kind == "resize" and rest and isinstance(rest[0], dict):
                await process.set_terminal_size(_int(rest[0].get("width"), 80), _int(rest[0].get("height"), 24))
            elif kind == "ping" and rest:
                await websocket.send_json(["pong", rest[0]])
            elif kind == "blur":
                await process.blur()
            elif kind == "focus":
                await process.focus()

    async def reap_idle(self) -> None:
        """End (and so save) sessions without a key for longer than the idle limit."""
        while True:
            await asyncio.sleep(min(15.0, self.config.idle_minutes * 60 / 4))
            limit = self.config.idle_minutes * 60
            for session in list(self.sessions.values()):
                if time.monotonic() - session.process.last_input > limit:
                    log.info("idle: ending %s", session.player.label)
                    await session.websocket.close(code=4001, message=b"idle")

    async def stop_all(self) -> None:
        """End every game (each saves) and close every tab; returns when no child is left."""
        self.stopping = True
        sessions = list(self.sessions.values())
        await asyncio.gather(*(s.process.stop() for s in sessions), return_exceptions=True)
        await asyncio.gather(*(s.websocket.close(code=1001) for s in sessions), return_exceptions=True)

    def routes(self) -> web.Application:
        app = web.Application()
        app.add_routes([
            web.get("/", self.index), web.post("/join", self.join), web.get("/leave", self.leave),
            web.get("/ws", self.websocket), web.get("/me", self.me), web.get("/me/record", self.my_record),
            web.get("/me/handout", self.my_handout), web.get("/facilitator", self.facilitator),
            web.get("/facilitator/report", self.facilitator_report),
            web.static("/static/ts", TEXTUAL_SERVE_STATIC), web.static("/static/game", HERE / "static"),
        ])
        return app


def _int(value: object, default: int) -> int:
    try:
        return max(1, min(int(value), 1000))  # type: ignore[call-overload]  # any value: errors are caught
    except (TypeError, ValueError):
        return default


async def serve(config: ServeConfig, announce) -> None:
    """Run until SIGINT/SIGTERM; then end every game (each saves) within a few seconds.
    `announce(url)` is called once the port is bound. Raises OSError when the address cannot be bound."""
    room = Room(config)
    runner = web.AppRunner(room.routes(), handle_signals=False, access_log=log, shutdown_timeout=3.0)
    await runner.setup()
    site = web.TCPSite(runner, config.host, config.port)
    try:
        await site.start()
    except OSError:
        await runner.cleanup()
        raise
    port = runner.addresses[0][1]
    announce(port)
    done = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        loop.add_signal_handler(sig, done.set)
    reaper = asyncio.create_task(room.reap_idle())
    await done.wait()
    reaper.cancel()
    await site.stop()
    await room.stop_all()
    await runner.cleanup()
