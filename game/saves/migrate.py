"""Older file formats, upgraded one version at a time to the current one.

Version 0 is the record that `grassroots simulate --records` wrote before this module existed:
`{"scenario", "content_hash", "seed", "player", "decisions", "outcome"}`, no checksum, no snapshot.
A migrated v0 record is trusted only as far as its replay reproduces its outcome.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from game.saves.errors import INVALID, SaveError

V0_KEYS = frozenset({"scenario", "content_hash", "seed", "decisions"})


def looks_like_v0(data: dict) -> bool:
    """A version-0 record: the keys it always had, and no `format` field."""
    return "format" not in data and V0_KEYS <= data.keys()


def v0_to_v1(path: Path, old: dict) -> dict:
    """A v0 record in the v1 shape; the snapshot stays None (v0 never had one)."""
    for key in ("scenario", "content_hash"):
        if not isinstance(old[key], str):
            raise SaveError(path, f"field '{key}' should be text (old record format)",
                            "the file was left untouched; it cannot be replayed", INVALID)
    return {
        "format": "grassroots-game",
        "version": 1,
        "kind": "record",
        "saved_at": old.get("saved_at", ""),
        "game_version": "",
        "scenario": {"id": old["scenario"], "content_hash": old["content_hash"]},
        "seed": old["seed"],
        "lang": old.get("lang", "en"),
        "player": old.get("player", ""),
        "decisions": old["decisions"],
        "snapshot": None,
        "outcome": old.get("outcome"),
    }


MIGRATIONS: dict[int, Callable[[Path, dict], dict[str, Any]]] = {0: v0_to_v1}
