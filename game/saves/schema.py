"""Field-by-field checks of a (migrated) document: every message names the field and what was expected."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn, TypeGuard

from game.safe_text import clean_line
from game.saves.errors import INVALID, SaveError

KINDS = ("save", "record")
SCENARIO_ID = re.compile(r"^[a-z][a-z0-9_-]{0,63}$")
HEX = re.compile(r"^[0-9a-f]{1,64}$")
LANG = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})?$")
SEED_RANGE = (-(2**63), 2**64)  # what a save can hold: [low, high)
GAME_ID = re.compile(r"^[0-9a-f]{8,32}$")
MAX_DECISIONS = 50_000
MAX_PLAYER = 500
DAMAGED_ADVICE = "the file was left untouched; load another save or start a new game"


@dataclass(frozen=True)
class Document:
    """A document read and checked, before replay. `snapshot` is None only for migrated v0 records."""

    path: Path
    kind: str
    saved_at: str
    game_version: str
    scenario_id: str
    content_hash: str
    source: str
    seed: int
    lang: str
    player: str
    decisions: list
    snapshot: dict | None
    outcome: dict | None
    version: int  # the version the file was written in (before migration)
    game_id: str = ""  # the game's identity ("" in files written before game ids existed)
    variant: str = ""  # the scenario variant played ("" for the scenario as written)
    intention: dict | None = None  # what the player meant to do, stated before week 1 (issue 12)


def seed_problem(seed: object) -> str:
    """Why a seed cannot be played and saved ("" when it can): saves hold seeds in SEED_RANGE."""
    low, high = SEED_RANGE
    if not is_int(seed):
        return f"the seed should be a whole number, not {kind_of(seed)}"
    if not low <= seed < high:
        return f"the seed {short(seed)} is out of range (from {low} to {high - 1})"
    return ""


def validated(path: Path, data: dict, original: int) -> Document:
    """The document, once every field has the type and range it must have; raises SaveError."""
    check = _Checker(path)
    kind = check.one_of(data, "kind", KINDS)
    scenario = check.field(data, "scenario", dict)
    scenario_id = check.field(scenario, "id", str, "scenario.")
    if not SCENARIO_ID.match(scenario_id):
        check.fail("scenario.id", f"is not a scenario id ({short(scenario_id)})")
    content_hash = check.field(scenario, "content_hash", str, "scenario.")
    if not HEX.match(content_hash):
        check.fail("scenario.content_hash", f"is not a content hash ({short(content_hash)})")
    source = check.field(scenario, "source", str, "scenario.", optional=True) or ""
    seed = check.integer(data, "seed", *SEED_RANGE)
    lang = check.field(data, "lang", str)
    if not LANG.match(lang):
        check.fail("lang", f"is not a language code ({short(lang)})")
    player = check.field(data, "player", str)
    game_id = check.field(data, "game", str, optional=True) or ""
    if game_id and not GAME_ID.match(game_id):
        check.fail("game", f"is not a game id ({short(game_id)})")
    if len(player) > MAX_PLAYER:
        check.fail("player", "is too long")
    decisions = check.field(data, "decisions", list)
    if len(decisions) > MAX_DECISIONS:
        check.fail("decisions", f"holds more than {MAX_DECISIONS} decisions")
    snap = None
    if original >= 1:
        snap = check.field(data, "snapshot", dict)
        check.integer(snap, "week", 1, 10_000, "snapshot.")
        count = check.integer(snap, "decisions", 0, MAX_DECISIONS, "snapshot.")
        if count != len(decisions):
            check.fail("snapshot.decisions", f"says {count} decisions but the log holds {len(decisions)}")
        meters = check.field(snap, "meters", dict, "snapshot.")
        for name, value in meters.items():
            check.number(meters, name, "snapshot.meters.")
        flags = check.field(snap, "flags", list, "snapshot.")
        if not all(isinstance(flag, str) for flag in flags):
            check.fail("snapshot.flags", "should hold only text")
        check.field(snap, "ended", str, "snapshot.")
        check.field(snap, "end_reason", str, "snapshot.")
        check.number(snap, "hours_left", "snapshot.")
        check.field(snap, "fingerprint", str, "snapshot.")
    outcome = check.field(data, "outcome", dict, optional=True)
    if kind == "record" and outcome is None:
        check.fail("outcome", "is missing (a game record holds the outcome)")
    saved_at = check.field(data, "saved_at", str, optional=original == 0) or ""
    game_version = check.field(data, "game_version", str, optional=original == 0) or ""
    variant = check.field(data, "variant", str, optional=True) or ""
    if variant and not SCENARIO_ID.match(variant):
        check.fail("variant", f"is not a variant id ({short(variant)})")
    intention = check.field(data, "intention", dict, optional=True)
    # text shown to the player is cleaned here, at the reader (control characters, escapes, bidi overrides)
    return Document(path, kind, clean_line(saved_at[:64]), clean_line(game_version[:64]), scenario_id, content_hash,
                    source, seed, lang, clean_line(player), decisions, snap, outcome, original, game_id, variant,
                    intention)


class _Checker:
    """Type checks that name the field and what was expected."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, name: str, problem: str) -> NoReturn:
        raise SaveError(self.path, f"field '{name}' {problem}", DAMAGED_ADVICE, INVALID)

    def field(self, data: dict, key: str, expected: type, prefix: str = "", optional: bool = False) -> Any:
        value = data.get(key)
        if value is None and optional:
            return None
        if key not in data:
            self.fail(prefix + key, "is missing")
        if not isinstance(value, expected) or isinstance(value, bool) and expected is not bool:
            self.fail(prefix + key, f"should be {_NAMES[expected]}, not {kind_of(value)}")
        return value

    def one_of(self, data: dict, key: str, choices: tuple[str, ...]) -> str:
        value = self.field(data, key, str)
        if value not in choices:
            self.fail(key, f"should be one of {', '.join(choices)}, not {short(value)}")
        return value

    def integer(self, data: dict, key: str, low: int, high: int, prefix: str = "") -> int:
        value = data.get(key)
        if key not in data:
            self.fail(prefix + key, "is missing")
        if not is_int(value):
            self.fail(prefix + key, f"should be a whole number, not {kind_of(value)}")
        if not low <= value < high:
            self.fail(prefix + key, f"is out of range ({short(value)})")
        return value

    def number(self, data: dict, key: str, prefix: str = "") -> float:
        value = data.get(key)
        if key not in data:
            self.fail(prefix + key, "is missing")
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            self.fail(prefix + key, f"should be a number, not {kind_of(value)}")
        if not math.isfinite(value):
            self.fail(prefix + key, "is not a finite number")
        return float(value)


_NAMES = {str: "text", int: "a whole number", float: "a number", list: "a list", dict: "an object",
          bool: "true or false"}


def is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def kind_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    for kind, name in _NAMES.items():
        if isinstance(value, kind):
            return name
    return type(value).__name__


def short(value: Any, limit: int = 40) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= limit else text[:limit - 3] + "..."
