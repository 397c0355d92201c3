"""Build values from PyYAML's event stream: the rules of the content format, enforced as we go.

We never use a PyYAML constructor, which lets us refuse custom tags (nothing can run code), detect
duplicate keys, bound alias expansion, nesting depth and size, and resolve plain scalars the YAML 1.2
way (`no`, `on`, `12:30` stay strings). Two builders share the rules: a fast one without positions
for well-formed files, and a complete one that records marks and reports precise errors.
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 200_000
MAX_SCALAR_CHARS = 20_000
MAX_NUMBER = 10**15

Path = tuple
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+)([eE][-+]?[0-9]+)?$")
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_NULL = {"", "~", "null", "Null", "NULL"}
_WORDS: dict[str, Any] = {**{w: True for w in _TRUE}, **{w: False for w in _FALSE}, **{w: None for w in _NULL}}
_NUMBER_START = frozenset("0123456789+-.")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0 and C1 controls, except tab and newline
_ALLOWED_TAGS = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
    "tag:yaml.org,2002:bool": bool,
    "tag:yaml.org,2002:null": None,
    "tag:yaml.org,2002:map": dict,
    "tag:yaml.org,2002:seq": list,
}
_TAG_HINT = "content files may only hold plain text, numbers, true/false, lists and mappings"


class Limit(Exception):
    """Content that breaks a rule of the format (a tag, a duplicate key, a size limit...)."""

    def __init__(self, message: str, mark: Any, hint: str = "") -> None:
        super().__init__(message)
        self.message, self.hint = message, hint
        self.line, self.column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _control_character(event: yaml.ScalarEvent) -> None:
    """Refuse control characters, which only double-quoted escapes ("\\x1b", "\\e") can produce.

    Text is printed to terminals: an escape sequence in content could rewrite what a player sees.
    """
    found = _CONTROL.search(event.value) if event.style == '"' else None
    if found:
        raise Limit(f"a text contains the control character U+{ord(found.group()):04X}", event.start_mark,
                    "control characters (such as terminal escapes) are not allowed in content; use \\n or \\t")


def _scalar(event: yaml.ScalarEvent) -> Any:
    value = event.value
    if len(value) > MAX_SCALAR_CHARS:
        raise Limit(f"a text value is longer than {MAX_SCALAR_CHARS} characters", event.start_mark,
                     "split long text, or move it into several fields")
    _control_character(event)
    tag = event.tag
    if tag and tag != "!":
        if tag not in _ALLOWED_TAGS:
            raise Limit(f"the tag {tag!r} is not allowed", event.start_mark, _TAG_HINT)
        kind = _ALLOWED_TAGS[tag]
        if kind is str:
            return value
        if kind is None:
            return None
        return _plain(value, event.start_mark, forced=kind)
    if event.style or tag == "!":
        return value  # quoted, literal or folded: always text
    return _plain(value, event.start_mark)


def _plain(value: str, mark: Any, forced: type | None = None) -> Any:
    if forced is None:
        if value in _WORDS:
            return _WORDS[value]
        if value[:1] not in _NUMBER_START:
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
    if forced is not None:
        raise Limit(f"{value[:40]!r} is not a valid {forced.__name__}", mark)
    return value


def _bounded(number: int | float, text: str, mark: Any) -> int | float:
    if not math.isfinite(number) or abs(number) >= MAX_NUMBER:
        raise Limit(f"the number {text[:20]} is too large", mark, f"numbers must be below {MAX_NUMBER:.0e}")
    return number


def build_marked(text: str | bytes) -> tuple[Any, dict[int, Any], Any]:
    """Turn the event stream into values and marks with an explicit stack (no recursion), or raise Limit.

    Enforces every rule of the format and records where each value came from. The open container
    lives in local variables, and the common cases (a key, a scalar) are handled inline.
    """
    marks: dict[int, Any] = {}
    anchors: dict[str, tuple[Any, int]] = {}
    # The open container, its marks, whether it is a mapping, and its pending key (with the key's mark).
    # A one-item list stands in for the document, so the root value is attached like any other.
    container: Any = []
    container_marks: Any = []
    document, document_marks = container, container_marks
    is_map, key, key_mark = False, _NO_KEY, None
    stack: list[tuple] = []  # saved outer containers: (container, marks, is_map, key, key_mark, anchor, start, mark)
    documents = nodes = 0
    scalar_event, mapping_start, sequence_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    parser = _Loader(text)
    try:
        get_event = parser.get_event
        while True:
            event = get_event()
            kind = type(event)
            if kind is scalar_event:
                nodes += 1
                if nodes > MAX_NODES:
                    raise Limit(f"the file has more than {MAX_NODES} values", event.start_mark,
                                 "split it into several files")
                value = event.value
                if is_map and key is _NO_KEY:
                    if (event.tag is not None or len(value) > 200 or value == "<<" or value in container
                            or event.style == '"'):
                        _check_key(event, container, container_marks)
                    key, key_mark = value, event.start_mark
                    continue
                if event.tag is not None or len(value) > MAX_SCALAR_CHARS or event.style == '"':
                    value = _scalar(event)
                elif not event.style:  # plain: maybe a number, true/false or null; quoted is always text
                    if value in _WORDS:
                        value = _WORDS[value]
                    elif value[:1] in _NUMBER_START:
                        value = _plain(value, event.start_mark)
                if event.anchor:
                    anchors[event.anchor] = (value, 1)
                mark = event.start_mark
            elif kind is mapping_start or kind is sequence_start:
                nodes += 1
                _check_open(event, is_map and key is _NO_KEY, len(stack), nodes)
                stack.append((container, container_marks, is_map, key, key_mark, event.anchor, nodes,
                              event.start_mark))
                is_map = kind is mapping_start
                container, container_marks = ({}, {}) if is_map else ([], [])
                key = _NO_KEY
                marks[id(container)] = container_marks
                continue
            elif kind is mapping_end or kind is sequence_end:
                value = container
                container, container_marks, is_map, key, key_mark, anchor, start, mark = stack.pop()
                if anchor:
                    anchors[anchor] = (value, nodes - start + 1)
            elif kind is yaml.AliasEvent:
                nodes += 1
                mark = event.start_mark
                if event.anchor not in anchors:
                    raise Limit(f"unknown alias *{event.anchor}", mark, "define the anchor (&name) before using it")
                value, size = anchors[event.anchor]
                nodes += size
                if nodes > MAX_NODES:
                    raise Limit(f"aliases expand to more than {MAX_NODES} values", mark,
                                 "avoid deeply repeated aliases (*name)")
                if is_map and key is _NO_KEY:
                    raise Limit("a mapping key must be a plain name", mark, "write `name: value`")
                value = _copy(value)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise Limit("a content file may hold only one YAML document", event.start_mark,
                                 "remove the extra '---' or split into several files")
                continue
            elif kind is yaml.StreamEndEvent or event is None:
                break
            else:  # stream start, document end
                continue
            if is_map:
                container[key] = value
                container_marks[key] = key_mark
                key = _NO_KEY
            else:
                container.append(value)
                container_marks.append(mark)
    finally:
        parser.dispose()
    if not document:
        return None, marks, None
    return document[0], marks, document_marks[0]


def _check_open(event: Any, is_key: bool, depth: int, nodes: int) -> None:
    mark = event.start_mark
    if nodes > MAX_NODES:
        raise Limit(f"the file has more than {MAX_NODES} values", mark, "split it into several files")
    if event.tag and event.tag not in _ALLOWED_TAGS:
        raise Limit(f"the tag {event.tag!r} is not allowed", mark, _TAG_HINT)
    if is_key:
        raise Limit("a mapping key must be a plain name", mark, "write `name: value`")
    if depth >= MAX_DEPTH:
        raise Limit(f"the file nests deeper than {MAX_DEPTH} levels", mark,
                     "content never needs this much nesting; check the brackets and indentation")


def _check_key(event: yaml.ScalarEvent, container: dict, container_marks: dict) -> None:
    """Refuse unusual keys: tagged, very long, with control characters, merge keys and duplicates."""
    _control_character(event)
    if event.tag and event.tag not in ("!", "tag:yaml.org,2002:str"):
        raise Limit(f"the tag {event.tag!r} is not allowed on a key", event.start_mark, _TAG_HINT)
    if len(event.value) > 200:
        raise Limit("a mapping key is longer than 200 characters", event.start_mark,
                     "is a ':' missing after a name, or does text containing ': ' need quotes?")
    if event.value == "<<" and not event.style:
        raise Limit("merge keys (<<: *anchor) are not supported", event.start_mark, "write the fields out in full")
    if event.value in container:
        first = container_marks[event.value].line + 1
        raise Limit(f"duplicate key '{event.value}' (first defined on line {first})", event.start_mark,
                     "each key may appear once in a mapping; YAML would silently keep only the last")


class _NoKey:
    def __repr__(self) -> str:
        return "<no key>"


_NO_KEY = _NoKey()


def _copy(value: Any) -> Any:
    """Deep-copy an aliased value (its depth is bounded by MAX_DEPTH, its size by MAX_NODES)."""
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value




class _Unusual(Exception):
    """Raised by the fast builder for anything it leaves to `build_marked`."""


def build_fast(text: str | bytes) -> Any:
    """Build values without positions, for the common case of a well-formed file.

    Anything unusual (tags, anchors, aliases, long values, big numbers, odd keys, limits reached)
    raises _Unusual, so that `build_marked` handles it with every rule and a precise position.
    Positions are only needed when a file has a problem, so they are computed later, on demand.
    """
    container: Any = []
    document = container
    is_map, key = False, _NO_KEY
    stack: list[tuple] = []
    nodes = documents = 0
    scalar_event, mapping_start, sequence_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    parser = _Loader(text)
    try:
        get_event = parser.get_event
        while True:
            event = get_event()
            kind = type(event)
            if kind is scalar_event:
                nodes += 1
                value = event.value
                if (event.tag is not None or event.anchor is not None or len(value) > MAX_SCALAR_CHARS
                        or nodes > MAX_NODES or (event.style == '"' and _CONTROL.search(value))):
                    raise _Unusual
                if is_map and key is _NO_KEY:
                    if len(value) > 200 or value == "<<" or value in container:
                        raise _Unusual
                    key = value
                    continue
                if not event.style:
                    if value in _WORDS:
                        value = _WORDS[value]
                    elif value[:1] in _NUMBER_START:
                        if value.isdigit() and value.isascii() and len(value) < 15:
                            value = int(value)
                        else:
                            value = _plain(value, None)
            elif kind is mapping_start or kind is sequence_start:
                nodes += 1
                if (event.tag is not None or event.anchor is not None or len(stack) >= MAX_DEPTH
                        or nodes > MAX_NODES or (is_map and key is _NO_KEY)):
                    raise _Unusual
                stack.append((container, is_map, key))
                is_map = kind is mapping_start
                container = {} if is_map else []
                key = _NO_KEY
                continue
            elif kind is mapping_end or kind is sequence_end:
                value = container
                container, is_map, key = stack.pop()
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Unusual
                continue
            elif kind is yaml.StreamEndEvent or event is None:
                break
            elif kind is yaml.AliasEvent:
                raise _Unusual
            else:  # stream start, document end
                continue
            if is_map:
                container[key] = value
                key = _NO_KEY
            else:
                container.append(value)
    finally:
        parser.dispose()
    return document[0] if document else None


def build(text: str | bytes) -> tuple[Any, bool]:
    """Values of a YAML text, and whether `build_marked` was needed (raises Limit or a YAML error)."""
    try:
        return build_fast(text), False
    except (_Unusual, Limit):
        return build_marked(text)[0], True
