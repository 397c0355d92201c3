"""Fixtures for the TUI tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def saves(tmp_path):
    """A fresh saves folder."""
    folder = tmp_path / "saves"
    folder.mkdir()
    return folder
