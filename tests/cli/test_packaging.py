"""The schema ships in the wheel and the sdist, where the shipped files' modelines find it."""

from __future__ import annotations

import posixpath
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILD = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"]["build"]["targets"]


def installed_name(path: Path) -> str:
    """Where a checkout file lands in the wheel (force-include maps folders and files)."""
    relative = path.relative_to(ROOT).as_posix()
    for source, target in BUILD["wheel"]["force-include"].items():
        if relative == source or relative.startswith(source + "/"):
            return target + relative[len(source):]
    return relative


def test_the_schema_is_in_the_wheel_and_the_sdist() -> None:
    assert installed_name(ROOT / "scenario.schema.json") == "game/scenario.schema.json"
    assert "scenario.schema.json" in BUILD["sdist"]["include"]


def test_every_shipped_modeline_resolves_in_the_checkout_and_when_installed() -> None:
    files = sorted((ROOT / "content").rglob("*.yaml"))
    assert files
    for file in files:
        first = file.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, file
        assert (file.parent / match.group(1)).resolve() == (ROOT / "scenario.schema.json").resolve(), file
        installed = posixpath.normpath(posixpath.join(posixpath.dirname(installed_name(file)), match.group(1)))
        assert installed == installed_name(ROOT / "scenario.schema.json"), file
