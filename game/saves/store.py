"""The public operations: write and load saves, write and verify records, list saves."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from game.engine import GameState, Rules, outcome
from game.saves.atomic import atomic_write, backup_path
from game.saves.document import build, encode, read_document, state_digest
from game.read_file import is_regular
from game.saves.errors import FILE_PROBLEMS, OTHER_GAME, WRITE_FAILED, SaveError
from game.saves.lock import GameLock, held
from game.saves.paths import RECORD_SUFFIX, SAVE_SUFFIX, records_dir, save_name
from game.saves.replay import Loaded, find_rules, replay

RECORD_NAME_CHARS = 32  # of the player's name in a record's file name (the whole name stays under 255 bytes)


def _now() -> str:
    """When a file is written (UTC, sortable as text). Only metadata: never part of the game."""
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _game_version() -> str:
    from game import __version__

    return __version__


def _is_good(path: Path) -> bool:
    try:
        read_document(path)
        return True
    except SaveError:
        return False


def _write(path: Path, doc: dict, keep_backup: bool, durable: bool = True) -> Path:
    path = Path(path)
    try:
        atomic_write(path, encode(doc), keep_backup=keep_backup, is_good=_is_good, durable=durable)
    except OSError as err:
        advice = ("the previous save is unchanged; free some space or choose another folder (--saves-dir)"
                  if keep_backup else "free some space, or write the records to another folder")
        what = "could not save" if keep_backup else "could not write the record"
        raise SaveError(path, f"{what} ({err.strerror or err})", advice, WRITE_FAILED) from None
    return path


def write_save(path: Path, rules: Rules, state: GameState, *, player: str, lang: str, game_id: str = "") -> Path:
    """Save a game in progress (or finished) atomically; the previous good save becomes `path.bak`.

    Never writes over another game: raises SaveError with code 'other_game' when `path` holds a good save
    of another game id, 'locked' when another process has this save open (see lock.py), 'unsavable' when
    the state would not read back (an out-of-range seed, a value that is not finite), 'write_failed'.
    """
    path = Path(path)
    done = outcome(rules, state).to_json() if state.ended else None
    doc = build(rules, state, kind="save", player=player, lang=lang, saved_at=_now(), outcome=done,
                game_version=_game_version(), game_id=game_id)
    if path.exists() and not path.is_file():  # a folder or device in the way: refused before anything is made
        return _write(path, doc, keep_backup=True)  # raises, with the reason
    lock = None if held(path) else GameLock.acquire(path)  # a one-off write takes the lock for its duration
    try:
        _same_game(path, game_id)
        return _write(path, doc, keep_backup=True)
    finally:
        if lock is not None:
            lock.release()


def _same_game(path: Path, game_id: str) -> None:
    """Refuse to replace a good save of another game (files written before game ids existed carry none)."""
    try:
        there = read_document(path).game_id
    except SaveError:
        return
    if there and there != game_id:
        raise SaveError(path, f"this file holds another game ({there})",
                        "nothing was overwritten; the game goes on in its own file", OTHER_GAME)


def write_game_record(path: Path, rules: Rules, state: GameState, *, player: str, lang: str = "en",
                      durable: bool = True) -> Path:
    """Write the record of a game (normally finished) with its outcome, for replay and reports.
    Always atomic; `durable=False` skips the fsyncs (bulk records from the simulator)."""
    doc = build(rules, state, kind="record", player=player, lang=lang, saved_at=_now(),
                outcome=outcome(rules, state).to_json(), game_version=_game_version())
    return _write(path, doc, keep_backup=False, durable=durable)


def record_path(folder: Path, player: str, rules: Rules, state: GameState) -> Path:
    """Where the record of a finished game goes: `records_dir(folder)` (the shared folder of a class when
    one is set), named `<scenario>-<player>-<seed>-<digest8>-<UTC time>-<pid>-<random>.record.json`.
    The digest keeps different games apart; time, process id and a random token keep apart the records
    of players with the same name and game writing into one folder at the same moment."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    player_part = save_name(player)[:RECORD_NAME_CHARS].rstrip("._ -") or "player"
    name = (f"{rules.id}-{player_part}-{state.seed}-{state_digest(state)[:8]}-{stamp}-{os.getpid()}-"
            f"{secrets.token_hex(4)}{RECORD_SUFFIX}")
    return records_dir(folder) / name


def load_save(path: Path, scenario_path: Path | None = None, *, rules: Rules | None = None) -> Loaded:
    """Load a save (or record): replay it and check it. A damaged file falls back to its `.bak` with a
    warning. Never writes, moves or deletes anything. Raises SaveError."""
    path = Path(path)
    try:
        return _load(path, scenario_path, rules, exact=False)
    except SaveError as err:
        problem = err
    backup = backup_path(path)
    if problem.code not in FILE_PROBLEMS or not is_regular(backup):
        raise problem
    try:
        loaded = _load(backup, scenario_path, rules, exact=False)
    except SaveError as second:
        raise SaveError(path, f"{problem.problem}; its backup {backup.name} cannot be used either "
                        f"({second.problem})", "both files were left untouched; start a new game",
                        problem.code) from None
    loaded.warnings.insert(0, f"{path.name} could not be used ({problem.problem}); its backup {backup.name} "
                           "was loaded instead, so the latest moves may be missing")
    return loaded


def read_game(path: Path, scenario_path: Path | None = None, *, rules: Rules | None = None) -> Loaded:
    """Load exactly this file (no .bak fallback), replayed and checked; a changed scenario is a warning."""
    return _load(Path(path), scenario_path, rules, exact=False)


def verify_record(path: Path, scenario_path: Path | None = None, *, rules: Rules | None = None) -> Loaded:
    """Replay a record and check that it reproduces its snapshot and outcome exactly. Raises SaveError."""
    return _load(Path(path), scenario_path, rules, exact=True)


def _load(path: Path, scenario_path: Path | None, rules: Rules | None, exact: bool) -> Loaded:
    doc = read_document(path)
    return replay(doc, find_rules(doc, scenario_path, rules), exact=exact)


@dataclass
class SaveInfo:
    """What the load screen lists about a save, read without replaying it."""

    path: Path
    player: str
    scenario_id: str
    week: int
    ended: str
    saved_at: str
    game_id: str = ""
    lang: str = ""


def list_saves(folder: Path) -> list[SaveInfo]:
    """The saves in a folder, newest first. Unreadable files are skipped; a damaged save whose backup
    is good is listed (loading it falls back to the backup)."""
    found: list[tuple[str, int, str, SaveInfo]] = []
    try:
        names = {p.name for p in Path(folder).glob(f"*{SAVE_SUFFIX}")}
        names |= {p.name[:-len(".bak")] for p in Path(folder).glob(f"*{SAVE_SUFFIX}.bak")}  # a save lost, its backup kept
        entries = sorted(Path(folder) / name for name in names)
    except OSError:
        return []
    for path in entries:
        if not is_regular(path) and not is_regular(backup_path(path)):
            continue  # a FIFO, device or folder with a save's name is never opened
        info = _info(path) or _info(backup_path(path), shown_as=path)
        if info is not None:
            try:
                mtime = os.stat(path).st_mtime_ns
            except OSError:
                mtime = 0
            found.append((info.saved_at, mtime, path.name, info))
    found.sort(key=lambda row: row[:3], reverse=True)
    return [row[3] for row in found]


def _info(path: Path, shown_as: Path | None = None) -> SaveInfo | None:
    try:
        doc = read_document(path)
    except SaveError:
        return None
    if doc.snapshot is not None:
        week, ended = doc.snapshot["week"], doc.snapshot["ended"]
    else:
        week = int((doc.outcome or {}).get("weeks_played", 0) or 0)
        ended = str((doc.outcome or {}).get("ending", ""))
    saved_at = doc.saved_at or _mtime(path)
    return SaveInfo(shown_as or path, doc.player, doc.scenario_id, week, ended, saved_at, doc.game_id, doc.lang)


def _mtime(path: Path) -> str:
    try:
        return datetime.fromtimestamp(os.stat(path).st_mtime, timezone.utc).isoformat(timespec="microseconds")
    except OSError:
        return ""
