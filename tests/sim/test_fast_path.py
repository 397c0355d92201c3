"""The simulator's fast path (game/engine/fast.py) plays exactly the reference path's games.

The reference path is the public engine API (`legal`, then `apply` on a new state per decision); the fast
path changes one state in place and rechecks only the verdicts a decision can change. For every shipped
strategy, on every shipped scenario it is meant for, 500 seeded games end in equal final states: every
field of the state compared exactly (meters, hours, flags, items and their ledgers, uses, cards, delayed
effects, history, counters, the decision log, the ending), and equal outcomes.
"""

from __future__ import annotations

import dataclasses
import os
import random
import sys
from pathlib import Path

import pytest

from game.engine import END_WEEK, Decision, IllegalDecision, Rules, apply, legal, new_game, outcome
from game.engine.fast import FastGame
from game.engine.state import GameState
from game.scenario import load_scenario
from game.sim.runner import game_seed, play, play_reference
from game.sim.strategy import applies_to, shipped

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = sorted(p.name for p in (ROOT / "content" / "scenarios").iterdir() if (p / "scenario.yaml").exists())
GAMES = int(os.environ.get("GRASSROOTS_FAST_PATH_GAMES", "500"))  # .ci/compiled plays fewer against the compiled build
STATE_FIELDS = [f.name for f in dataclasses.fields(GameState) if f.name != "derived"]


@pytest.fixture(scope="module")
def rules_by_scenario() -> dict[str, Rules]:
    return {name: Rules(load_scenario(ROOT / "content" / "scenarios" / name)) for name in SCENARIOS}


def exact(state: GameState) -> tuple:
    """Every field of a state (derived values left out), sets in sorted order, floats as they are."""
    return tuple(sorted(value) if isinstance(value, set) else value
                 for value in (getattr(state, name) for name in STATE_FIELDS))


def pairs() -> list[tuple[str, str]]:
    """(scenario, strategy) for every shipped strategy on every shipped scenario it is meant for."""
    found = []
    for scenario in SCENARIOS:  # a shipped scenario's folder is named by its id (checked below)
        found += [(scenario, name) for name, strategy in shipped().items() if applies_to(strategy, scenario)]
    return found


def test_every_strategy_is_covered(rules_by_scenario):
    assert {name: rules.id for name, rules in rules_by_scenario.items()} == {name: name for name in SCENARIOS}
    covered = {name for _, name in pairs()}
    assert covered == set(shipped())
    assert ("hexi-street", "hexi-bystander") in pairs() and ("lianhe-town", "random") in pairs()


@pytest.mark.parametrize("scenario, strategy", pairs())
def test_fast_path_final_states_equal_the_reference_path(rules_by_scenario, scenario, strategy):
    rules = rules_by_scenario[scenario]
    different = []
    for run in range(GAMES):
        seed, bot_seed = game_seed(1, run), f"1:{run}:{strategy}"  # the seeds `simulate --seed 1` plays
        fast = play(rules, strategy, seed, bot_seed)
        reference = play_reference(rules, strategy, seed, bot_seed)
        if exact(fast) != exact(reference) or outcome(rules, fast) != outcome(rules, reference):
            different.append(run)
    assert not different, f"{len(different)} of {GAMES} games differ, first run {different[0]}"
