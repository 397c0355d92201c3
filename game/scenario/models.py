"""The sections of a scenario content file (building blocks in model_base.py and model_effects.py).

What each field means, in English and Chinese, lives in `field_docs.py` (the schema and docs read it).

Every content file has the same shape (all sections optional), so one JSON Schema fits every file.
Expressions are plain strings here; `checks.py` parses and name-checks them after merging. Everything
is re-exported here, so `from game.scenario.models import ...` is the one import for all content models.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, StrictBool

from game.scenario.model_base import (
    FINDING_PATTERN, ID_PATTERN, Expr, FindingCode, Id, Kind, Level, LocalizedText, NonNegative, NonNegativeOrExpr,
    Number, NumOrExpr, PositiveNumber, ProbabilityOrExpr, Strict, Text, Whole,
)
from game.scenario.model_effects import Action, Effect, LedgerChange, Later

__all__ = [
    "FINDING_PATTERN", "ID_PATTERN", "SECTIONS", "Action", "Claim", "ContentFile", "Debrief", "Directive", "Effect",
    "CoreWindow", "Ending", "EndingVariant", "EndsAt", "Event", "Explainer", "Expr", "FindingCode", "GlossaryEntry",
    "Id", "Inspection", "Kind", "Later", "LedgerChange", "Level", "LocalizedText", "Meter", "Modifier", "NumOrExpr",
    "Number", "Question", "Reflection", "Request", "ResearchNote", "ScenarioInfo", "Scoring", "SettleRules", "Strict",
    "Text", "TextVariant", "UrgencyRule", "Variant", "WeeklyRule",
]


class EndsAt(Strict):
    """Endings triggered when a meter reaches the bottom or top of its range."""

    min: Id | None = None
    max: Id | None = None


class Meter(Strict):
    """A number the scenario tracks; the engine knows none by name."""

    id: Id
    label: Text
    short: Text | None = None
    description: Text | None = None
    range: tuple[Number, Number] = (0, 100)
    start: Number
    hidden: StrictBool = False
    good: Literal["high", "low"] = Field("high")
    ends_game_at: EndsAt | None = None
    notes: Text | None = None


class SettleRules(Strict):
    """What a deadline does, by outcome. Expressions may use weight, quota, reported, actual, progress."""

    met: Effect = Field(default_factory=Effect)
    missed: Effect = Field(default_factory=Effect)
    veto_missed: Effect | None = None


class UrgencyRule(Strict):
    """Default decay and escalation of resident requests of one urgency."""

    ignored_each_week: dict[Id, NumOrExpr] = Field(default_factory=dict)
    escalates_after_weeks: Annotated[Whole, Field(ge=1)] | None = None
    escalation: Effect | None = None
    expires_after_weeks: Annotated[Whole, Field(ge=1)] | None = None


class WeeklyRule(Strict):
    """Effects applied at the start of each week while a condition holds."""

    when: Expr | None = None
    effect: Effect


class Scoring(Strict):
    """The two scores shown side by side at the end."""

    upward: Expr
    downward: Expr
    upward_label: Text | None = None
    downward_label: Text | None = None


class ScenarioInfo(Strict):
    """The scenario's header: exactly one content file has it."""

    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]{0,63}$")]
    title: Text
    summary: Text | None = None
    intro: Text | None = None
    weeks: Annotated[Whole, Field(ge=1, le=104)]
    hours_per_week: NumOrExpr
    events_per_week: NumOrExpr = 1
    languages: list[Literal["zh", "en"]] = Field(min_length=1)
    default_language: Literal["zh", "en"] | None = None
    start_flags: list[Id] = Field(default_factory=list)
    scoring: Scoring
    settlement: SettleRules = Field(default_factory=SettleRules)
    urgency: dict[Literal["low", "medium", "high"], UrgencyRule] = Field(default_factory=dict)
    weekly: list[WeeklyRule] = Field(default_factory=list)
    week_labels: list[Text] = Field(default_factory=list)
    notes: Text | None = None


class Directive(Strict):
    """A task with a quota sent down from above; it keeps a reported and an actual ledger."""

    id: Id
    title: Text
    text: Text | None = None
    level: Level
    issuer: Text | None = None
    unit: Text
    quota: PositiveNumber
    arrives: Annotated[Whole, Field(ge=1)] | None = None
    when: Expr | None = None
    due_in_weeks: Annotated[Whole, Field(ge=1, le=52)]
    weight: NonNegative = 1
    veto: StrictBool = False
    approaches: list[Action] = Field(min_length=1)
    on_met: Effect | None = None
    on_missed: Effect | None = None
    tags: list[Id] = Field(default_factory=list)
    findings: list[FindingCode] = Field(default_factory=list)
    notes: Text | None = None


class Request(Strict):
    """A resident's need; ignored ones decay trust and may escalate."""

    id: Id
    title: Text
    text: Text | None = None
    who: Text | None = None
    urgency: Literal["low", "medium", "high"] = "medium"
    arrives: Annotated[Whole, Field(ge=1)] | None = None
    when: Expr | None = None
    approaches: list[Action] = Field(min_length=1)
    ignored_each_week: dict[Id, NumOrExpr] | None = None
    escalates_after_weeks: Annotated[Whole, Field(ge=1)] | None = None
    escalation: Effect | None = None
    expires_after_weeks: Annotated[Whole, Field(ge=1)] | None = None
    tags: list[Id] = Field(default_factory=list)
    findings: list[FindingCode] = Field(default_factory=list)
    notes: Text | None = None


class Inspection(Strict):
    """A check at the end of a week: `traces` reads ledgers, `reality` compares reported with actual."""

    id: Id
    title: Text
    kind: Literal["traces", "reality"]
    weeks: list[Annotated[Whole, Field(ge=1)]] | None = None
    when: Expr | None = None
    chance: ProbabilityOrExpr = 1
    effect: Effect
    text: Text | None = None
    findings: list[FindingCode] = Field(default_factory=list)
    notes: Text | None = None


class CoreWindow(Strict):
    """Weeks in which a core card comes for certain if its `when` holds (issue 12: comparable games)."""

    from_week: Annotated[Whole, Field(ge=1, le=104, description="First week of the window.")]
    by_week: Annotated[Whole, Field(ge=1, le=104, description="Last week: by the end of it the card has come.")]


class Event(Strict):
    """A card with 2 to 4 choices, drawn by condition and weight or triggered by an effect."""

    id: Id
    title: Text
    text: Text
    speaker: Text | None = None
    when: Expr | None = None
    weight: NonNegativeOrExpr = 1
    draw: StrictBool = True
    once: StrictBool = True
    cooldown: Annotated[Whole, Field(ge=0)] = 0
    core: CoreWindow | None = Field(None, description="A core card: comes for certain in this window if `when` holds.")
    choices: list[Action] = Field(min_length=2, max_length=4)
    findings: list[FindingCode] = Field(default_factory=list)
    notes: Text | None = None


class TextVariant(Strict):
    """Another wording of a debrief text, used when `when` holds on the final state (the first that holds wins).

    Texts of endings, reflections and questions (and their variants) may quote the game's own numbers with
    `{{expression}}` placeholders, e.g. `{{chances_then('feedback')}}` (game/scenario/placeholders.py).
    """

    when: Expr = Field(description="Use this wording when the condition holds at the end of the game.")
    text: Text = Field(description="The wording used instead of the default `text`.")


class EndingVariant(TextVariant):
    """An ending's wording for a particular game; `debrief` (when given) replaces the ending's debrief too."""

    debrief: Text | None = Field(None, description="Replaces the ending's `debrief` when this variant is used.")


class Ending(Strict):
    """How the game ends; the highest-priority ending whose condition holds is chosen."""

    id: Id
    title: Text
    text: Text
    debrief: Text | None = None
    when: Expr | None = None
    priority: Whole = 0
    tone: Literal["good", "mixed", "bad"] = "mixed"
    findings: list[FindingCode] = Field(default_factory=list)
    variants: list[EndingVariant] = Field(default_factory=list,
                                          description="Wordings for particular games; the first whose `when` holds wins.")


class Reflection(Strict):
    """A prompt shown in the debrief only when the player's own path makes it relevant."""

    id: Id
    when: Expr
    text: Text
    findings: list[FindingCode] = Field(default_factory=list)
    variants: list[TextVariant] = Field(default_factory=list,
                                    description="Wordings for particular games; the first whose `when` holds wins.")


class Question(Strict):
    """A discussion question for the debrief; with `when`, asked only in games where it holds."""

    stage: Literal["describe", "analyse", "apply"]
    text: Text
    when: Expr | None = Field(None, description="Ask it only when this holds at the end (what the player met or did).")
    variants: list[TextVariant] = Field(default_factory=list,
                                    description="Wordings for particular games; the first whose `when` holds wins.")


class ResearchNote(Strict):
    """A research finding the content illustrates."""

    code: FindingCode
    title: Text
    text: Text
    source: str | None = None
    shown_by: list[Kind] = Field(default_factory=list, description=(
        "The approach kinds whose choices illustrate this finding when the item or card they belong to names "
        "it (empty: every kind). A choice that names the finding in its own `findings` always does."))


class Explainer(Strict):
    """A short piece the debrief shows after the research notes (e.g. two findings contrasted)."""

    id: Id
    title: Text
    text: Text
    when: Expr | None = Field(None, description="Show it only when this holds at the end of the game.")
    findings: list[FindingCode] = Field(default_factory=list)


class GlossaryEntry(Strict):
    """A term a reader of the other language may not know (三防, 两委, mu, 12345...), with its gloss."""

    term: Text = Field(description="The term as it appears in the texts, e.g. {zh: 三防, en: three-prevention (三防)}.")
    gloss: Text = Field(description="What it means, in one or two sentences.")


class Debrief(Strict):
    """Reflections, questions, research notes, explainers and a glossary; lists from several files are merged."""

    reflections: list[Reflection] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)
    research_notes: list[ResearchNote] = Field(default_factory=list)
    explainers: list[Explainer] = Field(default_factory=list)
    glossary: list[GlossaryEntry] = Field(default_factory=list)


class Claim(Strict):
    """A teaching claim checked by `grassroots simulate --check-claims`."""

    id: Id
    text: Text
    holds: Expr


class Modifier(Strict):
    """A standing change to action costs while a condition holds (e.g. a reform that cuts reporting)."""

    id: Id
    label: Text
    when: Expr
    kinds: list[Kind] | None = None
    items: list[Id] | None = None
    tags: list[Id] | None = None
    hours: Number = 0
    hours_factor: NonNegative = 1
    notes: Text | None = None


ItemRef = Annotated[str, Field(pattern=r"^([a-z]+\.)?[a-z][a-z0-9_]{0,63}$",
                                description="An item id, or section.id, e.g. modifiers.city_brain_dispatch.")]


class VariantAdd(Strict):
    """Items a variant adds; an item with the id of an existing one replaces it whole."""

    directives: list[Directive] = Field(default_factory=list)
    requests: list[Request] = Field(default_factory=list)
    inspections: list[Inspection] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    endings: list[Ending] = Field(default_factory=list)
    modifiers: list[Modifier] = Field(default_factory=list)
    weekly: list[WeeklyRule] = Field(default_factory=list, description="Weekly rules added after the header's.")


class Variant(Strict):
    """A named variant of the scenario: the same content with some rules changed, chosen with
    `play --variant ID` / `simulate --variant ID` (issue 12: a seminar length and the policy lab)."""

    id: Id
    title: Text
    summary: Text | None = None
    set: dict[str, Any] = Field(default_factory=dict, description=(
        "Header fields replaced, e.g. weeks: 8 or events_per_week: 2 (checked as the header is)."))
    start_flags: list[Id] = Field(default_factory=list, description="Flags added at the start: rules in force from week 1.")
    meters: dict[Id, dict[str, Any]] = Field(default_factory=dict, description="Meter fields replaced, by meter id.")
    change: dict[ItemRef, dict[str, Any]] = Field(default_factory=dict, description=(
        "Fields replaced on the item with that id (a directive, request, event, inspection, modifier or ending); "
        "write section.id, e.g. modifiers.city_brain_dispatch, when two sections use the id."))
    remove: list[ItemRef] = Field(default_factory=list, description=(
        "Ids of items left out (any section but meters; section.id when two sections use the id)."))
    add: VariantAdd = Field(default_factory=VariantAdd)
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
    variants: list[Variant] = Field(default_factory=list)


SECTIONS = ("meters", "directives", "requests", "inspections", "events", "endings", "modifiers", "claims")
