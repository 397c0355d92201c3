"""Check one content file: in the context of its scenario folder when it has one, else alone.

`grassroots validate events/x.yaml` uses this: the whole scenario is loaded (so references to other
files resolve) and only the problems of the named file are reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game.scenario.errors import ContentError
from game.scenario.loader import load_report, parse_files, partial_stats
from game.scenario.sources import Sources, content_files, display_name


@dataclass
class FileReport:
    """A file's errors and warnings, the stats of what was loaded, and how the file was checked."""

    errors: list[ContentError]
    warnings: list[ContentError]
    stats: dict
    context: str  # e.g. "in scenario lianhe-town" or "alone"
    notes: list[str] = field(default_factory=list)


def check_file(file: Path, folder: Path | None, sources: Sources | None = None) -> FileReport:
    """Check `file`; `folder` is its scenario folder (None: check it alone), `sources` that folder read.

    Alone, a file with a `scenario:` header is a whole one-file scenario; one without gets the checks
    each file passes on its own (YAML, fields, types, bounds), not those across files.
    """
    if folder is None:
        return _alone(file, sources)
    if file.resolve() not in {p.resolve() for p in content_files(folder)}:  # hidden, or not .yaml/.yml
        report = _alone(file, None)
        report.notes.append(f"the scenario in {folder} does not read this file (hidden names and files not ending "
                            "in .yaml or .yml are skipped)")
        return report
    loaded = load_report(folder, sources)
    name = display_name(file, folder)
    mine = [e for e in loaded.errors if e.file == name]
    others = [e for e in loaded.errors if e.file != name]
    notes = []
    if others:
        notes.append(f"{len(others)} error(s) in other files of the scenario; the checks across files were "
                     f"skipped or may be incomplete (validate {folder} to see them)")
    return FileReport(mine, [w for w in loaded.warnings if w.file == name], loaded.stats,
                      f"in scenario folder {folder.name}", notes)


def _alone(file: Path, sources: Sources | None) -> FileReport:
    parsed, errors, _ = parse_files(file, sources)
    if any(p.content.scenario is not None for p in parsed):
        report = load_report(file)
        return FileReport(report.errors, report.warnings, report.stats, "as a one-file scenario")
    return FileReport(errors, [], partial_stats(parsed), "alone (no scenario folder above it)",
                      ["references to other files were not checked"] if not errors else [])
