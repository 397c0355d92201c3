"""Hexi Street's seminar variant (issue 16): six weeks for a class period, valid, every event, choice and
ending met in simulation, its claims holding, and no strategy owning the best ending."""

from __future__ import annotations

import pytest

from game.engine import Rules
from game.scenario import load_report, load_scenario
from game.scenario.catalog import resolve
from game.sim.runner import simulate
from game.sim.strategy import applies_to
from game.sim.strategy import shipped as shipped_strategies
from game.sim.summary import by_strategy, check_claims, coverage, fired_by_strategy

SCENARIO = "hexi-street"


@pytest.fixture(scope="module")
def rules():
    return Rules(load_scenario(resolve(SCENARIO), "seminar"))


@pytest.fixture(scope="module")
def simulated(rules):
    names = [name for name, s in shipped_strategies().items() if applies_to(s, SCENARIO)]
    return simulate(resolve(SCENARIO), names, runs=300, seed=1, jobs=1, variant="seminar")


def test_the_seminar_is_declared_short_and_validates_cleanly(rules):
    report = load_report(resolve(SCENARIO))
    assert report.errors == [] and [w.format() for w in report.warnings] == []
    assert "seminar" in [v.id for v in report.scenario.variants]
    assert rules.weeks <= 6 and rules.scenario.variant == "seminar"
    inspections = {i.id: i for i in rules.scenario.inspections}
    assert max(inspections["monthly_ranking"].weeks) == rules.weeks  # the ranking still closes the game


def test_every_event_choice_and_ending_is_met_and_the_claims_hold(rules, simulated):
    cover = coverage(rules, simulated)
    claims = check_claims(rules, by_strategy(simulated), cover, fired_by_strategy(simulated))
    assert claims and [(c["id"], c["detail"]) for c in claims if c["holds"] is not True] == []
    assert cover == {"events_never_fired": [], "choices_never_taken": [], "endings_never_reached": []}


def test_no_strategy_takes_the_best_ending_in_most_of_its_games(rules, simulated):
    best = [e.id for e in rules.scenario.endings if e.tone == "good"]
    for name, outcomes in by_strategy(simulated).items():
        assert all(o.weeks_played <= rules.weeks for o in outcomes)
        for ending in best:
            assert sum(o.ending == ending for o in outcomes) <= 0.6 * len(outcomes), (name, ending)


def test_simulate_coverage_plays_the_variant_not_the_base_scenario(rules):
    """`simulate --variant seminar --coverage` counts the seminar's own games: its rows agree with the
    simulation of the variant, cards it leaves out have no row, and the weeks are its six."""
    from game.sim.coverage import measure

    path = resolve(SCENARIO)
    names = ["random", "trace", "service"]
    cover = measure(path, rules, names, 40, 3, jobs=1)
    summary = coverage(rules, simulate(path, names, 40, 3, jobs=1, variant="seminar"))
    never = {(row.kind, row.id) for row in cover.never()}
    assert {i for k, i in never if k == "event"} == set(summary["events_never_fired"])
    assert {i for k, i in never if k == "choice"} == set(summary["choices_never_taken"])
    assert {i for k, i in never if k == "ending"} == set(summary["endings_never_reached"])
    assert "platform_outage" not in {row.id for row in cover.rows}
    assert all(len(weeks) == rules.weeks for row in cover.rows for weeks in row.weekly.values())
