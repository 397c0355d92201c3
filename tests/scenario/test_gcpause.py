"""Loading pauses the cyclic collector (a measured quarter of validate's time, see gcpause.py) and always
leaves it as it found it: on or off, after a load, a validate, or an error."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from game.cli.main import main
from game.scenario.gcpause import collector_paused
from game.scenario.loader import load_report


@pytest.fixture(params=[True, False], ids=["on", "off"])
def collector(request: pytest.FixtureRequest):
    was = gc.isenabled()
    (gc.enable if request.param else gc.disable)()
    yield request.param
    (gc.enable if was else gc.disable)()


def test_a_load_leaves_the_collector_as_it_was(collector: bool, fixture_dir: Path) -> None:
    assert load_report(fixture_dir).scenario is not None
    assert gc.isenabled() is collector


def test_validate_leaves_the_collector_as_it_was(collector: bool, fixture_dir: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(fixture_dir)]) == 0
    assert gc.isenabled() is collector


def test_an_error_inside_leaves_the_collector_as_it_was(collector: bool) -> None:
    with pytest.raises(KeyError), collector_paused():
        assert not gc.isenabled()
        raise KeyError("boom")
    assert gc.isenabled() is collector
