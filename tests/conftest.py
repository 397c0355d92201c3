"""Shared fixtures for the whole suite (kept minimal: each test folder has its own helpers)."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURE_DIR = Path(__file__).resolve().parent / "fixtures" / "scenarios" / "mini-town"


@pytest.fixture
def fixture_dir() -> Path:
    """The complete fixture scenario, mini-town (read-only: copy it before changing anything)."""
    return FIXTURE_DIR


@pytest.fixture(autouse=True)
def _no_shared_records_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    """A facilitator's shared records folder ($GRASSROOTS_RECORDS_DIR) never receives a test's records."""
    monkeypatch.delenv("GRASSROOTS_RECORDS_DIR", raising=False)
