"""docs/facilitator.md is generated from the content; the committed copy must be what the command writes."""

from __future__ import annotations

from pathlib import Path

from game.engine import Rules
from game.scenario import load_scenario
from game.scenario.catalog import resolve
from game.workshop.guide import cards, guide_markdown, main

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "facilitator.md"


def test_the_committed_guide_is_up_to_date_with_the_content() -> None:
    assert GUIDE.read_text(encoding="utf-8") == guide_markdown(), (
        "docs/facilitator.md is out of date: run  python -m game.workshop.guide -o docs/facilitator.md")


def test_every_card_directive_and_request_has_its_findings_and_a_question_in_both_languages() -> None:
    rules = Rules(load_scenario(resolve(None)))
    every = cards(rules)
    assert len(every) == len(rules.events) + len(rules.items)
    text = guide_markdown()
    for card in every:
        assert f"#### {card['en']} · {card['zh']}" in text
        assert card["question_en"] in text and card["question_zh"] in text
        for code, _ in card["findings"]:
            assert code in text


def test_the_plan_is_honest_about_what_is_not_there_yet() -> None:
    text = guide_markdown()
    assert "90 minutes" in text and "not yet available" in text
    assert "--records-dir" in text and "grassroots report" in text


def test_check_mode_finds_a_stale_copy(tmp_path: Path) -> None:
    stale = tmp_path / "facilitator.md"
    stale.write_text(guide_markdown() + "\nedited by hand\n", encoding="utf-8")
    assert main(["--check", str(stale)]) == 1
    assert main(["-o", str(stale)]) == 0
    assert main(["--check", str(stale)]) == 0
