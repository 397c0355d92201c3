"""One writer per save: an advisory lock held for as long as a game is open, that no crash leaves stuck.

The lock is an OS lock (`flock` on POSIX, `msvcrt.locking` on Windows) on an open descriptor of a small
side file, `.<name>.save.json.lock`, next to the save. The OS drops it when the process ends, however
it ends (a SIGKILL or a closed terminal included), so a stale lock cannot exist. The side file holds the
holder's pid (for the message only) and is removed by its holder on release, while still locked; a
process that locked a file just removed sees that the path no longer names what it locked and tries
again, so two processes can never both hold a save. A killed holder leaves the side file, unlocked. Locks are per process: this process keeps a table of what it holds, so `write_save` can
check it without locking twice.
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path

from game.saves.errors import LOCKED, SaveError

_held: dict[str, GameLock] = {}


def lock_path(save: Path) -> Path:
    return Path(save).with_name(f".{Path(save).name}.lock")


def _key(save: Path) -> str:
    try:
        return str(Path(save).resolve())
    except (OSError, RuntimeError):
        return os.path.abspath(save)


def _try_lock(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]  # checked on Linux
            return True
        except OSError:
            return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


class GameLock:
    """The lock on one save, held by this process until `release()` (or the process ends)."""

    def __init__(self, save: Path, fd: int) -> None:
        self.save, self.fd = Path(save), fd

    @classmethod
    def acquire(cls, save: Path) -> GameLock:
        """Lock `save` for this process (again: the same lock). Raises SaveError(code 'locked') when another
        process holds it, SaveError(code 'write_failed') when the lock file cannot be made."""
        key = _key(save)
        if key in _held:
            return _held[key]
        side = lock_path(save)
        for _attempt in range(100):
            fd = _open(save, side)
            if not _try_lock(fd):
                holder = _holder(fd)
                os.close(fd)
                who = f" (process {holder})" if holder else ""
                raise SaveError(save, f"this game is open in another window{who}",
                                "close it there first, or start another game", LOCKED)
            if _same_file(fd, side):
                break
            os.close(fd)  # its holder removed it as we locked it: lock the file the path names now
        else:  # pragma: no cover - a path replaced a hundred times in a row
            raise SaveError(save, "cannot lock the save (its lock file keeps changing)", "try again", LOCKED)
        with suppress(OSError):
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0) if hasattr(os, "pwrite") else os.write(fd, b"")
        lock = cls(save, fd)
        _held[key] = lock
        return lock

    def release(self) -> None:
        """Let other processes open this game: remove the side file while still holding it, then close the
        descriptor (which drops the OS lock)."""
        _held.pop(_key(self.save), None)
        if self.fd >= 0:
            with suppress(OSError):
                if _same_file(self.fd, lock_path(self.save)):
                    os.unlink(lock_path(self.save))
            with suppress(OSError):
                os.close(self.fd)
            self.fd = -1


def _open(save: Path, side: Path) -> int:
    try:
        side.parent.mkdir(parents=True, exist_ok=True)
        return os.open(side, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
    except OSError as err:
        from game.saves.errors import WRITE_FAILED

        raise SaveError(save, f"cannot lock the save ({err.strerror or err})",
                        "choose another folder with --saves-dir", WRITE_FAILED) from None


def _same_file(fd: int, side: Path) -> bool:
    """Whether the path still names the file open at `fd`."""
    try:
        mine, there = os.fstat(fd), os.stat(side, follow_symlinks=False)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)


def held(save: Path) -> bool:
    """Whether this process holds the lock on `save`."""
    return _key(save) in _held


def _holder(fd: int) -> str:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip() if hasattr(os, "pread") else ""
    except OSError:
        return ""
    return text if text.isdigit() else ""
