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


# -- the weekly draw's shortcuts (issue 15) give the draw a full scan gives ---------------------------------
SHIPPED = ["lianhe-town", "hexi-street"]


def _shipped_rules(name):
    from pathlib import Path

    from game.engine.compile import Rules
    return Rules(load_scenario(Path(__file__).resolve().parents[2] / "content" / "scenarios" / name))


def _full_scan(rules, state, ctx) -> list[int]:
    """The draw as written in game.engine.draws' docstring: every card's condition and priority, then core
    cards due by priority, then the highest priorities for the slots left."""
    from game.engine.draws import priority

    count = int(round(float(rules.events_per_week(ctx) if callable(rules.events_per_week) else rules.events_per_week)))
    due, rest = [], []
    for card in rules.drawable:
        last = state.fired.get(card.index)
        if last is not None and (card.once or state.week - last <= card.cooldown):
            continue
        if card.index in state.pending or (card.when is not None and not card.when(ctx)):
            continue
        weight = float(card.weight(ctx)) if callable(card.weight) else card.weight
        is_due = (card.core is not None and last is None and card.core[0] <= state.week <= card.core[1]
                  and state.week >= core_week(state.seed, card.key, card.core))
        if is_due:
            due.append((priority(state.seed, card.key, state.week, card.once, max(weight, 1e-9)), card.index))
        elif weight > 0:
            rest.append((priority(state.seed, card.key, state.week, card.once, weight), card.index))
    due.sort(reverse=True)
    rest.sort(reverse=True)
    return [i for _, i in due] + [i for _, i in rest[:max(0, count - len(due))]]


@pytest.mark.parametrize("name", SHIPPED)
def test_the_weekly_draw_equals_a_full_scan_over_played_games(name):
    import random

    from game.engine.context import Ctx
    from game.engine.discard import Discard
    from game.engine.week import draw_events
    from game.sim.bots import BOTS

    rules, compared = _shipped_rules(name), 0
    for seed in range(40):
        state, _ = new_game(rules, seed)
        rng, bot = random.Random(seed), BOTS["random" if seed % 2 else "trace"]
        while not state.ended:
            for pending in ([], state.pending[:1]):  # an empty queue, and one card still waiting
                probe = state.clone()
                probe.pending = list(pending)
                expected = _full_scan(rules, probe, Ctx(rules, probe))
                draw_events(rules, probe, Discard(), Ctx(rules, probe))
                assert probe.pending[len(pending):] == expected, (seed, state.week)
                compared += 1
            state, _ = apply(rules, state, bot(rules, state, legal(rules, state), rng), record=False)
    assert compared > 500


@pytest.mark.parametrize("name", SHIPPED)
def test_a_games_draw_plan_gives_each_cards_priority(name):
    from game.engine.draws import draw_plan, priority, repeat_priority

    rules = _shipped_rules(name)
    for seed in (0, 1, 7, 2**31 - 1, 123456789):
        plan = draw_plan(rules, seed)
        for key, index, card in plan.once:
            assert key == priority(seed, card.key, 1, True, card.weight)
        for card, base in plan.general:
            for week in range(1, rules.weeks + 1):
                weight = 1.5
                found = base / weight if card.once else repeat_priority(base, week, weight)
                assert found == priority(seed, card.key, week, card.once, weight)
        planned = [index for _, index, _ in plan.once] + [card.index for card, _ in plan.general]
        may_come = [c.index for c in rules.drawable if callable(c.weight) or c.weight > 0 or not c.once or c.core]
        assert sorted(planned) == sorted(may_come)  # every card that may come, once
