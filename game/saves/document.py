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
from pathlib import Path
from typing import Any

from game.engine import GameState, Rules
from game.saves.errors import (
    CORRUPT, EDITED, FOREIGN, FUTURE, INVALID, MISSING, TOO_LARGE, UNREADABLE, UNSAVABLE, SaveError,
)
from game.saves.migrate import MIGRATIONS, looks_like_v0
from game.saves.schema import DAMAGED_ADVICE, Document, is_int, kind_of, seed_problem, short, validated

FORMAT_NAME = "grassroots-game"
FORMAT_VERSION = 1
MAX_BYTES = 5 * 1024 * 1024


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


def unsavable(rules: Rules, state: GameState, outcome: dict | None) -> str:
    """Why this state cannot be written so that it reads back ("" when it can): an out-of-range seed, a
    meter or hours value that is not a finite number, an outcome that is not plain finite JSON."""
    problem = seed_problem(state.seed)
    if problem:
        return problem
    for meter, value in zip(rules.meter_ids, state.meters):
        if not _finite(value):
            return f"the meter '{meter}' is not a finite number ({value})"
    for name in ("hours_left", "hours_week"):
        if not _finite(getattr(state, name)):
            return f"the {name.replace('_', ' ')} value is not a finite number ({getattr(state, name)})"
    try:
        json.dumps(outcome, allow_nan=False)
    except (TypeError, ValueError) as err:
        return f"the outcome cannot be written ({err})"
    return ""


def _finite(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def build(rules: Rules, state: GameState, *, kind: str, player: str, lang: str, saved_at: str,
          outcome: dict | None, game_version: str, game_id: str = "", intention: dict | None = None) -> dict:
    """A complete document, checksum included. Raises ValueError for a state of other rules, and
    SaveError (code 'unsavable') for a state that would not read back (see `unsavable`). `variant` (the
    rules' variant) and `intention` (game.saves.intention) are written only when there is one."""
    if state.scenario_id != rules.id or state.content_hash != rules.content_hash:
        raise ValueError("the state was not made with these rules")
    problem = unsavable(rules, state, outcome)
    if problem:
        raise SaveError("(not written)", f"the game cannot be saved: {problem}",
                        "this is a fault in the scenario's numbers; please report it", UNSAVABLE)
    doc = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "kind": kind,
        **({"game": game_id} if game_id else {}),
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
    if rules.variant:
        doc["variant"] = rules.variant
    if intention:
        doc["intention"] = dict(intention)
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
    """The file's bytes, refusing missing, unreadable, non-regular (FIFO, device) and oversized files
    before reading them whole; never blocks on a pipe or terminal."""
    from game.read_file import NotRegularFile, TooLarge, read_regular

    try:
        return read_regular(path, MAX_BYTES)
    except TooLarge as err:
        raise SaveError(path, f"the file is too large to be a save ({err.size} bytes, limit {MAX_BYTES})",
                        DAMAGED_ADVICE, TOO_LARGE) from None
    except FileNotFoundError:
        raise SaveError(path, "no such file", "check the name, or start a new game", MISSING) from None
    except IsADirectoryError:
        raise SaveError(path, "this is a folder, not a save file", "give the path of a .json file",
                        UNREADABLE) from None
    except NotRegularFile as err:
        raise SaveError(path, f"this is {err.strerror}", "give the path of a .json file", UNREADABLE) from None
    except OSError as err:
        raise SaveError(path, f"cannot read the file ({err.strerror or err})", "check its permissions",
                        UNREADABLE) from None


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
            raise SaveError(path, f"this is not a Grassroots save or record (format {short(data.get('format'))})",
                            "choose a .save.json or .record.json file", FOREIGN)
        written = data.get("version")
        if not is_int(written):
            raise SaveError(path, f"field 'version' should be a whole number, not {kind_of(written)}",
                            DAMAGED_ADVICE, INVALID)
        version = written
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
    return validated(path, data, original)
