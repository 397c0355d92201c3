"""Install yaml-language-server (the YAML language server editors use) from npm into a cache folder.

The editor tests drive the real server; this puts it where they find it, outside the repository:
$GRASSROOTS_TEST_CACHE, else $XDG_CACHE_HOME/grassroots-tests, else ~/.cache/grassroots-tests.
Run directly (`python tests/editor/yls_install.py`) to install ahead of the tests, as `.ci/run` does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

PACKAGE = "yaml-language-server@1.25.0"  # pinned: the verdicts compared are this version's


def cache_dir() -> Path:
    """Where the server is installed (created on demand)."""
    explicit = os.environ.get("GRASSROOTS_TEST_CACHE")
    if explicit:
        return Path(explicit) / "yaml-language-server"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "grassroots-tests" / "yaml-language-server"


def server_command() -> list[str]:
    """The command that runs the installed server over stdio."""
    return [str(cache_dir() / "node_modules" / ".bin" / "yaml-language-server"), "--stdio"]


def install() -> list[str]:
    """Install the server when it is missing; return its command. Raises RuntimeError when npm fails."""
    command = server_command()
    if Path(command[0]).exists():
        return command
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        raise RuntimeError("node and npm are needed to install yaml-language-server for the editor tests")
    target = cache_dir()
    target.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([npm, "install", "--prefix", str(target), "--no-audit", "--no-fund", "--silent", PACKAGE],
                          capture_output=True, text=True, timeout=600)
    if done.returncode != 0 or not Path(command[0]).exists():
        raise RuntimeError(f"npm install {PACKAGE} failed: {(done.stderr or done.stdout).strip()[-500:]}")
    return command


if __name__ == "__main__":
    try:
        print(" ".join(install()))
    except RuntimeError as err:
        print(err, file=sys.stderr)
        raise SystemExit(1) from None
