"""The debrief's "your game in the research": per finding code, the player's own choices that illustrate it.

A choice illustrates a finding when the action carries the finding's code in `findings`, or, when the
action names none, when the directive, request or event it belongs to does and the finding's research note
lets this kind of approach show it (`shown_by`; content tags, checked at load).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.narrate.debrief_text import holds, words
from game.narrate.teller import Teller

if TYPE_CHECKING:
    from game.engine import GameState, Rules


@dataclass(frozen=True)
class FindingRow:
    """One finding and the player's choices behind it (label and how many times)."""

    code: str
    title: str
    choices: tuple[tuple[str, int], ...]  # the most-taken first, at most `shown` of them
    more: int = 0  # further choices behind this finding, not listed


def codes_of(rules: Rules, action) -> list[str]:
    """The finding codes an action (a compiled approach or choice) illustrates: its own `findings` when it
    names any; else those of its directive, request or card whose research note lets this kind of approach
    show it (`shown_by`: a by-the-rules registration on a card about interest binding does not illustrate
    binding, only the binding choice does)."""
    if action.model.findings:
        return list(action.model.findings)
    owner = rules.items[action.owner].model if action.owner >= 0 else rules.events[action.event].model
    shown_by = {note.code: {str(getattr(kind, "value", kind)) for kind in note.shown_by}
                for note in rules.scenario.debrief.research_notes}
    return [code for code in owner.findings if not shown_by.get(code) or action.kind in shown_by[code]]


def findings_table(rules: Rules, state: GameState, lang: str, shown: int = 5) -> list[FindingRow]:
    """Rows in research-note order, for the findings the player's own choices illustrate (none: no row);
    each lists its `shown` most-taken choices and counts the rest."""
    teller = Teller(rules, lang)
    by_code: dict[str, list[tuple[str, int]]] = {}
    for action in rules.actions:
        count = state.took.get(action.ref, 0)
        if not count:
            continue
        for code in codes_of(rules, action):
            by_code.setdefault(code, []).append((teller.action_label(action.ref), count))
    rows = []
    for note in rules.scenario.debrief.research_notes:
        if note.code in by_code:
            choices = sorted(by_code[note.code], key=lambda pair: -pair[1])
            rows.append(FindingRow(note.code, teller.text(note.title), tuple(choices[:shown]),
                                   max(0, len(choices) - shown)))
    return rows


def explainers(rules: Rules, state: GameState, lang: str) -> list[tuple[str, str]]:
    """(title, text) of the explainers that apply to this game."""
    return [(words(rules, state, e.title, lang), words(rules, state, e.text, lang))
            for e in rules.scenario.debrief.explainers if holds(rules, state, e.when)]


def glossary(rules: Rules, lang: str) -> list[tuple[str, str]]:
    """(term, gloss) pairs in content order."""
    teller = Teller(rules, lang)
    return [(teller.text(entry.term), teller.text(entry.gloss)) for entry in rules.scenario.debrief.glossary]
