"""Strategies as data: a YAML file declares how a bot plays; this module validates it and reads it.

A strategy file (see `docs/authoring.md`, "Strategies") names preference orders of approach kinds for
directives, requests and event cards, per-item overrides by id, and kinds taken once first. The built-in
bots are such files, shipped in `game/sim/strategies/`. Errors name the file, line and column, like
content errors (`StrategyError.errors` holds `ContentError`s).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, ValidationError

from game.scenario.errors import ContentError, did_you_mean
from game.scenario.model_base import Id, Kind, Strict
from game.scenario.pydantic_errors import validation_errors
from game.scenario.yamlread import read_yaml

STRATEGY_ID = r"^[a-z][a-z0-9_-]{0,63}$"
MAX_STRATEGY_BYTES = 256 * 1024


class Strategy(Strict):
    """How a bot plays, by approach kind. Orders list kinds, most preferred first."""

    id: Annotated[str, Field(pattern=STRATEGY_ID, description="Its name in reports and claims, e.g. cynic.")]
    description: str = Field(description="What the strategy does, in one or two sentences (English).")
    mode: Literal["prefer", "greedy", "random"] = Field(
        "prefer", description="prefer: follow the orders below; greedy: best value per hour on a mix of upward "
        "and downward (see `upward`); random: any legal decision.")
    upward: Annotated[float, Field(ge=0, le=1)] = Field(
        0.5, description="For greedy choices: how much upward (reported) value counts against downward (actual).")
    directives: list[Kind] = Field(default_factory=list, description="Kinds to take on directives, in order.")
    requests: list[Kind] = Field(default_factory=list, description="Kinds to take on resident requests, in order.")
    events: list[Kind] = Field(default_factory=list,
                               description="Kinds to choose on event cards, in order (none fits: greedy).")
    overrides: dict[Id, list[Kind]] = Field(
        default_factory=dict, description="Item or event id -> its own order (replaces the general one).")
    once_first: list[Kind] = Field(
        default_factory=list, description="Kinds taken first, each approach once, whenever one is legal.")
    fallback: Literal["end_week", "greedy"] = Field(
        "end_week", description="When no preferred kind is legal: end the week, or play greedy.")
    scenario: str | None = Field(None, description="The scenario whose ids `overrides` names (required with them).")


class StrategyError(Exception):
    """A strategy file that cannot be used; `errors` says where and why."""

    def __init__(self, errors: list[ContentError]) -> None:
        super().__init__(errors[0].format() if errors else "invalid strategy")
        self.errors = errors


def parse_strategy(raw: bytes, name: str, scenario_id: str | None = None, ids: set[str] | None = None) -> Strategy:
    """Validate one strategy file's bytes; StrategyError with positioned errors otherwise.

    Given a scenario's id and its item and event ids, also check that the strategy's overrides name ids of
    that scenario (a strategy without overrides fits every scenario).
    """
    if len(raw) > MAX_STRATEGY_BYTES:
        raise StrategyError([ContentError(name, 1, 1, "", "the file is larger than 256 KiB", "")])
    doc, problems = read_yaml(raw, name)
    if doc is None:
        raise StrategyError(problems)
    try:
        strategy = Strategy.model_validate(doc.data)
    except ValidationError as err:
        raise StrategyError(validation_errors(err, doc, Strategy)) from None
    except RecursionError:
        raise StrategyError([ContentError(name, 1, 1, "", "the file nests too deeply", "")]) from None
    errors = []
    if strategy.overrides and strategy.scenario is None:
        errors.append(_at(doc, name, ("overrides",), "overrides name ids of one scenario",
                          "add `scenario: ID` naming it"))
    elif strategy.overrides and scenario_id is not None and ids is not None:
        if strategy.scenario != scenario_id:
            errors.append(_at(doc, name, ("scenario",), f"written for scenario '{strategy.scenario}', "
                              f"not '{scenario_id}'", "its overrides name that scenario's ids"))
        else:
            errors += [_at(doc, name, ("overrides", key), f"'{key}' is no directive, request or event of "
                           f"{scenario_id}", did_you_mean(key, ids)) for key in strategy.overrides if key not in ids]
    if errors:
        raise StrategyError(errors)
    return strategy


def _at(doc, name: str, path: tuple, message: str, hint: str) -> ContentError:
    line, column = doc.where(path)
    return ContentError(name, line, column, ".".join(str(p) for p in path), message, hint)


def load_strategy(path: Path, scenario_id: str | None = None, ids: set[str] | None = None) -> Strategy:
    """Read and validate a strategy file (see parse_strategy); StrategyError, never OSError. Only a
    regular file is read, and at most the content size limit (game/read_file.py)."""
    from game.read_file import read_regular
    from game.scenario.yamlread import MAX_FILE_BYTES

    try:
        raw = read_regular(path, MAX_FILE_BYTES, cut=True)  # a FIFO or device is refused, never waited on
    except OSError as err:
        raise StrategyError([ContentError(str(path), 1, 1, "", f"cannot read it: {err.strerror or err}", "")]) from None
    return parse_strategy(raw, str(path), scenario_id, ids)


def applies_to(strategy: Strategy, scenario_id: str) -> bool:
    """Whether a shipped strategy is meant for this scenario (one without overrides fits every scenario)."""
    return strategy.scenario is None or strategy.scenario == scenario_id


@lru_cache(maxsize=1)
def shipped() -> dict[str, Strategy]:
    """The strategies shipped with the game, by id, in their files' order (the built-in bots first)."""
    folder = resources.files("game.sim") / "strategies"
    found: dict[str, Strategy] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            strategy = parse_strategy(entry.read_bytes(), f"game/sim/strategies/{entry.name}")
            found[strategy.id] = strategy
    return found
