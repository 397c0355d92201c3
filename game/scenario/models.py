"""Pydantic models of the scenario format: one content file, and the merged scenario.

Every content file has the same shape (all sections optional), so one JSON Schema fits every file.
Expressions are plain strings here; `checks.py` parses and name-checks them after merging.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Literal, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictBool, StrictFloat, StrictInt

from game.scenario.expr import parse_or_raise

ID_PATTERN = r"^[a-z][a-z0-9_]{0,63}$"
FINDING_PATTERN = r"^[A-Z][A-Z0-9]{0,7}$"


class Strict(BaseModel):
    """Base of every content model: unknown fields are errors and values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


Id = Annotated[str, Field(pattern=ID_PATTERN, description="Lower-case id: letters, digits and _.")]
FindingCode = Annotated[str, Field(pattern=FINDING_PATTERN, description="Research finding code, e.g. A3 or B4.")]
Number = Union[StrictInt, StrictFloat]


def _check_expression(text: str) -> str:
    parse_or_raise(text)
    return text


Expr = Annotated[
    str,
    AfterValidator(_check_expression),
    Field(description="An expression: numbers, meter ids, flag.NAME, turn, comparisons, and/or/not, + - * /."),
]
NumOrExpr = Union[Number, Expr]


class LocalizedText(Strict):
    """A player-facing string in each language."""

    zh: str | None = Field(None, description="Chinese text.")
    en: str | None = Field(None, description="English text.")


Text = Union[str, LocalizedText]
"""Player-facing text: a plain string, or {zh: ..., en: ...}."""


class Kind(str, Enum):
    """What an approach or choice does; bots, the debrief and reports read it."""

    trace = "trace"
    service = "service"
    feedback = "feedback"
    set_aside = "set_aside"
    delegate = "delegate"
    reform = "reform"
    other = "other"


class Level(str, Enum):
    """Which level of government issues a directive."""

    province = "province"
    city = "city"
    district = "district"
    township = "township"


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
    findings: list[FindingCode] = Field(default_factory=list)
    notes: Text | None = Field(None, description="For facilitators: which archetype or finding this shows.")


class EndsAt(Strict):
    """Endings triggered when a meter reaches the bottom or top of its range."""

    min: Id | None = None
    max: Id | None = None


class Meter(Strict):
    """A number the scenario tracks; the engine knows none by name."""

    id: Id
    label: Text
    short: Text | None = Field(None, description="A short label for narrow screens.")
    description: Text | None = None
    range: tuple[Number, Number] = (0, 100)
    start: Number
    hidden: StrictBool = Field(False, description="Shown only in the debrief.")
    good: Literal["high", "low"] = Field("high", description="Which direction is good for the player.")
    ends_game_at: EndsAt | None = None
    notes: Text | None = None


class SettleRules(Strict):
    """What a deadline does, by outcome. Expressions may use weight, quota, reported, actual, progress."""

    met: Effect = Field(default_factory=Effect)
    missed: Effect = Field(default_factory=Effect)
    veto_missed: Effect | None = Field(None, description="Instead of `missed`, for one-vote-veto directives.")


class UrgencyRule(Strict):
    """Default decay and escalation of resident requests of one urgency."""

    ignored_each_week: dict[Id, NumOrExpr] = Field(default_factory=dict)
    escalates_after_weeks: Annotated[int, Field(ge=1)] | None = None
    escalation: Effect | None = None
    expires_after_weeks: Annotated[int, Field(ge=1)] | None = None


class WeeklyRule(Strict):
    """Effects applied at the start of each week while a condition holds."""

    when: Expr | None = None
    effect: Effect


class Scoring(Strict):
    """The two scores shown side by side at the end."""

    upward: Expr = Field(description="What the assessment saw (0..100).")
    downward: Expr = Field(description="What residents got (0..100).")
    upward_label: Text | None = None
    downward_label: Text | None = None


class ScenarioInfo(Strict):
    """The scenario's header: exactly one content file has it."""

    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]{0,63}$", description="Scenario id, e.g. lianhe-town.")]
    title: Text
    summary: Text | None = None
    intro: Text | None = Field(None, description="Shown before the first week.")
    weeks: Annotated[int, Field(ge=1, le=104)]
    hours_per_week: NumOrExpr
    events_per_week: NumOrExpr = 1
    languages: list[Literal["zh", "en"]] = Field(min_length=1)
    default_language: Literal["zh", "en"] | None = None
    start_flags: list[Id] = Field(default_factory=list)
    scoring: Scoring
    settlement: SettleRules = Field(default_factory=SettleRules)
    urgency: dict[Literal["low", "medium", "high"], UrgencyRule] = Field(default_factory=dict)
    weekly: list[WeeklyRule] = Field(default_factory=list)
    week_labels: list[Text] = Field(default_factory=list, description="Optional calendar label per week.")
    notes: Text | None = None


class Directive(Strict):
    """A task with a quota sent down from above; it keeps a reported and an actual ledger."""

    id: Id
    title: Text
    text: Text | None = None
    level: Level
    issuer: Text | None = None
    unit: Text
    quota: Annotated[Number, Field(gt=0)]
    arrives: Annotated[int, Field(ge=1)] | None = Field(None, description="Week it arrives (or use `when`).")
    when: Expr | None = Field(None, description="Arrives the first week this holds.")
    due_in_weeks: Annotated[int, Field(ge=1, le=52)]
    weight: Annotated[Number, Field(ge=0)] = 1
    veto: StrictBool = Field(False, description="One-vote veto: missing it is far worse.")
    approaches: list[Action] = Field(min_length=1)
    on_met: Effect | None = None
    on_missed: Effect | None = None
    findings: list[FindingCode] = Field(default_factory=list)
    notes: Text | None = None


class Request(Strict):
    """A resident's need; ignored ones decay trust and may escalate."""

    id: Id
    title: Text
    text: Text | None = None
    who: Text | None = None
    urgency: Literal["low", "medium", "high"] = "medium"
    arrives: Annotated[int, Field(ge=1)] | None = None
    when: Expr | None = None
    approaches: list[Action] = Field(min_length=1)
    ignored_each_week: dict[Id, NumOrExpr] | None = None
    escalates_after_weeks: Annotated[int, Field(ge=1)] | None = None
    escalation: Effect | None = None
    expires_after_weeks: Annotated[int, Field(ge=1)] | None = None
    findings: list[FindingCode] = Field(default_factory=list)
    notes: Text | None = None


class Inspection(Strict):
    """A check at the end of a week: `traces` reads ledgers, `reality` compares reported with actual."""

    id: Id
    title: Text
    kind: Literal["traces", "reality"]
    weeks: list[Annotated[int, Field(ge=1)]] | None = Field(None, description="Scheduled weeks (announced).")
    when: Expr | None = None
    chance: NumOrExpr = 1
    effect: Effect = Field(description="Applied when it runs; expressions may use `score`.")
    text: Text | None = None
    findings: list[FindingCode] = Field(default_factory=list)
    notes: Text | None = None


class Event(Strict):
    """A card with 2 to 4 choices, drawn by condition and weight or triggered by an effect."""

    id: Id
    title: Text
    text: Text
    speaker: Text | None = None
    when: Expr | None = None
    weight: NumOrExpr = 1
    draw: StrictBool = Field(True, description="false: only shown when an effect triggers it.")
    once: StrictBool = True
    cooldown: Annotated[int, Field(ge=0)] = 0
    choices: list[Action] = Field(min_length=2, max_length=4)
    findings: list[FindingCode] = Field(default_factory=list)
    notes: Text | None = None


class Ending(Strict):
    """How the game ends; the highest-priority ending whose condition holds is chosen."""

    id: Id
    title: Text
    text: Text
    debrief: Text | None = Field(None, description="Explains the mechanism behind this ending.")
    when: Expr | None = Field(None, description="No condition: a fallback, or only reached by a threshold.")
    priority: int = 0
    tone: Literal["good", "mixed", "bad"] = "mixed"
    findings: list[FindingCode] = Field(default_factory=list)


class Reflection(Strict):
    """A prompt shown in the debrief only when the player's own path makes it relevant."""

    id: Id
    when: Expr
    text: Text
    findings: list[FindingCode] = Field(default_factory=list)


class Question(Strict):
    """A discussion question for the debrief."""

    stage: Literal["describe", "analyse", "apply"]
    text: Text


class ResearchNote(Strict):
    """A research finding the content illustrates."""

    code: FindingCode
    title: Text
    text: Text
    source: str | None = None


class Debrief(Strict):
    """Reflections, questions and research notes; lists from several files are merged."""

    reflections: list[Reflection] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)
    research_notes: list[ResearchNote] = Field(default_factory=list)


class Claim(Strict):
    """A teaching claim checked by `grassroots simulate --check-claims`."""

    id: Id
    text: Text
    holds: Expr = Field(description="Over simulation results: mean('trace', 'assessment') > mean('service', 'assessment').")


class Modifier(Strict):
    """A standing change to action costs while a condition holds (e.g. a reform that cuts reporting)."""

    id: Id
    label: Text
    when: Expr
    kinds: list[Kind] | None = Field(None, description="Applies to actions of these kinds (default all).")
    items: list[Id] | None = Field(None, description="Applies to these directives or requests (default all).")
    hours: Number = Field(0, description="Added to the hours cost.")
    hours_factor: Annotated[Number, Field(ge=0)] = Field(1, description="Multiplies the hours cost.")
    notes: Text | None = None


class ContentFile(Strict):
    """One YAML content file. Every section is optional; a scenario folder's files are merged by id."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="Grassroots scenario content file")

    scenario: ScenarioInfo | None = None
    meters: list[Meter] = Field(default_factory=list)
    directives: list[Directive] = Field(default_factory=list)
    requests: list[Request] = Field(default_factory=list)
    inspections: list[Inspection] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    endings: list[Ending] = Field(default_factory=list)
    modifiers: list[Modifier] = Field(default_factory=list)
    debrief: Debrief | None = None
    claims: list[Claim] = Field(default_factory=list)


SECTIONS = ("meters", "directives", "requests", "inspections", "events", "endings", "modifiers", "claims")
