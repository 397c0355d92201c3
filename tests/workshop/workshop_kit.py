"""Helpers for the workshop tests (a module of its own: `conftest` is a name every test folder shares)."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from game.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "scenarios" / "mini-town"


FIVE_BOTS = "random,trace,service,balanced,reform"  # not `all`: the shipped probes would change the counts


def simulate_records(folder: Path, scenario: Path | str, runs: int, seed: int = 1) -> list[Path]:
    """Write one record per run of each of the five built-in bots into `folder`; return the files."""
    with contextlib.redirect_stdout(io.StringIO()):
        code = main(["simulate", str(scenario), "--runs", str(runs), "--strategy", FIVE_BOTS, "--seed", str(seed),
                     "--jobs", "1", "--records", str(folder)])
    assert code == 0
    return sorted(folder.glob("*.json"))
