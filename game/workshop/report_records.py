"""Gather finished-game records from files and folders, verify each by replaying it, and refuse the rest.

A record is accepted only when it is intact (checksum), its decisions replay through the engine to exactly
the state it recorded (as `replay --verify` does) and the game is finished; anything else becomes a
`Refused` with a one-line reason, and never stops the report. The outcome a file stores is derived data:
when only it differs (a record written before the engine's measures changed), the game is accepted and the
engine's numbers of today are shown, with a note.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable

from game.engine import Decision, GameState, Rules, outcome
from game.saves import SaveError, verify_record
from game.saves.document import read_document
from game.saves.errors import MISMATCH, one_line
from game.saves.replay import Loaded, find_rules, replay
from game.saves.schema import Document

# The kinds of refusal the report names besides a SaveError's own code (they appear in the report's JSON)
UNFINISHED, DUPLICATE, NOT_FOUND = "unfinished", "duplicate", "missing"
UNREADABLE, TOO_MANY, INTERNAL = "unreadable", "too_many", "internal"
MAX_FILES = 5000  # a class is tens of records; a folder with more is not a class folder


@dataclass
class Game:
    """One accepted record, replayed by the engine. `measures` is `outcome(rules, state).to_json()`
    recomputed now (ending, upward and downward 0-100, idle_index 0-1, crossed, weeks_played, ...)."""

    path: Path
    player: str
    lang: str
    seed: int
    variant: str
    rules: Rules
    state: GameState
    decisions: list[Decision]
    measures: dict
    warnings: list[str] = field(default_factory=list)

    @property
    def scenario_id(self) -> str:
        return self.rules.id

    @property
    def content_hash(self) -> str:
        return self.rules.content_hash


@dataclass(frozen=True)
class Refused:
    """A file the report could not use: which, why (one line), and the kind of problem (`SaveError.code`,
    or one of UNFINISHED, DUPLICATE, NOT_FOUND, UNREADABLE, TOO_MANY, INTERNAL)."""

    path: Path
    reason: str
    code: str


@dataclass
class Collection:
    """What was found: accepted games (in file order) and refused files."""

    games: list[Game] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)


def record_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[Refused]]:
    """The files to read: each file as given, and every `*.json` under each folder (sorted; hidden and
    temporary files skipped). A path that does not exist is refused."""
    paths = list(paths)
    files: list[Path] = []
    refused: list[Refused] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            try:
                found = sorted(p for p in path.rglob("*.json") if not any(part.startswith(".") for part in
                                                                           p.relative_to(path).parts))
            except OSError as err:
                refused.append(Refused(path, f"cannot read the folder ({err.strerror or err})", UNREADABLE))
                continue
            files.extend(p for p in found if p.is_file())
        elif path.exists():
            files.append(path)
        else:
            refused.append(Refused(path, "no such file or folder", NOT_FOUND))
    unique = list(dict.fromkeys(files))
    if len(unique) > MAX_FILES:
        refused.append(Refused(unique[MAX_FILES], f"more than {MAX_FILES} files: this one and the "
                               f"{len(unique) - MAX_FILES - 1} after it were not read", TOO_MANY))
        unique = unique[:MAX_FILES]
    return unique, refused


def load_games(paths: Iterable[str | Path], scenario: Path | None = None) -> Collection:
    """Verify every record under `paths` (see `record_files`); `scenario` overrides the scenario folder
    (as `replay --scenario`). Never raises for a bad file and never writes anything."""
    files, refused = record_files(paths)
    found = Collection(refused=refused)
    cache: dict[tuple[str, str], Rules] = {}
    seen: dict[str, Path] = {}
    for path in files:
        try:
            game = _verify(path, scenario, cache)
        except SaveError as err:
            found.refused.append(Refused(path, one_line(err.problem), err.code))
            continue
        except Exception as err:  # a fault of ours must not cost the class its report: refuse this one file
            found.refused.append(Refused(path, one_line(f"internal error while replaying it: {type(err).__name__}: "
                                                        f"{err} (please report this)"), INTERNAL))
            continue
        if isinstance(game, Refused):
            found.refused.append(game)
            continue
        key = _identity(game)
        if key in seen:
            found.refused.append(Refused(path, f"the same game as {seen[key].name} (a copy?); counted once",
                                         DUPLICATE))
            continue
        seen[key] = path
        found.games.append(game)
    return found


def _verify(path: Path, scenario: Path | None, cache: dict[tuple[str, str], Rules]) -> Game | Refused:
    doc = read_document(path)  # cheap: tells which rules to reuse; raises the same errors as verifying
    key = (doc.scenario_id, doc.content_hash)
    notes: list[str] = []
    try:
        loaded = verify_record(path, scenario, rules=None if scenario else cache.get(key))
    except SaveError as err:
        if err.code != MISMATCH or doc.outcome is None:
            raise
        loaded = _replay_game_only(doc, scenario, cache.get(key), err)
        notes.append(f"the numbers stored in the file differ from the engine's today ({_detail(err.problem)}); "
                     "the engine's are shown")
    rules, state = loaded.rules, loaded.state
    if rules.content_hash == doc.content_hash:
        cache.setdefault(key, rules)
    if doc.kind != "record" and not state.ended:
        return Refused(path, f"a game in progress (week {state.week} of {rules.weeks}), not a finished game",
                       UNFINISHED)
    if not state.ended:
        return Refused(path, f"the game was not finished (week {state.week} of {rules.weeks})", UNFINISHED)
    # Variants are not in the record format yet: read one wherever a later format puts it (file or rules).
    variant = str(getattr(loaded, "variant", "") or getattr(doc, "variant", "") or getattr(rules, "variant", "")
                  or "")
    return Game(path, loaded.player, loaded.lang, loaded.seed, variant, rules, state, list(loaded.decisions),
                outcome(rules, state).to_json(), list(loaded.warnings) + notes)


def _replay_game_only(doc: Document, scenario: Path | None, rules: Rules | None, first: SaveError) -> Loaded:
    """Verify the game itself (every decision replays and the final state matches the snapshot exactly) but
    not the stored outcome: an outcome is derived data, and a record written before the engine's measures
    were corrected should be reported with the corrected numbers. Re-raises `first` when the game itself
    does not reproduce."""
    try:
        return replay(replace(doc, outcome=None), find_rules(doc, scenario, rules), exact=True)
    except SaveError:
        raise first from None


def _detail(problem: str) -> str:
    """'outcome.idle_index: saved 0.3, replayed 0.25' out of a mismatch message."""
    start, end = problem.find("("), problem.rfind(")")
    return problem[start + 1:end] if 0 <= start < end else problem


def _identity(game: Game) -> str:
    """Two files hold the same game when scenario, version, seed, variant, player and decisions agree."""
    text = json.dumps([game.scenario_id, game.content_hash, game.variant, game.seed, game.player,
                       [d.to_json() for d in game.decisions]], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
