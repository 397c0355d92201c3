"""The file format: building a document from a game, and reading one back safely (no replay here).

A document is one JSON object with one top-level key per line. `checksum` is the SHA-256 of the
canonical JSON (sorted keys, no spaces) of every other key, so an edit by hand is detected. Reading
refuses files over MAX_BYTES before parsing, checks the format name, refuses future versions, checks
the checksum, migrates older versions and checks the type of every field.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.engine import GameState, Rules
from game.saves.errors import (
    CORRUPT, EDITED, FOREIGN, FUTURE, INVALID, MISSING, TOO_LARGE, UNREADABLE, SaveError,
)
from game.saves.migrate import MIGRATIONS, looks_like_v0

FORMAT_NAME = "grassroots-game"
FORMAT_VERSION = 1
MAX_BYTES = 5 * 1024 * 1024
MAX_DECISIONS = 50_000
KINDS = ("save", "record")
SCENARIO_ID = re.compile(r"^[a-z][a-z0-9_-]{0,63}$")
HEX = re.compile(r"^[0-9a-f]{1,64}$")
LANG = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})?$")
SEED_RANGE = (-(2**63), 2**64)
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


# -- writing -------------------------------------------------------------------------------------------
def canonical(value: Any) -> bytes:
    """The exact bytes the checksum and comparisons are computed over."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8", "surrogatepass")


def checksum(doc: dict) -> str:
    return "sha256:" + hashlib.sha256(canonical({k: v for k, v in doc.items() if k != "checksum"})).hexdigest()


def state_digest(state: GameState) -> str:
    """A short digest of the engine's fingerprint of a state: equal states give equal digests."""
    return hashlib.sha256(canonical(state.fingerprint())).hexdigest()[:16]


def snapshot(rules: Rules, state: GameState) -> dict:
    """What a save remembers of the state, to check a replay against (and to list saves without one)."""
    return {
        "week": state.week,
        "decisions": len(state.decisions),
        "meters": {meter: round(value, 6) for meter, value in zip(rules.meter_ids, state.meters)},
        "flags": sorted(state.flags),
        "ended": state.ended,
        "end_reason": state.end_reason,
        "hours_left": round(state.hours_left, 6),
        "fingerprint": state_digest(state),
    }


def clean_text(text: str) -> str:
    """Text that encodes as UTF-8 (a name from the command line may hold lone surrogates)."""
    return str(text).encode("utf-8", "replace").decode("utf-8")


def build(rules: Rules, state: GameState, *, kind: str, player: str, lang: str, saved_at: str,
          outcome: dict | None, game_version: str) -> dict:
    """A complete document, checksum included."""
    if state.scenario_id != rules.id or state.content_hash != rules.content_hash:
        raise ValueError("the state was not made with these rules")
    doc = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "kind": kind,
        "saved_at": saved_at,
        "game_version": game_version,
        "scenario": {"id": rules.id, "content_hash": rules.content_hash, "source": _source(rules)},
        "seed": state.seed,
        "lang": clean_text(lang),
        "player": clean_text(player),
        "decisions": [d.to_json() for d in state.decisions],
        "snapshot": snapshot(rules, state),
        "outcome": outcome,
    }
    doc["checksum"] = checksum(doc)
    return doc


def _source(rules: Rules) -> str:
    """Where the scenario was loaded from: a hint for finding it again (used only if its hash matches)."""
    try:
        return str(Path(rules.scenario.source).resolve())
    except (OSError, RuntimeError, ValueError):
        return ""


def encode(doc: dict) -> bytes:
    """One top-level key per line: readable, diffable, and still plain JSON."""
    def dump(value: Any, ascii_only: bool) -> str:
        return json.dumps(value, ensure_ascii=ascii_only, separators=(",", ":"))

    for ascii_only in (False, True):
        text = "{\n" + ",\n".join(f" {dump(k, ascii_only)}: {dump(v, ascii_only)}" for k, v in doc.items()) + "\n}\n"
        try:
            return text.encode("utf-8")
        except UnicodeEncodeError:
            continue
    raise ValueError("the document cannot be encoded")  # pragma: no cover - ascii always encodes


# -- reading -------------------------------------------------------------------------------------------
def read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing missing, unreadable and oversized files before reading them whole."""
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_BYTES:
                raise SaveError(path, f"the file is too large to be a save ({size} bytes, limit {MAX_BYTES})",
                                DAMAGED_ADVICE, TOO_LARGE)
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise SaveError(path, "no such file", "check the name, or start a new game", MISSING) from None
    except IsADirectoryError:
        raise SaveError(path, "this is a folder, not a save file", "give the path of a .json file",
                        UNREADABLE) from None
    except OSError as err:
        raise SaveError(path, f"cannot read the file ({err.strerror or err})", "check its permissions",
                        UNREADABLE) from None
    if len(raw) > MAX_BYTES:  # it grew while we read it
        raise SaveError(path, f"the file is too large to be a save (limit {MAX_BYTES} bytes)", DAMAGED_ADVICE,
                        TOO_LARGE)
    return raw


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict:
    out: dict = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key '{key}'")
        out[key] = value
    return out


def parse(path: Path, raw: bytes) -> Any:
    """JSON from bytes, with one clear message for every way it can fail."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise SaveError(path, f"the file is damaged (not UTF-8 text at byte {err.start})", DAMAGED_ADVICE,
                        CORRUPT) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise SaveError(path, "the file is empty (the save was cut short)", DAMAGED_ADVICE, CORRUPT)
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as err:
        where = "ends too early" if err.pos >= len(text.rstrip()) else f"line {err.lineno}, column {err.colno}"
        raise SaveError(path, f"the file is damaged or cut short (invalid JSON: {err.msg}, {where})",
                        DAMAGED_ADVICE, CORRUPT) from None
    except (ValueError, RecursionError) as err:
        reason = str(err) if isinstance(err, ValueError) else "nested too deeply"
        raise SaveError(path, f"the file is damaged (invalid JSON: {reason})", DAMAGED_ADVICE, CORRUPT) from None


def read_document(path: Path) -> Document:
    """Read, check and migrate a save or record; raises SaveError. Never writes anything."""
    path = Path(path)
    return decode(path, parse(path, read_bytes(path)))


def decode(path: Path, data: Any) -> Document:
    """Check a parsed document (format, version, checksum, migration, types)."""
    if not isinstance(data, dict):
        raise SaveError(path, "this is not a Grassroots save or record (the JSON is not an object)",
                        "choose a .save.json or .record.json file", FOREIGN)
    if "format" not in data:
        if not looks_like_v0(data):
            raise SaveError(path, "this is not a Grassroots save or record (no 'format' field)",
                            "choose a .save.json or .record.json file", FOREIGN)
        version = 0
    else:
        if data.get("format") != FORMAT_NAME:
            raise SaveError(path, f"this is not a Grassroots save or record (format {_short(data.get('format'))})",
                            "choose a .save.json or .record.json file", FOREIGN)
        version = data.get("version")
        if not _is_int(version):
            raise SaveError(path, f"field 'version' should be a whole number, not {_kind(version)}",
                            DAMAGED_ADVICE, INVALID)
        if version > FORMAT_VERSION:
            raise SaveError(path, f"written by a newer version of the game (save format {version}; this version "
                            f"reads formats up to {FORMAT_VERSION})", "update the game to open it", FUTURE)
        if version < 1:
            raise SaveError(path, f"unknown save format version {version}", DAMAGED_ADVICE, INVALID)
        stored = data.get("checksum")
        if not isinstance(stored, str):
            raise SaveError(path, "the file has no checksum (it was damaged or edited by hand)", DAMAGED_ADVICE,
                            EDITED)
        if stored != checksum(data):
            raise SaveError(path, "the checksum does not match: the file was edited by hand or damaged",
                            DAMAGED_ADVICE, EDITED)
    original = version
    while version < FORMAT_VERSION:
        data = MIGRATIONS[version](path, data)
        version += 1
    return _validated(path, data, original)


def _validated(path: Path, data: dict, original: int) -> Document:
    check = _Checker(path)
    kind = check.one_of(data, "kind", KINDS)
    scenario = check.field(data, "scenario", dict)
    scenario_id = check.field(scenario, "id", str, "scenario.")
    if not SCENARIO_ID.match(scenario_id):
        check.fail("scenario.id", f"is not a scenario id ({_short(scenario_id)})")
    content_hash = check.field(scenario, "content_hash", str, "scenario.")
    if not HEX.match(content_hash):
        check.fail("scenario.content_hash", f"is not a content hash ({_short(content_hash)})")
    source = check.field(scenario, "source", str, "scenario.", optional=True) or ""
    seed = check.integer(data, "seed", *SEED_RANGE)
    lang = check.field(data, "lang", str)
    if not LANG.match(lang):
        check.fail("lang", f"is not a language code ({_short(lang)})")
    player = check.field(data, "player", str)
    if len(player) > 500:
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
    return Document(path, kind, saved_at[:64], game_version[:64], scenario_id, content_hash, source, seed, lang,
                    player, decisions, snap, outcome, original)


class _Checker:
    """Type checks that name the field and what was expected."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, name: str, problem: str) -> None:
        raise SaveError(self.path, f"field '{name}' {problem}", DAMAGED_ADVICE, INVALID)

    def field(self, data: dict, key: str, expected: type, prefix: str = "", optional: bool = False) -> Any:
        value = data.get(key)
        if value is None and optional:
            return None
        if key not in data:
            self.fail(prefix + key, "is missing")
        if not isinstance(value, expected) or isinstance(value, bool) and expected is not bool:
            self.fail(prefix + key, f"should be {_NAMES[expected]}, not {_kind(value)}")
        return value

    def one_of(self, data: dict, key: str, choices: tuple[str, ...]) -> str:
        value = self.field(data, key, str)
        if value not in choices:
            self.fail(key, f"should be one of {', '.join(choices)}, not {_short(value)}")
        return value

    def integer(self, data: dict, key: str, low: int, high: int, prefix: str = "") -> int:
        value = data.get(key)
        if key not in data:
            self.fail(prefix + key, "is missing")
        if not _is_int(value):
            self.fail(prefix + key, f"should be a whole number, not {_kind(value)}")
        if not low <= value < high:
            self.fail(prefix + key, f"is out of range ({_short(value)})")
        return value

    def number(self, data: dict, key: str, prefix: str = "") -> float:
        value = data.get(key)
        if key not in data:
            self.fail(prefix + key, "is missing")
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            self.fail(prefix + key, f"should be a number, not {_kind(value)}")
        if not math.isfinite(value):
            self.fail(prefix + key, "is not a finite number")
        return float(value)


_NAMES = {str: "text", int: "a whole number", float: "a number", list: "a list", dict: "an object",
          bool: "true or false"}


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    for kind, name in _NAMES.items():
        if isinstance(value, kind):
            return name
    return type(value).__name__


def _short(value: Any, limit: int = 40) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= limit else text[:limit - 3] + "..."
