"""Resident requests: weekly decay while ignored, one escalation, expiry, closing, issuing items."""

from __future__ import annotations

import pytest
from engine_kit import act, action, directive, end, event, item, kinds, meter, request

from game.engine import END_WEEK, apply, legal, new_game

URGENCY = {
    "low": {"ignored_each_week": {"a": -0.5}, "expires_after_weeks": 2},
    "medium": {"ignored_each_week": {"a": -1}, "escalates_after_weeks": 2,
               "escalation": {"meters": {"b": 10}}},
    "high": {"ignored_each_week": {"a": "-age"}, "escalates_after_weeks": 1,
             "escalation": {"meters": {"b": 5}, "event": "hotline"}},
}
HOTLINE = event("hotline", [action("call_back"), action("template", kind="trace")], draw=False, once=False)


def rules_for(make_rules, urgency: str, weeks: int = 6, **extra):
    return make_rules(scenario={"urgency": URGENCY, "weeks": weeks}, events=[HOTLINE],
                      requests=[request("r", [action("serve", kind="service"), action("brush_off", kind="trace")],
                                        urgency=urgency, **extra)])


@pytest.mark.parametrize(("urgency", "a_by_week"), [
    ("low", [49.5, 49]),             # decays twice, then expires
    ("medium", [49, 48, 47, 46]),
    ("high", [49, 47, 44, 40]),      # decay may use the request's age
])
def test_ignored_requests_decay_each_week(make_rules, urgency, a_by_week):
    rules = rules_for(make_rules, urgency)
    state, _ = new_game(rules, 1)
    seen = []
    for _ in a_by_week:
        state, happened = end(rules, state)
        assert len(kinds(happened, "ignored")) == 1
        seen.append(meter(rules, state, "a"))
    assert seen == a_by_week


def test_a_request_own_decay_overrides_its_urgency(make_rules):
    rules = rules_for(make_rules, "medium", ignored_each_week={"b": 2})
    state, _ = new_game(rules, 1)
    state, _ = end(rules, state, 2)
    assert (meter(rules, state, "a"), meter(rules, state, "b")) == (50, 54 + 10)  # urgency escalation still applies


def test_escalation_happens_once_at_its_week(make_rules):
    rules = rules_for(make_rules, "medium")
    state, _ = new_game(rules, 1)
    state, happened = end(rules, state)
    assert kinds(happened, "escalated") == [] and meter(rules, state, "b") == 50
    state, happened = end(rules, state)
    assert [h.data["age"] for h in kinds(happened, "escalated")] == [2]
    assert meter(rules, state, "b") == 60 and item(rules, state, "r").escalated
    state, happened = end(rules, state, 3)
    assert kinds(happened, "escalated") == [] and meter(rules, state, "b") == 60
    assert state.counters["escalated"] == 1
    assert item(rules, state, "r").status == "open"  # escalated, still waiting


def test_escalation_triggers_its_event(make_rules):
    rules = rules_for(make_rules, "high")
    state, _ = new_game(rules, 1)
    state, happened = apply(rules, state, END_WEEK)
    assert [h.subject for h in kinds(happened, "escalated")] == ["r"]
    assert [rules.events[i].id for i in state.pending] == ["hotline"]
    assert [d.target for d in legal(rules, state)] == ["hotline", "hotline"]
    assert meter(rules, state, "b") == 55


@pytest.mark.parametrize(("urgency", "expires_after", "expired_in_week"), [
    ("low", None, 2),     # the urgency's default
    ("medium", 3, 3),     # the request's own
    ("medium", None, None),
])
def test_requests_expire(make_rules, urgency, expires_after, expired_in_week):
    extra = {"expires_after_weeks": expires_after} if expires_after else {}
    rules = rules_for(make_rules, urgency, **extra)
    state, _ = new_game(rules, 1)
    expired = []
    while not state.ended:
        state, happened = end(rules, state)
        expired += [h.week for h in kinds(happened, "expired")]
    assert expired == ([expired_in_week] if expired_in_week else [])
    assert item(rules, state, "r").status == ("expired" if expired_in_week else "open")


@pytest.mark.parametrize(("ref", "served"), [("r.serve", 1), ("r.brush_off", 0)])
def test_acting_on_a_request_closes_it(make_rules, ref, served):
    rules = rules_for(make_rules, "high")
    state, _ = new_game(rules, 1)
    state, _ = act(rules, state, ref)
    assert item(rules, state, "r").status == "closed"
    assert state.counters.get("served", 0) == served
    assert all(d.target != "r" for d in legal(rules, state))
    state, happened = end(rules, state, 3)
    assert kinds(happened, "ignored") == [] and kinds(happened, "escalated") == []
    assert meter(rules, state, "a") == 50


@pytest.mark.parametrize(("closes", "status"), [(False, "open"), (None, "closed")])
def test_closes_can_keep_a_request_open(make_rules, closes, status):
    extra = {} if closes is None else {"closes": closes}
    rules = make_rules(requests=[request("r", [action("look", kind="other", **extra)])])
    state, _ = new_game(rules, 1)
    state, _ = act(rules, state, "r.look")
    assert item(rules, state, "r").status == status


def test_items_arrive_by_week_condition_or_effect(make_rules):
    rules = make_rules(
        meters=[{"id": "a", "label": "A", "start": 50}, {"id": "b", "label": "B", "start": 50}],
        directives=[directive("by_week", [action("x")], arrives=2),
                    directive("by_effect", [action("x")], arrives=None, due=1)],
        requests=[request("by_condition", [action("x")], arrives=None, when="a > 50"),
                  request("trigger", [action("issue", directive="by_effect", meters={"a": 1})])],
    )
    state, _ = new_game(rules, 1)
    assert [item(rules, state, i).status for i in ("by_week", "by_effect", "by_condition")] == ["pending"] * 3
    state, happened = act(rules, state, "trigger.issue")
    assert item(rules, state, "by_effect").status == "open" and item(rules, state, "by_effect").deadline == 1
    assert item(rules, state, "by_condition").status == "pending"  # conditions are checked as a week starts
    state, happened = end(rules, state)
    assert [h.subject for h in kinds(happened, "arrived")] == ["by_week", "by_condition"]
    assert [h.subject for h in kinds(happened, "settled")] == ["by_effect"]


def test_issue_effects_bring_requests_and_directives_once(make_rules):
    rules = make_rules(
        directives=[directive("task", [action("x")], arrives=None, due=2)],
        requests=[request("asked", [action("help")], arrives=None),
                  request("desk", [action("open_case", request="asked", directive="task", closes=False,
                                          max_per_week=2)])],
    )
    state, _ = new_game(rules, 1)
    state, happened = act(rules, state, "desk.open_case")
    assert [h.subject for h in kinds(happened, "arrived")] == ["task", "asked"]
    assert (item(rules, state, "asked").status, item(rules, state, "asked").arrived) == ("open", 1)
    assert item(rules, state, "task").deadline == 2
    state, _ = act(rules, state, "asked.help")
    again, happened = act(rules, state, "desk.open_case")  # already arrived: nothing arrives again
    assert kinds(happened, "arrived") == [] and item(rules, again, "asked").status == "closed"
    assert item(rules, again, "task") == item(rules, state, "task")
