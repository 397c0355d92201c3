"""The view builders: what the player can foresee, danger levels, the week's ledger, the debrief."""

from __future__ import annotations

import pytest

from game.engine import END_WEEK, Decision, Rules, apply, new_game, options, outcome
from game.scenario import load_scenario
from game.tui.present.approaches import approach_views, options_of_item
from game.tui.present.debrief import debrief_view
from game.tui.present.ledger import action_result, week_summary
from game.tui.present.meters import danger_level, meter_views
from tui_helpers import FIXTURE


@pytest.fixture(scope="module")
def rules():
    return Rules(load_scenario(FIXTURE))


def answer_cards(rules, state):
    """Answer waiting event cards with their first choice."""
    while state.pending:
        state, _ = apply(rules, state, options(rules, state)[0].decision)
    return state


def test_danger_levels_only_near_game_ending_ends():
    assert danger_level(50, 0, 100, True, False) == ""
    assert danger_level(25, 0, 100, True, False) == "warn"
    assert danger_level(10, 0, 100, True, False) == "danger"
    assert danger_level(90, 0, 100, False, True) == "danger"
    assert danger_level(5, 0, 100, False, False) == ""


def test_hidden_meters_stay_hidden_until_the_debrief(rules):
    state, _ = new_game(rules, 1)
    assert "goodwill" not in [v.id for v in meter_views(rules, state, "en")]
    assert "goodwill" in [v.id for v in meter_views(rules, state, "en", reveal=True)]


def test_foreseeable_effects_costs_uncertainty_and_lines(rules):
    state = answer_cards(rules, new_game(rules, 3)[0])
    views = {v.decision.option: v for v in approach_views(rules, options_of_item(options(rules, state), "app_quota"),
                                                          "en")}
    shots = views["screenshots"]
    assert shots.effects == ("reported +400", "actual +60", "Public trust -2", "Staff energy -3")
    assert shots.crosses_line and not shots.uncertain and shots.hours == 4
    assert views["help_desks"].costs == ("Budget -2",)
    feedback = views["report_upward"]
    assert feedback.uncertain and feedback.hint == "The channel is usually silent."
    assert feedback.effects == ()  # what the roll may bring is not shown


def test_a_week_ledger_and_an_action_result(rules):
    state = answer_cards(rules, new_game(rules, 3)[0])
    state, happened = apply(rules, state, Decision("act", "app_quota", "screenshots"))
    result = action_result(rules, happened, "zh")
    assert result.text.startswith("反诈APP安装率达到90%：让村干部收集截图凑数（4小时）：上报+400，实际+60")
    state, happened = apply(rules, state, END_WEEK)
    summary = week_summary(rules, 1, state, happened, "en")
    headings = [s.heading for s in summary.sections]
    assert summary.week == 1 and "This week's changes" in headings and "Week 2 begins" in headings


def test_debrief_reason_names_the_meter_that_ended_the_game(rules):
    state = answer_cards(rules, new_game(rules, 3)[0]).clone()
    state.meters[rules.meter_index["pressure"]] = 100  # at the top of its range: the week's end removes you
    state, _ = apply(rules, state, END_WEEK)
    assert state.ended == "removed"
    view = debrief_view(rules, state, outcome(rules, state), "en")
    assert view.ending_title == "Removed after an accountability storm"
    assert view.reason == "Accountability pressure reached 100."
    assert [stage for stage, _ in view.questions] == ["Describe", "Analyse", "Apply"]


def test_a_delayed_consequence_says_what_it_brought(rules):
    from game.engine import Happening

    happened = [
        Happening("week_started", 4),
        Happening("delayed", 4, "flood_drill.shelve"),
        Happening("effect", 4, "flood_drill.shelve", {"meters": {"trust": -4.0, "goodwill": 3.0}, "ledgers": [],
                                                       "message": None, "flags": [], "event": "shelved_resurfaces"}),
    ]
    state, _ = new_game(rules, 1)
    lines = [line.text for section in week_summary(rules, 3, state, happened, "en").sections for line in section.lines]
    # one line: where it came from, what it did (hidden goodwill only as a hint), and the card it brings
    assert ("An earlier decision comes back (Typhoon evacuation drill logs: Agree with the district to shelve it): "
            "Public trust -4. A card follows: A shelved task is sampled. Something you cannot see yet changed too.") in lines
    zh = [line.text for section in week_summary(rules, 3, state, happened, "zh").sections for line in section.lines]
    assert "早先的决定有了下文（三防转移演练台账：与区里商量暂缓）：群众信任 -4。接着要处理：搁置的任务被抽查。另有暂时看不见的变化。" in zh


@pytest.mark.parametrize(("count", "lang", "expected"), [
    (1, "en", " (once)"), (3, "en", " (3 times)"), (1, "zh", "（1次）"), (3, "zh", "（3次）"),
])
def test_counts_read_naturally_in_both_languages(count, lang, expected):
    from game.tui.present.debrief import times

    assert times(count, lang) == expected
