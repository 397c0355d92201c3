"""The second shipped scenario (issue 16): complete, bilingual, its mechanics present, and its claims hold."""

from __future__ import annotations

import pytest

from game.engine import Rules
from game.scenario import load_report
from game.scenario.catalog import resolve, shipped
from game.sim.runner import simulate
from game.sim.strategy import applies_to
from game.sim.strategy import shipped as shipped_strategies
from game.sim.summary import by_strategy, check_claims, coverage, fired_by_strategy

SCENARIO = "hexi-street"
FINDINGS = {"N1", "N2", "N3", "N4", "P1", "G1", "T1", "C1"}
STAGES = ["describe", "analyse", "apply"]


@pytest.fixture(scope="module")
def report():
    return load_report(resolve(SCENARIO))


@pytest.fixture(scope="module")
def scenario(report):
    assert report.errors == [], [e.format() for e in report.errors]
    return report.scenario


def test_is_shipped_and_validates_cleanly_with_every_translation(report):
    assert SCENARIO in [ref.id for ref in shipped()]
    assert [w.format() for w in report.warnings] == []
    stats = report.stats
    assert stats["missing_translations"] == 0
    assert stats["languages"] == ["zh", "en"]
    assert stats["turns"] >= 8
    assert stats["tasks"] + stats["requests"] >= 12 and stats["events"] >= 30 and stats["endings"] >= 6


def test_every_item_names_its_source_for_facilitators(scenario):
    for item in (*scenario.directives, *scenario.requests, *scenario.events):
        assert item.notes, f"{item.id} has no notes"
        assert item.findings, f"{item.id} names no research finding"


def test_debrief_declares_every_finding_and_contrasts_the_scenarios(scenario):
    debrief = scenario.debrief
    assert {n.code for n in debrief.research_notes} == FINDINGS
    order = [STAGES.index(q.stage) for q in debrief.questions]
    assert order == sorted(order) and len(debrief.questions) >= 6
    assert any("Lianhe" in q.text.en for q in debrief.questions)
    for ending in scenario.endings:
        assert ending.debrief, f"ending {ending.id} has no debrief text"


def test_issues_are_routed_to_one_of_two_layers(scenario):
    """Every issue with a rule behind it can go to either layer, and a misroute has a visible cost: a cause
    sent to dispatch comes back, a dispatch job sent to the standards meeting is sent back (N1)."""
    routed = [r for r in scenario.requests if any("route_exec" in a.tags for a in r.approaches)]
    assert len(routed) >= 4
    for request in routed:
        layers = {tag for a in request.approaches for tag in a.tags if tag.startswith("route_")}
        assert layers == {"route_exec", "route_decision"}, request.id
    returns = {later.event for r in routed for a in r.approaches for later in a.later if later.event}
    assert returns == {"same_issue_returns", "meeting_returns_case"}


def test_standard_has_edges_and_a_lane_that_costs_hours(scenario):
    """Edge cases arrive only once a standard is live; the exception lane unlocks their cheap approach and
    is paid for in weekly hours (N2)."""
    edges = [r for r in scenario.requests if "edge_case" in r.tags]
    assert len(edges) >= 2
    for request in edges:
        assert "flag.standard_live" in request.when
        assert any(a.requires == "flag.exception_lane" for a in request.approaches)
    assert "flag.exception_lane" in str(scenario.info.hours_per_week)
    assert "data" in str(scenario.info.hours_per_week)  # the platform learns what it is fed (N4)


@pytest.fixture(scope="module")
def simulated(scenario):
    names = [name for name, s in shipped_strategies().items() if applies_to(s, SCENARIO)]
    results = simulate(resolve(SCENARIO), names, runs=300, seed=1, jobs=1)
    return Rules(scenario), results


def test_claims_hold_and_every_event_and_ending_is_met(simulated):
    rules, results = simulated
    cover = coverage(rules, results)
    claims = check_claims(rules, by_strategy(results), cover, fired_by_strategy(results))
    assert [(c["id"], c["detail"]) for c in claims if c["holds"] is not True] == []
    assert cover["events_never_fired"] == [] and cover["endings_never_reached"] == []


def test_no_strategy_takes_the_best_ending_in_most_of_its_games(simulated, scenario):
    _, results = simulated
    best = [e.id for e in scenario.endings if e.tone == "good"]
    assert best == ["recoupled_street"]
    for name, outcomes in by_strategy(results).items():
        reached = sum(o.ending == "recoupled_street" for o in outcomes)
        assert reached <= 0.6 * len(outcomes), name


def test_every_answer_to_the_freeze_warning_is_some_players_answer(simulated, scenario):
    """The card where the district weighs freezing the pilot comes to a street under pressure and to one whose
    residents have stopped trusting it; each of its answers is taken by some shipped player, not only by the
    random explorer (promising the numbers is the trace player's answer)."""
    _, results = simulated
    card = next(e for e in scenario.events if e.id == "pilot_freeze_warning")
    by_players = set().union(*(r.taken for r in results if r.strategy != "random"))
    assert [c.id for c in card.choices if f"pilot_freeze_warning.{c.id}" not in by_players] == []
    trace_took = set().union(*(r.taken for r in results if r.strategy == "trace"))
    assert "pilot_freeze_warning.numbers_up" in trace_took


def test_honest_work_is_never_listed_as_an_example_of_trace_ism(scenario):
    """The debrief lists, under each finding, the player's choices that carry it (their own `findings`, else
    their item's): real patrols or resolved tickets must not appear under trace-ism (T1)."""
    wrong = []
    for item in (*scenario.directives, *scenario.requests, *scenario.events):
        for action in getattr(item, "approaches", None) or getattr(item, "choices", None) or ():
            shown_under = action.findings or item.findings
            if action.kind in ("service", "reform", "feedback") and "T1" in shown_under:
                wrong.append(f"{item.id}.{action.id}")
    assert wrong == []
