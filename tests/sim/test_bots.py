"""Bots play only legal decisions, always finish, and behave as their names say."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from game.engine import Rules, apply, legal, new_game
from game.scenario import load_scenario
from game.sim.bots import BOTS
from game.sim.runner import play

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "scenarios" / "mini-town"


@pytest.fixture(scope="module")
def fixture_rules() -> Rules:
    return Rules(load_scenario(FIXTURE))


def checked_play(rules: Rules, strategy: str, seed: int, bot_seed: str):
    """runner.play with every decision checked against legal()."""
    bot, rng = BOTS[strategy], random.Random(bot_seed)
    state, _ = new_game(rules, seed)
    steps = 0
    while not state.ended:
        moves = legal(rules, state)
        decision = bot(rules, state, moves, rng)
        assert decision in moves, f"{strategy} chose {decision} in week {state.week}; legal: {moves}"
        state, _ = apply(rules, state, decision, record=False)
        steps += 1
        assert steps < rules.weeks * 400
    return state


@pytest.mark.parametrize("strategy", list(BOTS))
def test_bots_play_legal_decisions_and_finish(fixture_rules, tiny, strategy):
    for rules in (fixture_rules, Rules(load_scenario(tiny))):
        for seed in range(12):
            state = checked_play(rules, strategy, seed, f"bot:{seed}")
            assert state.ended and state.week <= rules.weeks
            assert state.fingerprint() == play(rules, strategy, seed, f"bot:{seed}").fingerprint()


def test_bots_are_deterministic_given_their_seed(fixture_rules):
    for strategy in BOTS:
        first = play(fixture_rules, strategy, 5, "same")
        assert play(fixture_rules, strategy, 5, "same").decisions == first.decisions


def test_random_bot_explores_and_depends_on_its_seed(fixture_rules):
    games = [play(fixture_rules, "random", 5, f"r{i}").decisions for i in range(5)]
    assert len({tuple(g) for g in games}) == 5


@pytest.mark.parametrize(("strategy", "kind"), [("trace", "trace"), ("service", "service")])
def test_single_minded_bots_act_only_in_their_kind(fixture_rules, strategy, kind):
    for seed in range(10):
        state = play(fixture_rules, strategy, seed, "k")
        assert {fixture_rules.by_decision[d].kind for d in state.decisions if d.kind == "act"} == {kind}


def test_reform_bot_takes_reform_openings(fixture_rules):
    took = [play(fixture_rules, "reform", seed, "k").took for seed in range(10)]
    assert [t.get("form_merge.one_form", 0) for t in took] == [1] * 10
    assert sum(t.get("app_quota.report_upward", 0) for t in took) >= 5


def test_below_draws_what_randrange_draws():
    """The random bot's `below` gives `randrange`'s numbers and leaves the generator where it leaves it."""
    import random

    from game.sim.bots import below

    for seed in range(30):
        ours, theirs = random.Random(seed), random.Random(seed)
        for n in [1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 31, 33, 64, 100, 129, 1000, 2**31 + 5, 2**70 + 3]:
            for _ in range(20):
                assert below(ours, n) == theirs.randrange(n)
        assert ours.random() == theirs.random()
