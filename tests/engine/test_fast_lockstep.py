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
# What the edge scenario leaves out: verdicts that read meters, counters and hours left (rechecked after every
# decision), modifiers that read meters and hours left, costs computed from meters, and an item issued mid-week.
VOLATILE = dict(
    scenario="""
        weeks: 5
        hours_per_week: "12 + b / 10"
        events_per_week: 1
    """,
    meters="""
        - {id: a, label: A, start: 30, range: [0, 60]}
        - {id: b, label: B, start: 10, range: [0, 30]}
    """,
    directives="""
        - id: d
          title: D
          level: city
          unit: u
          quota: 12
          arrives: 1
          due_in_weeks: 4
          approaches:
            - {id: grind, kind: trace, label: G, hours: 2, reported: 2, meters: {a: 3, b: -1}, requires: "a < 50"}
            - {id: count, kind: service, label: C, hours: 1, reported: 1, actual: 1, requires: "count_kind('trace') < 4"}
            - {id: late, kind: other, label: L, hours: 1, requires: "hours_left < 6", meters: {b: 2}}
            - {id: pay, kind: service, label: P, hours: 3, actual: 3, costs: {b: "2 + a / 20"}, max_per_week: 2}
            - {id: spawn, kind: reform, label: S, hours: 1, max_total: 1, request: r, set: [spawned]}
        - id: e
          title: E
          level: district
          unit: u
          quota: 3
          arrives: 2
          due_in_weeks: 2
          approaches:
            - {id: do, kind: service, label: Do, hours: "4 if flag.spawned else 6", reported: 1, actual: 1}
            - {id: fake, kind: trace, label: F, hours: 0.5, reported: 3, requires: "took('d.grind') >= 1"}
    """,
    requests="""
        - id: r
          title: R
          urgency: low
          approaches:
            - {id: help, kind: service, label: H, hours: 2, meters: {b: 3}, requires: "b < 25"}
    """,
    modifiers="""
        - {id: tired, label: T, when: "a > 40 or hours_left < 3", hours: 1}
        - {id: rich, label: R, when: "b >= 15", hours_factor: 0.5, kinds: [service]}
    """,
    events="""
        - id: ask
          title: Ask
          text: Ask
          choices:
            - {id: agree, kind: service, label: Y, hours: 2, meters: {a: -5}, requires: "a > 10"}
            - {id: refuse, kind: other, label: N, costs: {b: 40}}
    """,
)
FIELDS = [f.name for f in dataclasses.fields(GameState) if f.name != "derived"]


def exact(state: GameState) -> tuple:
    return tuple(sorted(v) if isinstance(v, set) else v for v in (getattr(state, name) for name in FIELDS))


@pytest.fixture(scope="module")
def scenarios(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rules]:
    edge = write_scenario(tmp_path_factory.mktemp("edge") / "edge", **EDGE)
    volatile = write_scenario(tmp_path_factory.mktemp("volatile") / "volatile", **VOLATILE)
    folders = {"edge": edge, "volatile": volatile, "mini-town": FIXTURE, "lianhe-town": ROOT / "content" / "scenarios" / "lianhe-town",
               "hexi-street": ROOT / "content" / "scenarios" / "hexi-street"}
    return {name: Rules(load_scenario(folder)) for name, folder in folders.items()}


@pytest.mark.parametrize("name, games", [("edge", 150), ("volatile", 150), ("mini-town", 60), ("lianhe-town", 15), ("hexi-street", 20)])
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


@pytest.mark.parametrize("name", ["edge", "volatile", "mini-town", "lianhe-town", "hexi-street"])
def test_items_approaches_are_numbered_in_item_order(scenarios, name):
    """The week's scan builds the legal list by appending each open item's approaches in turn: that is the
    reference's ascending order only because compiling numbers an item's approaches after the item before."""
    from game.engine.fast_deps import fast_tables

    rules = scenarios[name]
    numbered = [index for actions in fast_tables(rules).item_actions for index in actions]
    assert numbered == sorted(numbered) and len(numbered) == len(set(numbered))
    assert set(numbered) == {action.index for action in rules.actions if action.owner >= 0}
