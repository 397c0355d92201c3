"""What locks an option (requires, costs, uses, hours), hour modifiers, and refusing what is not offered."""

from __future__ import annotations

import pytest
from engine_kit import act, action, end, meter, request

from game.engine import END_WEEK, Decision, IllegalDecision, apply, legal, new_game, options

METERS = [{"id": "a", "label": "A", "start": 50}, {"id": "b", "label": "B", "start": 50},
          {"id": "money", "label": "Money", "start": 5, "range": [0, 20]}]


def option(rules, state, name: str):
    [found] = [o for o in options(rules, state) if o.decision.option == name]
    return found


def lock_rules(make_rules, hours_per_week=10):
    return make_rules(scenario={"hours_per_week": hours_per_week}, meters=METERS, requests=[request("r", [
        action("gated", requires="a > 60", locked_reason="Not yet.", closes=False, hours=0),
        action("raise_a", kind="other", meters={"a": 20}, closes=False, hours=0),
        action("pricey", costs={"money": 6}, closes=False, hours=0),
        action("exact", costs={"money": 5}, closes=False, hours=0),
        action("priced_by_a", costs={"money": "a / 10"}, closes=False, hours=0),
        action("twice", max_per_week=2, closes=False, hours=0),
        action("thrice_ever", max_total=3, max_per_week=5, closes=False, hours=0),
        action("long", hours=8, closes=False, max_per_week=5),
    ])])


def test_requires_locks_with_the_authors_reason(make_rules):
    rules = lock_rules(make_rules)
    state, _ = new_game(rules, 1)
    gated = option(rules, state, "gated")
    assert gated.locked == "requires" and not gated.available
    assert gated.action.model.locked_reason == "Not yet."
    with pytest.raises(IllegalDecision, match="requires"):
        act(rules, state, "r.gated")
    state, _ = act(rules, state, "r.raise_a")
    assert option(rules, state, "gated").available
    act(rules, state, "r.gated")


@pytest.mark.parametrize(("name", "locked", "money_after"), [
    ("pricey", "costs", None),        # 6 > 5: would go below the range
    ("exact", "", 0),                 # spending down to the bottom is allowed
    ("priced_by_a", "", 0),           # a / 10 = 5
])
def test_costs_lock_what_cannot_be_afforded(make_rules, name, locked, money_after):
    rules = lock_rules(make_rules)
    state, _ = new_game(rules, 1)
    found = option(rules, state, name)
    assert found.locked == locked
    assert found.costs == {"money": 6 if name == "pricey" else 5}
    if locked:
        with pytest.raises(IllegalDecision, match="costs"):
            act(rules, state, f"r.{name}")
        assert found.decision not in legal(rules, state)
    else:
        state, happened = act(rules, state, f"r.{name}")
        assert meter(rules, state, "money") == money_after
        assert happened[0].data["costs"] == {"money": 5}


def test_max_per_week_and_max_total(make_rules):
    rules = lock_rules(make_rules)
    state, _ = new_game(rules, 1)
    for _ in range(2):
        state, _ = act(rules, state, "r.twice")
        state, _ = act(rules, state, "r.thrice_ever")
    assert option(rules, state, "twice").locked == "used_this_week"
    assert option(rules, state, "thrice_ever").available
    state, _ = end(rules, state)
    assert option(rules, state, "twice").available
    state, _ = act(rules, state, "r.thrice_ever")
    assert option(rules, state, "thrice_ever").locked == "used_up"
    with pytest.raises(IllegalDecision, match="used_up"):
        act(rules, state, "r.thrice_ever")
    state, _ = end(rules, state)
    assert option(rules, state, "thrice_ever").locked == "used_up"


def test_hours_lock_and_are_spent(make_rules):
    rules = lock_rules(make_rules, hours_per_week="5 + a / 5")  # 15 hours at a = 50
    state, _ = new_game(rules, 1)
    assert (state.hours_week, state.hours_left) == (15, 15)
    state, _ = act(rules, state, "r.long")
    assert state.hours_left == 7 and option(rules, state, "long").locked == "hours"
    with pytest.raises(IllegalDecision, match="hours"):
        act(rules, state, "r.long")
    state, _ = act(rules, state, "r.raise_a")
    assert state.hours_left == 7  # the week's hours are fixed as it starts
    state, _ = end(rules, state)
    assert state.hours_week == state.hours_left == 19


MODIFIER_ACTIONS = [
    action("trace_x", kind="trace", hours=4, closes=False),
    action("service_x", kind="service", hours=4, closes=False, tags=["desk"]),
    action("free", kind="other", hours=0, closes=False),
    action("scaled", kind="other", hours="a / 10", closes=False),
]


@pytest.mark.parametrize(("modifiers", "hours"), [
    ([], {"trace_x": 4, "service_x": 4, "free": 0, "scaled": 5, "other_trace": 4}),
    ([{"kinds": ["trace"], "hours_factor": 0.5}], {"trace_x": 2, "service_x": 4, "free": 0, "scaled": 5,
                                                   "other_trace": 2}),
    ([{"hours": 1}], {"trace_x": 5, "service_x": 5, "free": 1, "scaled": 6, "other_trace": 5}),
    ([{"items": ["r"], "hours": -10}], {"trace_x": 0, "service_x": 0, "free": 0, "scaled": 0, "other_trace": 4}),
    ([{"hours": 2, "hours_factor": 0.5}], {"trace_x": 3, "service_x": 3, "free": 1, "scaled": 3.5,
                                           "other_trace": 3}),
    ([{"kinds": ["trace"], "hours_factor": 0.5}, {"items": ["r"], "hours_factor": 0.5, "hours": 1}],
     {"trace_x": 1.25, "service_x": 2.5, "free": 0.5, "scaled": 3, "other_trace": 2}),
    ([{"when": "a > 90", "hours": 5}], {"trace_x": 4, "service_x": 4, "free": 0, "scaled": 5, "other_trace": 4}),
    # tags select actions by their own tags or their item's
    ([{"tags": ["desk"], "hours_factor": 0.5}], {"trace_x": 4, "service_x": 2, "free": 0, "scaled": 5,
                                                 "other_trace": 4}),
    ([{"tags": ["office", "desk"], "hours": 1}], {"trace_x": 4, "service_x": 5, "free": 0, "scaled": 5,
                                                   "other_trace": 5}),
    ([{"tags": ["office"], "kinds": ["service"], "hours": 1}], {"trace_x": 4, "service_x": 4, "free": 0,
                                                                 "scaled": 5, "other_trace": 4}),
])
def test_hour_modifiers(make_rules, modifiers, hours):
    rules = make_rules(
        requests=[request("r", MODIFIER_ACTIONS), request("other", [action("other_trace", kind="trace", hours=4)], tags=["office"])],
        modifiers=[{"id": f"m{i}", "label": "m", "when": "true", **m} for i, m in enumerate(modifiers)])
    state, _ = new_game(rules, 1)
    assert {o.decision.option: o.hours for o in options(rules, state) if o.action} == hours
    state, _ = act(rules, state, "r.trace_x")
    assert state.hours_left == 40 - hours["trace_x"]
    assert state.kind_hours == {"trace": hours["trace_x"]}


@pytest.mark.parametrize("decision", [
    Decision("act", "r", "nope"),
    Decision("act", "nope", "gated"),
    Decision("act", "", ""),
    Decision("choose", "r", "gated"),
    Decision("act", "r", "gated"),       # locked
    Decision("fly", "r", "raise_a"),
    Decision("end_week", "r", "raise_a"),
    Decision("end_week", "", "x"),
])
def test_decisions_not_offered_are_refused(make_rules, decision):
    rules = lock_rules(make_rules)
    state, _ = new_game(rules, 1)
    assert decision not in legal(rules, state)
    with pytest.raises(IllegalDecision):
        apply(rules, state, decision)


def test_nothing_is_legal_once_the_game_is_over(make_rules):
    rules = lock_rules(make_rules)
    state, _ = new_game(rules, 1)
    state, _ = end(rules, state, 4)
    assert state.ended == "fallback"
    assert legal(rules, state) == [] and options(rules, state) == []
    with pytest.raises(IllegalDecision, match="over"):
        apply(rules, state, END_WEEK)


def test_hours_from_an_expression_are_never_negative(make_rules):
    rules = make_rules(requests=[request("r", [action("odd", hours="a - 60", closes=False)])])
    state, _ = new_game(rules, 1)
    assert option(rules, state, "odd").hours == 0
    state, _ = act(rules, state, "r.odd")
    assert state.hours_left == state.hours_week == 40


def test_the_fixture_reform_speeds_only_tagged_service():
    """mini-town's one form cuts honest work on its reporting item only, never traces (issue 10)."""
    from pathlib import Path

    from game.engine import Rules
    from game.engine.actions import active_modifiers, hours_for
    from game.scenario import load_scenario

    rules = Rules(load_scenario(Path(__file__).resolve().parents[1] / "fixtures" / "scenarios" / "mini-town"))
    state, _ = new_game(rules, 1)
    state.flags.add("one_form")
    active = active_modifiers(rules, state)
    assert [m.id for m in active] == ["one_form_saves_time"]
    changed = {a.ref: (hours_for(rules, state, a, []), hours_for(rules, state, a, active)) for a in rules.actions}
    assert {ref: pair for ref, pair in changed.items() if pair[0] != pair[1]} == {"form_merge.verify": (8, 4.8)}
