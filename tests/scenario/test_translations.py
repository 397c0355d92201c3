"""Translation checks: every player-facing text in every scenario language, counted in the stats."""

from __future__ import annotations

from pathlib import Path

import pytest
from scenario_kit import copy_fixture, line_of, replace_once

from game.scenario import load_report

TITLE = "title: {zh: 排水沟堵塞, en: A blocked drain}"
LABEL = '- {zh: 九月第二周, en: "September, week 2"}'


@pytest.mark.parametrize("title, errors, warnings, missing", [
    ("title: {zh: 排水沟, en: A drain}", [], [], 0),
    ('title: {zh: "  ", en: A drain}', [], ["zh: the zh text shows nothing: only spaces, line breaks or invisible "
                                            "characters"], 0),  # a Chinese player would see a blank title
    ('title: {zh: "  ", en: "   "}', ["the text is empty in every language"], [], 0),
    ("title: {}", ["the text is empty in every language"], [], 0),
    ("title: {zh: 排水沟}", [], ["missing the 'en' text"], 1),
    ('title: {zh: 排水沟, en: ""}', [], ["missing the 'en' text"], 1),
    ("title: {en: A drain}", [], ["missing the 'zh' text"], 1),
    ("title: A drain", [], ["text in one language only"], 1),
    ('title: "  "', ["the text is empty"], [], 0),
])
def test_a_title_in_each_state(tmp_path: Path, title: str, errors: list[str], warnings: list[str],
                               missing: int) -> None:
    folder = copy_fixture(tmp_path)
    line = replace_once(folder, "requests.yaml", TITLE, title)
    report = load_report(folder)
    assert [(e.line, e.path, e.message) for e in report.errors] == [(line, "requests[1].title", m) for m in errors]
    expected = [(line, "requests[1].title" + (f".{m[:2]}" if m[2:4] == ": " else ""), m.split(": ", 1)[-1] if m[2:4] == ": "
                 else m) for m in warnings]
    assert [(w.line, w.path, w.message) for w in report.warnings] == expected
    if not errors:
        assert report.stats["missing_translations"] == missing


def test_week_labels_are_checked_like_any_text(tmp_path: Path) -> None:
    folder = copy_fixture(tmp_path)
    line = replace_once(folder, "scenario.yaml", LABEL, "- {zh: 九月第二周}")
    report = load_report(folder)
    assert [(w.line, w.path, w.message) for w in report.warnings] == [
        (line, "scenario.week_labels[1]", "missing the 'en' text")]
    assert report.stats["missing_translations"] == 1


def test_a_one_language_scenario_needs_only_that_language(tmp_path: Path) -> None:
    folder = copy_fixture(tmp_path)
    replace_once(folder, "scenario.yaml", "languages: [zh, en]\n  default_language: zh", "languages: [en]")
    replace_once(folder, "requests.yaml", TITLE, "title: A blocked drain")
    report = load_report(folder)
    assert report.errors == [] and report.warnings == []
    assert report.stats["missing_translations"] == 0
    line = line_of(folder, "scenario.yaml", LABEL)
    replace_once(folder, "scenario.yaml", LABEL, "- {zh: 九月第二周}")
    report = load_report(folder)
    assert [(w.line, w.message) for w in report.warnings] == [(line, "missing the 'en' text")]
