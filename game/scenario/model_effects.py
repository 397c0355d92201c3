"""Effects and actions: what approaches, choices, rules and delayed consequences do."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StrictBool

from game.scenario.model_base import Expr, FindingCode, Id, Kind, NumOrExpr, Strict, Text



class LedgerChange(Strict):
    """A change to the ledgers of a named directive (used where there is no directive of one's own)."""

    directive: Id
    reported: NumOrExpr = 0
    actual: NumOrExpr = 0
    quota: NumOrExpr = 0


class Effect(Strict):
    """What happens: meter changes, ledger progress, flags, new items, delayed consequences."""

    meters: dict[Id, NumOrExpr] = Field(default_factory=dict, description="Meter id to change (number or expression).")
    reported: NumOrExpr | None = Field(None, description="Progress on this directive's reported ledger.")
    actual: NumOrExpr | None = Field(None, description="Progress on this directive's actual ledger.")
    quota: NumOrExpr | None = Field(None, description="Change to this directive's quota (e.g. -300 after feedback).")
    progress: list[LedgerChange] = Field(default_factory=list, description="Ledger changes on named directives.")
    set: list[Id] = Field(default_factory=list, description="Flags to set.")
    clear: list[Id] = Field(default_factory=list, description="Flags to clear.")
    event: Id | None = Field(None, description="An event card to show now.")
    directive: Id | None = Field(None, description="A directive that arrives now.")
    request: Id | None = Field(None, description="A resident request that arrives now.")
    later: list[Later] = Field(default_factory=list, description="Consequences that arrive in a later week.")
    end_game: Id | None = Field(None, description="An ending that ends the game at once.")
    message: Text | None = Field(None, description="A line for the week's ledger telling the player what happened.")


class Later(Effect):
    """A delayed, possibly uncertain consequence."""

    in_weeks: Annotated[int, Field(ge=1, le=52)] = Field(description="How many weeks later it arrives.")
    chance: NumOrExpr = Field(1, description="Probability (0..1) that it happens when due.")
    unless: Expr | None = Field(None, description="It does not happen if this condition holds when due.")


Effect.model_rebuild()


class Action(Effect):
    """An approach to a directive or request, or a choice on an event card."""

    id: Id
    kind: Kind
    label: Text
    text: Text | None = Field(None, description="A longer explanation shown when the action is selected.")
    hint: Text | None = Field(None, description="What the player can foresee about uncertain outcomes.")
    hours: NumOrExpr = Field(0, description="Work hours it takes.")
    costs: dict[Id, NumOrExpr] = Field(default_factory=dict, description="Meter costs that must be affordable.")
    requires: Expr | None = Field(None, description="Only available when this condition holds.")
    locked_reason: Text | None = Field(None, description="Shown when `requires` does not hold.")
    max_per_week: Annotated[int, Field(ge=1, le=20)] = 1
    max_total: Annotated[int, Field(ge=1)] | None = None
    closes: StrictBool | None = Field(None, description="Closes the item (default: yes for requests, no for directives).")
    crosses_line: StrictBool = Field(False, description="Fakes data or coerces residents; listed in the debrief.")
    chance: NumOrExpr | None = Field(None, description="Probability that `then` happens rather than `otherwise`.")
    then: Effect | None = None
    otherwise: Effect | None = None
    tags: list[Id] = Field(default_factory=list, description="Labels modifiers can select by (with the item's tags).")
    findings: list[FindingCode] = Field(default_factory=list)
    notes: Text | None = Field(None, description="For facilitators: which archetype or finding this shows.")
