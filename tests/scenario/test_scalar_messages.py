"""A number where text was meant is reported as the author wrote it, with a hint to quote it."""

from __future__ import annotations

from pathlib import Path

import pytest
from scenario_kit import broken


@pytest.mark.parametrize(("written", "shown_as"), [
    ("02142", "the number 02142"), ("1.10", "the number 1.10"), ("0x1F", "the number 0x1F"), ("0o17", "the number 0o17"),
    ("1e3", "the number 1e3"), ("+5", "the number +5"), ("42", "the number 42"), ("true", "true (a true/false value)"),
])
def test_a_number_in_a_text_field_is_quoted_back_as_written(written: str, shown_as: str, tmp_path: Path) -> None:
    error, line = broken(tmp_path, "scenario.yaml", "en: Upward score}", f"en: {written}}}")
    assert (error.line, error.path) == (line, "scenario.scoring.upward_label.en")
    assert error.message == f"expected text, got {shown_as}"
    assert error.hint.endswith(f'quote it to keep it as text: "{written}"')


@pytest.mark.parametrize("written", ["-5", "-0x14"])
def test_a_bound_message_quotes_the_number_as_written(written: str, tmp_path: Path) -> None:
    error, line = broken(tmp_path, "directives.yaml", "quota: 900", f"quota: {written}")
    if written == "-0x14":  # not a number in YAML 1.2 (no sign on hex): text where a number is wanted
        assert error.message == "expected a number, got the text '-0x14'"
    else:
        assert error.message == f"must be more than 0, got the number {written}"
    assert error.line == line
