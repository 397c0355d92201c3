"""Read a file only if it is a regular file, never more than a limit, never blocking on a FIFO or device.

A FIFO or a link to /dev/tty named like a save or a scenario would otherwise hang whoever opens it
(`open` waits for a writer, `read` waits for the terminal). Every reader of player- or author-supplied
files (saves, records, scenarios, strategy files) goes through `read_regular`. Imports nothing heavy.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class NotRegularFile(OSError):
    """The path is a FIFO, device, socket or folder: not read."""


class TooLarge(OSError):
    """The file is larger than the reader's limit: not read."""

    def __init__(self, path: Path | str, size: int, limit: int) -> None:
        super().__init__(errno.EFBIG, f"the file is too large ({size} bytes, limit {limit})", str(path))
        self.size, self.limit = size, limit


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def is_regular(path: Path | str) -> bool:
    """Whether `path` (following links) is a regular file; False for anything that cannot be looked at."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def read_regular(path: Path | str, limit: int, *, cut: bool = False) -> bytes:
    """The bytes of a regular file of at most `limit` bytes (with `cut`, a larger file gives its first
    `limit + 1` bytes instead, for readers that report the size themselves).

    Opens without blocking (O_NONBLOCK: a FIFO with no writer opens at once), checks the opened file is
    regular (so a swap between a check and the open changes nothing), then reads at most `limit` bytes.
    Raises FileNotFoundError, IsADirectoryError, NotRegularFile (an OSError naming what it is),
    TooLarge, or the OSError of the open or read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except IsADirectoryError:
        raise
    except OSError as err:
        if err.errno == errno.ENXIO:  # a FIFO or socket with nobody at the other end
            raise NotRegularFile(errno.ENXIO, "not a regular file (a pipe or socket)", str(path)) from None
        raise
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(errno.EINVAL, f"{_kind(info.st_mode)}, not a regular file", str(path))
        if info.st_size > limit and not cut:
            raise TooLarge(path, info.st_size, limit)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        data = b"".join(chunks)
        if len(data) > limit and not cut:  # it grew while being read
            raise TooLarge(path, len(data), limit)
        return data
    finally:
        os.close(fd)
