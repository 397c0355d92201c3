"""A scenario's texts as a gettext PO file (polib), and a translated PO file back into the YAML.

One entry per `{zh:, en:}` pair: msgctxt is the pair's stable id (its field path, list items named by
id), msgid the source language's text, msgstr the target language's, and the reference (`#:`) the file
and line of the target text. Import changes only the target scalars whose translation differs and
whose source text is still the one translated (else the entry is *stale* and left out).
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import polib

from game.translate.edit import Change, apply_changes
from game.translate.texts import LANGS, SourceFile, Text, TranslateError, read_data, scenario_files


def other(lang: str) -> str:
    return LANGS[1 - LANGS.index(lang)]


def default_source(folder: Path) -> str:
    """The scenario's `default_language` (the language it was written in), else zh."""
    header = folder / "scenario.yaml" if folder.is_dir() else folder
    try:
        data = read_data(header.read_bytes().decode("utf-8"), header.name)
        lang = data["scenario"].get("default_language")
    except (OSError, UnicodeDecodeError, TranslateError, KeyError, TypeError, AttributeError):
        lang = None
    return lang if lang in LANGS else "zh"


def export_po(folder: Path, scenario_id: str, source: str, target: str) -> polib.POFile:
    """Every text that has a `source` version, with its current `target` version (empty when missing)."""
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": scenario_id,
        "Language": target,
        "X-Source-Language": source,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    for file in scenario_files(folder):
        for text in file.texts:
            original = text.values.get(source)
            if not original:
                continue
            lang = target if target in text.values else source
            po.append(polib.POEntry(msgctxt=text.context, msgid=original, msgstr=text.values.get(target, ""),
                                    occurrences=[(file.name, str(text.line(lang)))]))
    return po


def read_po(path: Path) -> polib.POFile:
    """A PO file (TranslateError when it cannot be read or parsed)."""
    if not path.is_file():
        raise TranslateError(f"no such file: {path}")
    try:
        return polib.pofile(str(path), wrapwidth=0)
    except (OSError, ValueError, UnicodeDecodeError) as err:
        raise TranslateError(f"cannot read {path}: {err}") from None


def languages_of(po: polib.POFile) -> tuple[str, str]:
    """(source, target) from the PO header (TranslateError when it names no usable pair)."""
    target, source = po.metadata.get("Language", ""), po.metadata.get("X-Source-Language", "")
    if target not in LANGS or source not in LANGS or source == target:
        raise TranslateError(f"the PO header must name Language and X-Source-Language, one of {', '.join(LANGS)} "
                             f"each (found {target or 'none'} and {source or 'none'}); export a new one")
    return source, target


@dataclass
class Comparison:
    """How a PO file's entries stand against the scenario's current texts (lists of msgctxt)."""

    changes: dict[str, list[Change]] = field(default_factory=dict)  # by file name: translations to write
    unchanged: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)  # the source text changed since the entry was made
    obsolete: list[str] = field(default_factory=list)  # no such text any more
    untranslated: list[str] = field(default_factory=list)
    fuzzy: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)  # a translation with no safe place in the file


def compare(files: list[SourceFile], po: polib.POFile) -> Comparison:
    source, target = languages_of(po)
    index: dict[str, tuple[SourceFile, Text]] = {t.context: (f, t) for f in files for t in f.texts}
    out = Comparison()
    for entry in po:
        if entry.obsolete:
            continue
        found = index.get(entry.msgctxt or "")
        if found is None:
            out.obsolete.append(entry.msgctxt or entry.msgid)
            continue
        file, text = found
        if entry.msgid != text.values.get(source):
            out.stale.append(text.context)
        elif "fuzzy" in entry.flags:
            out.fuzzy.append(text.context)
        elif not entry.msgstr:
            out.untranslated.append(text.context)
        elif entry.msgstr == text.values.get(target):
            out.unchanged.append(text.context)
        else:
            out.changes.setdefault(file.name, []).append(Change(text, target, entry.msgstr))
    return out


def import_po(folder: Path, po: polib.POFile, dry_run: bool = False) -> Comparison:
    """Write the PO file's new translations into the scenario's YAML (only those scalars change).

    Every file is edited in memory and checked first; then each changed file is replaced atomically.
    Raises TranslateError when a file cannot be read, edited or written."""
    files = {f.name: f for f in scenario_files(folder)}
    result = compare(list(files.values()), po)
    written: dict[Path, str] = {}
    for name, changes in result.changes.items():
        new, unplaced = apply_changes(files[name], changes)
        result.unplaced.extend(c.text.context for c in unplaced)
        if new != files[name].text:
            written[files[name].path] = new
    if not dry_run:
        for path, text in written.items():
            _replace(path, text)
    return result


def _replace(path: Path, text: str) -> None:
    try:
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(text.encode("utf-8"))
            os.chmod(temp, path.stat().st_mode & 0o777)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as err:
        raise TranslateError(f"cannot write {path}: {err.strerror or err}") from None


@dataclass
class Status:
    """Translations missing in the YAML, and (with a PO file) how the PO file stands."""

    source: str
    target: str
    total: int
    missing: list[str]  # a source text with no (or a blank) target text, as "file:line context"
    po: Comparison | None = None


def status(folder: Path, source: str, target: str, po: polib.POFile | None = None) -> Status:
    files = scenario_files(folder)
    missing, total = [], 0
    for file in files:
        for text in file.texts:
            if not (text.values.get(source) or "").strip():
                continue
            total += 1
            if not (text.values.get(target) or "").strip():
                missing.append(f"{file.name}:{text.line(source)} {text.context}")
    return Status(source, target, total, missing, compare(files, po) if po is not None else None)
