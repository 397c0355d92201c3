"""Each static check of `validate` says what is dead or wrong, on the right line; `--strict` fails on them."""

from __future__ import annotations

from pathlib import Path

import pytest
from scenario_kit import copy_fixture, line_of, replace_once

from game.cli.main import main
from game.scenario import load_report

# (file, old, new, expected warning text, the field path it names)
WARNINGS = {
    "turn-beyond-the-last-week": ("events.yaml", 'when: "turn >= 3"\n    chance', 'when: "turn >= 13"\n    chance',
                                  "the condition 'turn >= 13' can never hold, so this inspection never runs",
                                  "inspections[1].when"),
    "meter-beyond-its-range": ("endings.yaml", 'when: "trust >= 65"', 'when: "budget > 60"',
                               "the condition 'budget > 60' can never hold, so this ending is never chosen",
                               "endings[4].when"),
    "ending-before-the-last-week": ("endings.yaml", 'when: "trust >= 65"', 'when: "turn < 12 and trust >= 65"',
                                    "the condition 'turn < 12 and trust >= 65' can never hold, so this ending is never "
                                    "chosen", "endings[4].when"),
    "constant-false": ("endings.yaml", 'when: "trust >= 65"', 'when: "false"',
                       "the condition 'false' can never hold, so this ending is never chosen", "endings[4].when"),
    "constant-true": ("endings.yaml", 'when: "trust >= 65"', 'when: "1 < 2"',
                      "the condition '1 < 2' always holds", "endings[4].when"),
    "above-the-top": ("endings.yaml", 'when: "trust >= 65"', 'when: "trust > 100 or turn < 1"',
                      "the condition 'trust > 100 or turn < 1' can never hold", "endings[4].when"),
    "arithmetic-out-of-reach": ("endings.yaml", 'when: "trust >= 65"', 'when: "trust * 2 + budget > 300"',
                                "the condition 'trust * 2 + budget > 300' can never hold", "endings[4].when"),
    "flag-only-cleared": ("endings.yaml", 'when: "trust >= 65"', 'when: "flag.gone"',
                          "flag 'gone' is cleared but never set", ""),
    "blank-text": ("endings.yaml", "en: Residents trust you.}", 'en: "\\u200b \\n"}',
                   "the en text shows nothing: only spaces, line breaks or invisible characters",
                   "endings[4].text.en"),
    "emoji-vs16": ("endings.yaml", "en: Residents trust you.}", 'en: "Residents trust you \\u2764\\ufe0f"}',
                   "the en text holds an emoji presentation sequence (U+FE0F)", "endings[4].text.en"),
    "emoji-flag": ("endings.yaml", "en: Residents trust you.}", "en: Residents trust you 🇨🇳}",
                   "the en text holds an emoji presentation sequence (U+1F1E8)", "endings[4].text.en"),
    "emoji-keycap": ("endings.yaml", "en: Residents trust you.}", 'en: "Residents trust you 1\\u20e3"}',
                     "the en text holds an emoji presentation sequence (U+20E3)", "endings[4].text.en"),
    "emoji-zwj": ("endings.yaml", "en: Residents trust you.}", 'en: "Residents \\U0001F468\\u200d\\U0001F469"}',
                  "the en text holds an emoji presentation sequence (U+200D)", "endings[4].text.en"),
    "card-that-never-comes": ("events.yaml", "    weight: 1\n    once: false", "    weight: 0\n    once: false",
                              "card 'weekly_groups' can never come", "events[4].weight"),
    "card-by-expression-never-comes": ("events.yaml", "    weight: 1\n    once: false",
                                       '    weight: "0 if turn < 20 else 5"\n    once: false',
                                       "card 'weekly_groups' can never come", "events[4].weight"),
}


def _setup(tmp_path: Path, name: str) -> tuple[Path, int]:
    file, old, new, _, _ = WARNINGS[name]
    folder = copy_fixture(tmp_path)
    line = replace_once(folder, file, old, new)
    if name == "flag-only-cleared":  # something must clear it for the flag to exist
        line = replace_once(folder, "events.yaml", "set: [burden_notice]", "set: [burden_notice]\n        clear: [gone]")
        line += 1
    return folder, line


@pytest.mark.parametrize("name", sorted(n for n, case in WARNINGS.items() if case[3]))
def test_each_static_warning_names_its_line(name: str, tmp_path: Path) -> None:
    folder, line = _setup(tmp_path, name)
    report = load_report(folder)
    _, _, _, message, path = WARNINGS[name]
    assert report.errors == []
    found = [(w.line, w.message) for w in report.warnings if message in w.message and w.path.startswith(path)]
    assert [place for place, _ in found] == [line], [w.format() for w in report.warnings]


def test_an_ending_that_always_applies_shadows_the_lower_ones(tmp_path: Path) -> None:
    folder = copy_fixture(tmp_path)
    replace_once(folder, "endings.yaml", 'when: "trust >= 65"', 'when: "turn >= 12 or budget <= 50"')
    warnings = [w for w in load_report(folder).warnings if "can never be chosen" in w.message]
    assert [(w.line, w.message) for w in warnings] == [
        (line_of(folder, "endings.yaml", "  - id: middle\n"), "ending 'middle' can never be chosen")]
    assert "'trusted' applies in every game (its condition always holds) and has priority 10" in warnings[0].hint


def test_an_unreachable_requirement_says_the_action_is_never_available(tmp_path: Path) -> None:
    folder = copy_fixture(tmp_path)
    line = replace_once(folder, "events.yaml", "set: [burden_notice]", 'set: [burden_notice]\n        requires: "turn > 99"')
    warnings = [w for w in load_report(folder).warnings if "never available" in w.message]
    assert [(w.line, w.message) for w in warnings] == [
        (line + 1, "the condition 'turn > 99' can never hold, so this action is never available")]


@pytest.mark.parametrize("cycle", [
    ["hotline_complaint"],
    ["hotline_complaint", "weekly_groups"],
    ["hotline_complaint", "weekly_groups", "typhoon"],
])
def test_an_event_that_queues_itself_is_an_error(cycle: list[str], tmp_path: Path) -> None:
    folder = copy_fixture(tmp_path)
    text = (folder / "events.yaml").read_text(encoding="utf-8")
    for source, target in zip(cycle, cycle[1:] + cycle[:1]):
        start = text.index(f"  - id: {source}\n")
        choice = text.index("      - id: ", start)
        head = text.index("\n", choice)
        text = text[:head] + f"\n        event: {target}" + text[head:]
    (folder / "events.yaml").write_text(text, encoding="utf-8")
    errors = [e for e in load_report(folder).errors if "queues itself" in e.message]
    assert len(errors) == len(cycle)
    chain = " → ".join(cycle + cycle[:1])
    assert any(chain in e.message for e in errors) and all(e.path.endswith(".event") for e in errors)


def test_a_trigger_in_a_later_week_is_no_cycle(tmp_path: Path) -> None:
    folder = copy_fixture(tmp_path)
    text = (folder / "events.yaml").read_text(encoding="utf-8")
    start = text.index("      - id: ", text.index("  - id: weekly_groups\n"))
    head = text.index("\n", start)
    text = text[:head] + "\n        later: [{in_weeks: 1, event: weekly_groups}]" + text[head:]
    (folder / "events.yaml").write_text(text, encoding="utf-8")
    assert not [e for e in load_report(folder).errors if "queues itself" in e.message]


@pytest.mark.parametrize(("value", "fails"), [
    ('"1e14 * 1e14"', True), ('"0 - 1e14 * 100"', True), ('"trust * 1e13"', False), ('"1e14 * 9"', False)])
def test_a_value_that_must_overflow_is_an_error(value: str, fails: bool, tmp_path: Path) -> None:
    folder = copy_fixture(tmp_path)
    line = replace_once(folder, "events.yaml", 'pressure: "30 * score"', f"pressure: {value}")
    errors = [(e.line, e.message) for e in load_report(folder).errors]
    assert errors == ([(line, f"{value[1:-1]!r} is always beyond 1e+15 in size")] if fails else [])


def test_strict_makes_warnings_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, line = _setup(tmp_path, "constant-false")
    assert main(["validate", str(folder)]) == 0
    assert main(["validate", "--strict", str(folder)]) == 1
    out = capsys.readouterr().out
    assert f"error: mini-town/endings.yaml:{line}:" in out and "1 error(s), 0 warning(s)" in out


@pytest.mark.parametrize("scenario", sorted(p.name for p in (Path(__file__).resolve().parents[2] / "content" /
                                                             "scenarios").iterdir() if p.is_dir()))
def test_shipped_scenarios_pass_strict(scenario: str, capsys: pytest.CaptureFixture[str]) -> None:
    folder = Path(__file__).resolve().parents[2] / "content" / "scenarios" / scenario
    assert main(["validate", "--strict", str(folder)]) == 0, capsys.readouterr().out


def test_the_fixture_passes_strict(capsys: pytest.CaptureFixture[str]) -> None:
    folder = Path(__file__).resolve().parents[1] / "fixtures" / "scenarios" / "mini-town"
    assert main(["validate", "--strict", str(folder)]) == 0, capsys.readouterr().out
