"""Read a large scenario's YAML on two cores: a forked helper builds the values of some files.

Turning YAML into values is most of the time `grassroots validate` spends on a big scenario, and each
file is independent, so a helper process (a fork: no start-up cost, the code is already loaded) builds
the values of the last files while this process reads the first ones. Only the fast path runs in the
helper (`build_fast`: no positions, nothing unusual); for a file it cannot handle the helper sends
nothing back, and the complete reader reads that file here, so every message and position is exactly
what a serial read gives. Values travel back through a pipe with `marshal` (plain dicts, lists, text
and numbers, which is all a content file holds).

The helper is only used where forking is safe and pays off: on Linux, with more than one CPU available,
when no other thread runs (forking a threaded process can deadlock the child), and for at least
`MIN_BYTES` of YAML. Anywhere else, and whenever anything about the helper fails, files are read
serially, with the same result.
"""

from __future__ import annotations

import marshal
import os
import signal
import sys
import threading
from typing import Any, NoReturn, Sequence

from game.scenario.yamlevents import MAX_FILE_BYTES, build_fast

__all__ = ["MIN_BYTES", "Helper", "helper_share", "start_helper"]

MIN_BYTES = 256 * 1024
BOM = b"\xef\xbb\xbf"


def helper_share(sizes: Sequence[int], fraction: float = 0.5) -> int:
    """The index of the first file the helper takes: the tail holding about `fraction` of the bytes."""
    total = sum(sizes)
    taken, first = 0, len(sizes)
    while first > 1 and taken + sizes[first - 1] <= total * fraction:
        first -= 1
        taken += sizes[first]
    return first


def start_helper(sources: Sequence[bytes]) -> Helper | None:
    """Fork a helper building the values of `sources`, or None where that is not worth it or not safe."""
    if not sources or sum(map(len, sources)) < MIN_BYTES or not _can_fork():
        return None
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # the helper: never returns
        _serve(sources, read_end, write_end)
    os.close(write_end)
    return Helper(pid, read_end, len(sources))


class Helper:
    """A running helper process; `values()` waits for it. Use as a context manager so it never lingers."""

    def __init__(self, pid: int, read_end: int, count: int) -> None:
        self._pid: int | None = pid
        self._read_end = read_end
        self._count = count

    def values(self) -> list[tuple[Any] | None]:
        """One entry per source: `(value,)` when the helper built it, None when it is left to this process."""
        nothing: list[tuple[Any] | None] = [None] * self._count
        if self._pid is None:
            return nothing
        try:
            with os.fdopen(self._read_end, "rb") as pipe:
                payload = pipe.read()
            _, status = os.waitpid(self._pid, 0)
        except OSError:
            self.close()
            return nothing
        self._pid = None
        if status != 0:
            return nothing
        try:
            values = marshal.loads(payload)
        except (EOFError, ValueError, TypeError):
            return nothing
        if not isinstance(values, list) or len(values) != self._count:
            return nothing
        return [v if isinstance(v, tuple) and len(v) == 1 else None for v in values]

    def close(self) -> None:
        """Stop the helper if its values were never collected (an interrupted load), and reap it."""
        if self._pid is None:
            return
        pid, self._pid = self._pid, None
        try:
            os.close(self._read_end)
        except OSError:
            pass
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except OSError:
            pass

    def __enter__(self) -> Helper:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _can_fork() -> bool:
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    if threading.active_count() != 1:
        return False
    try:
        return len(os.sched_getaffinity(0)) > 1
    except (AttributeError, OSError):
        return (os.cpu_count() or 1) > 1


def _serve(sources: Sequence[bytes], read_end: int, write_end: int) -> NoReturn:
    """The helper's whole life: build what it can, send it, and exit without running any cleanup.

    Nothing may escape this function: the helper is a copy of the calling program, which must not go
    on running in it.
    """
    code = 1
    try:
        os.close(read_end)
        values: list[tuple[Any] | None] = []
        for raw in sources:
            values.append(_fast_value(raw))
        try:
            payload = marshal.dumps(values)
        except ValueError:
            payload = marshal.dumps([None] * len(sources))
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(payload)
        code = 0
    except BaseException:  # noqa: BLE001 - the helper reports failure by its exit status, never a traceback
        code = 1
    finally:
        os._exit(code)


def _fast_value(raw: bytes) -> tuple[Any] | None:
    """`(value,)` of a well-formed file, or None for anything the complete reader must see."""
    if len(raw) > MAX_FILE_BYTES or b"\x00" in raw:
        return None
    try:
        return (build_fast(raw.removeprefix(BOM)),)
    except Exception:  # noqa: BLE001 - any problem at all is the complete reader's to report
        return None
