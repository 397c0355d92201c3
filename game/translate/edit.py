"""Change single text scalars in a YAML file's text and nothing else, byte for byte.

Each new value keeps the scalar's style where that reads back as the same string (plain, single or
double quoted, literal `|` or folded `>` blocks); otherwise it is written double quoted (JSON string
escapes are valid YAML). Every edited file is read back with the game's reader and compared with what
was intended before it is accepted.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass

import yaml

from game.translate.texts import SourceFile, Text, TranslateError, get_in, read_data

PLAIN_START = set("-?:,[]{}#&*!|>'\"%@`")
FLOW = set(",[]{}")
YAML12_NOT_TEXT = re.compile(r"[-+]?(0o[0-7]+|0x[0-9a-f]+|\.inf|\.nan)", re.I)


@dataclass(frozen=True)
class Change:
    """Set `lang` of the pair `text` to `value` (the pair may lack that language yet)."""

    text: Text
    lang: str
    value: str


def apply_changes(source: SourceFile, changes: list[Change]) -> tuple[str, list[Change]]:
    """The file's new text, and the changes that could not be placed (a missing language in a pair
    written as `- zh: ...`). Raises TranslateError when no rendering reads back as intended."""
    placed = [c for c in changes if c.text.scalar(c.lang) is not None or _insertion(source.text, c, True)]
    unplaced = [c for c in changes if c not in placed]
    for keep_style in (True, False):
        new = _edit(source.text, placed, keep_style)
        if _reads_back(source, new, placed):
            return new, unplaced
    raise TranslateError(f"{source.name}: the new texts would not read back as written; nothing was changed")


def _edit(text: str, changes: list[Change], keep_style: bool) -> str:
    edits: list[tuple[int, int, str]] = []
    for change in changes:
        node = change.text.scalar(change.lang)
        if node is None:
            insertion = _insertion(text, change, keep_style)
            assert insertion is not None, "apply_changes passes only changes that have a place"
            edits.append(insertion)
            continue
        start, end = node.start_mark.index, node.end_mark.index
        span = text[start:end]
        core = span.rstrip("\n \t") if node.style in ("|", ">") else span
        flow = bool(change.text.node.flow_style)
        edits.append((start, start + len(core), render(change.value, node.style, core, flow) if keep_style
                      else quoted(change.value)))
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _insertion(text: str, change: Change, keep_style: bool) -> tuple[int, int, str] | None:
    """Where and what to insert for a language the pair lacks (None when there is no safe place)."""
    pair = change.text.node
    value = quoted(change.value)
    if pair.flow_style:
        last = pair.value[-1][1].end_mark.index
        return last, last, f", {change.lang}: {value}"
    first = pair.value[0][0].start_mark.index
    line_start = text.rfind("\n", 0, first) + 1
    prefix = text[line_start:first]
    if prefix.strip():
        return None
    newline = "\r\n" if "\r\n" in text else "\n"
    return line_start, line_start, f"{prefix}{change.lang}: {value}{newline}"


def quoted(value: str) -> str:
    """A double-quoted YAML scalar for any string, on one line."""
    return json.dumps(value, ensure_ascii=False)


def render(value: str, style: str | None, core: str, flow: bool) -> str:
    """`value` in the style of the original scalar `core` where it reads back the same, else quoted."""
    if style is None:
        return value if plain_ok(value, flow) else quoted(value)
    if style == "'":
        return "'" + value.replace("'", "''") + "'" if "\n" not in value and value.strip() == value else quoted(value)
    if style in ("|", ">"):
        return _block(value, style, core) or quoted(value)
    return quoted(value)


def plain_ok(value: str, flow: bool) -> bool:
    """Whether `value` can be written as a plain scalar and read back as the same string."""
    if not value or value != value.strip() or "\n" in value or "\t" in value or "\r" in value:
        return False
    if value[0] in PLAIN_START or ": " in value or " #" in value or value.endswith(":"):
        return False
    if flow and any(ch in FLOW for ch in value):
        return False
    if YAML12_NOT_TEXT.fullmatch(value):
        return False
    try:
        return yaml.safe_load(value) == value
    except yaml.YAMLError:
        return False


def _block(value: str, style: str, core: str) -> str | None:
    header, _, body_text = core.partition("\n")
    indicator = header.strip()
    if any(ch.isdigit() for ch in indicator) or "+" in indicator or not body_text:
        return None
    indent = body_text[:len(body_text) - len(body_text.lstrip(" "))]
    strip = "-" in indicator
    if strip:
        if value.endswith("\n"):
            return None
        body = value
    else:
        if not value.endswith("\n") or value.endswith("\n\n"):
            return None
        body = value[:-1]
    if not body or body[0] in " \t\n":
        return None
    if style == ">" and "\n" not in body and "  " not in body and body == body.strip():
        width = max(60, max(len(line) for line in body_text.split("\n")))
        lines = _wrap(body, width - len(indent))
    else:
        header = header.replace(">", "|")
        lines = body.split("\n")
    return header + "\n" + "\n".join(indent + line if line else "" for line in lines)


def _wrap(text: str, width: int) -> list[str]:
    words, lines, line = text.split(" "), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line]


def _reads_back(source: SourceFile, new: str, changes: list[Change]) -> bool:
    try:
        after = read_data(new, source.name)
    except TranslateError:
        return False
    expected = copy.deepcopy(read_data(source.text, source.name))
    for change in changes:
        pair = get_in(expected, change.text.raw_path)
        if not isinstance(pair, dict):
            return False
        pair[change.lang] = change.value
    return after == expected
