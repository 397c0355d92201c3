"""Fixtures for engine tests: factories of small purpose-built scenarios (see engine_kit.py)."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Callable

import pytest
from engine_kit import write_scenario

from game.engine import Rules
from game.scenario import ScenarioLoadError, load_scenario

_folders = itertools.count()


@pytest.fixture
def make_scenario(tmp_path: Path) -> Callable[..., Path]:
    """A factory: make_scenario(**sections) -> the folder of a fresh scenario in tmp_path."""
    return lambda **sections: write_scenario(tmp_path / f"scenario{next(_folders)}", **sections)


@pytest.fixture
def make_rules(make_scenario: Callable[..., Path]) -> Callable[..., Rules]:
    """A factory: make_rules(**sections) -> compiled Rules (a load error fails the test with its messages)."""

    def build(**sections) -> Rules:
        try:
            return Rules(load_scenario(make_scenario(**sections)))
        except ScenarioLoadError as err:
            pytest.fail("the test scenario does not load:\n" + "\n".join(e.format() for e in err.errors))

    return build
