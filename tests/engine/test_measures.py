"""Ledger measures: weighted means of per-directive ratios, so a quota's unit count never decides its weight."""

from __future__ import annotations

import pytest
from engine_kit import act, action, directive

from game.engine import new_game
from game.engine.context import gap_share, idle_index, share

# A headcount drive with a huge quota next to a small item that weighs more in the assessment, and a veto.
DIRECTIVES = [
    directive("big", [action("fake", kind="trace", reported=6000), action("real", reported=3000, actual=3000),
                      action("shelve", kind="set_aside", closes=True)], quota=6000, weight=2),
    directive("small", [action("fake", kind="trace", reported=4), action("real", reported=4, actual=4),
                        action("shelve", kind="set_aside", closes=True)], quota=4, weight=6),
    directive("veto", [action("fake", kind="trace", reported=10), action("real", reported=10, actual=10)],
              quota=10, weight=1, veto=True),  # weighs 1 x 2
]


@pytest.mark.parametrize(("acts", "idle", "reported", "actual"), [
    ([], 0.0, 0.0, 0.0),
    (["big.fake"], 1.0, 2 / 10, 0.0),                         # only the big one reported: all of it unbacked
    (["small.fake"], 1.0, 6 / 10, 0.0),
    (["big.fake", "small.real"], 2 / 8, 8 / 10, 6 / 10),      # the 6,000 units weigh 2, not 99.9%
    (["big.real", "small.fake"], 6 / 8, (1 + 6) / 10, 1 / 10),
    (["big.real", "small.real", "veto.fake"], 2 / 10, 1.0 - 0.5 * 2 / 10, (1 + 6) / 10),
    (["big.shelve", "small.real"], 0.0, 6 / 10, 6 / 10),     # shelved: counted at what residents got (nothing)
])
def test_measures_are_weighted_means_of_ratios(make_rules, acts, idle, reported, actual):
    rules = make_rules(directives=DIRECTIVES)
    state, _ = new_game(rules, 1)
    for ref in acts:
        state, _ = act(rules, state, ref)
    assert idle_index(rules, state) == pytest.approx(idle)
    assert share(rules, state, "reported") == pytest.approx(reported)
    assert share(rules, state, "actual") == pytest.approx(actual)


def test_unit_counts_do_not_decide_weight(make_rules):
    """Faking the small heavy item idles more than faking the huge light one (issue 10, point 1)."""
    rules = make_rules(directives=DIRECTIVES)
    state, _ = new_game(rules, 1)
    fake_big, _ = act(rules, state, "big.fake")
    fake_big, _ = act(rules, fake_big, "small.real")
    fake_small, _ = act(rules, state, "big.real")
    fake_small, _ = act(rules, fake_small, "small.fake")
    assert idle_index(rules, fake_small) > idle_index(rules, fake_big)
    assert gap_share(rules, fake_small) > gap_share(rules, fake_big)


def test_zero_weights_count_equally(make_rules):
    rules = make_rules(directives=[directive("x", [action("fake", kind="trace", reported=10)], weight=0),
                                   directive("y", [action("real", reported=10, actual=10)], weight=0)])
    state, _ = new_game(rules, 1)
    state, _ = act(rules, state, "x.fake")
    state, _ = act(rules, state, "y.real")
    assert idle_index(rules, state) == pytest.approx(0.5)


def test_chance_rolls_are_counted_by_kind(make_rules):
    """tried:KIND and won:KIND count chance actions (the feedback channel's answer rate, finding A1)."""
    rules = make_rules(directives=[directive("d", [
        action("ask", kind="feedback", chance=1, max_per_week=5, then={"quota": -1}),
        action("hope", kind="feedback", chance=0, max_per_week=5),
        action("work", reported=1, actual=1, max_per_week=5)])])
    state, _ = new_game(rules, 1)
    for ref in ("d.ask", "d.hope", "d.hope", "d.work"):
        state, _ = act(rules, state, ref)
    assert state.counters == {"tried:feedback": 3, "won:feedback": 1}
    from game.engine import outcome

    assert outcome(rules, state).counters == {"tried:feedback": 3, "won:feedback": 1}
