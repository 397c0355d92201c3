"""docs/authoring.md stays true: its examples form a valid scenario, and it covers every field and limit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from game.scenario import load_report, models
from game.scenario.expr import MAX_LENGTH
from game.scenario.sources import MAX_FILES
from game.scenario.yamlread import MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES, MAX_SCALAR_CHARS

DOC = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"


@pytest.fixture(scope="module")
def doc() -> str:
    return DOC.read_text(encoding="utf-8")


def test_the_examples_form_a_valid_scenario_without_warnings(doc: str, tmp_path: Path) -> None:
    blocks = re.findall(r"^```yaml\n(.*?)^```", doc, re.S | re.M)
    assert len(blocks) >= 8
    folder = tmp_path / "harbour-street"
    folder.mkdir()
    for index, block in enumerate(blocks):
        (folder / f"part{index:02d}.yaml").write_text(block, encoding="utf-8")
    report = load_report(folder)
    assert [e.format() for e in report.errors] == []
    assert [w.format() for w in report.warnings] == []
    assert report.stats["events"] >= 3 and report.stats["missing_translations"] == 0


def content_models() -> list[type[BaseModel]]:
    return [value for value in vars(models).values()
            if isinstance(value, type) and issubclass(value, models.Strict) and value is not models.Strict]


@pytest.mark.parametrize("model", content_models(), ids=lambda m: m.__name__)
def test_every_field_of_every_model_is_documented(model: type[BaseModel], doc: str) -> None:
    missing = [name for name in model.model_fields if f"`{name}" not in doc and f"{name}:" not in doc]
    assert missing == []


def test_the_size_limits_match_the_code(doc: str) -> None:
    table = doc[doc.index("## Size limits"):doc.index("## YAML gotchas")]
    assert f"| A content file | {MAX_FILE_BYTES // (1024 * 1024)} MiB |" in table
    assert f"| {MAX_FILES} |" in table
    assert f"{MAX_DEPTH} levels" in table
    assert f"{MAX_NODES:,}" in table
    assert f"{MAX_SCALAR_CHARS:,} characters" in table
    assert f"{MAX_LENGTH:,} characters" in table
