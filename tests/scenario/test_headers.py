"""Lists of scenarios read headers only: the same titles, lengths and variants as a full load shows, for
valid scenarios, and a plain answer (never an error) for a header of any wrong shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.catalog import shipped
from game.scenario.headers import ScenarioHeader, read_header
from game.scenario.loader import load_report


@pytest.mark.parametrize("ref", shipped(), ids=lambda ref: ref.id)
def test_a_shipped_scenarios_header_says_what_its_full_load_says(ref) -> None:
    header = read_header(ref.path)
    scenario = load_report(ref.path).scenario
    assert scenario is not None and header.readable
    assert header.titles == {lang: getattr(scenario.info.title, lang) for lang in ("zh", "en")}
    assert header.weeks == scenario.info.weeks
    assert [v.id for v in header.variants] == [v.id for v in scenario.variants]
    for seen, declared in zip(header.variants, scenario.variants):
        assert seen.titles == {"zh": declared.title.zh, "en": declared.title.en}
        assert seen.weeks == declared.set.get("weeks", scenario.info.weeks)


NO_HEADER = ScenarioHeader({}, None, (), False)


@pytest.mark.parametrize("text, expected", [
    ("", NO_HEADER),                                          # empty
    ("scenario: [not, a, header]\n", NO_HEADER),              # not a mapping
    ("meters: []\n", NO_HEADER),                              # no header at all
    ("scenario: {title: {en: \"x\": y}\n", NO_HEADER),        # YAML syntax error
    ("scenario:\n  title: {zh: 镇, en: Town}\n  weeks: 0\n", ScenarioHeader({"zh": "镇", "en": "Town"}, None, (), True)),
    ("scenario:\n  title: Town\n  weeks: true\n", ScenarioHeader({"zh": "Town", "en": "Town"}, None, (), True)),
    ("scenario:\n  title: \"\\e[2JTown\"\n  weeks: 3\n", NO_HEADER),  # a control character: the reader refuses it
    ("scenario:\n  title: {en: Town, fr: Ville}\n  weeks: 4\n", ScenarioHeader({"en": "Town"}, 4, (), True)),
])
def test_a_header_of_any_shape_gives_an_answer_not_an_error(tmp_path: Path, text: str,
                                                            expected: ScenarioHeader) -> None:
    folder = tmp_path / "odd-town"
    folder.mkdir()
    (folder / "scenario.yaml").write_text(text, encoding="utf-8")
    assert read_header(folder) == expected


def test_variants_are_read_from_any_file_that_declares_them_and_only_those(tmp_path: Path) -> None:
    folder = tmp_path / "town"
    (folder / "more").mkdir(parents=True)
    (folder / "scenario.yaml").write_text("scenario:\n  title: Town\n  weeks: 10\n", encoding="utf-8")
    (folder / "more" / "short.yaml").write_text(
        "variants:\n  - {id: short, title: {zh: 短, en: Short}, set: {weeks: 4}}\n"
        "  - {id: same, title: Same}\n  - {title: no id}\n  - just text\n", encoding="utf-8")
    (folder / "events.yaml").write_text("events:\n  - id: x\n    variants: [not, top, level]\n", encoding="utf-8")
    header = read_header(folder)
    assert [(v.id, v.titles.get("en"), v.weeks) for v in header.variants] == [("short", "Short", 4), ("same", "Same", 10)]
