"""Read YAML content files safely, remembering where every value came from.

We build values from PyYAML's event stream ourselves instead of using a constructor, which lets us:
refuse custom tags (nothing can run code), detect duplicate keys, bound alias expansion, nesting depth
and size, and resolve plain scalars the YAML 1.2 way (`no`, `on`, `12:30` stay strings).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from game.scenario.errors import ContentError

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 200_000
MAX_SCALAR_CHARS = 20_000

Path = tuple
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+)([eE][-+]?[0-9]+)?$")
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_NULL = {"", "~", "null", "Null", "NULL"}
_ALLOWED_TAGS = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
    "tag:yaml.org,2002:bool": bool,
    "tag:yaml.org,2002:null": None,
    "tag:yaml.org,2002:map": dict,
    "tag:yaml.org,2002:seq": list,
}
_YAML11_BOOLS = {"yes", "no", "on", "off", "y", "n", "Yes", "No", "On", "Off", "YES", "NO", "ON", "OFF"}


@dataclass
class Document:
    """A parsed file: its value and the (line, column) of each path, both 1-based."""

    file: str
    data: Any
    positions: dict[Path, tuple[int, int]]

    def where(self, path: Path) -> tuple[int, int]:
        """Position of `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))


class _Limit(Exception):
    def __init__(self, message: str, line: int, column: int, hint: str = "") -> None:
        super().__init__(message)
        self.message, self.line, self.column, self.hint = message, line, column, hint


def _scalar(event: yaml.ScalarEvent) -> Any:
    value = event.value
    line, col = event.start_mark.line + 1, event.start_mark.column + 1
    if len(value) > MAX_SCALAR_CHARS:
        raise _Limit(f"a text value is longer than {MAX_SCALAR_CHARS} characters", line, col)
    tag = event.tag
    if tag and tag != "!":
        if tag not in _ALLOWED_TAGS:
            raise _Limit(f"the tag {tag!r} is not allowed", line, col,
                         "content files may only hold plain text, numbers, true/false, lists and mappings")
        kind = _ALLOWED_TAGS[tag]
        if kind is str:
            return value
        if kind is None:
            return None
        return _plain(value, line, col, forced=kind)
    if event.style or tag == "!":
        return value  # quoted, literal or folded: always text
    return _plain(value, line, col)


def _plain(value: str, line: int, col: int, forced: type | None = None) -> Any:
    if value in _NULL and forced in (None,):
        return None
    if value in _TRUE and forced in (None, bool):
        return True
    if value in _FALSE and forced in (None, bool):
        return False
    if _INT.match(value) and forced in (None, int):
        return int(value.replace("+", ""))
    if _FLOAT.match(value) and forced in (None, float):
        return float(value)
    if forced is not None:
        raise _Limit(f"{value!r} is not a valid {forced.__name__}", line, col)
    return value


def read_yaml(raw: bytes, file: str) -> tuple[Document | None, list[ContentError]]:
    """Parse bytes into a Document, or return clear errors naming the file."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [ContentError(file, 1, 1, "", f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB",
                                   "split the content into several files")]
    if b"\x00" in raw:
        return None, [ContentError(file, 1, 1, "", "this is a binary file, not YAML text", "")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        col = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        return None, [ContentError(file, line, col, "", "the file is not valid UTF-8 text",
                                   "save the file as UTF-8")]
    text = text.removeprefix("\ufeff")
    if not text.strip() or all(l.strip().startswith("#") or not l.strip() for l in text.splitlines()):
        return None, [ContentError(file, 1, 1, "", "the file is empty", "add at least one section, e.g. meters:")]
    try:
        data, positions = _build(text)
    except _Limit as err:
        return None, [ContentError(file, err.line, err.column, "", err.message, err.hint)]
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = (err.problem or err.context or "YAML syntax error").strip()
        hint = ""
        if "\\t" in problem or "'\\t'" in problem or "tab" in problem:
            hint = "indent with spaces; YAML does not allow tabs for indentation"
        elif "mapping values are not allowed" in problem:
            hint = "a text value containing ': ' must be quoted"
        return None, [ContentError(file, line, col, "", f"YAML syntax error: {problem}", hint)]
    except yaml.YAMLError as err:
        return None, [ContentError(file, 1, 1, "", f"YAML error: {str(err).splitlines()[0]}", "")]
    except RecursionError:
        return None, [ContentError(file, 1, 1, "", f"the file nests deeper than {MAX_DEPTH} levels", "")]
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        return None, [ContentError(file, 1, 1, "", f"the file holds {kind}; a content file must be a mapping of "
                                   "sections", "start with a section name such as `meters:` or `events:`")]
    return Document(file, data, positions), []


def _build(text: str) -> tuple[Any, dict[Path, tuple[int, int]]]:
    """Turn the event stream into Python values with an explicit stack (no recursion)."""
    positions: dict[Path, tuple[int, int]] = {}
    anchors: dict[str, tuple[Any, int]] = {}
    stack: list[list] = []  # frames: [container, path, pending_key, key_pos, anchor, start_count]
    root: Any = None
    documents = 0
    nodes = 0

    def attach(value: Any, mark: yaml.Mark, size: int) -> None:
        nonlocal root
        line, col = mark.line + 1, mark.column + 1
        if not stack:
            root = value
            positions[()] = (line, col)
            return
        frame = stack[-1]
        container, path = frame[0], frame[1]
        if isinstance(container, list):
            positions[path + (len(container),)] = (line, col)
            container.append(value)
            return
        if frame[2] is _NO_KEY:
            if not isinstance(value, (str, int, float, bool)) or value is None:
                raise _Limit("a mapping key must be a plain name", line, col)
            key = str(value)
            if key in container:
                first = positions.get(path + (key,), (0, 0))[0]
                raise _Limit(f"duplicate key '{key}' (first defined on line {first})", line, col,
                             "each key may appear once in a mapping; YAML would silently keep only the last")
            frame[2], frame[3] = key, (line, col)
            return
        key = frame[2]
        positions[path + (key,)] = frame[3]
        container[key] = value
        frame[2] = _NO_KEY

    def child_path() -> Path:
        if not stack:
            return ()
        frame = stack[-1]
        if isinstance(frame[0], list):
            return frame[1] + (len(frame[0]),)
        return frame[1] + (frame[2],)

    for event in yaml.parse(text, Loader=_Loader):
        mark = event.start_mark
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _Limit("a content file may hold only one YAML document", mark.line + 1, mark.column + 1,
                             "remove the extra '---' or split into several files")
            continue
        if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)):
            continue
        nodes += 1
        if nodes > MAX_NODES:
            raise _Limit(f"the file has more than {MAX_NODES} values", mark.line + 1, mark.column + 1)
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in anchors:
                raise _Limit(f"unknown alias *{event.anchor}", mark.line + 1, mark.column + 1)
            value, size = anchors[event.anchor]
            nodes += size
            if nodes > MAX_NODES:
                raise _Limit(f"aliases expand to more than {MAX_NODES} values", mark.line + 1, mark.column + 1,
                             "avoid deeply repeated aliases (*name)")
            attach(_copy(value), mark, size)
            continue
        if isinstance(event, yaml.ScalarEvent):
            if stack and isinstance(stack[-1][0], dict) and stack[-1][2] is _NO_KEY:
                attach(event.value, mark, 1)
                continue
            value = _scalar(event)
            if event.anchor:
                anchors[event.anchor] = (value, 1)
            attach(value, mark, 1)
            continue
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            tag = event.tag
            if tag and tag not in _ALLOWED_TAGS:
                raise _Limit(f"the tag {tag!r} is not allowed", mark.line + 1, mark.column + 1,
                             "content files may only hold plain text, numbers, true/false, lists and mappings")
            if stack and isinstance(stack[-1][0], dict) and stack[-1][2] is _NO_KEY:
                raise _Limit("a mapping key must be a plain name", mark.line + 1, mark.column + 1)
            if len(stack) >= MAX_DEPTH:
                raise _Limit(f"the file nests deeper than {MAX_DEPTH} levels", mark.line + 1, mark.column + 1)
            container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
            stack.append([container, child_path(), _NO_KEY, None, event.anchor, nodes, mark])
            continue
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            frame = stack.pop()
            container, anchor, start, start_mark = frame[0], frame[4], frame[5], frame[6]
            if anchor:
                anchors[anchor] = (container, nodes - start + 1)
            attach(container, start_mark, nodes - start + 1)
    return root, positions


class _NoKey:
    def __repr__(self) -> str:
        return "<no key>"


_NO_KEY = _NoKey()


def _copy(value: Any) -> Any:
    """Deep-copy an aliased value iteratively (aliases are bounded by MAX_NODES already)."""
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


def yaml11_boolean_hint(value: Any) -> str:
    """A hint for a YAML 1.1 boolean word where true/false was meant."""
    if isinstance(value, str) and value in _YAML11_BOOLS:
        return f"write true or false; '{value}' is read as text"
    return ""
