"""The headless core never imports Textual or Rich, so `validate` and `simulate` start fast.

Each check runs in a fresh interpreter: in this test process other tests may already have imported them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "scenarios" / "mini-town"
HEADLESS_PACKAGES = ("game.scenario", "game.engine", "game.sim", "game.saves", "game.workshop", "game.narrate")
UI_LIBRARIES = ("textual", "rich")


def run_python(code: str) -> object:
    """Run `code` in a fresh interpreter and return the JSON it prints last."""
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_every_headless_module_imports_without_textual_or_rich() -> None:
    result = run_python(f"""
import importlib, json, pkgutil, sys
checked, culprit = [], None
for package in {HEADLESS_PACKAGES!r}:
    module = importlib.import_module(package)  # every one exists: a missing package fails here
    names = [package] + [info.name for info in pkgutil.walk_packages(module.__path__, package + ".")]
    for name in names:
        importlib.import_module(name)
        checked.append(name)
        if culprit is None and any(lib in sys.modules for lib in {UI_LIBRARIES!r}):
            culprit = name
print(json.dumps({{"checked": checked, "culprit": culprit}}))
""")
    assert {"game.scenario.loader", "game.scenario.checks", "game.sim.runner", "game.narrate.ledger"} <= set(result["checked"])
    assert result["culprit"] is None, f"{result['culprit']} imports a UI library"


def test_the_headless_commands_run_without_textual_or_rich() -> None:
    result = run_python(f"""
import contextlib, io, json, sys
from game.cli.main import main
codes = {{}}
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    codes["validate"] = main(["validate", {str(FIXTURE)!r}])
    codes["validate_json"] = main(["validate", "--format", "json", {str(FIXTURE)!r}])
    codes["schema"] = main(["schema"])
    codes["scenarios"] = main(["scenarios"])
print(json.dumps({{"codes": codes, "loaded": [lib for lib in {UI_LIBRARIES!r} if lib in sys.modules]}}))
""")
    assert result["codes"] == {"validate": 0, "validate_json": 0, "schema": 0, "scenarios": 0}
    assert result["loaded"] == []


def test_importing_the_command_line_loads_no_ui_library() -> None:
    result = run_python(f"""
import json, sys
import game.cli.main, game.scenario
print(json.dumps([lib for lib in {UI_LIBRARIES!r} if lib in sys.modules]))
""")
    assert result == []
