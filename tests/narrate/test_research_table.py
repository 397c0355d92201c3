""""Your game in the research" lists a choice under a finding only when the choice carries the evidence.

EVIDENCE is a reading of the seed findings (../shared/research, content brief section 0): which kinds of
choice can show each one. A1 is problems not fed back upward: feedback sent, or a problem kept back ("no
significant problems", "never mind"); A6 is interest binding with villages: the binding choice, not a
by-the-rules registration on the same card; B3-B5 are the Nanhai reforms: the reform itself, or a service
done through the reformed structure. Every choice the debrief (and a handout) would list under a code must
be of a kind that code allows, so tagging a whole card or directive cannot put its other choices under the
finding again (issue 10).
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from game.engine import Decision, Rules, new_game
from game.narrate.research import codes_of, findings_table
from game.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[2]
LIANHE = ROOT / "content" / "scenarios" / "lianhe-town"

EVIDENCE: dict[str, set[str]] = {
    "A1": {"feedback", "trace", "other", "reform"},  # raised upward (reform: evidence sent on a formal channel) or kept back
    "A2": {"service", "trace"},  # landing a service against the odds, or marking it done when it did not land
    "A3": {"trace"},
    "A4": {"trace", "delegate"},  # quantified pressure answered with traces, or split further down
    "A5": {"set_aside", "feedback"},  # shelving, or shelving agreed while the misfit is sent up in writing
    "A6": {"delegate", "trace"},  # binding villages; a village collective paying a quota out of dividends
    "A7": {"trace", "set_aside"},  # residents' demands left for the technical task
    "A8": {"trace", "set_aside"},  # avoidance and self-protection
    "A9": {"feedback", "reform", "service"},  # bearing capacity, flexible assessment, channels for demands
    "B1": {"reform", "trace"},  # a platform that becomes a new trace source
    "B2": {"reform", "service"},
    "B3": {"reform", "service"},
    "B4": {"reform", "service"},
    "B5": {"reform", "service", "feedback"},
}


@pytest.fixture(scope="module")
def rules() -> Rules:
    return Rules(load_scenario(LIANHE))


def test_every_finding_of_the_scenario_has_an_evidence_entry(rules):
    assert {note.code for note in rules.scenario.debrief.research_notes} == set(EVIDENCE)


def test_a_card_or_item_lends_its_findings_only_to_kinds_that_show_them(rules):
    for note in rules.scenario.debrief.research_notes:
        shown_by = {str(getattr(kind, "value", kind)) for kind in note.shown_by}
        assert shown_by, f"{note.code}: say which kinds of choice show it (shown_by)"
        assert shown_by <= EVIDENCE[note.code], note.code


def test_every_listed_choice_carries_the_evidence(rules):
    wrong = [f"{code}: {action.ref} ({action.kind})" for action in rules.actions for code in codes_of(rules, action)
             if action.kind not in EVIDENCE[code]]
    assert wrong == []


def test_every_finding_can_be_illustrated_by_some_choice(rules):
    shown = {code for action in rules.actions for code in codes_of(rules, action)}
    assert shown == set(EVIDENCE)


@pytest.mark.parametrize(("ref", "not_under", "under"), [
    ("batch_face_scan.proper_proxies", {"A6"}, set()),  # proxies registered by the rules: no binding
    ("batch_face_scan.allow_batch", {"A6"}, set()),
    ("homestead_boundary.mediate", {"A1"}, set()),  # mediation sends nothing upward
    ("petition_case.mediate", {"A1", "A7"}, set()),
    ("village_favour.bind", set(), {"A6"}),
    ("village_favour.co_design", {"A6"}, set()),  # co-production is binding's alternative
    ("feedback_window_opens.no_problems", set(), {"A1"}),
    ("liaison_hint.take_hint", {"A1"}, {"A5"}),
])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_debrief_table_lists_what_the_choice_shows(rules, ref, not_under, under, lang):
    state = new_game(rules, 1)[0].clone()
    state.took = {ref: 1}
    rows = {row.code: row for row in findings_table(rules, state, lang)}
    assert not_under.isdisjoint(rows) and under <= set(rows)
    for row in rows.values():
        assert len(row.choices) == 1 and row.choices[0][1] == 1


def test_a_handout_counts_findings_by_the_same_rule(rules):
    from game.workshop.report_handout import findings_of

    decisions = [Decision("act" if action.owner >= 0 else "choose", *action.ref.split(".")) for action in rules.actions]
    counts = findings_of(SimpleNamespace(rules=rules, decisions=decisions))
    expected: dict[str, int] = {}
    for action in rules.actions:
        for code in codes_of(rules, action):
            expected[code] = expected.get(code, 0) + 1
    assert dict(counts) == expected
