"""Helpers for the saves tests (a module of its own so test files can import it by name)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from game.engine import GameState, Rules, apply, new_game
from game.saves.document import checksum, encode

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "scenarios" / "mini-town"


def prefix(rules: Rules, state: GameState, count: int) -> GameState:
    """The state after the first `count` decisions of a game."""
    partial, _ = new_game(rules, state.seed)
    for decision in state.decisions[:count]:
        partial, _ = apply(rules, partial, decision)
    return partial


def resign(path: Path, change: Callable[[dict], None]) -> None:
    """Edit a file's JSON and give it a valid checksum again (a careful hand edit)."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc)
    doc["checksum"] = checksum(doc)
    path.write_bytes(encode(doc))


def snapshot_files(folder: Path) -> dict[str, bytes]:
    """Every file under a folder with its bytes, to prove nothing was written, moved or deleted."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
