"""Helpers for scenario tests: copy the fixture, break one thing, and look at what the loader says."""

from __future__ import annotations

import shutil
from pathlib import Path

from game.scenario import ContentError, load_report

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "scenarios" / "mini-town"


def copy_fixture(tmp_path: Path) -> Path:
    """A writable copy of mini-town in tmp_path (the folder keeps the name `mini-town`)."""
    target = tmp_path / "mini-town"
    shutil.copytree(FIXTURE, target)
    return target


def replace_once(folder: Path, file: str, old: str, new: str) -> int:
    """Replace the single occurrence of `old` in `file`; return the 1-based line where `new` starts."""
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {file}"
    start = text.index(old)
    path.write_text(text[:start] + new + text[start + len(old):], encoding="utf-8")
    return text.count("\n", 0, start) + 1


def line_of(folder: Path, file: str, needle: str) -> int:
    """The 1-based line of the single occurrence of `needle` in `file`."""
    text = (folder / file).read_text(encoding="utf-8")
    assert text.count(needle) == 1, f"{needle!r} occurs {text.count(needle)} times in {file}"
    return text.count("\n", 0, text.index(needle)) + 1


def errors_of(folder: Path) -> list[ContentError]:
    """Every error the loader reports for a scenario folder."""
    return load_report(folder).errors


def only_error(folder: Path) -> ContentError:
    """The one error of a scenario that has exactly one."""
    errors = errors_of(folder)
    assert len(errors) == 1, "\n".join(e.format() for e in errors)
    return errors[0]


def broken(tmp_path: Path, file: str, old: str, new: str) -> tuple[ContentError, int]:
    """Copy the fixture, make one replacement, and return its one error and the replacement's line."""
    folder = copy_fixture(tmp_path)
    line = replace_once(folder, file, old, new)
    return only_error(folder), line
