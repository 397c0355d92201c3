"""The saves module and replay narration import neither Textual nor Rich (checked in a fresh process)."""

from __future__ import annotations

import subprocess
import sys


def test_saves_import_no_textual_or_rich() -> None:
    code = ("import sys, game.saves, game.saves.narrate, game.cli.cmd_replay; "
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')); print(bad)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
