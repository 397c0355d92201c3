"""A scenario's content files: found and read as bytes, in order.

This module is light on purpose (no pydantic): finding and reading files needs no content model. The
loader takes the files in order with `Sources.files_in_order()`.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Iterator

from game.scenario.errors import ContentError
from game.scenario.yamlevents import MAX_FILE_BYTES

__all__ = ["MAX_FILES", "YAML_SUFFIXES", "Sources", "content_files", "display_name", "hash_files", "read_bytes",
           "read_sources"]

MAX_FILES = 500
YAML_SUFFIXES = (".yaml", ".yml")


MAX_DEPTH = 32  # folders inside a scenario folder; deeper ones are a mistake (or a trap), not content


class TooDeep(Exception):
    """A scenario folder nests folders more than MAX_DEPTH deep."""


def content_files(path: Path) -> list[Path]:
    """The YAML files of a scenario folder (sorted, hidden ones skipped), or the path itself when it is
    not a folder. Walks without recursion (a folder 1,000 deep cannot exhaust the stack); raises TooDeep
    past MAX_DEPTH. Anything named .yaml that is not a folder is listed, so that a FIFO or device is
    reported (unread) instead of being skipped in silence."""
    if not path.is_dir():
        return [path]
    found: list[Path] = []
    stack: list[tuple[Path, int]] = [(path, 0)]
    while stack:
        folder, depth = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir(follow_symlinks=False)  # as rglob: linked folders are not walked (no loops)
            except OSError:
                continue
            if is_dir:
                if depth + 1 > MAX_DEPTH:
                    raise TooDeep(str(folder))
                stack.append((Path(entry.path), depth + 1))
            elif Path(entry.name).suffix in YAML_SUFFIXES:
                found.append(Path(entry.path))
    return sorted(found)


def hash_files(files: list[tuple[str, bytes]]) -> str:
    """A content hash over relative names and bytes, independent of where the folder lives."""
    digest = hashlib.sha256()
    for name, raw in sorted(files):
        digest.update(name.encode("utf-8") + b"\x00" + len(raw).to_bytes(8, "big") + raw)
    return digest.hexdigest()[:16]


def display_name(file: Path, base: Path) -> str:
    """A short name for messages: relative to the folder's parent when possible."""
    try:
        return str(file.relative_to(base.parent))
    except ValueError:
        return str(file)


class Sources:
    """The files of one scenario path, read (a problem with the whole path instead, if any)."""

    def __init__(self, path: Path, files: list[Path], problem: ContentError | None = None) -> None:
        self.path = path
        self.problem = problem  # a problem with the whole path (no files, too many): nothing is read
        self._files = files
        self._names = [display_name(file, path) for file in files]
        self._reads = [read_bytes(file) for file in files]

    def files_in_order(self) -> Iterator[tuple[str, bytes | OSError]]:
        """(display name, bytes or the reason they could not be read), in the files' sorted order."""
        return zip(self._names, self._reads)

    def content_hash(self) -> str:
        """The hash of the readable files' names and bytes."""
        named = [(self._hash_name(file), read) for file, read in zip(self._files, self._reads)
                 if isinstance(read, bytes)]
        return hash_files(named)

    def _hash_name(self, file: Path) -> str:
        return file.relative_to(self.path).as_posix() if self.path.is_dir() else file.name


def read_sources(path: Path) -> Sources:
    """Find and read a scenario's files (a folder or one file); raise FileNotFoundError if it is missing."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(str(path))
    if not path.is_dir() and path.suffix not in YAML_SUFFIXES:
        return Sources(path, [], ContentError(path.name, 1, 1, "", "not a YAML content file",
                                              "content files end in .yaml or .yml"))
    try:
        files = content_files(path)
    except TooDeep:
        return Sources(path, [], ContentError(str(path), 1, 1, "", f"folders nested more than {MAX_DEPTH} deep",
                                              "keep a scenario's files at most a few folders deep"))
    if not files:
        return Sources(path, [], ContentError(str(path), 1, 1, "", "no .yaml files found",
                                              "a scenario folder needs scenario.yaml"))
    if len(files) > MAX_FILES:
        return Sources(path, [], ContentError(str(path), 1, 1, "", f"more than {MAX_FILES} content files", ""))
    return Sources(path, files)


def read_bytes(file: Path) -> bytes | OSError:
    """A regular file's bytes (never more than one past the size limit), or why it can't be read: a FIFO
    or device is refused at once instead of blocking (see game/read_file.py)."""
    from game.read_file import read_regular

    try:
        return read_regular(file, MAX_FILE_BYTES, cut=True)
    except OSError as err:
        return err
