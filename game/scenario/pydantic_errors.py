"""Turn pydantic validation errors into positioned ContentErrors with readable messages and hints."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from game.scenario.errors import ContentError, did_you_mean, format_path
from game.scenario.yamlread import Document, yaml11_boolean_hint

_TYPE_ERRORS = {"string_type", "int_type", "float_type", "bool_type", "list_type", "dict_type", "model_type",
                "model_attributes_type", "tuple_type", "int_parsing", "float_parsing", "bool_parsing"}
_MAPPING_TYPES = {"model_type", "dict_type", "model_attributes_type"}
_BOUNDS = {"greater_than_equal": ("ge", "at least"), "greater_than": ("gt", "more than"),
           "less_than_equal": ("le", "at most"), "less_than": ("lt", "less than")}
QUOTE_HINT = "text that starts with '[' or '{' must be quoted, e.g. \"[Tip] ...\""


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
    """Whether a pydantic loc part names a union branch or validator rather than a key."""
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


def _describe(value: Any, written: str | None = None) -> str:
    """The value in words, as the author wrote it (`written`: the source text of a number, if it differs)."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a true/false value)"
    if isinstance(value, (int, float)):
        return f"the number {written or value}"
    if isinstance(value, str):
        return f"the text {value[:40]!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def validation_errors(err: ValidationError, doc: Document, root: type[BaseModel]) -> list[ContentError]:
    """Group pydantic errors by data path and describe each once."""
    grouped: dict[tuple, list[Any]] = {}
    for item in err.errors(include_url=False):
        path = _real_path(doc.data, tuple(item["loc"]))
        grouped.setdefault(path, []).append(item)
    # A union (text or {zh, en}) that failed as text but got further as a mapping: report the inner error.
    for path in [p for p, items in grouped.items() if {i["type"] for i in items} <= _TYPE_ERRORS]:
        if any(len(other) > len(path) and other[: len(path)] == path for other in grouped):
            del grouped[path]
    out = [_one_error(doc, root, path, items) for path, items in grouped.items()]
    out.sort(key=lambda e: (e.line, e.column))
    return out


def _one_error(doc: Document, root: type[BaseModel], path: tuple, items: list[dict]) -> ContentError:
    line, col = doc.where(path)
    value = _value_at(doc.data, path)
    kinds = {item["type"] for item in items}
    shown = format_path(path)
    written = doc.written(path) if isinstance(value, (int, float)) and not isinstance(value, bool) else None

    def error(message: str, hint: str = "") -> ContentError:
        return ContentError(doc.file, line, col, shown, message, hint)

    key = path[-1] if path else ""
    if "extra_forbidden" in kinds:
        return error(f"unknown field '{key}'", _unknown_field_hint(root, path, value))
    if "missing" in kinds:
        return error(f"missing required field '{key}'")
    key_errors = [item for item in items if "[key]" in item["loc"]]
    if key_errors:
        options = key_errors[0].get("ctx", {}).get("expected", "")
        return error(f"unknown key '{key}'; expected {options}", did_you_mean(str(key), _options(options)))
    for item in items:
        if item["type"] == "value_error":
            cause = (item.get("ctx") or {}).get("error")
            return error(str(getattr(cause, "message", None) or _clean(item["msg"])), getattr(cause, "hint", ""))
        if item["type"] in ("literal_error", "enum"):
            options = (item.get("ctx") or {}).get("expected", "")
            return error(f"expected one of {options}, got {_describe(value, written)}", did_you_mean(str(value), _options(options)))
        if item["type"] in _BOUNDS:
            name, words = _BOUNDS[item["type"]]
            hint = "a chance is between 0 and 1: 0.25 means one time in four" if key == "chance" else ""
            return error(f"must be {words} {item['ctx'][name]:g}, got {_describe(value, written)}", hint)
        if item["type"] in ("too_short", "too_long"):
            return error(_length_message(item["ctx"], value))
    if kinds == {"string_pattern_mismatch"}:
        if "findings" in path:
            return error(f"{_describe(value, written)} is not a valid finding code", "finding codes look like A3 or B4")
        return error(f"{_describe(value, written)} is not a valid id",
                     "ids use lower-case letters, digits and _ and start with a letter, e.g. trust or app_quota")
    expected, hint = _expected(kinds, root, path)
    if "bool_type" in kinds:
        hint = yaml11_boolean_hint(value) or hint
    elif isinstance(value, (list, dict)) and "string_type" in kinds:
        hint = QUOTE_HINT
    elif "string_type" in kinds and isinstance(value, (bool, int, float)) and not path_wants_number(kinds):
        source = written or (str(value).lower() if isinstance(value, bool) else str(value))
        what = "a true/false value" if isinstance(value, bool) else "a number"
        hint = f'YAML reads {source} as {what}; quote it to keep it as text: "{source}"'
    return error(f"expected {expected}, got {_describe(value, written)}", hint)


def path_wants_number(kinds: set[str]) -> bool:
    """Whether the failed branches include a number (then a number was wrong for another reason)."""
    return bool(kinds & {"int_type", "float_type", "int_parsing", "float_parsing"})


def _expected(kinds: set[str], root: type[BaseModel], path: tuple) -> tuple[str, str]:
    """What the field wanted, in words, from the set of failed branch types."""
    numbers = kinds & {"int_type", "float_type", "int_parsing", "float_parsing"}
    if "string_type" in kinds and kinds & _MAPPING_TYPES:
        return "text, or a mapping {zh: ..., en: ...}", ""
    if numbers and "string_type" in kinds:
        return "a number, or an expression in quotes", "e.g. 5, or \"2 * weight\""
    if numbers:
        return ("a whole number" if kinds & {"float_type", "float_parsing"} == set() else "a number"), ""
    if "bool_type" in kinds:
        return "true or false", "write true or false"
    if "string_type" in kinds:
        return "text", ""
    if "tuple_type" in kinds:
        return "a pair [low, high]", "e.g. range: [0, 100]"
    if "list_type" in kinds:
        return "a list", "write one item per line starting with '- ', or [a, b]"
    if kinds & _MAPPING_TYPES:
        model = _model_at(root, path)
        if model is None:
            return "a mapping (name: value)", ""
        required = [name for name, info in model.model_fields.items() if info.is_required()]
        return "a mapping of fields", f"required fields: {', '.join(required)}" if required else ""
    return "a valid value", ""


def _unknown_field_hint(root: type[BaseModel], path: tuple, value: Any) -> str:
    model = _model_at(root, path[:-1])
    key = str(path[-1]) if path else ""
    fields = list(model.model_fields) if model else ["zh", "en"]
    close = did_you_mean(key, fields)
    if close:
        return close
    if value is None and (" " in key or model is None):
        return "a ',' inside {...} starts a new entry: quote text that contains commas, e.g. en: \"a, b\""
    return f"allowed here: {', '.join(fields)}" if fields else ""


def _length_message(ctx: dict, value: Any) -> str:
    kind = "a pair" if ctx.get("field_type") == "Tuple" else "a list"
    count = ctx.get("actual_length", len(value) if isinstance(value, (list, dict)) else "?")
    if "min_length" in ctx:
        limit, word = ctx["min_length"], "at least"
    else:
        limit, word = ctx["max_length"], "at most"
    if kind == "a pair":
        return f"expected a pair [low, high], got {count} values"
    noun = "item" if limit == 1 else "items"
    return f"expected {kind} of {word} {limit} {noun}, got {count}"


def _options(expected: str) -> list[str]:
    return [option.strip(" '") for option in expected.replace(" or ", ",").split(",") if option.strip(" '")]


def _clean(msg: str) -> str:
    return msg.removeprefix("Value error, ").replace("Input should be", "should be")
