"""Bring a document back to life: find its scenario, replay its decision log, check the result."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from game.engine import Decision, GameState, Happening, IllegalDecision, Rules, apply, new_game, outcome
from game.saves.document import FORMAT_VERSION, Document, canonical, snapshot
from game.saves.errors import INVALID, MISMATCH, NO_SCENARIO, SCENARIO_CHANGED, SaveError

CHANGED_ADVICE = "play it with the scenario version it was saved with (pass its folder), or start a new game"
MISMATCH_ADVICE = "the file was edited, or written by another version of the game; it was left untouched"


@dataclass
class Loaded:
    """A game brought back from a file: rules, the replayed state, and anything the player should know."""

    rules: Rules
    state: GameState
    player: str
    lang: str
    kind: str
    warnings: list[str]
    path: Path | None = None  # the file actually read (the .bak after a fallback)
    outcome: dict | None = None  # the outcome the file recorded, if any
    saved_at: str = ""
    version: int = FORMAT_VERSION  # the format version of the file before migration
    seed: int = 0
    decisions: list[Decision] = field(default_factory=list)
    game_id: str = ""  # the game's identity ("" for files written before game ids existed)


# -- finding the scenario ------------------------------------------------------------------------------
def find_rules(doc: Document, scenario_path: Path | None = None, rules: Rules | None = None) -> Rules:
    """The rules to replay with: given ones, a given folder, else the scenario with the file's id
    (preferring a copy whose content hash matches, e.g. the folder it was played from)."""
    if rules is not None:
        _same_id(doc, rules.id, "the rules given")
        return rules
    if scenario_path is not None:
        loaded = _load_rules(doc, Path(scenario_path))
        _same_id(doc, loaded.id, str(scenario_path))
        return loaded
    found: list[Rules] = []
    problem = ""
    shipped = _by_id(doc.scenario_id)
    if shipped is not None:
        try:
            candidate = _load_rules(doc, shipped)
            if candidate.id == doc.scenario_id:
                found.append(candidate)
        except SaveError as err:
            problem = err.problem
    if not (found and found[0].content_hash == doc.content_hash) and _hint_usable(doc.source):
        hinted = _quiet_load(Path(doc.source))
        if hinted is not None and hinted.id == doc.scenario_id:
            found.insert(0 if hinted.content_hash == doc.content_hash else len(found), hinted)
    if found:
        return found[0]
    raise SaveError(doc.path, problem or f"it needs the scenario '{doc.scenario_id}', which was not found",
                    "pass the scenario folder (replay --scenario PATH)", NO_SCENARIO)


def _by_id(scenario_id: str) -> Path | None:
    """The catalogue's scenario with this id. An id from a file is an id, never a path: a folder that
    happens to be called like it in the current folder is not looked at."""
    from game.scenario.catalog import find_id

    ref = find_id(scenario_id)
    return ref.path if ref is not None else None


def _hint_usable(source: str) -> bool:
    """Only a folder or a regular YAML file is worth trying (the hint comes from the file, not the player).
    A folder whose header is in another file than scenario.yaml counts: the loader finds it there."""
    from game.read_file import is_regular

    if not source:
        return False
    try:
        path = Path(source)
        return path.is_dir() or path.suffix in (".yaml", ".yml") and is_regular(path)
    except (OSError, ValueError):
        return False


def _quiet_load(path: Path) -> Rules | None:
    from game.scenario import ScenarioLoadError, load_scenario

    try:
        return Rules(load_scenario(path))
    except (ScenarioLoadError, OSError, ValueError):
        return None


def _load_rules(doc: Document, path: Path) -> Rules:
    from game.scenario import ScenarioLoadError, load_scenario

    try:
        return Rules(load_scenario(path))
    except ScenarioLoadError as err:
        raise SaveError(doc.path, f"the scenario it needs ({path}) has errors: {err.summary()}",
                        "fix the scenario (grassroots validate) and try again", NO_SCENARIO) from None
    except (OSError, ValueError) as err:
        raise SaveError(doc.path, f"cannot load the scenario {path} ({err})", "pass the scenario folder",
                        NO_SCENARIO) from None


def _same_id(doc: Document, found: str, where: str) -> None:
    if found != doc.scenario_id:
        raise SaveError(doc.path, f"this game is of scenario '{doc.scenario_id}', but {where} is scenario "
                        f"'{found}'", "pass the right scenario folder", NO_SCENARIO)


# -- replaying -----------------------------------------------------------------------------------------
def decode_decisions(doc: Document) -> list[Decision]:
    out = []
    for number, raw in enumerate(doc.decisions, 1):
        try:
            out.append(Decision.from_json(raw))
        except ValueError:
            raise SaveError(doc.path, f"decision {number} is not a decision ({_short(raw)})",
                            MISMATCH_ADVICE, INVALID) from None
    return out


class ReplayStopped(Exception):
    """Decision `number` (1-based) of the log is not allowed in week `week` of the replay."""

    def __init__(self, number: int, week: int, decision: Decision, reason: str) -> None:
        super().__init__(f"decision {number} ({decision}) in week {week}: {reason}")
        self.number, self.week, self.decision, self.reason = number, week, decision, reason

    @property
    def where(self) -> str:
        return f"decision {self.number} ({self.decision}) in week {self.week}"


def steps(rules: Rules, seed: int, decisions: list[Decision]
          ) -> Iterator[tuple[int, Decision | None, GameState, list[Happening]]]:
    """Replay a log: (0, None, start, happenings), then (n, decision n, state after, happenings).
    Raises ReplayStopped when a decision is not allowed."""
    state, happened = new_game(rules, seed)
    yield 0, None, state, happened
    for number, decision in enumerate(decisions, 1):
        try:
            state, happened = apply(rules, state, decision)
        except IllegalDecision as err:
            raise ReplayStopped(number, state.week, decision, str(err)) from None
        except (ArithmeticError, LookupError, TypeError, ValueError) as err:  # an engine bug: report, don't crash
            raise ReplayStopped(number, state.week, decision,
                                f"the engine failed: {type(err).__name__}: {err}") from None
        yield number, decision, state, happened


def replay(doc: Document, rules: Rules, *, exact: bool) -> Loaded:
    """Replay and check a document against its snapshot and outcome.

    With `exact` (verifying a record) any difference is an error. Otherwise a changed scenario is a
    warning as long as the log still replays."""
    changed = rules.content_hash != doc.content_hash
    versions = f"content {doc.content_hash}, now {rules.content_hash}"
    if changed and exact:
        raise SaveError(doc.path, f"it was played on another version of scenario '{doc.scenario_id}' ({versions}), "
                        "so it cannot be verified", "pass the scenario folder it was played with (--scenario)",
                        SCENARIO_CHANGED)
    decisions = decode_decisions(doc)
    state = None
    try:
        for _, _, state, _ in steps(rules, doc.seed, decisions):
            pass
    except ReplayStopped as stop:
        if changed:
            raise SaveError(doc.path, f"scenario '{doc.scenario_id}' has changed since this game was saved "
                            f"({versions}) and the game no longer replays: {stop.where} is not allowed any more "
                            f"({stop.reason})", CHANGED_ADVICE, SCENARIO_CHANGED) from None
        raise SaveError(doc.path, f"the game does not replay: {stop.where} is not allowed ({stop.reason})",
                        MISMATCH_ADVICE, MISMATCH) from None
    assert state is not None
    warnings: list[str] = []
    differences = []
    if doc.snapshot is not None:
        diff = first_difference(doc.snapshot, snapshot(rules, state))
        if diff:
            differences.append(diff)
    done = outcome(rules, state).to_json()
    if doc.outcome is not None:
        diff = first_difference(doc.outcome, json.loads(canonical(done)))
        if diff:
            differences.append(f"outcome.{diff}")
    if differences and not changed:
        raise SaveError(doc.path, f"the replayed game differs from the one saved ({differences[0]})",
                        MISMATCH_ADVICE, MISMATCH)
    if changed:
        note = f"; the numbers now differ ({differences[0]})" if differences else ""
        warnings.append(f"scenario '{doc.scenario_id}' has changed since this game was saved ({versions}); "
                        f"the game was replayed under the new version{note}")
    if doc.version < FORMAT_VERSION:
        warnings.append(f"{doc.path.name} is in an older format (version {doc.version}, no checksum); it was "
                        "upgraded and checked by replaying it")
    return Loaded(rules, state, doc.player, doc.lang, doc.kind, warnings, doc.path, doc.outcome, doc.saved_at,
                  doc.version, doc.seed, decisions, doc.game_id)


def first_difference(saved: Any, replayed: Any, where: str = "") -> str:
    """The first place two JSON values differ, as 'where: saved X, replayed Y' ('' when equal)."""
    if canonical(saved) == canonical(replayed):
        return ""
    if isinstance(saved, dict) and isinstance(replayed, dict):
        keys = list(replayed) + [k for k in saved if k not in replayed]
        for key in keys:
            diff = first_difference(saved.get(key), replayed.get(key), f"{where}.{key}" if where else str(key))
            if diff:
                return diff
    if isinstance(saved, list) and isinstance(replayed, list) and len(saved) == len(replayed):
        for index, (a, b) in enumerate(zip(saved, replayed)):
            diff = first_difference(a, b, f"{where}[{index}]")
            if diff:
                return diff
    return f"{where or 'value'}: saved {_short(saved)}, replayed {_short(replayed)}"


def _short(value: Any, limit: int = 40) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[:limit - 3] + "..."
