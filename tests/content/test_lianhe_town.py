"""The default scenario: complete, bilingual, grounded in the brief, and its teaching claims hold."""

from __future__ import annotations

import pytest

from game.engine import Rules
from game.scenario import load_report
from game.scenario.catalog import DEFAULT_SCENARIO, resolve, shipped
from game.sim.runner import simulate
from game.sim.summary import by_strategy, check_claims, coverage

KINDS_PER_DIRECTIVE = {"trace", "service"}
FINDINGS = {f"A{i}" for i in range(1, 10)} | {f"B{i}" for i in range(1, 6)}
STAGES = ["describe", "analyse", "apply"]


@pytest.fixture(scope="module")
def report():
    return load_report(resolve(DEFAULT_SCENARIO))


@pytest.fixture(scope="module")
def scenario(report):
    assert report.errors == [], [e.format() for e in report.errors]
    return report.scenario


def test_default_scenario_is_shipped_and_selected_by_default():
    assert DEFAULT_SCENARIO == "lianhe-town"
    assert DEFAULT_SCENARIO in [ref.id for ref in shipped()]
    assert resolve(None).name == "lianhe-town"


def test_validates_cleanly_with_every_translation(report):
    assert report.errors == []
    assert [w.format() for w in report.warnings] == []
    stats = report.stats
    assert stats["missing_translations"] == 0
    assert stats["languages"] == ["zh", "en"]
    assert stats["turns"] == 12
    assert stats["tasks"] >= 16 and stats["requests"] >= 12 and stats["events"] >= 40 and stats["endings"] >= 6


def test_meters_and_game_ending_thresholds(scenario):
    meters = {m.id: m for m in scenario.meters}
    assert {"trust", "pressure", "assessment", "energy", "budget"} <= set(meters)
    assert meters["pressure"].ends_game_at.max == "removed"
    assert meters["trust"].ends_game_at.min == "trust_crisis"
    assert meters["energy"].ends_game_at.min == "burnout"


def test_directives_come_from_three_levels_with_real_choices(scenario):
    assert {d.level.value for d in scenario.directives} >= {"province", "city", "district"}
    assert any(d.veto for d in scenario.directives)
    for directive in scenario.directives:
        kinds = {a.kind.value for a in directive.approaches}
        assert len(directive.approaches) >= 3, directive.id
        assert KINDS_PER_DIRECTIVE <= kinds, directive.id
    all_kinds = {a.kind.value for d in scenario.directives for a in d.approaches}
    assert {"feedback", "set_aside", "delegate", "reform"} <= all_kinds


def test_requests_inspections_and_lines_crossed(scenario):
    assert all(any(a.kind.value == "service" for a in r.approaches) for r in scenario.requests)
    assert {i.kind for i in scenario.inspections} == {"traces", "reality"}
    crossing = [a for d in scenario.directives for a in d.approaches if a.crosses_line]
    crossing += [c for e in scenario.events for c in e.choices if c.crosses_line]
    assert len(crossing) >= 10


def test_every_item_names_its_source_for_facilitators(scenario):
    for item in (*scenario.directives, *scenario.requests, *scenario.events):
        assert item.notes, f"{item.id} has no notes"
        assert item.findings, f"{item.id} names no research finding"


def test_debrief_links_to_every_seed_finding(scenario):
    debrief = scenario.debrief
    assert {n.code for n in debrief.research_notes} >= FINDINGS
    assert len(debrief.reflections) >= 8
    assert len(debrief.questions) >= 6
    order = [STAGES.index(q.stage) for q in debrief.questions]
    assert order == sorted(order), "questions must run describe, analyse, apply"
    for ending in scenario.endings:
        assert ending.debrief, f"ending {ending.id} has no debrief text"


@pytest.fixture(scope="module")
def simulated(scenario):
    path = resolve(DEFAULT_SCENARIO)
    results = simulate(path, ["random", "trace", "service", "balanced", "reform"], runs=200, seed=11, jobs=2)
    return Rules(scenario), results


def test_teaching_claims_hold_in_a_short_simulation(simulated):
    """The full check is `grassroots simulate --runs 10000 --strategy all --check-claims`; coverage needs
    more games than a test should spend, so it is checked on random play below."""
    rules, results = simulated
    claims = check_claims(rules, by_strategy(results), coverage(rules, results))
    failing = [(c["id"], c["detail"]) for c in claims if c["holds"] is not True and c["id"] != "full_coverage"]
    assert failing == []
    assert {c["id"] for c in claims} >= {"no_dominant_ending", "every_ending_reachable", "reform_best_combined"}


def test_random_play_reaches_every_event_and_choice():
    path = resolve(DEFAULT_SCENARIO)
    results = simulate(path, ["random"], runs=600, seed=7, jobs=2)
    rules = Rules(load_report(path).scenario)
    cover = coverage(rules, results)
    assert cover["events_never_fired"] == [] and cover["choices_never_taken"] == []
