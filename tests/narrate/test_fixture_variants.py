"""The text-variant and placeholder feature on the fixture: the wording that holds is used, numbers are the
game's own, questions and explainers follow `when`, and a bad placeholder is a positioned load error."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from game.engine import END_WEEK, Rules, new_game
from game.narrate.debrief_text import ending_words, questions, reflection_words
from game.narrate.research import explainers, glossary
from game.scenario import load_scenario
from game.scenario.placeholders import fill, placeholders
from narrate_kit import SCENARIOS, faults

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scenario"))
from scenario_kit import broken  # noqa: E402

LANGS = ("zh", "en")


@pytest.fixture(scope="module")
def rules():
    return Rules(load_scenario(SCENARIOS["mini-town"]))


def _state(rules, week=7, feedback=0, chances=0, heard=0):
    state = new_game(rules, 1)[0].clone()
    state.week = week
    state.decisions = [END_WEEK] * week  # `week` weeks played (see weeks_played())
    state.kind_counts["feedback"] = feedback
    state.counters.update({"tried:feedback": chances, "won:feedback": heard})
    return state


@pytest.mark.parametrize("lang", LANGS)
def test_the_default_wording_quotes_weeks_played(rules, lang):
    text, debrief = ending_words(rules, _state(rules, week=7), "middle", lang)
    assert "7" in text and "12" not in text and not faults(text) and debrief == ""


@pytest.mark.parametrize("lang", LANGS)
def test_a_variant_replaces_text_and_debrief_when_it_holds(rules, lang):
    state = _state(rules, week=9)
    for index in rules.directive_indices[:2]:
        state.items[index] = state.items[index].with_status("missed", "settled")
    text, debrief = ending_words(rules, state, "middle", lang)
    assert "9" in text and "2" in text
    assert debrief == {"zh": "期限一个接一个。", "en": "Deadlines came one after another."}[lang]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("chances", "heard", "none_heard"), [(2, 0, True), (2, 1, False), (0, 0, False)])
def test_a_reflection_variant_follows_the_counts(rules, lang, chances, heard, none_heard):
    reflection = next(r for r in rules.scenario.debrief.reflections if r.id == "fed_back")
    text = reflection_words(rules, _state(rules, feedback=3, chances=chances, heard=heard), reflection, lang)
    assert ({"zh": "没有一次", "en": "none was heard"}[lang] in text) == none_heard
    assert "3" in text and (none_heard or str(heard) in text) and not faults(text)


@pytest.mark.parametrize("lang", LANGS)
def test_questions_and_explainers_follow_when_and_fill_numbers(rules, lang):
    feedback_question = {"zh": "反馈为什么难以被听见？", "en": "Why was feedback so rarely heard?"}[lang]
    assert feedback_question not in [q for _, q in questions(rules, _state(rules), lang)]
    assert feedback_question in [q for _, q in questions(rules, _state(rules, feedback=1), lang)]
    [(title, text)] = explainers(rules, _state(rules), lang)
    assert "0%" in text and "{" not in text and title
    assert glossary(rules, lang)[0][0] == {"zh": "三防", "en": "three-prevention (三防)"}[lang]


@pytest.mark.parametrize(("text", "found", "filled"), [
    ("no braces", [], "no braces"),
    ("{{turn}} weeks", ["turn"], "7 weeks"),
    ("{single} braces and {{ turn }}", ["turn"], "{single} braces and 7"),
    ("{{round(idle_index() * 100)}}%", ["round(idle_index() * 100)"], "7%"),
    ("{{x}}/{{y}}", ["x", "y"], "7/7"),
])
def test_placeholders_are_found_and_filled(text, found, filled):
    assert list(placeholders(text)) == found
    assert fill(text, lambda expression: 7.0) == filled


def test_a_bad_placeholder_is_a_load_error_with_its_position(tmp_path: Path) -> None:
    error, line = broken(tmp_path, "endings.yaml", "Over {{weeks_played()}} weeks you found",
                         "Over {{weeks_playd()}} weeks you found")
    assert error.line == line and error.path.startswith("endings[5].text")
    assert "weeks_playd" in error.message and "weeks_played" in error.hint


def test_a_bad_variant_condition_is_a_load_error(tmp_path: Path) -> None:
    error, line = broken(tmp_path, "endings.yaml", 'when: "missed_count() >= 2"', 'when: "mised_count() >= 2"')
    assert error.line == line and error.path == "endings[5].variants[0].when"


def test_a_single_braced_expression_is_a_warning_not_an_error(tmp_path: Path) -> None:
    from scenario_kit import copy_fixture, replace_once

    from game.scenario import load_report

    folder = copy_fixture(tmp_path)
    line = replace_once(folder, "endings.yaml", "Over {{weeks_played()}} weeks you found",
                        "Over {weeks_played()} weeks you found")
    report = load_report(folder)
    assert report.errors == []
    [warning] = [w for w in report.warnings if "shown as written" in w.message]
    assert warning.line == line and "{{weeks_played()}}" in warning.hint
    folder2 = copy_fixture(tmp_path / "b")
    replace_once(folder2, "endings.yaml", "Over {{weeks_played()}} weeks you found", "Over {braces} weeks you found")
    assert not [w for w in load_report(folder2).warnings if "shown as written" in w.message]


@pytest.mark.parametrize(("placeholder", "warned"), [
    ("{{turn}}", True), ("{{turn - 1}}", True), ("{{weeks_played()}}", False), ("{{weeks}}", False),
    ("{{took('turn.x')}}", False),
])
def test_quoting_turn_as_the_weeks_played_is_a_warning(tmp_path: Path, placeholder, warned) -> None:
    """`turn` is the week the game is in: one more than the weeks played when a game ends at a week's
    start (issue 10), so a text that quotes it gets a warning naming `weeks_played()`."""
    from scenario_kit import copy_fixture, replace_once

    from game.scenario import load_report

    folder = copy_fixture(tmp_path)
    line = replace_once(folder, "endings.yaml", "Over {{weeks_played()}} weeks you found",
                        f"Over {placeholder} weeks you found")
    report = load_report(folder)
    found = [w for w in report.warnings if "`turn`" in w.message]
    assert bool(found) == warned, [w.message for w in report.warnings]
    if warned:
        assert found[0].line == line and "{{weeks_played()}}" in found[0].hint


def test_a_bad_placeholder_in_an_explainer_is_a_load_error(tmp_path: Path) -> None:
    error, line = broken(tmp_path, "endings.yaml", "{{round(idle_index() * 100)}}%.", "{{round(idle_indx() * 100)}}%.")
    assert error.line == line and error.path.startswith("debrief.explainers[0].text")
