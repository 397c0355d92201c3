"""One game process per browser tab, guarded: its own process group, killed with the server, a CPU
limit, and a stop that escalates (quit -> SIGTERM, which saves -> SIGKILL) so no process is ever left.

Follows textual-serve's AppService (its packet protocol on the child's stdin/stdout); only how the
process is started and stopped differs.
"""

from __future__ import annotations

import asyncio
import ctypes
import os
import resource
import signal
import time

from textual_serve.app_service import AppService

QUIT_GRACE = 1.5  # seconds the game has to leave after a polite quit
TERM_GRACE = 2.0  # seconds after SIGTERM (the game saves and exits) before SIGKILL
CPU_SECONDS = 1800  # CPU-time limit of one game process: a spinning child is ended by the kernel
PR_SET_PDEATHSIG = 1


def _guard_child() -> None:  # runs in the child between fork and exec
    """Die with the server (Linux), and never spin forever."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS + 5))


class GameProcess(AppService):
    """A game child for one websocket. `argv` is the full command (no shell); `extra_env` is added."""

    def __init__(self, argv: list[str], extra_env: dict[str, str], **kwargs) -> None:
        super().__init__(" ".join(argv), **kwargs)
        self.argv = argv
        self.extra_env = extra_env
        self.last_input = time.monotonic()

    async def _open_app_process(self, width: int = 80, height: int = 24) -> asyncio.subprocess.Process:
        environment = self._build_environment(width=width, height=height)
        environment.update(self.extra_env)
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE, env=environment, start_new_session=True, preexec_fn=_guard_child)
        self._stdin = process.stdin
        return process

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    async def send_bytes(self, data: bytes) -> bool:
        self.last_input = time.monotonic()
        return await super().send_bytes(data)

    def _signal_group(self, sig: int) -> None:
        if self._process is None or self._process.returncode is not None:
            return
        try:
            os.killpg(self._process.pid, sig)
        except (ProcessLookupError, PermissionError):
            pass

    async def _wait(self, seconds: float) -> bool:
        """True when the process has ended within `seconds`."""
        assert self._process is not None
        try:
            await asyncio.wait_for(asyncio.shield(self._process.wait()), seconds)
            return True
        except asyncio.TimeoutError:
            return False

    async def stop(self) -> None:
        """End the game: ask it to quit, then SIGTERM its group (the game saves on SIGTERM), then
        SIGKILL. Returns once the process is gone; safe to call twice."""
        if self._process is None:
            return
        if self._process.returncode is None:
            if self._stdin is not None and not self._stdin.is_closing():
                try:
                    await asyncio.wait_for(self.send_meta({"type": "quit"}), 1.0)
                except asyncio.TimeoutError:
                    pass
            if not await self._wait(QUIT_GRACE):
                self._signal_group(signal.SIGTERM)
                if not await self._wait(TERM_GRACE):
                    self._signal_group(signal.SIGKILL)
                    await self._wait(5.0)
        self._signal_group(signal.SIGKILL)  # anything left in the group (nothing, normally)
        if self._task is not None:
            task, self._task = self._task, None
            try:
                await asyncio.wait_for(task, 2.0)
            except (asyncio.TimeoutError, asyncio.CancelledError):
                task.cancel()
