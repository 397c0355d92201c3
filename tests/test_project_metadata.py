"""Packaging: ranges in pyproject.toml, the exact versions CI installs in constraints.txt, and the two agree."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def pins() -> dict[str, str]:
    out = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, exact = line.partition("==")
            assert exact, f"constraints.txt pins exactly: {line!r}"
            out[canonicalize_name(name)] = exact
    return out


def requirements() -> list[Requirement]:
    listed = PROJECT["dependencies"] + [r for group in PROJECT["optional-dependencies"].values() for r in group]
    return [Requirement(text) for text in listed]


def test_dependencies_are_ranges_not_pins():
    for req in requirements():
        assert req.specifier, f"{req} has no version range"
        assert not any(spec.operator == "==" for spec in req.specifier), f"{req} is an exact pin: use a range"


def test_every_dependency_is_pinned_for_ci_inside_its_range():
    pinned = pins()
    for req in requirements():
        version = pinned.get(canonicalize_name(req.name))
        assert version, f"{req.name} is missing from constraints.txt"
        assert req.specifier.contains(version, prereleases=True), f"constraints.txt pins {req.name} {version}, outside {req}"


def test_license_urls_and_classifiers():
    license_text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert license_text.startswith("MIT License") and "2026 The Grassroots authors" in license_text
    assert "License :: OSI Approved :: MIT License" in PROJECT["classifiers"]
    # no public address exists yet: project URLs are added with a real one, never as placeholders
    assert not any(".invalid" in url or "example." in url for url in PROJECT.get("urls", {}).values())
    assert f"Programming Language :: Python :: {PROJECT['requires-python'].removeprefix('>=')}" in PROJECT["classifiers"]
