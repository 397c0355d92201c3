"""Comparable games (issue 12): card draws depend on the seed alone, and core cards come in their window."""

from __future__ import annotations

import pytest
from engine_kit import action, end, event, kinds

from game.engine import END_WEEK, apply, legal, new_game
from game.engine.draws import core_week
from game.scenario import ScenarioLoadError, load_scenario

CHOICES = [action("yes"), action("no", kind="other", chance=0.5, then={"meters": {"a": 1}})]
CARDS = [event(f"card{i}", CHOICES, weight=1 + i % 3) for i in range(8)]


def draws(rules, state) -> list[list[str]]:
    """The cards drawn each remaining week, answering each card with its first choice."""
    weeks = []
    while not state.ended:
        state, happened = end(rules, state)
        if not state.ended:
            weeks.append([h.subject for h in kinds(happened, "event_drawn")])
    return weeks


@pytest.mark.parametrize("seed", range(12))
def test_draws_never_use_the_generator_choices_roll(make_rules, seed):
    rules = make_rules(scenario={"weeks": 6, "events_per_week": 1}, events=CARDS)
    state, _ = new_game(rules, seed)
    base = draws(rules, state)
    state, _ = new_game(rules, seed)
    state.rng ^= 0xDEADBEEF  # as if choices had rolled many more dice
    assert draws(rules, state) == base and len(base) == 5


@pytest.mark.parametrize("seed", range(12))
def test_different_choices_same_seed_meet_the_same_cards(make_rules, seed):
    """Answering every card the other way (the one that rolls dice) changes no draw: states allow them all."""
    rules = make_rules(scenario={"weeks": 6, "events_per_week": 1}, events=CARDS)

    def play(pick: int) -> list[str]:
        state, happened = new_game(rules, seed)
        seen = [h.subject for h in kinds(happened, "event_drawn")]
        while not state.ended:
            while state.pending:
                state, _ = apply(rules, state, legal(rules, state)[pick])
            state, happened = apply(rules, state, END_WEEK)
            seen += [h.subject for h in kinds(happened, "event_drawn")]
        return seen

    assert play(0) == play(-1)


@pytest.mark.parametrize("window", [(1, 1), (2, 4), (3, 6), (1, 6)])
def test_a_core_card_comes_inside_its_window_for_every_seed(make_rules, window):
    core = event("core_card", CHOICES, weight=0.01, core={"from_week": window[0], "by_week": window[1]})
    rules = make_rules(scenario={"weeks": 6, "events_per_week": 1}, events=[*CARDS, core])
    weeks_seen = set()
    for seed in range(40):
        state, happened = new_game(rules, seed)
        weeks = [[h.subject for h in kinds(happened, "event_drawn")], *draws(rules, state)]
        came = [week for week, drawn in enumerate(weeks, 1) if "core_card" in drawn]
        assert len(came) == 1 and window[0] <= came[0] <= window[1], (seed, weeks)
        assert came[0] == core_week(seed, rules.events[rules.event_index["core_card"]].key, window)
        assert all(len(drawn) == 1 for drawn in weeks)  # the core card takes a slot, not an extra one
        weeks_seen.add(came[0])
    assert weeks_seen == set(range(window[0], window[1] + 1))  # the seed spreads it over the window


def test_a_core_card_waits_for_its_condition_and_is_not_forced_when_it_never_holds(make_rules):
    late = event("late_core", CHOICES, weight=0.01, when="turn >= 4", core={"from_week": 2, "by_week": 5})
    never = event("never_core", CHOICES, when="a > 1000", core={"from_week": 1, "by_week": 6})
    rules = make_rules(scenario={"weeks": 6, "events_per_week": 1}, events=[*CARDS, late, never])
    for seed in range(30):
        state, happened = new_game(rules, seed)
        weeks = [[h.subject for h in kinds(happened, "event_drawn")], *draws(rules, state)]
        came = [week for week, drawn in enumerate(weeks, 1) if "late_core" in drawn]
        assert came and 4 <= came[0] <= 5
        assert not any("never_core" in drawn for drawn in weeks)


@pytest.mark.parametrize(("core", "extra", "message"), [
    ({"from_week": 3, "by_week": 2}, {}, "starts (week 3) after it ends (week 2)"),
    ({"from_week": 1, "by_week": 9}, {}, "week 9 is after the last week (6)"),
    ({"from_week": 1, "by_week": 2}, {"draw": False}, "a core card must be drawn"),
])
def test_bad_core_windows_are_refused_at_load(make_scenario, core, extra, message):
    folder = make_scenario(scenario={"weeks": 6, "events_per_week": 1},
                           events=[event("c", CHOICES, core=core, **extra)])
    with pytest.raises(ScenarioLoadError) as err:
        load_scenario(folder)
    assert any(message in e.message for e in err.value.errors), [e.format() for e in err.value.errors]
