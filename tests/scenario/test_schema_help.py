"""The schema editors read is the validator's truth, with help on every field, and the docs share its text."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from game.cli.cmd_schema import schema
from game.scenario.field_docs import ENUMS, FIELDS, reference_markdown, with_reference
from game.scenario.json_schema import PYDANTIC_BOUNDS
from game.scenario.walk import content_models

ROOT = Path(__file__).resolve().parents[2]
DOCUMENT = schema()


def nodes(node: object):
    if isinstance(node, dict):
        yield node
        for key, value in node.items():
            if key not in ("enum", "default", "const"):
                yield from nodes(value)
    elif isinstance(node, list):
        for item in node:
            yield from nodes(item)


def properties() -> list[tuple[str, str, dict]]:
    found = [("ContentFile", name, prop) for name, prop in DOCUMENT["properties"].items()]
    for model, definition in DOCUMENT["$defs"].items():
        found += [(model, name, prop) for name, prop in definition.get("properties", {}).items()]
    return found


def test_every_property_and_section_has_help_in_english_and_chinese() -> None:
    bare = [f"{model}.{name}" for model, name, prop in properties()
            if "\n\n" not in prop.get("description", "") or not any("\u4e00" <= c <= "\u9fff" for c in prop["description"])]
    assert len(properties()) > 150 and bare == []


def test_every_help_text_names_a_real_field() -> None:
    fields = {f"{model.__name__}.{name}" for model in content_models() for name in model.model_fields}
    assert sorted(set(FIELDS) - fields) == []


def test_bounds_are_json_schema_keywords() -> None:
    leftovers = [node for node in nodes(DOCUMENT) if node.get("type") in ("number", "integer")
                 and set(PYDANTIC_BOUNDS) & set(node)]
    assert leftovers == []


def test_every_closed_list_explains_its_values() -> None:
    enums = [node for node in nodes(DOCUMENT) if "enum" in node]
    assert enums
    for node in enums:
        assert len(node.get("markdownEnumDescriptions", [])) == len(node["enum"]), node
        assert all(node["markdownEnumDescriptions"]), node


@pytest.mark.parametrize(("text", "where"), [
    ("directives:\n  - {id: d, title: T, level: city, unit: u, quota: -5, due_in_weeks: 1, approaches: []}\n",
     "directives/0/quota"),
    ("directives:\n  - {id: d, title: T, level: city, unit: u, quota: 0, due_in_weeks: 1, approaches: []}\n",
     "directives/0/quota"),
    ("directives:\n  - {id: d, title: T, level: city, unit: u, quota: 5, weight: -3, due_in_weeks: 1, approaches: []}\n",
     "directives/0/weight"),
    ("events:\n  - {id: e, title: T, text: T, weight: -3, choices: []}\n", "events/0/weight"),
    ("events:\n  - {id: e, title: T, text: T, cooldown: -1, choices: []}\n", "events/0/cooldown"),
    ("inspections:\n  - {id: i, title: T, kind: traces, effect: {}, chance: 1.5}\n", "inspections/0/chance"),
    ("modifiers:\n  - {id: m, label: L, when: 'true', hours_factor: -1}\n", "modifiers/0/hours_factor"),
    ("events:\n  - {id: e, title: T, text: T, weight: '1_000', choices: []}\n", "events/0/weight"),
])
def test_the_schema_rejects_what_the_validator_rejects(text: str, where: str) -> None:
    from game.scenario.yamlread import read_yaml

    document, _ = read_yaml(text.encode(), "slip.yaml")
    found = {"/".join(map(str, e.absolute_path)) for e in jsonschema.Draft202012Validator(DOCUMENT).iter_errors(document.data)}
    assert where in found


def test_the_committed_schema_is_current() -> None:
    import json

    assert json.loads((ROOT / "scenario.schema.json").read_text(encoding="utf-8")) == DOCUMENT, \
        "run: grassroots schema -o scenario.schema.json"


def test_the_authoring_guide_carries_the_same_field_help() -> None:
    guide = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    assert reference_markdown() in guide and with_reference(guide) == guide, \
        "run: python -m game.scenario.field_docs docs/authoring.md"
    for english, chinese in FIELDS.values():
        assert english.replace("|", "\\|") in guide or english in guide
    assert all(values for values in ENUMS.values())
