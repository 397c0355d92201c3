"""The scalar rules of the content format: YAML 1.2 plain scalars, allowed tags, sizes and limits.

Shared by the two builders in `yamlevents.py`. Plain scalars resolve as YAML 1.2 editors read them (the
core schema): `no`, `on` and `12:30` stay text; `0x1F` and `0o17` are numbers; `.inf` and `.nan` are
refused (content numbers are finite) with a hint to quote them. Only the core tags are allowed, so
nothing in a content file can name a Python object.
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml

try:
    Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    Loader = yaml.SafeLoader

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 200_000
MAX_SCALAR_CHARS = 20_000
MAX_NUMBER = 10**15

_INT = re.compile(r"^[-+]?[0-9]+$")
_HEX_OR_OCTAL = re.compile(r"^0(?:x[0-9a-fA-F]+|o[0-7]+)$")  # YAML 1.2 core: no sign, lower-case prefix
_NOT_FINITE = re.compile(r"^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+)([eE][-+]?[0-9]+)?$")
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_NULL = {"", "~", "null", "Null", "NULL"}
WORDS: dict[str, Any] = {**{w: True for w in _TRUE}, **{w: False for w in _FALSE}, **{w: None for w in _NULL}}
NUMBER_START = frozenset("0123456789+-.")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0 and C1 controls, except tab and newline
ALLOWED_TAGS = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
    "tag:yaml.org,2002:bool": bool,
    "tag:yaml.org,2002:null": None,
    "tag:yaml.org,2002:map": dict,
    "tag:yaml.org,2002:seq": list,
}
TAG_HINT = "content files may only hold plain text, numbers, true/false, lists and mappings"


BLOCK_STYLES = ("|", ">")
_CJK = "\u2e80-\u2fdf\u3000-\u30ff\u3100-\u312f\u31c0-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_FOLD_SPACE = re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}])")


def laid_out(event: yaml.ScalarEvent, value: str) -> str:
    """Text as the player should see it: no trailing line break from a block scalar (`|`, `>`: it would
    show as a blank row), and no space where YAML folded a line break between two Chinese characters
    ("让村干部\n收集截图凑数" is one phrase; Chinese puts no space between words)."""
    style = event.style
    if style in BLOCK_STYLES:
        value = value.rstrip("\n")
    if style != "|" and " " in value and not value.isascii() and event.start_mark.line != event.end_mark.line:
        value = _FOLD_SPACE.sub("", value)
    return value


class Limit(Exception):
    """Content that breaks a rule of the format (a tag, a duplicate key, a size limit...)."""

    line: int
    column: int

    def __init__(self, message: str, mark: Any, hint: str = "") -> None:
        super().__init__(message)
        self.message, self.hint = message, hint
        self.line, self.column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def control_character(event: yaml.ScalarEvent) -> None:
    """Refuse control characters, which only double-quoted escapes ("\\x1b", "\\e") can produce.

    Text is printed to terminals: an escape sequence in content could rewrite what a player sees.
    """
    found = CONTROL.search(event.value) if event.style == '"' else None
    if found:
        raise Limit(f"a text contains the control character U+{ord(found.group()):04X}", event.start_mark,
                    "control characters (such as terminal escapes) are not allowed in content; use \\n or \\t")


def scalar(event: yaml.ScalarEvent) -> Any:
    """The value of a scalar event: tags checked, plain scalars resolved the YAML 1.2 way."""
    value = event.value
    if len(value) > MAX_SCALAR_CHARS:
        raise Limit(f"a text value is longer than {MAX_SCALAR_CHARS} characters", event.start_mark,
                     "split long text, or move it into several fields")
    control_character(event)
    tag = event.tag
    if tag and tag != "!":
        if tag not in ALLOWED_TAGS:
            raise Limit(f"the tag {tag!r} is not allowed", event.start_mark, TAG_HINT)
        kind = ALLOWED_TAGS[tag]
        if kind is str:
            return value
        if kind is None:
            return None
        return plain(value, event.start_mark, forced=kind)
    if event.style or tag == "!":
        return value  # quoted, literal or folded: always text
    return plain(value, event.start_mark)


def plain(value: str, mark: Any, forced: type | None = None) -> Any:
    """A plain scalar as null, true/false, a bounded number, or text (`forced` by a !!int-style tag)."""
    if forced is None:
        if value in WORDS:
            return WORDS[value]
        if value[:1] not in NUMBER_START:
            return value  # most plain scalars are text: skip the number patterns
    elif value in _NULL:
        raise Limit(f"{value!r} is not a valid {forced.__name__}", mark)
    if value in _TRUE and forced in (None, bool):
        return True
    if value in _FALSE and forced in (None, bool):
        return False
    if forced in (None, int) and _INT.match(value):
        if len(value.lstrip("+-").lstrip("0")) > 16:
            raise Limit(f"the number {value[:20]}... is too large", mark, f"numbers must be below {MAX_NUMBER:.0e}")
        return _bounded(int(value), value, mark)
    if forced in (None, float) and _FLOAT.match(value):
        return _bounded(float(value), value, mark)
    if forced in (None, int) and _HEX_OR_OCTAL.match(value):
        if len(value) > 18:
            raise Limit(f"the number {value[:20]}... is too large", mark, f"numbers must be below {MAX_NUMBER:.0e}")
        return _bounded(int(value[2:], 16 if value[1] == "x" else 8), value, mark)
    if forced in (None, float) and _NOT_FINITE.match(value):
        what = "not a number" if "n" in value.lower().replace("inf", "") else "an infinite number"
        raise Limit(f"{value} is read as {what}, which content may not hold", mark,
                    f"write a finite number; to keep it as text, quote it: \"{value}\"")
    if forced is not None:
        raise Limit(f"{value[:40]!r} is not a valid {forced.__name__}", mark)
    return value


def _bounded(number: int | float, text: str, mark: Any) -> int | float:
    if not math.isfinite(number) or abs(number) >= MAX_NUMBER:
        raise Limit(f"the number {text[:20]} is too large", mark, f"numbers must be below {MAX_NUMBER:.0e}")
    return number
