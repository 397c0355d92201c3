"""Summaries of simulations: per-strategy statistics, coverage and claims, on the tiny scenario."""

from __future__ import annotations

import pytest
from sim_kit import NEVER_TAKEN, write_tiny

from game.engine import Rules
from game.scenario import load_scenario
from game.sim.runner import simulate
from game.sim.summary import by_strategy, check_claims, coverage, strategy_stats


def summarise(path, strategies, runs=20):
    rules = Rules(load_scenario(path))
    results = simulate(path, strategies, runs, seed=1)
    grouped = by_strategy(results)
    cover = coverage(rules, results)
    return rules, grouped, cover, check_claims(rules, grouped, cover)


def test_coverage_lists_what_never_happened(tiny):
    _, _, cover, _ = summarise(tiny, ["random", "trace", "service"])
    assert cover == {
        "events_never_fired": ["never"],
        "choices_never_taken": NEVER_TAKEN,
        "endings_never_reached": ["unreachable"],
    }


def test_coverage_depends_on_the_strategies_run(tiny):
    _, _, cover, _ = summarise(tiny, ["service"], runs=5)
    assert cover["choices_never_taken"] == ["d.fake", "d.locked", "shown.y", "never.x", "never.y"]
    assert cover["endings_never_reached"] == ["high_a", "unreachable"]


def test_strategy_stats(tiny):
    rules, grouped, _, _ = summarise(tiny, ["trace", "service"], runs=6)
    trace, service = strategy_stats(rules, grouped["trace"]), strategy_stats(rules, grouped["service"])
    assert trace["runs"] == service["runs"] == 6
    assert trace["endings"] == {"high_a": 6} and service["endings"] == {"fallback": 6}
    assert trace["mean"] == {"a": 62.0, "b": 50.0} and service["mean"] == {"a": 50.0, "b": 70.0}
    assert (trace["upward"], trace["downward"], trace["combined"]) == (62.0, 50.0, 112.0)
    assert (trace["idle_index"], service["idle_index"]) == (1.0, 0.0)  # all reported, nothing real
    assert trace["weeks_played"] == 2.0


@pytest.mark.parametrize(("strategies", "holds"), [
    (["trace", "service", "reform"], {"trace_pays": True, "false_claim": False, "needs_reform": True}),
    (["trace", "service"], {"trace_pays": True, "false_claim": False, "needs_reform": None}),
    (["reform"], {"trace_pays": None, "false_claim": None, "needs_reform": True}),
])
def test_claims_hold_fail_or_cannot_be_judged(tiny, strategies, holds):
    _, _, _, claims = summarise(tiny, strategies, runs=5)
    assert {c["id"]: c["holds"] for c in claims} == holds
    details = {c["id"]: c["detail"] for c in claims}
    if holds["trace_pays"] is not None:
        assert details["trace_pays"] == "mean(trace, a) = 62.000; mean(service, a) = 50.000"
    else:
        assert details["trace_pays"] == "needs strategies not run: service, trace"


@pytest.mark.parametrize(("holds", "expected", "detail"), [
    ("best('a') == 'trace'", True, "best(a) = trace [trace 62.00, service 50.00]"),
    ("worst('b') == 'trace'", True, "worst(b) = trace [trace 50.00, service 70.00]"),
    ("ending_rate('service', 'fallback') == 1", True, "ending_rate(service, fallback) = 1.000"),
    ("top_ending_rate('trace') < 1", False, "top_ending_rate(trace) = 1.000"),
    ("rarest_ending_rate() > 0", False, "rarest_ending_rate() = 0.0000 (unreachable)"),
    ("uncovered() == 4", True, "uncovered() = 4"),  # one event and three choices
])
def test_claim_functions(tmp_path, holds, expected, detail):
    path = write_tiny(tmp_path / "claims", f"  - {{id: c, text: C, holds: \"{holds}\"}}\n")
    _, _, _, [claim] = summarise(path, ["trace", "service"], runs=4)
    assert (claim["holds"], claim["detail"]) == (expected, detail)


NEW_FUNCTIONS = """  - {id: median_a, text: M, holds: "median('trace', 'a') == 62"}
  - {id: shown_always, text: S, holds: "fired_rate('trace', 'shown') == 1 and fired_rate('service', 'never') == 0"}
  - {id: no_chances, text: C, holds: "answered_rate('service', 'feedback') == 0"}
  - {id: trace_high, text: H, holds: "most_often('high_a') == 'trace'"}
"""


def test_claim_functions_over_distributions_events_and_chances(tmp_path):
    from game.sim.summary import fired_by_strategy

    path = write_tiny(tmp_path / "tiny", NEW_FUNCTIONS)
    rules = Rules(load_scenario(path))
    results = simulate(path, ["trace", "service"], 8, seed=1)
    grouped = by_strategy(results)
    claims = check_claims(rules, grouped, coverage(rules, results), fired_by_strategy(results))
    assert {c["id"]: c["holds"] for c in claims} == dict.fromkeys(["median_a", "shown_always", "no_chances",
                                                                  "trace_high"], True)
    details = {c["id"]: c["detail"] for c in claims}
    assert details["no_chances"] == "answered_rate(service, feedback) = 0.000 (0 of 0)"
    assert details["trace_high"].startswith("most_often(high_a) = trace [trace 1.000, service 0.000")


@pytest.mark.parametrize(("values", "share", "expected"), [
    ([], 0.5, 0.0), ([3.0], 0.1, 3.0), ([1.0, 2.0, 3.0, 4.0], 0.5, 2.0), ([4.0, 1.0, 3.0, 2.0], 0.9, 4.0),
    ([5.0] * 10 + [100.0] * 10, 0.5, 5.0), ([5.0] * 10 + [100.0] * 10, 0.55, 100.0),
])
def test_percentile_is_the_nearest_rank(values, share, expected):
    from game.sim.summary import percentile

    assert percentile(values, share) == expected
