"""Each kind of content mistake is reported once, in the right file, on the right line, with a hint."""

from __future__ import annotations

from pathlib import Path

from scenario_kit import broken, copy_fixture, errors_of, line_of, only_error, replace_once


def test_unknown_meter_in_effects_has_position_and_did_you_mean(tmp_path: Path) -> None:
    error, line = broken(tmp_path, "directives.yaml", "meters: {trust: -2, energy: -3}", "meters: {trst: -2, energy: -3}")
    assert error.file.endswith("mini-town/directives.yaml")
    assert (error.line, error.column) == (line, 18)
    assert error.path == "directives[0].approaches[0].meters.trst"
    assert error.message == "unknown meter 'trst'"
    assert error.hint == "did you mean 'trust'?"


def test_unknown_meter_in_costs(tmp_path: Path) -> None:
    error, line = broken(tmp_path, "requests.yaml", "costs: {budget: 1}", "costs: {budgit: 1}")
    assert error.line == line and error.path == "requests[1].approaches[0].costs.budgit"
    assert "did you mean 'budget'?" == error.hint


def test_unknown_event_reference(tmp_path: Path) -> None:
    error, line = broken(tmp_path, "events.yaml", "chance: 0.4, event: shelved_resurfaces}",
                         "chance: 0.4, event: shelved_resurface}")
    assert error.line == line
    assert error.path == "events[0].choices[0].later[0].event"
    assert error.message == "unknown event 'shelved_resurface'"
    assert error.hint == "did you mean 'shelved_resurfaces'?"


def test_unknown_directive_reference(tmp_path: Path) -> None:
    folder = copy_fixture(tmp_path)
    line = replace_once(folder, "events.yaml", "directive: kiosk_rollout", "directive: kiosk_rolout")
    error = only_error(folder)  # kiosk_rollout is now never issued: a warning, not an error
    assert (error.line, error.path) == (line, "events[7].choices[0].directive")
    assert error.message == "unknown directive 'kiosk_rolout'" and "kiosk_rollout" in error.hint


def test_unknown_request_reference(tmp_path: Path) -> None:
    error, line = broken(tmp_path, "events.yaml", "request: land_dispute", "request: land_dispte")
    assert (error.line, error.message) == (line, "unknown request 'land_dispte'")
    assert error.hint == "did you mean 'land_dispute'?"


def test_unknown_ending_reference_in_a_threshold(tmp_path: Path) -> None:
    error, line = broken(tmp_path, "scenario.yaml", "ends_game_at: {min: trust_crisis}",
                         "ends_game_at: {min: trust_crises}")
    assert (error.line, error.path) == (line, "meters[0].ends_game_at.min")
    assert error.message == "unknown ending 'trust_crises'" and error.hint == "did you mean 'trust_crisis'?"


def test_unknown_ending_reference_in_end_game(tmp_path: Path) -> None:
    error, line = broken(tmp_path, "events.yaml", "        meters: {pressure: 2}\n",
                         "        meters: {pressure: 2}\n        end_game: remove\n")
    assert (error.line, error.path) == (line + 1, "events[4].choices[1].end_game")
    assert error.message == "unknown ending 'remove'" and error.hint == "did you mean 'removed'?"


def test_duplicate_id_across_two_files_names_both_places(tmp_path: Path) -> None:
    folder = copy_fixture(tmp_path)
    first = line_of(folder, "events.yaml", "- id: typhoon")
    (folder / "more-events.yaml").write_text(
        "# another file\nevents:\n  - id: typhoon\n    title: T\n    text: T\n    choices:\n"
        "      - {id: a, kind: other, label: {zh: 甲, en: A}}\n      - {id: b, kind: other, label: {zh: 乙, en: B}}\n",
        encoding="utf-8")
    error = only_error(folder)
    assert error.file.endswith("mini-town/more-events.yaml")
    assert (error.line, error.column, error.path) == (3, 5, "events[0].id")
    assert error.message == f"duplicate id 'typhoon' (first defined at mini-town/events.yaml:{first})"


def test_directives_and_requests_share_one_id_namespace(tmp_path: Path) -> None:
    error, line = broken(tmp_path, "requests.yaml", "- id: noise", "- id: app_quota")
    assert error.line == line and error.path == "requests[2].id"
    assert "duplicate id 'app_quota'" in error.message and "share one namespace" in error.hint


def test_an_event_may_not_share_an_id_with_a_directive(tmp_path: Path) -> None:
    # took('app_quota.x') would not say which of the two it means
    error, line = broken(tmp_path, "events.yaml", "- id: typhoon", "- id: app_quota")
    assert error.line == line and error.path == "events[3].id"
    assert "duplicate id 'app_quota'" in error.message and "took('id.option')" in error.hint


def test_unknown_flag_in_an_expression(tmp_path: Path) -> None:
    error, line = broken(tmp_path, "events.yaml", 'when: "flag.one_form"', 'when: "flag.one_from"')
    assert (error.line, error.path) == (line, "modifiers[0].when")
    assert error.message == "in expression 'flag.one_from': unknown flag 'one_from'"
    assert error.hint == "did you mean 'flag.one_form'?"


def test_a_flag_read_without_its_prefix_gets_a_hint(tmp_path: Path) -> None:
    error, line = broken(tmp_path, "events.yaml", 'when: "flag.one_form"', 'when: "one_form"')
    assert error.line == line and "unknown name 'one_form'" in error.message
    assert "did you mean 'flag.one_form'?" in error.hint


def test_unknown_function(tmp_path: Path) -> None:
    error, line = broken(tmp_path, "endings.yaml", "count_kind('feedback') >= 1", "count_kinds('feedback') >= 1")
    assert (error.line, error.path) == (line, "debrief.reflections[1].when")
    assert "unknown function 'count_kinds'" in error.message and error.hint == "did you mean 'count_kind'?"


def test_wrong_arity(tmp_path: Path) -> None:
    error, line = broken(tmp_path, "endings.yaml", "count_kind('feedback') >= 1", "count_kind('feedback', 2) >= 1")
    assert error.line == line
    assert error.message.endswith("count_kind() takes 1 argument, not 2")


def test_unknown_literal_argument(tmp_path: Path) -> None:
    error, line = broken(tmp_path, "endings.yaml", "count_kind('feedback') >= 1", "count_kind('feedbak') >= 1")
    assert error.line == line and "count_kind() does not know 'feedbak'" in error.message
    assert error.hint == "did you mean 'feedback'?"


def test_bad_expression_syntax(tmp_path: Path) -> None:
    error, line = broken(tmp_path, "events.yaml", 'when: "turn >= 2"', 'when: "turn => 2"')
    assert (error.line, error.column, error.path) == (line, 5, "events[1].when")
    assert error.message == "in expression 'turn => 2', at character 6: unexpected character '='"
    assert "'=='" in error.hint


def test_missing_fallback_ending_points_at_the_endings(tmp_path: Path) -> None:
    folder = copy_fixture(tmp_path)
    replace_once(folder, "endings.yaml", "    priority: 0\n", "    priority: 0\n    when: \"trust < 10\"\n")
    error = only_error(folder)
    assert error.file.endswith("mini-town/endings.yaml")
    assert error.line == line_of(folder, "endings.yaml", "\nendings:") + 1
    assert error.message.startswith("no fallback ending")
    assert "without `when`" in error.hint


def test_range_low_not_below_high(tmp_path: Path) -> None:
    error, line = broken(tmp_path, "scenario.yaml", "range: [0, 50]", "range: [50, 50]")
    assert (error.line, error.path) == (line, "meters[4].range")
    assert error.message == "range [50, 50] is empty"


def test_start_outside_range(tmp_path: Path) -> None:
    error, line = broken(tmp_path, "scenario.yaml", "range: [0, 50]\n    start: 20", "range: [0, 50]\n    start: 70")
    assert (error.line, error.path) == (line + 1, "meters[4].start")
    assert error.message == "start 70 is outside the range [0, 50]"


def test_then_without_chance(tmp_path: Path) -> None:
    error, line = broken(tmp_path, "requests.yaml", "        meters: {trust: 4}\n",
                         "        meters: {trust: 4}\n        then: {meters: {trust: 1}}\n")
    assert (error.line, error.path) == (line + 1, "requests[0].approaches[0].then")
    assert error.message == "`then`/`otherwise` need a `chance`" and "chance: 0.3" in error.hint


def test_reported_in_an_event_choice(tmp_path: Path) -> None:
    error, line = broken(tmp_path, "events.yaml", "        meters: {goodwill: -8}\n",
                         "        meters: {goodwill: -8}\n        reported: 10\n")
    assert (error.line, error.path) == (line + 1, "events[1].choices[2].reported")
    assert "no directive of its own" in error.message and "progress:" in error.hint


def test_arrival_week_beyond_the_scenario(tmp_path: Path) -> None:
    error, line = broken(tmp_path, "requests.yaml", "arrives: 4", "arrives: 14")
    assert (error.line, error.path) == (line, "requests[2].arrives")
    assert error.message == "week 14 is after the last week (12)"


def test_inspection_week_beyond_the_scenario(tmp_path: Path) -> None:
    error, line = broken(tmp_path, "events.yaml", "weeks: [4, 8, 12]", "weeks: [4, 8, 13]")
    assert (error.line, error.column, error.path) == (line, 19, "inspections[0].weeks[2]")


def test_unknown_field_with_did_you_mean(tmp_path: Path) -> None:
    error, line = broken(tmp_path, "requests.yaml", "    urgency: low\n", "    urgncy: low\n")
    assert (error.line, error.column, error.path) == (line, 5, "requests[2].urgncy")
    assert error.message == "unknown field 'urgncy'" and error.hint == "did you mean 'urgency'?"


def test_yaml11_yes_where_a_boolean_is_expected(tmp_path: Path) -> None:
    error, line = broken(tmp_path, "directives.yaml", "    veto: true", "    veto: yes")
    assert (error.line, error.path) == (line, "directives[1].veto")
    assert error.message == "expected true or false, got the text 'yes'"
    assert error.hint == "write true or false; 'yes' is read as text"


def test_missing_required_field_points_at_its_item(tmp_path: Path) -> None:
    error, _ = broken(tmp_path, "requests.yaml", "        label: {zh: 上门调解, en: Mediate}\n", "")
    assert error.path == "requests[2].approaches[0].label"
    assert error.message == "missing required field 'label'"
    assert error.line == line_of(tmp_path / "mini-town", "requests.yaml", "- id: mediate\n")


def test_a_comma_inside_a_flow_mapping_gets_a_quoting_hint(tmp_path: Path) -> None:
    error, line = broken(tmp_path, "events.yaml", "en: A 12345 hotline complaint}", "en: A 12345, hotline complaint}")
    assert error.line == line and error.message == "unknown field 'hotline complaint'"
    assert "quote text that contains commas" in error.hint


def test_unknown_research_finding(tmp_path: Path) -> None:
    error, line = broken(tmp_path, "requests.yaml", "findings: [A2]", "findings: [A9]")
    assert (error.line, error.path) == (line, "requests[0].findings[0]")
    assert error.message == "unknown research finding 'A9'"


def test_a_chance_outside_zero_to_one(tmp_path: Path) -> None:
    error, line = broken(tmp_path, "events.yaml", "chance: 0.12", "chance: 1.5")
    assert error.line == line and error.message == "must be at most 1, got the number 1.5"
    assert "between 0 and 1" in error.hint


def test_every_error_is_collected_not_just_the_first(tmp_path: Path) -> None:
    folder = copy_fixture(tmp_path)
    replace_once(folder, "requests.yaml", "arrives: 4", "arrives: 14")
    replace_once(folder, "events.yaml", "request: land_dispute", "request: land_dispte")
    messages = sorted(e.message for e in errors_of(folder))
    assert messages == ["unknown request 'land_dispte'", "week 14 is after the last week (12)"]


def test_empty_text_is_an_error(tmp_path: Path) -> None:
    error, line = broken(tmp_path, "requests.yaml", "title: {zh: 排水沟堵塞, en: A blocked drain}", "title: {}")
    assert (error.line, error.path, error.message) == (line, "requests[1].title", "the text is empty in every language")
    error, line = broken(tmp_path / "again", "requests.yaml", "title: {zh: 排水沟堵塞, en: A blocked drain}", 'title: "  "')
    assert (error.line, error.message) == (line, "the text is empty")
