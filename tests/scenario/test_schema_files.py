"""The JSON Schema from `grassroots schema` accepts every shipped content file and catches typical slips."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from game.cli.cmd_schema import schema
from game.scenario.yamlread import read_yaml

ROOT = Path(__file__).resolve().parents[2]
CONTENT_FILES = sorted(
    path for pattern in ("tests/fixtures/scenarios/**/*.yaml", "tests/fixtures/scenarios/**/*.yml",
                         "content/scenarios/**/*.yaml", "content/scenarios/**/*.yml")
    for path in ROOT.glob(pattern)
)


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    document = schema()
    jsonschema.Draft202012Validator.check_schema(document)
    return jsonschema.Draft202012Validator(document)


def data_of(path: Path) -> object:
    document, errors = read_yaml(path.read_bytes(), path.name)
    assert not errors, [e.format() for e in errors]
    return document.data


def test_there_are_content_files_to_check() -> None:
    assert any("fixtures" in str(path) for path in CONTENT_FILES)


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_schema_accepts_every_shipped_file(path: Path, validator: jsonschema.Draft202012Validator) -> None:
    problems = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data_of(path))]
    assert problems == []


@pytest.mark.parametrize(("text", "where"), [
    ("meters:\n  - {id: trust, label: T, start: 1, colour: red}\n", "meters/0"),
    ("events:\n  - {id: e, title: T, text: T, once: yes, choices: []}\n", "events/0/once"),
    ("meters:\n  - {id: Trust, label: T, start: 1}\n", "meters/0/id"),
    ("directives:\n  - {id: d, title: T, level: county, unit: u, quota: 1, due_in_weeks: 1, approaches: []}\n",
     "directives/0/level"),
])
def test_the_schema_catches_typical_slips(text: str, where: str, validator: jsonschema.Draft202012Validator) -> None:
    document, _ = read_yaml(text.encode(), "slip.yaml")
    paths = {"/".join(map(str, e.absolute_path)) for e in validator.iter_errors(document.data)}
    assert where in paths
