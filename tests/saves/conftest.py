"""Shared fixtures for the saves tests: the mini-town rules and a few seeded games."""

from __future__ import annotations

import pytest
from saves_helpers import FIXTURE, prefix

from game.engine import GameState, Rules
from game.scenario import load_scenario
from game.sim.runner import play


@pytest.fixture(scope="session")
def rules() -> Rules:
    return Rules(load_scenario(FIXTURE))


@pytest.fixture(scope="session")
def finished(rules: Rules) -> GameState:
    """A whole game played by the random bot (seed 5)."""
    state = play(rules, "random", 5, "saves-tests")
    assert state.ended
    return state


@pytest.fixture(scope="session")
def midgame(rules: Rules, finished: GameState) -> GameState:
    """A game in progress: a dozen decisions in, past the first week."""
    state = prefix(rules, finished, 12)
    assert not state.ended and state.week >= 2
    return state
