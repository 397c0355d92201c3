"""Effects and actions: what approaches, choices, rules and delayed consequences do."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StrictBool

from game.scenario.model_base import (
    Expr, FindingCode, Id, Kind, NonNegativeOrExpr, NumOrExpr, ProbabilityOrExpr, Strict, Text, Whole,
)



class LedgerChange(Strict):
    """A change to the ledgers of a named directive (used where there is no directive of one's own)."""

    directive: Id
    reported: NumOrExpr = 0
    actual: NumOrExpr = 0
    quota: NumOrExpr = 0


class Effect(Strict):
    """What happens: meter changes, ledger progress, flags, new items, delayed consequences."""

    meters: dict[Id, NumOrExpr] = Field(default_factory=dict)
    reported: NumOrExpr | None = None
    actual: NumOrExpr | None = None
    quota: NumOrExpr | None = None
    progress: list[LedgerChange] = Field(default_factory=list)
    set: list[Id] = Field(default_factory=list)
    clear: list[Id] = Field(default_factory=list)
    event: Id | None = None
    directive: Id | None = None
    request: Id | None = None
    later: list[Later] = Field(default_factory=list)
    end_game: Id | None = None
    message: Text | None = None


class Later(Effect):
    """A delayed, possibly uncertain consequence."""

    in_weeks: Annotated[Whole, Field(ge=1, le=52)]
    chance: ProbabilityOrExpr = 1
    unless: Expr | None = None


Effect.model_rebuild()


class Action(Effect):
    """An approach to a directive or request, or a choice on an event card."""

    id: Id
    kind: Kind
    label: Text
    text: Text | None = None
    hint: Text | None = None
    hours: NonNegativeOrExpr = 0
    costs: dict[Id, NumOrExpr] = Field(default_factory=dict)
    requires: Expr | None = None
    locked_reason: Text | None = None
    max_per_week: Annotated[Whole, Field(ge=1, le=20)] = 1
    max_total: Annotated[Whole, Field(ge=1)] | None = None
    closes: StrictBool | None = None
    crosses_line: StrictBool = False
    chance: ProbabilityOrExpr | None = None
    then: Effect | None = None
    otherwise: Effect | None = None
    tags: list[Id] = Field(default_factory=list)
    findings: list[FindingCode] = Field(default_factory=list)
    notes: Text | None = None
