"""The fast path step by step: at every decision its legal list is the reference's, and so is the state.

tests/sim/test_fast_path.py compares final states over many bot games; this file walks games decision by
decision on the corner-case `edge` scenario, the fixture and the shipped scenarios, with decisions drawn
at random from the legal list (so ending the week early, locked cards and chains all come up).
"""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest
from engine_kit import write_scenario
from test_properties import EDGE, FIXTURE

from game.engine import END_WEEK, Decision, IllegalDecision, Rules, apply, legal, new_game
from game.engine.fast import FastGame
from game.engine.state import GameState
from game.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[2]
FIELDS = [f.name for f in dataclasses.fields(GameState) if f.name != "derived"]


def exact(state: GameState) -> tuple:
    return tuple(sorted(v) if isinstance(v, set) else v for v in (getattr(state, name) for name in FIELDS))


@pytest.fixture(scope="module")
def scenarios(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rules]:
    edge = write_scenario(tmp_path_factory.mktemp("edge") / "edge", **EDGE)
    folders = {"edge": edge, "mini-town": FIXTURE, "lianhe-town": ROOT / "content" / "scenarios" / "lianhe-town",
               "hexi-street": ROOT / "content" / "scenarios" / "hexi-street"}
    return {name: Rules(load_scenario(folder)) for name, folder in folders.items()}


@pytest.mark.parametrize("name, games", [("edge", 150), ("mini-town", 60), ("lianhe-town", 15), ("hexi-street", 20)])
def test_legal_lists_and_states_match_at_every_decision(scenarios, name, games):
    rules = scenarios[name]
    for seed in range(games):
        chooser = random.Random(seed)
        stay = chooser.choice([0.5, 0.9, 0.98])  # how often a decision other than ending the week is taken
        game, reference = FastGame(rules, seed), new_game(rules, seed)[0]
        assert exact(game.state) == exact(reference)
        while not reference.ended:
            found = game.legal()
            assert found == legal(rules, reference), (seed, len(reference.decisions))
            others = [d for d in found if d != END_WEEK]
            decision = chooser.choice(others) if others and chooser.random() < stay else chooser.choice(found)
            game.apply(decision)
            reference, _ = apply(rules, reference, decision, record=False)
            assert exact(game.state) == exact(reference), (seed, len(reference.decisions), decision)
        assert game.legal() == []


def test_illegal_decisions_are_refused_as_the_reference_refuses_them(scenarios):
    rules = scenarios["edge"]
    game, reference = FastGame(rules, 3), new_game(rules, 3)[0]
    while reference.pending:  # answer the first cards the same way on both paths
        decision = legal(rules, reference)[0]
        game.legal()
        game.apply(decision)
        reference, _ = apply(rules, reference, decision)
    attempts = [Decision("act", "nowhere", "x"), Decision("act", "big", "nothing"), Decision("choose", "storm", "all_in"),
                Decision("end_week", "big", ""), Decision("dance")]
    for decision in attempts:
        with pytest.raises(IllegalDecision) as expected:
            apply(rules, reference, decision)
        game.legal()
        with pytest.raises(IllegalDecision) as got:
            game.apply(decision)
        assert str(got.value) == str(expected.value)
    assert exact(game.state) == exact(reference)  # nothing changed


def test_a_decision_applied_without_asking_for_legal_moves_is_checked_the_slow_way(scenarios):
    rules = scenarios["mini-town"]
    for seed in range(20):
        chooser = random.Random(seed)
        game, reference = FastGame(rules, seed), new_game(rules, seed)[0]
        while not reference.ended:
            decision = chooser.choice(legal(rules, reference))
            if chooser.random() < 0.5:
                game.legal()
            game.apply(decision)
            reference, _ = apply(rules, reference, decision, record=False)
        assert exact(game.state) == exact(reference)
        with pytest.raises(IllegalDecision):
            game.apply(END_WEEK)
