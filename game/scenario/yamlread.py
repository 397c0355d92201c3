"""Read YAML content files safely, and find where any value came from when a message needs it.

The rules (no tags, no duplicate keys, bounded aliases, depth and size, YAML 1.2 scalars) are enforced
in `yamlevents.py`. Positions are computed only for files that get an error or a warning.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from game.scenario.errors import ContentError
from game.scenario.yamlevents import (
    MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES, MAX_NUMBER, MAX_SCALAR_CHARS, Limit, build, build_marked,
)
from game.scenario.yamlhints import syntax_hint

__all__ = ["MAX_DEPTH", "MAX_FILE_BYTES", "MAX_NODES", "MAX_NUMBER", "MAX_SCALAR_CHARS", "Document", "read_yaml",
           "yaml11_boolean_hint"]

Path = tuple
# A line that is neither blank nor a comment. Lines end at any YAML line break: LF, CR LF, or CR alone
# (a file from an old Mac editor is one "line" to a \n-only rule, and its first comment hid everything).
_CONTENT_LINE = re.compile(r"(?:\A|(?<=[\r\n\x85\u2028\u2029]))[ \t]*[^#\s]")
_YAML11_BOOLS = {"yes", "no", "on", "off", "y", "n", "Yes", "No", "On", "Off", "YES", "NO", "ON", "OFF"}
_BOM = b"\xef\xbb\xbf"


class Document:
    """A parsed file: its name, its value, and (on demand) the position of every entry and item."""

    def __init__(self, file: str, data: Any, source: bytes) -> None:
        self.file = file
        self.data = data
        self._source = source
        self._located: tuple[Any, dict[int, Any], Any] | None = None
        self._written: dict = {}

    def where(self, path: Path) -> tuple[int, int]:
        """1-based (line, column) of `path`, or of its nearest ancestor that has a position."""
        if self._located is None:
            self._located = _locate(self._source, self._written)
        # `marks` maps id(container) of each mapping or list to its companion: key -> mark of the key
        # for a mapping, the marks of the items for a list. Marks have 0-based line and column.
        node, marks, best = self._located
        for part in path:
            companion = marks.get(id(node))
            if companion is None:
                break
            try:
                mark, node = companion[part], node[part]
            except (KeyError, IndexError, TypeError):
                break
            best = mark
        return (best.line + 1, best.column + 1) if best is not None else (1, 1)


    def written(self, path: Path) -> str | None:
        """How the author wrote the plain number at `path` when its value reads differently (`02142`), else None."""
        self.where(path)
        node: Any = self._located[0] if self._located else None
        for part in path[:-1]:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return None
        return self._written.get((id(node), path[-1])) if path else None


def _locate(source: bytes, written: dict) -> tuple[Any, dict[int, Any], Any]:
    """Parse again, recording marks (the source already parsed once, so this cannot fail)."""
    try:
        return build_marked(source, written)
    except (Limit, yaml.YAMLError):
        return None, {}, None


def read_yaml(raw: bytes, file: str) -> tuple[Document | None, list[ContentError]]:
    """Parse bytes into a Document, or return clear errors naming the file."""
    def fail(message: str, line: int = 1, column: int = 1, hint: str = "") -> tuple[None, list[ContentError]]:
        return None, [ContentError(file, line, column, "", message, hint)]

    if len(raw) > MAX_FILE_BYTES:
        return fail(f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB",
                    hint="split the content into several files")
    if b"\x00" in raw:
        encoding = wide_encoding(raw)
        if encoding:
            return fail(f"the file is {encoding} text; content files are UTF-8",
                        hint="save it as UTF-8 (in most editors: Save with Encoding, UTF-8)")
        return fail("this is a binary file, not YAML text", hint="content files are UTF-8 text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        col = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        return fail("the file is not valid UTF-8 text", line, col, "save the file as UTF-8")
    if _CONTENT_LINE.search(text) is None:
        return fail("the file is empty", hint="add at least one section, e.g. meters:")
    source = raw.removeprefix(_BOM)  # libyaml reads the UTF-8 bytes directly
    try:
        data = build(source)[0]
    except Limit as err:
        return fail(err.message, err.line, err.column, err.hint)
    except yaml.reader.ReaderError as err:
        line, col = _offset_position(source, err.position)
        return fail(f"the file contains the control character U+{err.character:04X}", line, col,
                    "remove it: YAML text may not hold control characters")
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = (err.problem or err.context or "YAML syntax error").strip()
        return fail(f"YAML syntax error: {problem}", line, col, syntax_hint(text, line, col, problem))
    except yaml.YAMLError as err:
        return fail(f"YAML error: {str(err).splitlines()[0] if str(err) else type(err).__name__}")
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        return fail(f"the file holds {kind}; a content file must be a mapping of sections",
                    hint="start with a section name such as `meters:` or `events:`")
    return Document(file, data, source), []


def wide_encoding(raw: bytes) -> str:
    """'UTF-16' or 'UTF-32' when the bytes look like text in that encoding (by BOM or zero bytes), else ''."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    sample = raw[:4096]
    for width, name in ((4, "UTF-32"), (2, "UTF-16")):
        units = [sample[i:i + width] for i in range(0, len(sample) - width + 1, width)]
        ascii_units = sum(1 for unit in units if unit.count(0) == width - 1 and 0 < max(unit) < 0x80)
        if units and ascii_units >= 0.6 * len(units):
            return name
    return ""


def _offset_position(source: bytes, offset: int) -> tuple[int, int]:
    """1-based (line, column) of a byte offset, counting characters in the column."""
    offset = max(0, min(offset, len(source)))
    start = source.rfind(b"\n", 0, offset) + 1
    return source.count(b"\n", 0, offset) + 1, len(source[start:offset].decode("utf-8", "replace")) + 1


def yaml11_boolean_hint(value: Any) -> str:
    """A hint for a YAML 1.1 boolean word where true/false was meant."""
    if isinstance(value, str) and value in _YAML11_BOOLS:
        return f"write true or false; '{value}' is read as text"
    return ""
