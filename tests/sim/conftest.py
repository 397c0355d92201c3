"""Fixtures for simulator tests (the tiny scenario is described in sim_kit.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sim_kit import write_tiny


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """The folder of the tiny scenario."""
    return write_tiny(tmp_path / "tiny")
