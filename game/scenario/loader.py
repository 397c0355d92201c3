"""Load a scenario: a folder of YAML files (or one file), validated, merged by id and cross-checked."""

from __future__ import annotations

import contextlib
import gc
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from pydantic import ValidationError

from game.scenario.errors import ContentError, ScenarioLoadError
from game.scenario.models import (
    SECTIONS, Claim, ContentFile, Debrief, Directive, Ending, Event, Inspection, Meter, Modifier, Request,
    ScenarioInfo,
)
from game.scenario.pydantic_errors import validation_errors
from game.scenario.yamlread import MAX_FILE_BYTES, Document, read_yaml

MAX_FILES = 500
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Scenario:
    """A merged, validated scenario; the engine compiles it into runtime tables."""

    info: ScenarioInfo
    meters: tuple[Meter, ...]
    directives: tuple[Directive, ...]
    requests: tuple[Request, ...]
    inspections: tuple[Inspection, ...]
    events: tuple[Event, ...]
    endings: tuple[Ending, ...]
    modifiers: tuple[Modifier, ...]
    claims: tuple[Claim, ...]
    debrief: Debrief
    content_hash: str
    source: str
    warnings: tuple[ContentError, ...] = field(default=(), compare=False)

    @property
    def id(self) -> str:
        return self.info.id


@dataclass
class ParsedFile:
    """A content file read and validated on its own, with positions for later checks."""

    doc: Document
    content: ContentFile


def content_files(path: Path) -> list[Path]:
    """The YAML files of a scenario folder (sorted, hidden ones skipped), or the file itself."""
    if path.is_file():
        return [path]
    files = sorted(
        p for p in path.rglob("*")
        if p.suffix in YAML_SUFFIXES and p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
    )
    return files


def hash_files(files: list[tuple[str, bytes]]) -> str:
    """A content hash over relative names and bytes, independent of where the folder lives."""
    digest = hashlib.sha256()
    for name, raw in sorted(files):
        digest.update(name.encode("utf-8") + b"\x00" + len(raw).to_bytes(8, "big") + raw)
    return digest.hexdigest()[:16]


def display_name(file: Path, base: Path) -> str:
    """A short name for messages: relative to the folder's parent when possible."""
    try:
        return str(file.relative_to(base.parent if base.is_dir() else base.parent))
    except ValueError:
        return str(file)


def parse_files(path: Path) -> tuple[list[ParsedFile], list[ContentError], str]:
    """Read and validate every file on its own; return parsed files, errors and the content hash."""
    errors: list[ContentError] = []
    if not path.exists():
        raise FileNotFoundError(str(path))
    if path.is_file() and path.suffix not in YAML_SUFFIXES:
        return [], [ContentError(path.name, 1, 1, "", "not a YAML content file",
                                 "content files end in .yaml or .yml")], ""
    files = content_files(path)
    if not files:
        return [], [ContentError(str(path), 1, 1, "", "no .yaml files found", "a scenario folder needs scenario.yaml")], ""
    if len(files) > MAX_FILES:
        return [], [ContentError(str(path), 1, 1, "", f"more than {MAX_FILES} content files", "")], ""
    parsed: list[ParsedFile] = []
    raws: list[tuple[str, bytes]] = []
    for file in files:
        name = display_name(file, path)
        try:
            with file.open("rb") as handle:  # never read more than the size limit, whatever the file
                raw = handle.read(MAX_FILE_BYTES + 1)
        except OSError as err:
            errors.append(ContentError(name, 1, 1, "", f"cannot read the file: {err.strerror or err}", ""))
            continue
        raws.append((file.relative_to(path).as_posix() if path.is_dir() else file.name, raw))
        doc, problems = read_yaml(raw, name)
        errors.extend(problems)
        if doc is None:
            continue
        try:
            parsed.append(ParsedFile(doc, ContentFile.model_validate(doc.data)))
        except ValidationError as err:
            errors.extend(validation_errors(err, doc, ContentFile))
        except RecursionError:
            errors.append(ContentError(name, 1, 1, "", "the file nests too deeply", ""))
    return parsed, errors, hash_files(raws)


def merge(parsed: list[ParsedFile], content_hash: str, source: str) -> Scenario:
    """Merge validated files into one Scenario (duplicates are reported by the checker)."""
    infos = [p.content.scenario for p in parsed if p.content.scenario is not None]
    sections: dict[str, list] = {name: [] for name in SECTIONS}
    reflections, questions, notes = [], [], []
    for p in parsed:
        for name, items in sections.items():
            items.extend(getattr(p.content, name))
        if p.content.debrief:
            reflections.extend(p.content.debrief.reflections)
            questions.extend(p.content.debrief.questions)
            notes.extend(p.content.debrief.research_notes)
    return Scenario(
        info=infos[0],
        debrief=Debrief(reflections=reflections, questions=questions, research_notes=notes),
        content_hash=content_hash,
        source=source,
        **{name: tuple(items) for name, items in sections.items()},
    )


@dataclass
class LoadReport:
    """Everything `validate` prints: the scenario (if valid), errors, warnings and stats."""

    scenario: Scenario | None
    errors: list[ContentError]
    warnings: list[ContentError]
    stats: dict


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector while loading.

    Loading creates hundreds of thousands of small acyclic objects; the collector's repeated full
    scans of them took about a quarter of the time. Reference counting still frees garbage.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_report(path: Path) -> LoadReport:
    """Load and check a scenario, collecting every error rather than stopping at the first."""
    with _no_cycle_collection():
        return _load_report(Path(path))


def _load_report(path: Path) -> LoadReport:
    from game.scenario.checks import check_scenario

    parsed, errors, content_hash = parse_files(path)
    infos = [p for p in parsed if p.content.scenario is not None]
    if not infos and not errors:
        first = parsed[0].doc.file if parsed else str(path)
        hint = ("put `scenario:` with id, title, weeks, hours_per_week, languages and scoring in scenario.yaml"
                if path.is_dir() else "to check one file of a scenario, validate the scenario's folder")
        errors.append(ContentError(first, 1, 1, "scenario", "no file has a `scenario:` header", hint))
    if not infos or errors:
        # cross-file checks on a partial scenario would only add noise: fix the files first
        return LoadReport(None, errors, [], partial_stats(parsed))
    for extra in infos[1:]:
        line, col = extra.doc.where(("scenario",))
        errors.append(ContentError(extra.doc.file, line, col, "scenario",
                                   f"a second `scenario:` header (the first is in {infos[0].doc.file})",
                                   "only one file of a scenario may have the header"))
    scenario = merge(parsed, content_hash, str(path))
    check_errors, warnings, stats = check_scenario(scenario, parsed)
    errors.extend(check_errors)
    if errors:
        return LoadReport(None, errors, warnings, stats)
    return LoadReport(_with_warnings(scenario, warnings), errors, warnings, stats)


def partial_stats(parsed: list[ParsedFile]) -> dict:
    """Stats over the files that did parse, when the scenario as a whole could not be checked."""
    info = next((p.content.scenario for p in parsed if p.content.scenario is not None), None)
    def count(section: str) -> int:
        return sum(len(getattr(p.content, section)) for p in parsed)
    return {
        "turns": info.weeks if info else None,
        "meters": count("meters"),
        "tasks": count("directives"),
        "requests": count("requests"),
        "events": count("events"),
        "endings": count("endings"),
        "inspections": count("inspections"),
        "languages": list(info.languages) if info else [],
        "missing_translations": None,
    }


def _with_warnings(scenario: Scenario, warnings: list[ContentError]) -> Scenario:
    from dataclasses import replace

    return replace(scenario, warnings=tuple(warnings))


def load_scenario(path: Path) -> Scenario:
    """Load a valid scenario or raise ScenarioLoadError with every problem found."""
    report = load_report(Path(path))
    if report.scenario is None:
        raise ScenarioLoadError(report.errors, report.warnings)
    return report.scenario
