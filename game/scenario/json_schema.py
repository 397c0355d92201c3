"""The JSON Schema (draft 2020-12) of a content file: what `validate` enforces, said the way editors read it.

pydantic writes the shapes and bounds; this module adds what editors show and check beyond that:
every field's help in English and Chinese (from `field_docs.py`), a description for each value of a
closed list, and the limits every number has in content (finite, below MAX_NUMBER in size).
"""

from __future__ import annotations

from typing import Any

from game.scenario.field_docs import ENUMS, both, field_text
from game.scenario.yamlscalars import MAX_NUMBER

SCHEMA_ID = "https://grassroots.invalid/scenario.schema.json"
# A number that is neither below 0 nor at least 0 is NaN: editors read `.nan` as a number, content may not hold it.
NOT_NAN = {"not": {"minimum": 0, "exclusiveMaximum": 0}}


def content_schema() -> dict:
    """The schema of one content file (every file of a scenario has this shape)."""
    from game.scenario.models import ContentFile
    from game.scenario.walk import content_models

    document = ContentFile.model_json_schema()
    classes = {cls.__name__: cls for cls in content_models()}
    _describe_properties(document, ContentFile)
    for name, definition in document.get("$defs", {}).items():
        if name in classes:
            _describe_properties(definition, classes[name])
        elif "enum" in definition and name in ENUMS:
            _describe_enum(definition, ENUMS[name])
    _bound_numbers(document)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **document}


def _describe_properties(definition: dict, model: type) -> None:
    for name, prop in definition.get("properties", {}).items():
        texts = field_text(model, name)
        if texts is not None:
            prop["description"] = both(texts)
            prop["markdownDescription"] = both(texts)
        for node in _subschemas(prop):
            if node is not prop and texts is not None:  # hover shows a branch's text: make it the field's
                node.pop("description", None)
                if "$ref" in node:
                    node["description"] = node["markdownDescription"] = both(texts)
            if "enum" in node and name in ENUMS:
                _describe_enum(node, ENUMS[name])
            names = node.get("propertyNames", {})
            if "enum" in names and f"{model.__name__}.{name}" in ENUMS:
                _describe_enum(names, ENUMS[f"{model.__name__}.{name}"])


def _describe_enum(node: dict, values: dict[str, tuple[str, str]]) -> None:
    texts = [both(values[value]) if value in values else "" for value in node["enum"]]
    node["enumDescriptions"] = texts
    node["markdownEnumDescriptions"] = texts


def _subschemas(node: Any) -> list[dict]:
    """`node` and every schema nested in it (without following $ref)."""
    found, stack = [], [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            found.append(item)
            stack.extend(value for key, value in item.items() if key not in ("enum", "default", "const"))
        elif isinstance(item, list):
            stack.extend(item)
    return [item for item in found if isinstance(item, dict)]


# pydantic writes these when it cannot place a bound on a type (a union, a validated int); editors ignore them
PYDANTIC_BOUNDS = {"gt": "exclusiveMinimum", "ge": "minimum", "lt": "exclusiveMaximum", "le": "maximum"}


def _bound_numbers(document: dict) -> None:
    """Bounds as JSON Schema keywords; every number finite and smaller than MAX_NUMBER, as the reader enforces."""
    for node in _subschemas(document):
        if node.get("type") not in ("number", "integer"):
            continue
        for theirs, ours in PYDANTIC_BOUNDS.items():
            if theirs in node:
                node[ours] = node.pop(theirs)
        if "minimum" not in node and "exclusiveMinimum" not in node:
            node["exclusiveMinimum"] = -MAX_NUMBER
        if "maximum" not in node and "exclusiveMaximum" not in node:
            node["exclusiveMaximum"] = MAX_NUMBER
        if node["type"] == "number":
            node.update(NOT_NAN)
