"""How games end: meter thresholds at once, `end_game` effects, and the final ending by priority."""

from __future__ import annotations

import pytest
from engine_kit import act, action, directive, end, kinds, request

from game.engine import END_WEEK, apply, legal, new_game, outcome

METERS = [
    {"id": "a", "label": "A", "start": 50, "ends_game_at": {"min": "a_low", "max": "a_high"}},
    {"id": "b", "label": "B", "start": 50, "ends_game_at": {"min": "b_low"}},
]
ENDINGS = [
    {"id": "a_low", "title": "t", "text": "t", "priority": 5},
    {"id": "a_high", "title": "t", "text": "t", "priority": 5},
    {"id": "b_low", "title": "t", "text": "t", "priority": 9},
    {"id": "walked_out", "title": "t", "text": "t"},
    {"id": "good", "title": "t", "text": "t", "when": "a >= 70", "priority": 20},
    {"id": "great", "title": "t", "text": "t", "when": "a >= 90", "priority": 30},
    {"id": "tie_first", "title": "t", "text": "t", "when": "b >= 70", "priority": 10},
    {"id": "tie_second", "title": "t", "text": "t", "when": "b >= 70", "priority": 10},
    {"id": "fallback", "title": "t", "text": "t"},
]
MOVES = [action(name, kind="other", hours=0, closes=False, max_per_week=5, meters=meters) for name, meters in [
    ("a_to_0", {"a": -100}), ("a_to_100", {"a": 100}), ("both_to_0", {"a": -100, "b": -100}),
    ("a_to_1", {"a": -49}), ("a_up_25", {"a": 25}), ("a_up_45", {"a": 45}), ("b_up_25", {"b": 25}),
]] + [action("quit", kind="other", end_game="walked_out", meters={"a": 5}, closes=False),
      action("quit_later", kind="other", later=[{"in_weeks": 1, "end_game": "walked_out"}], closes=False)]


def ending_rules(make_rules, weeks=3, **sections):
    sections.setdefault("requests", [request("r", MOVES)])
    return make_rules(scenario={"weeks": weeks, **sections.pop("scenario", {})}, meters=METERS, endings=ENDINGS,
                      **sections)


def ended_happenings(happened):
    return [(h.subject, h.data["reason"]) for h in kinds(happened, "ended")]


@pytest.mark.parametrize(("refs", "ending"), [
    (["r.a_to_0"], "a_low"),
    (["r.a_to_100"], "a_high"),
    (["r.both_to_0"], "b_low"),             # two thresholds at once: the higher priority wins
    (["r.a_to_1", "r.a_to_0"], "a_low"),
])
def test_thresholds_end_the_game_at_once(make_rules, refs, ending):
    rules = ending_rules(make_rules)
    state, _ = new_game(rules, 1)
    for ref in refs[:-1]:
        state, _ = act(rules, state, ref)
        assert not state.ended
    state, happened = act(rules, state, refs[-1])
    assert (state.ended, state.end_reason, state.week) == (ending, "threshold", 1)
    assert ended_happenings(happened) == [(ending, "threshold")]
    assert legal(rules, state) == []
    assert outcome(rules, state).ending == ending


def test_thresholds_at_week_start_and_end(make_rules):
    rules = ending_rules(make_rules, scenario={"weekly": [{"effect": {"meters": {"a": -30}}}]})
    state, _ = new_game(rules, 1)
    assert not state.ended
    state, happened = apply(rules, state, END_WEEK)  # week 2 starts: a 20 - 30
    assert (state.ended, state.week) == ("a_low", 2)
    assert ended_happenings(happened) == [("a_low", "threshold")]
    rules = ending_rules(make_rules, requests=[request("r", [action("x")], ignored_each_week={"b": -50})])
    state, happened = apply(rules, new_game(rules, 1)[0], END_WEEK)
    assert (state.ended, state.week) == ("b_low", 1)


@pytest.mark.parametrize(("refs", "ending"), [
    ([], "fallback"),
    (["r.a_up_25"], "good"),
    (["r.a_up_45"], "great"),                    # both conditions hold: the higher priority wins
    (["r.b_up_25"], "tie_first"),                # equal priority: the first declared wins
    (["r.b_up_25", "r.a_up_25"], "good"),
])
def test_final_ending_by_priority_and_fallback(make_rules, refs, ending):
    rules = ending_rules(make_rules)
    state, _ = new_game(rules, 1)
    for ref in refs:
        state, _ = act(rules, state, ref)
    state, happened = end(rules, state, 2)
    assert not state.ended and state.week == 3
    state, happened = apply(rules, state, END_WEEK)
    assert (state.ended, state.end_reason, state.week) == (ending, "final", 3)
    assert ended_happenings(happened) == [(ending, "final")]


def test_end_game_effect_ends_at_once(make_rules):
    rules = ending_rules(make_rules)
    state, _ = new_game(rules, 1)
    state, happened = act(rules, state, "r.quit")
    assert (state.ended, state.end_reason) == ("walked_out", "effect")
    assert ended_happenings(happened) == [("walked_out", "effect")]
    assert legal(rules, state) == []


def test_end_game_from_a_delayed_effect_ends_as_the_week_starts(make_rules):
    rules = ending_rules(make_rules, scenario={"events_per_week": 1}, events=[
        {"id": "card", "title": "t", "text": "t", "choices": [action("x"), action("y")]}])
    state, _ = new_game(rules, 1)
    state, _ = end(rules, state)   # answers week 1's card
    state, _ = act(rules, state, "r.quit_later")
    state, happened = apply(rules, state, END_WEEK)
    assert (state.ended, state.end_reason, state.week) == ("walked_out", "effect", 3)
    assert ended_happenings(happened) == [("walked_out", "effect")]
    assert state.pending == [] and kinds(happened, "event_drawn") == []  # nothing more happens that week


def test_end_game_from_a_settlement(make_rules):
    rules = ending_rules(make_rules, directives=[directive("d", [action("x")], due=1,
                                                           on_missed={"end_game": "walked_out"})])
    state, happened = apply(rules, new_game(rules, 1)[0], END_WEEK)
    assert (state.ended, state.end_reason, state.week) == ("walked_out", "effect", 1)
    assert ended_happenings(happened) == [("walked_out", "effect")]


@pytest.mark.parametrize("weeks", [1, 2, 5])
def test_the_game_ends_after_the_last_week(make_rules, weeks):
    rules = ending_rules(make_rules, weeks=weeks)
    state, _ = new_game(rules, 1)
    for week in range(1, weeks + 1):
        assert (state.week, state.ended) == (week, "")
        state, _ = apply(rules, state, END_WEEK)
    assert state.ended == "fallback" and state.week == weeks
    assert len(state.history) == weeks + 1
