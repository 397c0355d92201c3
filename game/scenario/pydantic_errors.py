"""Turn pydantic validation errors into positioned ContentErrors with readable messages and hints."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from game.scenario.errors import ContentError, did_you_mean, format_path
from game.scenario.yamlread import Document, yaml11_boolean_hint


def _real_path(data: Any, loc: tuple) -> tuple:
    """Keep only the loc parts that index into the data (drop union-branch and validator labels)."""
    path: list = []
    node = data
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            path.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and not path_is_label(part):
            path.append(part)  # a missing or unknown key
            node = None
    return tuple(path)


def path_is_label(part: str) -> bool:
    return any(ch in part for ch in "[]-,") or part in {
        "str", "int", "float", "bool", "list", "dict", "tuple", "LocalizedText", "constrained-str",
    } or part.endswith("Text")


def _value_at(data: Any, path: tuple) -> Any:
    node = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _model_at(root: type[BaseModel], path: tuple) -> type[BaseModel] | None:
    """The model class that owns the mapping at `path`, found by walking field annotations."""
    model: Any = root
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return None
        field = model.model_fields.get(part)
        if field is None:
            return None
        model = _inner_model(field.annotation)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, tuple, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if isinstance(found, type) and issubclass(found, BaseModel) and found.__name__ != "LocalizedText":
                return found
        return None
    if origin is dict:
        return _inner_model(typing.get_args(annotation)[1])
    return annotation


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a true/false value)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value[:40]!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _expected(types_seen: set[str], messages: list[str]) -> str:
    wants = []
    if types_seen & {"string_type"} and types_seen & {"model_type", "dict_type", "model_attributes_type"}:
        wants.append("text, or a mapping {zh: ..., en: ...}")
    elif types_seen & {"int_type", "float_type"} and "string_type" in types_seen:
        wants.append("a number or an expression")
    if wants:
        return wants[0]
    return messages[0] if messages else "a valid value"


def validation_errors(err: ValidationError, doc: Document, root: type[BaseModel]) -> list[ContentError]:
    """Group pydantic errors by data path and describe each once."""
    grouped: dict[tuple, list[dict]] = {}
    for item in err.errors(include_url=False):
        path = _real_path(doc.data, tuple(item["loc"]))
        grouped.setdefault(path, []).append(item)
    out: list[ContentError] = []
    for path, items in grouped.items():
        out.append(_one_error(doc, root, path, items))
    out.sort(key=lambda e: (e.line, e.column))
    return out


def _one_error(doc: Document, root: type[BaseModel], path: tuple, items: list[dict]) -> ContentError:
    line, col = doc.where(path)
    value = _value_at(doc.data, path)
    kinds = {item["type"] for item in items}
    shown = format_path(path)
    if "extra_forbidden" in kinds:
        key = path[-1] if path else ""
        model = _model_at(root, path[:-1])
        fields = list(model.model_fields) if model else []
        hint = did_you_mean(str(key), fields) or (f"allowed here: {', '.join(fields)}" if fields else "")
        return ContentError(doc.file, line, col, shown, f"unknown field '{key}'", hint)
    if "missing" in kinds:
        key = path[-1] if path else ""
        return ContentError(doc.file, line, col, shown, f"missing required field '{key}'", "")
    messages = [_clean(item["msg"]) for item in items if item["type"] not in {"model_type", "dict_type"}]
    if "bool_type" in kinds:
        hint = yaml11_boolean_hint(value) or "write true or false"
        return ContentError(doc.file, line, col, shown, f"expected true or false, got {_describe(value)}", hint)
    if "value_error" in kinds:
        msg = next(_clean(i["msg"]) for i in items if i["type"] == "value_error")
        return ContentError(doc.file, line, col, shown, msg, "")
    if "string_pattern_mismatch" in kinds and len(kinds) == 1:
        hint = "ids use lower-case letters, digits and _ and start with a letter"
        if path and "findings" in path:
            hint = "finding codes look like A3 or B4"
        return ContentError(doc.file, line, col, shown, f"{_describe(value)} is not a valid id", hint)
    if kinds & {"literal_error", "enum"}:
        msg = next(_clean(i["msg"]) for i in items if i["type"] in {"literal_error", "enum"})
        options = msg.split("Input should be ")[-1]
        guess = did_you_mean(str(value), [o.strip(" '") for o in options.replace(" or ", ",").split(",")])
        return ContentError(doc.file, line, col, shown, f"got {_describe(value)}; expected {options}", guess)
    expected = _expected(kinds, messages)
    return ContentError(doc.file, line, col, shown, f"expected {expected}, got {_describe(value)}"
                        if expected != (messages[0] if messages else "") else f"{expected} (got {_describe(value)})", "")


def _clean(msg: str) -> str:
    return msg.removeprefix("Value error, ").replace("Input should be", "should be")
