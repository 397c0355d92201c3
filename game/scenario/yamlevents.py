"""Build values from PyYAML's event stream: the rules of the content format, enforced as we go.

We never use a PyYAML constructor, which lets us refuse custom tags (nothing can run code), detect
duplicate keys, bound alias expansion, nesting depth and size, and resolve plain scalars the YAML 1.2
way (`no`, `on`, `12:30` stay strings). Two builders share the rules: a fast one without positions
for well-formed files, and a complete one that records marks and reports precise errors.
"""

from __future__ import annotations

from typing import Any

import yaml

from game.scenario.yamlscalars import (
    ALLOWED_TAGS, BLOCK_STYLES, CONTROL, MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES, MAX_NUMBER, MAX_SCALAR_CHARS,
    NUMBER_START, TAG_HINT, WORDS, Limit, Loader, control_character, laid_out, plain, scalar,
)

__all__ = ["MAX_DEPTH", "MAX_FILE_BYTES", "MAX_NODES", "MAX_NUMBER", "MAX_SCALAR_CHARS", "Limit", "build",
           "build_fast", "build_marked"]


def build_marked(text: str | bytes, written: dict | None = None) -> tuple[Any, dict[int, Any], Any]:
    """Turn the event stream into values and marks with an explicit stack (no recursion), or raise Limit.

    Enforces every rule of the format and records where each value came from. The open container
    lives in local variables, and the common cases (a key, a scalar) are handled inline. When `written`
    is a dict, it gets the source text of each plain number whose value reads differently (`02142`,
    `1.10`, `0x1F`), keyed by (id(container), key or index), so messages can quote what the author wrote.
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
    parser = Loader(text)
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
                    value = scalar(event)
                elif not event.style:  # plain: maybe a number, true/false or null; quoted is always text
                    if value in WORDS:
                        value = WORDS[value]
                    elif value[:1] in NUMBER_START:
                        value = plain(value, event.start_mark)
                if value.__class__ is str and (event.style in BLOCK_STYLES or " " in value and not value.isascii()):
                    value = laid_out(event, value)  # Chinese folded over lines, block scalars' last line break
                if event.anchor:
                    anchors[event.anchor] = (value, 1)
                mark = event.start_mark
                if written is not None and value.__class__ in (int, float) and event.value != str(value):
                    written[id(container), key if is_map else len(container)] = event.value
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
    if event.tag and event.tag not in ALLOWED_TAGS:
        raise Limit(f"the tag {event.tag!r} is not allowed", mark, TAG_HINT)
    if is_key:
        raise Limit("a mapping key must be a plain name", mark, "write `name: value`")
    if depth >= MAX_DEPTH:
        raise Limit(f"the file nests deeper than {MAX_DEPTH} levels", mark,
                     "content never needs this much nesting; check the brackets and indentation")


def _check_key(event: yaml.ScalarEvent, container: dict, container_marks: dict) -> None:
    """Refuse unusual keys: tagged, very long, with control characters, merge keys and duplicates."""
    control_character(event)
    if event.tag and event.tag not in ("!", "tag:yaml.org,2002:str"):
        raise Limit(f"the tag {event.tag!r} is not allowed on a key", event.start_mark, TAG_HINT)
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
    parser = Loader(text)
    try:
        get_event = parser.get_event
        while True:
            event = get_event()
            kind = type(event)
            if kind is scalar_event:
                nodes += 1
                value = event.value
                if (event.tag is not None or event.anchor is not None or len(value) > MAX_SCALAR_CHARS
                        or nodes > MAX_NODES or (event.style == '"' and CONTROL.search(value))):
                    raise _Unusual
                if is_map and key is _NO_KEY:
                    if len(value) > 200 or value == "<<" or value in container:
                        raise _Unusual
                    key = value
                    continue
                if not event.style:
                    if value in WORDS:
                        value = WORDS[value]
                    elif value[:1] in NUMBER_START:
                        if value.isdigit() and value.isascii() and len(value) < 15:
                            value = int(value)
                        else:
                            value = plain(value, None)
                if value.__class__ is str and (event.style in BLOCK_STYLES or " " in value and not value.isascii()):
                    value = laid_out(event, value)  # Chinese folded over lines, block scalars' last line break
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
