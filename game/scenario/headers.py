"""What a list of scenarios shows, read from the files' YAML alone: nothing is validated.

`grassroots scenarios` and the new-game form list every scenario found; validating each (250-400 ms for
the shipped one) only to print a title made them slow (issue 15). This reads the header file
(scenario.yaml) and, for the variants, only the files that declare `variants:` at the top level, with the
safe reader. Texts are cleaned for the terminal; anything missing or of the wrong shape is left out
(loading the scenario is what reports its problems).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["ScenarioHeader", "VariantHeader", "read_header"]

HEADER = "scenario.yaml"
LANGUAGES = ("zh", "en")
_DECLARES_VARIANTS = re.compile(rb"^variants\s*:", re.MULTILINE)


@dataclass(frozen=True)
class VariantHeader:
    """A variant as declared: its id, title and summary by language, and its length in weeks."""

    id: str
    titles: dict[str, str]
    summaries: dict[str, str]
    weeks: int | None


@dataclass(frozen=True)
class ScenarioHeader:
    """A scenario's title by language and length in weeks (None when the header does not say), its
    declared variants, and whether the header file could be read as YAML with a `scenario:` mapping."""

    titles: dict[str, str]
    weeks: int | None
    variants: tuple[VariantHeader, ...]
    readable: bool


def read_header(path: Path) -> ScenarioHeader:
    """The header of the scenario folder (or one-file scenario) at `path`; never raises."""
    header_file = path / HEADER if path.is_dir() else path
    info = _mapping(_read(header_file), "scenario")
    if info is None:
        return ScenarioHeader({}, None, (), False)
    weeks = _weeks(info.get("weeks"))
    variants = tuple(_variant(item, weeks) for item in _declared_variants(path) if isinstance(item, dict)
                     and isinstance(item.get("id"), str))
    return ScenarioHeader(texts(info.get("title")), weeks, variants, True)


def texts(value: Any) -> dict[str, str]:
    """A `{zh:, en:}` text (or one plain text for both) as {language: one clean line}; {} for anything else."""
    from game.safe_text import clean_line

    if isinstance(value, str) and value.strip():
        return {lang: clean_line(value) for lang in LANGUAGES}
    if isinstance(value, dict):
        return {lang: clean_line(text) for lang, text in value.items()
                if lang in LANGUAGES and isinstance(text, str) and text.strip()}
    return {}


def pick(values: dict[str, str], lang: str, fallback: str = "") -> str:
    """The text in `lang`, else in the other language, else `fallback`."""
    return values.get(lang) or next(iter(values.values()), "") or fallback


def _read(file: Path) -> Any:
    from game.scenario.sources import read_bytes
    from game.scenario.yamlread import read_yaml

    raw = read_bytes(file)
    if isinstance(raw, OSError):
        return None
    document, _ = read_yaml(raw, file.name)
    return document.data if document is not None else None


def _mapping(data: Any, key: str) -> dict | None:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, dict) else None


def _weeks(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def _declared_variants(path: Path) -> list[Any]:
    """The items of every top-level `variants:` list in the scenario's files (only those files are read)."""
    from game.scenario.sources import TooDeep, content_files, read_bytes

    try:
        files = content_files(path) if path.is_dir() else [path]
    except TooDeep:
        return []
    found: list[Any] = []
    for file in files:
        raw = read_bytes(file)
        if isinstance(raw, bytes) and _DECLARES_VARIANTS.search(raw):
            data = _read(file)
            items = data.get("variants") if isinstance(data, dict) else None
            found.extend(items if isinstance(items, list) else [])
    return found


def _variant(item: dict, weeks: int | None) -> VariantHeader:
    from game.safe_text import clean_line

    changed = item.get("set")
    variant_weeks = (_weeks(changed.get("weeks")) if isinstance(changed, dict) else None) or weeks
    return VariantHeader(clean_line(item["id"]), texts(item.get("title")), texts(item.get("summary")), variant_weeks)
