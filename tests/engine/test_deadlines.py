"""Deadlines settle on the reported ledger; veto, overrides, ledger caps and the quota floor."""

from __future__ import annotations

import pytest
from engine_kit import act, action, directive, end, item, kinds, meter, request

from game.engine import new_game

SETTLEMENT = {
    "met": {"meters": {"a": "weight"}},
    "missed": {"meters": {"b": "-weight * 2 * (1 - progress)"}},
    "veto_missed": {"meters": {"a": -30}},
}
WORK = [
    action("half", reported=5, actual=5, max_per_week=5),
    action("fake", kind="trace", reported=10, actual=0),
    action("real_unreported", actual=10, reported=0),
]


def rules_with(make_rules, settlement=SETTLEMENT, **extra):
    return make_rules(scenario={"settlement": settlement}, directives=[directive("d", WORK, weight=5, **extra)])


@pytest.mark.parametrize(("acts", "reported", "a", "b", "status"), [
    (["half", "half"], 10, 55, 50, "met"),            # exactly the quota is met
    (["half", "half", "half"], 10, 55, 50, "met"),    # the ledger is capped at the quota
    (["half"], 5, 50, 45, "missed"),                  # missed: 5 * 2 * (1 - 0.5) pressure on b
    ([], 0, 50, 40, "missed"),                        # nothing done: full penalty
    (["fake"], 10, 55, 50, "met"),                    # settled on reported, not actual
    (["real_unreported"], 0, 50, 40, "missed"),       # real work nobody reported does not count
])
def test_deadline_settles_on_reported_ledger(make_rules, acts, reported, a, b, status):
    rules = rules_with(make_rules)
    state, _ = new_game(rules, 1)
    for ref in acts:
        state, _ = act(rules, state, f"d.{ref}")
    state, _ = end(rules, state)  # week 1: the deadline is week 2
    assert item(rules, state, "d").status == "open"
    assert (meter(rules, state, "a"), meter(rules, state, "b")) == (50, 50)
    state, happened = end(rules, state)
    settled = kinds(happened, "settled")
    assert [h.subject for h in settled] == ["d"]
    assert settled[0].data["met"] is (status == "met")
    assert item(rules, state, "d").reported == reported
    assert item(rules, state, "d").status == status
    assert item(rules, state, "d").closed_by == "settled"
    assert meter(rules, state, "a") == pytest.approx(a)
    assert meter(rules, state, "b") == pytest.approx(b)


@pytest.mark.parametrize(("acts", "a", "b"), [
    (["fake"], 50, 57),       # on_met replaces settlement.met
    ([], 50, 47),             # on_missed replaces settlement.missed
])
def test_item_overrides_replace_settlement(make_rules, acts, a, b):
    rules = rules_with(make_rules, on_met={"meters": {"b": 7}}, on_missed={"meters": {"b": -3}})
    state, _ = new_game(rules, 1)
    for ref in acts:
        state, _ = act(rules, state, f"d.{ref}")
    state, _ = end(rules, state, 2)
    assert (meter(rules, state, "a"), meter(rules, state, "b")) == (a, b)


@pytest.mark.parametrize(("veto", "settlement", "overrides", "acts", "a", "b", "vetoes"), [
    (True, SETTLEMENT, {}, [], 20, 50, 1),                           # veto_missed instead of missed
    (False, SETTLEMENT, {}, [], 50, 40, 0),                          # ordinary directives never use it
    (True, SETTLEMENT, {}, ["fake"], 55, 50, 0),                     # a met veto directive is just met
    (True, SETTLEMENT, {"on_missed": {"meters": {"b": -1}}}, [], 50, 49, 1),  # the item's own override wins
    (True, {k: v for k, v in SETTLEMENT.items() if k != "veto_missed"}, {}, [], 50, 40, 1),  # no veto rule
])
def test_veto_missed_only_for_veto_directives(make_rules, veto, settlement, overrides, acts, a, b, vetoes):
    rules = rules_with(make_rules, settlement, veto=veto, **overrides)
    state, _ = new_game(rules, 1)
    for ref in acts:
        state, _ = act(rules, state, f"d.{ref}")
    state, happened = end(rules, state, 2)
    assert kinds(happened, "settled")[0].data["veto"] is veto
    assert (meter(rules, state, "a"), meter(rules, state, "b")) == (a, b)
    assert state.counters.get("vetoes_missed", 0) == vetoes


def test_settlement_expressions_see_the_ledger_before_settling(make_rules):
    settlement = {"met": {"meters": {"a": "quota + reported / 10 + actual"}},
                  "missed": {"meters": {"b": "-(quota - reported) - weeks_left"}}}
    rules = make_rules(scenario={"settlement": settlement}, directives=[
        directive("met_one", [action("go", reported=20, actual=3)], quota=20, weight=2),
        directive("missed_one", [action("go", reported=6)], quota=10, due=1),
    ])
    state, _ = new_game(rules, 1)
    state, _ = act(rules, state, "met_one.go")
    state, _ = act(rules, state, "missed_one.go")
    state, _ = end(rules, state)
    assert meter(rules, state, "b") == 50 - 4  # deadline week 1: weeks_left 0
    state, _ = end(rules, state)
    assert meter(rules, state, "a") == 50 + 20 + 2 + 3


@pytest.mark.parametrize(("steps", "quota", "reported", "actual"), [
    (["up"], 10, 10, 10),                      # +12 capped at the quota
    (["down"], 10, 0, 0),                      # never below zero
    (["up", "cut"], 4, 4, 4),                  # a cut quota caps what is already reported
    (["cut", "cut", "cut"], 1, 0, 0),          # the quota never goes below 1
    (["raise", "up"], 15, 12, 12),
    (["cut_expr"], 7.5, 0, 0),                 # quota change as an expression of the ledger
])
def test_ledgers_are_capped_and_quota_has_a_floor(make_rules, steps, quota, reported, actual):
    rules = make_rules(directives=[directive("d", [
        action("up", reported=12, actual=12, max_per_week=3),
        action("down", reported=-5, actual=-5),
        action("cut", kind="feedback", quota=-6, max_per_week=3),
        action("raise", quota=5),
        action("cut_expr", kind="feedback", quota="-quota / 4"),
    ], quota=10)])
    state, _ = new_game(rules, 1)
    for ref in steps:
        state, _ = act(rules, state, f"d.{ref}")
    got = item(rules, state, "d")
    assert (got.quota, got.reported, got.actual) == (quota, reported, actual)


def test_progress_changes_named_directives_only_while_open(make_rules):
    rules = make_rules(directives=[
        directive("first", [action("help", progress=[{"directive": "second", "reported": 3, "actual": 1},
                                                     {"directive": "later", "reported": 3}], max_per_week=2)]),
        directive("second", [action("x")]),
        directive("later", [action("x")], arrives=3),
    ])
    state, _ = new_game(rules, 1)
    state, _ = act(rules, state, "first.help")
    state, _ = act(rules, state, "first.help")
    assert (item(rules, state, "second").reported, item(rules, state, "second").actual) == (6, 2)
    assert item(rules, state, "first").reported == 0
    assert item(rules, state, "later").reported == 0 and item(rules, state, "later").status == "pending"


def test_deadline_comes_from_arrival_week(make_rules):
    rules = make_rules(directives=[directive("d", [action("x")], arrives=2, due=3)])
    state, _ = new_game(rules, 1)
    assert item(rules, state, "d").status == "pending"
    state, _ = end(rules, state)
    assert (item(rules, state, "d").arrived, item(rules, state, "d").deadline) == (2, 4)
    state, happened = end(rules, state, 2)
    assert kinds(happened, "settled") == [] and item(rules, state, "d").status == "open"
    state, happened = end(rules, state)
    assert [h.week for h in kinds(happened, "settled")] == [4]


def test_a_directive_issued_as_a_week_ends_still_settles(make_rules):
    """An escalation issues a one-week directive after this week's deadlines were settled: it must settle
    at the next week's end rather than stay open for ever."""
    rules = make_rules(
        scenario={"settlement": SETTLEMENT},
        directives=[directive("follow_up", [action("fake", kind="trace", reported=10)], arrives=None, due=1)],
        requests=[request("r", [action("x")], escalates_after_weeks=1, escalation={"directive": "follow_up"})],
    )
    state, _ = new_game(rules, 1)
    state, _ = end(rules, state)
    assert item(rules, state, "follow_up").status == "open"
    state, happened = end(rules, state)
    assert [(h.subject, h.week) for h in kinds(happened, "settled")] == [("follow_up", 2)]
    assert item(rules, state, "follow_up").status == "missed"
