"""Everything the debrief shows, from the engine's Outcome and the scenario's debrief section."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.i18n import t, tn
from game.narrate.debrief_text import ending_words, questions, reflection_words
from game.narrate.research import FindingRow, explainers, findings_table, glossary
from game.scenario.text import localize
from game.narrate.words import whole
from game.tui.present.fmt import action_label
from game.tui.present.meters import MeterView, meter_views

if TYPE_CHECKING:
    from game.engine import GameState, Outcome, Rules

STAGES = ("describe", "analyse", "apply")


@dataclass(frozen=True)
class DebriefView:
    ending_title: str
    ending_text: str
    ending_debrief: str
    tone: str
    reason: str
    weeks_played: int
    upward: float
    downward: float
    upward_label: str
    downward_label: str
    idle_index: float
    meters: list[MeterView]
    hours_by_kind: list[tuple[str, float, int]]
    crossed: list[str]
    reflections: list[str]
    notes: list[tuple[str, str, str]]
    questions: list[tuple[str, list[str]]]
    findings: list[FindingRow]
    explainers: list[tuple[str, str]]
    glossary: list[tuple[str, str]]


def linked_findings(rules: Rules, state: GameState, result: Outcome) -> set[str]:
    """Finding codes behind this game: its ending, its reflections, and what the player took part in."""
    codes: set[str] = set()
    ending = rules.ending_by_id.get(result.ending)
    if ending:
        codes.update(ending.findings)
    shown = set(result.reflections)
    for reflection in rules.scenario.debrief.reflections:
        if reflection.id in shown:
            codes.update(reflection.findings)
    for index in state.fired:  # cards the player met, whatever was chosen
        codes.update(rules.events[index].model.findings)
    taken = set(state.took)
    for action in rules.actions:
        if action.ref not in taken:
            continue
        codes.update(action.model.findings)
        owner = rules.items[action.owner].model if action.owner >= 0 else rules.events[action.event].model
        codes.update(owner.findings)
    return codes


def reason_text(rules: Rules, state: GameState, result: Outcome, lang: str) -> str:
    """Why the game ended: the meter that hit a game-ending end, or how the term ran out."""
    if result.reason == "threshold":
        for index, meter in enumerate(rules.scenario.meters):
            low_end = rules.end_min[index] == result.ending and state.meters[index] <= rules.lows[index]
            high_end = rules.end_max[index] == result.ending and state.meters[index] >= rules.highs[index]
            if low_end or high_end:
                return t("deb.reason.meter", lang, meter=localize(meter.label, lang), value=whole(state.meters[index]))
    known = ("threshold", "final", "effect")
    return t(f"deb.reason.{result.reason}", lang) if result.reason in known else ""


def _crossed(rules: Rules, refs: list[str], lang: str) -> list[str]:
    counts: dict[str, int] = {}
    for ref in refs:
        counts[ref] = counts.get(ref, 0) + 1
    return [action_label(rules, ref, lang) + (times(n, lang) if n > 1 else "") for ref, n in counts.items()]


def debrief_view(rules: Rules, state: GameState, result: Outcome, lang: str) -> DebriefView:
    """The debrief of a finished game in one language."""
    scenario = rules.scenario
    ending = rules.ending_by_id.get(result.ending)
    scoring = scenario.info.scoring
    notes = scenario.debrief.research_notes
    codes = linked_findings(rules, state, result)
    linked = [n for n in notes if n.code in codes] or list(notes)
    shown = set(result.reflections)
    ending_text, ending_debrief = ending_words(rules, state, result.ending, lang)
    asked = questions(rules, state, lang)
    hours = sorted(((t(f"kind.{k}", lang), h, result.kind_counts.get(k, 0)) for k, h in result.kind_hours.items()),
                   key=lambda row: -row[1])
    return DebriefView(
        ending_title=localize(ending.title, lang) if ending else result.ending,
        ending_text=ending_text,
        ending_debrief=ending_debrief,
        tone=ending.tone if ending else "mixed",
        reason=reason_text(rules, state, result, lang),
        weeks_played=result.weeks_played,
        upward=result.upward, downward=result.downward,
        upward_label=localize(scoring.upward_label, lang) or t("deb.upward", lang),
        downward_label=localize(scoring.downward_label, lang) or t("deb.downward", lang),
        idle_index=result.idle_index,
        meters=meter_views(rules, state, lang, reveal=True),
        hours_by_kind=[row for row in hours if row[1] > 0],
        crossed=_crossed(rules, result.crossed, lang),
        reflections=[reflection_words(rules, state, r, lang) for r in scenario.debrief.reflections if r.id in shown],
        notes=[(n.code, localize(n.title, lang), localize(n.text, lang)) for n in linked],
        questions=[(t(f"deb.stage.{stage}", lang), [text for q_stage, text in asked if q_stage == stage])
                   for stage in STAGES],
        findings=findings_table(rules, state, lang),
        explainers=explainers(rules, state, lang),
        glossary=glossary(rules, lang),
    )


def times(count: int, lang: str) -> str:
    """How many times, in brackets: "（3次）" / " (3 times)", and " (once)" for one."""
    return tn("times_paren", count, lang)
