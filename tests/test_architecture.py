"""The package's shape, checked by tools: the import layers (import-linter) and the types (mypy).

Both read their settings from pyproject.toml (`[tool.importlinter]`, `[tool.mypy]`), so `lint-imports` and
`mypy` on the command line check the same. Each runs in a fresh interpreter, from the repository root.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_tool(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=600,
                          check=False)


def test_the_import_layers_hold() -> None:
    done = run_tool("import sys; from importlinter.cli import lint_imports; "
                    "sys.exit(lint_imports(no_cache=True, no_logo=True))")
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


def test_the_package_type_checks() -> None:
    done = run_tool("import sys; from mypy import api; out, err, code = api.run([]); "
                    "print(out, end=''); print(err, end='', file=sys.stderr); sys.exit(code)")
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    assert "Success: no issues found" in done.stdout
