"""Effects: delayed (`later`, `unless`, chance), probabilistic (chance/then/otherwise), flags, end_game."""

from __future__ import annotations

import pytest
from engine_kit import act, action, directive, end, event, item, kinds, meter, request

from game.engine import END_WEEK, apply, legal, new_game, options


def later_rules(make_rules, later: dict, weeks: int = 6):
    return make_rules(scenario={"weeks": weeks}, requests=[request(
        "r", [action("go", later=[later], closes=False, max_total=1), action("guard", kind="other", set=["guard"],
                                                                            closes=False)])])


def a_by_week(rules, state, weeks: int) -> list[float]:
    seen = []
    for _ in range(weeks):
        state, _ = end(rules, state)
        seen.append(meter(rules, state, "a"))
    return seen


@pytest.mark.parametrize(("later", "expected"), [
    ({"in_weeks": 1, "meters": {"a": 5}}, [55, 55, 55]),
    ({"in_weeks": 2, "meters": {"a": 5}}, [50, 55, 55]),
    ({"in_weeks": 3, "meters": {"a": 5}}, [50, 50, 55]),
    ({"in_weeks": 2, "meters": {"a": 5}, "chance": 0}, [50, 50, 50]),
    ({"in_weeks": 2, "meters": {"a": 5}, "chance": 1}, [50, 55, 55]),
    ({"in_weeks": 2, "meters": {"a": "turn"}}, [50, 53, 53]),  # values are computed when it fires (week 3)
    ({"in_weeks": 2, "meters": {"a": 5}, "unless": "b > 60"}, [50, 55, 55]),
])
def test_later_fires_at_its_week(make_rules, later, expected):
    rules = later_rules(make_rules, later)
    state, _ = new_game(rules, 1)
    rng = state.rng
    state, _ = act(rules, state, "r.go")
    assert a_by_week(rules, state, 3) == expected
    assert state.rng == rng  # no random number for certain or impossible outcomes


def test_later_is_dropped_when_unless_holds_when_due(make_rules):
    rules = later_rules(make_rules, {"in_weeks": 2, "meters": {"a": 5}, "unless": "flag.guard"})
    state, _ = new_game(rules, 1)
    state, _ = act(rules, state, "r.go")
    state, _ = end(rules, state)
    state, _ = act(rules, state, "r.guard")  # week 2: the guard is set before the effect is due (week 3)
    state, happened = end(rules, state, 2)
    assert meter(rules, state, "a") == 50 and kinds(happened, "delayed") == []
    assert state.scheduled == []


def test_later_reports_delayed_happening_and_message(make_rules):
    rules = later_rules(make_rules, {"in_weeks": 1, "meters": {"a": 5}, "message": "It came back."})
    state, _ = new_game(rules, 1)
    state, _ = act(rules, state, "r.go")
    state, happened = apply(rules, state, END_WEEK)
    assert [h.subject for h in kinds(happened, "delayed")] == ["r.go"]
    [effect] = [h for h in kinds(happened, "effect") if h.subject == "r.go"]
    assert effect.data["message"] == "It came back." and effect.data["meters"] == {"a": 5}


def test_laters_past_the_last_week_never_fire(make_rules):
    rules = later_rules(make_rules, {"in_weeks": 5, "meters": {"a": 5}}, weeks=3)
    state, _ = new_game(rules, 1)
    state, _ = act(rules, state, "r.go")
    state, happened = end(rules, state, 3)
    assert state.ended and kinds(happened, "delayed") == [] and meter(rules, state, "a") == 50


def test_chance_laters_are_seeded(make_rules):
    rules = later_rules(make_rules, {"in_weeks": 1, "meters": {"a": 5}, "chance": 0.5})

    def fired(seed: int) -> bool:
        state, _ = new_game(rules, seed)
        state, _ = act(rules, state, "r.go")
        state, _ = end(rules, state)
        return meter(rules, state, "a") == 55

    results = [fired(seed) for seed in range(30)]
    assert results == [fired(seed) for seed in range(30)]
    assert 5 < sum(results) < 25


def chance_rules(make_rules, chance):
    return make_rules(directives=[directive("d", [action(
        "gamble", kind="delegate", chance=chance, meters={"b": 1},
        then={"meters": {"a": 10}, "reported": 4}, otherwise={"meters": {"a": -10}, "actual": 2})])])


@pytest.mark.parametrize(("chance", "a", "ledgers", "rolled"), [
    (1, 60, (4, 0), False),
    (0, 40, (0, 2), False),
    ("1 if b > 50 else 0", 60, (4, 0), False),  # the chance sees the action's own effect (b 51)
    ("0 if reported < 1 else 1", 40, (0, 2), False),
])
def test_probabilistic_effects_with_certain_chances(make_rules, chance, a, ledgers, rolled):
    rules = chance_rules(make_rules, chance)
    state, _ = new_game(rules, 1)
    before = state.rng
    state, happened = act(rules, state, "d.gamble")
    assert meter(rules, state, "a") == a and meter(rules, state, "b") == 51
    assert (item(rules, state, "d").reported, item(rules, state, "d").actual) == ledgers
    assert [h.data["success"] for h in kinds(happened, "roll")] == [a == 60]
    assert (state.rng != before) is rolled


def test_probabilistic_effects_are_seeded(make_rules):
    rules = chance_rules(make_rules, 0.5)
    outcomes = []
    for seed in range(30):
        state, _ = new_game(rules, seed)
        state, _ = act(rules, state, "d.gamble")
        outcomes.append(meter(rules, state, "a"))
        assert state.rng != new_game(rules, seed)[0].rng
    assert set(outcomes) == {40, 60}
    again = [meter(rules, act(rules, new_game(rules, s)[0], "d.gamble")[0], "a") for s in range(30)]
    assert outcomes == again


def test_flags_set_and_clear_drive_conditions(make_rules):
    rules = make_rules(scenario={"start_flags": ["start"]}, requests=[request("r", [
        action("open_door", kind="reform", set=["door"], clear=["start"], closes=False),
        action("walk_in", requires="flag.door and not flag.start", closes=False, meters={"a": 1}),
        action("close_door", kind="other", clear=["door"], closes=False),
    ])], modifiers=[{"id": "fast", "label": "fast", "when": "flag.door", "hours_factor": 0}])
    state, _ = new_game(rules, 1)
    assert state.flags == {"start"}
    walk = [o for o in options(rules, state) if o.decision.option == "walk_in"][0]
    assert walk.locked == "requires" and walk.hours == 1
    state, _ = act(rules, state, "r.open_door")
    assert state.flags == {"door"}
    walk = [o for o in options(rules, state) if o.decision.option == "walk_in"][0]
    assert walk.available and walk.hours == 0  # a modifier's condition reads flags too
    state, _ = act(rules, state, "r.walk_in")
    state, _ = act(rules, state, "r.close_door")
    assert state.flags == set()
    assert "walk_in" not in {d.option for d in legal(rules, state)}


def test_an_effect_can_trigger_an_event(make_rules):
    rules = make_rules(requests=[request("r", [action("call", event="visit")])],
                       events=[event("visit", [action("yes", meters={"a": 1}), action("no")], draw=False)])
    state, _ = new_game(rules, 1)
    state, _ = act(rules, state, "r.call")
    assert [rules.events[i].id for i in state.pending] == ["visit"]
    assert {d.kind for d in legal(rules, state)} == {"choose"}
    state, _ = act(rules, state, "visit.yes")
    assert state.pending == [] and meter(rules, state, "a") == 51
