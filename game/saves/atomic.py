"""Crash-safe file replacement: at every instant the target is the old complete file or the new one.

Steps: write a temp file in the same folder, flush and fsync it; keep the current file as `.bak`
(itself written the same way) when it is a good save, or move it aside as `.damaged` when it is not;
`os.replace` the temp file onto the target; fsync the folder so the rename itself survives a power cut.
A kill at any moment leaves the target (or, at worst, its backup) loadable; a leftover temp file is
removed by the next write of the same target.
"""

from __future__ import annotations

import errno
import os
import tempfile
from contextlib import suppress
from functools import partial
from pathlib import Path
from typing import Callable

BACKUP_SUFFIX = ".bak"
DAMAGED_SUFFIX = ".damaged"


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + BACKUP_SUFFIX)


def damaged_path(path: Path) -> Path:
    return path.with_name(path.name + DAMAGED_SUFFIX)


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (not possible, nor needed, on Windows)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_temp(path: Path, data: bytes, durable: bool) -> str:
    """A complete, synced temp file next to `path`; returns its name."""
    fd, temp = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), 0o644)
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise
    return temp


def remove_stale_temps(path: Path) -> None:
    """Temp files a killed writer of this target left behind."""
    prefix = _temp_prefix(path)
    with suppress(OSError):
        for entry in os.scandir(path.parent):
            if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
                with suppress(OSError):
                    os.unlink(entry.path)


def replace_atomically(path: Path, data: bytes, durable: bool = True) -> None:
    """Put `data` at `path` all at once."""
    _move_into_place(_write_temp(path, data, durable), path, durable)


def _move_into_place(temp: str, path: Path, durable: bool, before: Callable[[], None] | None = None) -> None:
    """Rename a written temp file onto `path` (after `before`, if given); the temp never outlives a failure."""
    try:
        if before is not None:
            before()
        os.replace(temp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise
    if durable:
        fsync_dir(path.parent)


def atomic_write(path: Path, data: bytes, *, keep_backup: bool, is_good: Callable[[Path], bool] | None = None,
                 durable: bool = True) -> None:
    """Write `data` to `path` atomically; with keep_backup, the current file becomes `path.bak` first
    when `is_good(path)` says it is a good file, and is moved aside to `path.damaged` when not."""
    path = Path(path)
    if path.exists() and not path.is_file():  # never move a folder (or device) aside to make room
        raise IsADirectoryError(errno.EISDIR, "there is a folder (or something else) with that name", str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    if keep_backup:  # saves only: records go many to a folder, where a scan per write would add up
        remove_stale_temps(path)
    aside = partial(_set_aside, path, is_good, durable) if keep_backup else None
    _move_into_place(_write_temp(path, data, durable), path, durable, aside)


def _set_aside(path: Path, is_good: Callable[[Path], bool] | None, durable: bool) -> None:
    """The current file becomes the backup when it is good, and is moved to `.damaged` when not."""
    if not path.exists():
        return
    if is_good is None or is_good(path):
        replace_atomically(backup_path(path), path.read_bytes(), durable)
    else:
        os.replace(path, damaged_path(path))
