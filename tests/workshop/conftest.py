"""Fixtures for the workshop tests: folders of finished-game records written by `simulate --records`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from workshop_kit import MINI, simulate_records


@pytest.fixture(scope="session")
def mini_records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """20 mini-town records: 5 strategies x 4 seeds (each seed played by every strategy). Read-only."""
    folder = tmp_path_factory.mktemp("mini-records")
    assert len(simulate_records(folder, MINI, 4)) == 20
    return folder


@pytest.fixture
def records(tmp_path: Path, mini_records: Path) -> Path:
    """A copy of the mini-town records that a test may damage."""
    folder = tmp_path / "class"
    shutil.copytree(mini_records, folder)
    return folder
