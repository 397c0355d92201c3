"""Which engine build runs (game/engine/build.py): the pure-Python one by default, the compiled one (mypyc,
README "Faster simulations") only where it was built on purpose; and never a compiled file in the checkout.

The build this run should see comes from outside the code under test: $GRASSROOTS_EXPECT_ENGINE, "python"
unless set (.ci/compiled sets "compiled" for the suite's run against the compiled install).
"""

from __future__ import annotations

import importlib
import importlib.machinery
import os
import tomllib
from pathlib import Path

import pytest

from game.engine.build import COMPILED, PYTHON, engine_build

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = os.environ.get("GRASSROOTS_EXPECT_ENGINE", PYTHON)
SUFFIXES = tuple(importlib.machinery.EXTENSION_SUFFIXES)


def compiled_modules() -> list[str]:
    """The modules the compiled build compiles: pyproject's mypyc hook, includes less excludes."""
    hook = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    hook = hook["tool"]["hatch"]["build"]["targets"]["wheel"]["hooks"]["mypyc"]
    excluded = {ROOT / pattern.lstrip("/") for pattern in hook.get("exclude", [])}
    files: list[Path] = []
    for pattern in hook["include"]:
        path = ROOT / pattern.lstrip("/")
        files += sorted(path.glob("*.py")) if path.is_dir() else [path]
    return [".".join(f.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
            for f in files if f not in excluded]


@pytest.mark.parametrize("module_file, build", [
    ("/site-packages/game/engine/fast.py", PYTHON),
    ("/site-packages/game/engine/__pycache__/fast.cpython-311.pyc", PYTHON),
    ("/site-packages/game/engine/fast.so.py", PYTHON),
    ("", PYTHON),
    *[(f"/site-packages/game/engine/fast{suffix}", COMPILED) for suffix in SUFFIXES],
])
def test_a_module_file_names_its_build(module_file, build):
    assert engine_build(module_file) == build


def test_the_running_engine_is_the_expected_build():
    assert EXPECTED in (PYTHON, COMPILED), f"GRASSROOTS_EXPECT_ENGINE={EXPECTED!r}"
    assert engine_build() == EXPECTED


def test_every_module_of_the_compiled_build_is_of_the_expected_build():
    modules = compiled_modules()
    assert {"game.engine.fast", "game.engine.week", "game.sim.runner"} <= set(modules)
    builds = {name: engine_build(importlib.import_module(name).__file__) for name in modules}
    assert builds == dict.fromkeys(modules, EXPECTED)


def test_no_compiled_module_in_the_checkout():
    """An extension beside its .py would shadow it: an editable install would run stale compiled code."""
    found = [str(p.relative_to(ROOT)) for p in (ROOT / "game").rglob("*") if p.name.endswith(SUFFIXES)]
    assert found == []
