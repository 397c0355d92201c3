"""`play` draws its title screen without importing what only a game needs (issue 15: the first frame in at
most 1.3x a bare Textual app's time; bench/bench_startup.py measures it). Loading content (pydantic, the
models, the engine, the saves) waits for a game to be started or continued, in a worker."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("pydantic", "game.scenario.models", "game.engine", "game.saves", "uniseg",
         "game.scenario.catalog", "game.cli.cmd_validate", "game.cli.cmd_simulate")  # (the catalog: for a game)


@pytest.mark.parametrize("argv, heavy", [
    (["play", "--lang", "en"], []),
    (["play", "--lang", "zh", "--name", "Lin"], []),
    (["play", "--lang", "en", "--seed", "3"],
     sorted(["pydantic", "game.scenario.models", "game.engine", "game.saves", "game.scenario.catalog"])),
])
def test_play_imports_only_what_its_first_screen_needs(argv: list[str], heavy: list[str], tmp_path: Path) -> None:
    code = f"""
import json, os, sys
import game.tui.launch as launch

def first_screen(start):
    import game.tui.app  # the app and its title screen, as run_game imports them
    print(json.dumps(sorted(name for name in {HEAVY!r} if name in sys.modules)))
    return 0

launch.run_game = first_screen
os.environ["TEXTUAL_DRIVER"] = "headless"  # no terminal here; the terminal check trusts a chosen driver
from game.cli.main import main
sys.exit(main({argv!r} + ["--saves-dir", {str(tmp_path)!r}]))
"""
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == heavy
