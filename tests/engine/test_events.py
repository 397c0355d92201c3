"""Event cards: which are drawn (once, cooldown, weights, draw: false, per week) and answering them."""

from __future__ import annotations

from collections import Counter

import pytest
from engine_kit import action, end, event, kinds, meter, request

from game.engine import END_WEEK, Decision, IllegalDecision, apply, legal, new_game, options

TWO = [action("yes"), action("no", kind="other")]


def drawn_by_week(rules, seed: int) -> list[list[str]]:
    """Event ids drawn each week of one game, answering every card with its first legal choice."""
    state, happened = new_game(rules, seed)
    weeks = [[h.subject for h in kinds(happened, "event_drawn")]]
    while not state.ended:
        state, happened = end(rules, state)
        if not state.ended:
            weeks.append([h.subject for h in kinds(happened, "event_drawn")])
    return weeks


def event_rules(make_rules, events, weeks=10, per_week=1):
    return make_rules(scenario={"weeks": weeks, "events_per_week": per_week}, events=events)


def test_never_drawn_by_chance(make_rules):
    rules = event_rules(make_rules, [
        event("normal", TWO, once=False),
        event("zero", TWO, weight=0, once=False),
        event("triggered_only", TWO, draw=False, once=False),
        event("late", TWO, when="turn >= 3", once=False),
    ], per_week=3)
    for seed in range(10):
        weeks = drawn_by_week(rules, seed)
        assert len(weeks) == 10
        assert all(sorted(w) == (["normal"] if i < 2 else ["late", "normal"]) for i, w in enumerate(weeks))


@pytest.mark.parametrize(("once", "cooldown", "weeks_drawn"), [
    (True, 0, [1]),
    (False, 0, list(range(1, 11))),
    (False, 1, [1, 3, 5, 7, 9]),
    (False, 2, [1, 4, 7, 10]),
    (True, 2, [1]),
])
def test_once_and_cooldown(make_rules, once, cooldown, weeks_drawn):
    rules = event_rules(make_rules, [event("card", TWO, once=once, cooldown=cooldown)])
    weeks = drawn_by_week(rules, 7)
    assert [i + 1 for i, w in enumerate(weeks) if w] == weeks_drawn


def test_weights_set_how_often_a_card_is_drawn(make_rules):
    rules = event_rules(make_rules, [
        event("common", TWO, weight=3, once=False),
        event("rare", TWO, weight=1, once=False),
        event("later_common", TWO, weight="4 if turn >= 6 else 0", once=False),
    ])
    early: Counter[str] = Counter()
    late: Counter[str] = Counter()
    for seed in range(60):
        for week, drawn in enumerate(drawn_by_week(rules, seed), start=1):
            assert len(drawn) == 1
            (early if week < 6 else late).update(drawn)
    assert early["later_common"] == 0
    assert 2.2 < early["common"] / early["rare"] < 4.0  # 3 : 1 over 300 draws
    assert late["later_common"] > late["common"] > late["rare"] > 0  # 4 : 3 : 1


@pytest.mark.parametrize(("per_week", "count"), [(0, 0), (1, 1), (2, 2), (5, 3), ("2 if turn == 1 else 0", 2)])
def test_events_per_week(make_rules, per_week, count):
    rules = event_rules(make_rules, [event(f"e{i}", TWO) for i in range(3)], weeks=1, per_week=per_week)
    state, happened = new_game(rules, 3)
    drawn = [h.subject for h in kinds(happened, "event_drawn")]
    assert len(drawn) == len(set(drawn)) == count
    assert [rules.events[i].id for i in state.pending] == drawn


def test_a_waiting_card_must_be_answered_first(make_rules):
    rules = make_rules(events=[event("card", TWO)], requests=[request("r", [action("x")])],
                       scenario={"events_per_week": 1})
    state, _ = new_game(rules, 1)
    assert legal(rules, state) == [Decision("choose", "card", "yes"), Decision("choose", "card", "no")]
    assert [o.decision for o in options(rules, state)] == legal(rules, state)
    for refused in (END_WEEK, Decision("act", "r", "x"), Decision("choose", "card", "maybe"),
                    Decision("choose", "other", "yes")):
        with pytest.raises(IllegalDecision):
            apply(rules, state, refused)
    state, happened = apply(rules, state, Decision("choose", "card", "no"))
    assert state.pending == [] and [h.subject for h in kinds(happened, "chose")] == ["card.no"]
    assert state.took == {"card.no": 1} and state.kind_counts == {"other": 1}
    assert Decision("act", "r", "x") in legal(rules, state)


UNAFFORDABLE = [
    ("hours", [action("long", hours=100), action("longer", hours=200)], ["long", "longer"]),
    ("costs", [action("dear", costs={"a": 80}), action("dearer", hours=50, costs={"a": 90})], ["dear", "dearer"]),
    ("requires", [action("never", requires="a > 99"), action("nor", requires="b > 99")], ["never", "nor"]),
    # relax only as far as needed: hours before costs before requires
    ("mixed", [action("gated", requires="a > 99"), action("long", hours=100), action("dear", costs={"a": 80})],
     ["long"]),
    ("mixed_costs", [action("gated", requires="a > 99"), action("dear", hours=100, costs={"a": 80})], ["dear"]),
    ("one_fine", [action("long", hours=100), action("fine", hours=1)], ["fine"]),
]


@pytest.mark.parametrize(("name", "choices", "answers"), UNAFFORDABLE, ids=[u[0] for u in UNAFFORDABLE])
def test_a_card_can_always_be_answered(make_rules, name, choices, answers):
    rules = make_rules(scenario={"events_per_week": 1, "hours_per_week": 10}, events=[event("card", choices)])
    state, _ = new_game(rules, 1)
    assert [d.option for d in legal(rules, state)] == answers
    assert [o.decision.option for o in options(rules, state) if o.available] == answers
    for answer in answers:
        after, _ = apply(rules, state, Decision("choose", "card", answer))
        assert after.hours_left >= 0 and 0 <= meter(rules, after, "a") <= 100
        assert after.pending == []
    for locked in {c["id"] for c in choices} - set(answers):
        with pytest.raises(IllegalDecision):
            apply(rules, state, Decision("choose", "card", locked))


def test_an_unaffordable_answer_spends_what_there_is(make_rules):
    rules = make_rules(scenario={"events_per_week": 1, "hours_per_week": 10},
                       events=[event("card", [action("dear", hours=30, costs={"a": 80}), action("dearer", hours=40,
                                                                                                costs={"a": 90})])])
    state, _ = new_game(rules, 1)
    state, happened = apply(rules, state, Decision("choose", "card", "dear"))
    assert (state.hours_left, meter(rules, state, "a")) == (0, 0)
    assert kinds(happened, "chose")[0].data["hours"] == 10  # only the hours that were left are counted
    assert state.kind_hours == {"service": 10}
