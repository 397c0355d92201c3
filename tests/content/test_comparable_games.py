"""Issue 12 on the shipped scenario: comparable games, core cards, the seminar variant and the policy lab.

Today's figure (measured on main before the change, 200 seeds, every pair of built-in strategies): 34.1% of the
drawn cards were shared. The draw from the seed alone must at least double it.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from game.engine import Rules, new_game
from game.scenario.catalog import resolve
from game.scenario.loader import load_scenario
from game.sim.bots import BOTS
from game.sim.compare import comparability
from game.sim.runner import game_seed, play, simulate
from game.sim.strategy import applies_to, shipped
from game.sim.summary import by_strategy, metrics

SHARED_BEFORE = 0.341
RUNS = 100


@lru_cache(maxsize=None)
def results(variant: str):
    path = resolve(None)
    rules = Rules(load_scenario(path, variant or None))
    meant = [name for name in BOTS if applies_to(shipped()[name], rules.id)]  # a probe for another scenario stays out
    return rules, simulate(path, meant, RUNS, 1, 1, variant=variant)


@pytest.mark.parametrize("variant", ["", "seminar"])
def test_every_core_card_comes_in_95_percent_of_games_of_every_strategy(variant):
    rules, found = results(variant)
    core = comparability(rules, found)["core"]
    assert len(next(iter(core.values()))) >= 3
    low = {(s, card): rate for s, cards in core.items() for card, rate in cards.items() if rate < 0.95}
    assert not low


@pytest.mark.parametrize("variant", ["", "seminar"])
def test_strategies_on_one_seed_share_at_least_twice_as_many_drawn_cards_as_before(variant):
    rules, found = results(variant)
    assert comparability(rules, found)["shared_draws"] >= 2 * SHARED_BEFORE


@pytest.mark.parametrize("run", range(20))
def test_the_first_week_is_the_same_for_every_strategy(run):
    rules = Rules(load_scenario(resolve(None)))
    seed = game_seed(1, run)
    firsts = set()
    for strategy in BOTS:
        seen: list = []
        play(rules, strategy, seed, f"1:{run}:{strategy}", seen)
        firsts.add(tuple(h.subject for h in seen if h.kind == "event_drawn" and h.week == 1))
    assert len(firsts) == 1 and next(iter(firsts))
    assert firsts == {tuple(h.subject for h in new_game(rules, seed)[1] if h.kind == "event_drawn")}


def test_the_seminar_is_short_and_the_thesis_still_holds():
    rules, found = results("seminar")
    assert rules.weeks == 8
    assert comparability(rules, found)["decisions"]["balanced"] <= 60
    means = {name: metrics(rules, games) for name, games in by_strategy(found).items()}
    five = ("random", "trace", "service", "balanced", "reform")  # the thesis: trace tops assessment, service trust
    assert max(five, key=lambda s: means[s]["upward"]) == "trace"
    assert max(five, key=lambda s: means[s]["trust"]) == "service"


def test_the_policy_lab_variants_exist_and_change_the_rules_of_assessment():
    base = load_scenario(resolve(None))
    ids = {v.id for v in base.variants}
    assert {"lab_outcomes", "lab_one_veto", "lab_duty_list"} <= ids
    assert sum(d.veto for d in load_scenario(resolve(None), "lab_one_veto").directives) == 1
    assert "duty_list_honest" in load_scenario(resolve(None), "lab_duty_list").info.start_flags
    outcomes = load_scenario(resolve(None), "lab_outcomes")
    assert {i.id: i.kind for i in outcomes.inspections}["monthly_ledger_check"] == "reality"
