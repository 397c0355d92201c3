"""Load a scenario: a folder of YAML files (or one file), validated, merged by id and cross-checked.

The orchestrator: it reads, validates, merges and runs the checks. The types it hands out (Scenario,
ParsedFile, LoadReport) live in game/scenario/scenario_types.py, so that the checks and the engine need
not import this module."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from game.scenario.errors import ContentError, ScenarioLoadError
from game.scenario.gcpause import collector_paused
from game.scenario.models import SECTIONS, ContentFile, Debrief
from game.scenario.pydantic_errors import validation_errors
from game.scenario.sources import Sources, read_sources
from game.scenario.scenario_types import LoadReport, ParsedFile, Scenario
from game.scenario.yamlread import read_yaml

__all__ = ["LoadReport", "ParsedFile", "Scenario", "load_report", "load_scenario", "parse_files"]


def parse_files(path: Path, sources: Sources | None = None) -> tuple[list[ParsedFile], list[ContentError], str]:
    """Read and validate every file on its own; return parsed files, errors and the content hash.

    `sources` are the path's files already read (by `read_sources`), or None to read them here.
    """
    files = sources if sources is not None else read_sources(path)
    if files.problem is not None:
        return [], [files.problem], ""
    errors: list[ContentError] = []
    parsed: list[ParsedFile] = []
    for name, read in files.files_in_order():
        if isinstance(read, OSError):
            errors.append(ContentError(name, 1, 1, "", f"cannot read the file: {read.strerror or read}", ""))
            continue
        parsed_file, problems = _parse_one(read, name)
        errors.extend(problems)
        if parsed_file is not None:
            parsed.append(parsed_file)
    return parsed, errors, files.content_hash()


def _parse_one(raw: bytes, name: str) -> tuple[ParsedFile | None, list[ContentError]]:
    """One file read and validated against the content model."""
    doc, problems = read_yaml(raw, name)
    if doc is None:
        return None, problems
    try:
        return ParsedFile(doc, ContentFile.model_validate(doc.data)), problems
    except ValidationError as err:
        return None, [*problems, *validation_errors(err, doc, ContentFile)]
    except RecursionError:
        return None, [*problems, ContentError(name, 1, 1, "", "the file nests too deeply", "")]


def merge(parsed: list[ParsedFile], content_hash: str, source: str) -> Scenario:
    """Merge validated files into one Scenario (duplicates are reported by the checker)."""
    infos = [p.content.scenario for p in parsed if p.content.scenario is not None]
    variants = tuple(v for p in parsed for v in p.content.variants)
    sections: dict[str, list] = {name: [] for name in SECTIONS}
    reflections, questions, notes, explainers, glossary = [], [], [], [], []
    for p in parsed:
        for name, items in sections.items():
            items.extend(getattr(p.content, name))
        if p.content.debrief:
            reflections.extend(p.content.debrief.reflections)
            questions.extend(p.content.debrief.questions)
            notes.extend(p.content.debrief.research_notes)
            explainers.extend(p.content.debrief.explainers)
            glossary.extend(p.content.debrief.glossary)
    return Scenario(
        info=infos[0],
        debrief=Debrief(reflections=reflections, questions=questions, research_notes=notes, explainers=explainers,
                        glossary=glossary),
        content_hash=content_hash,
        source=source,
        variants=variants,
        meters=tuple(sections["meters"]), directives=tuple(sections["directives"]),
        requests=tuple(sections["requests"]), inspections=tuple(sections["inspections"]),
        events=tuple(sections["events"]), endings=tuple(sections["endings"]), modifiers=tuple(sections["modifiers"]),
        claims=tuple(sections["claims"]),
    )


def load_report(path: Path, sources: Sources | None = None, variant: str | None = None) -> LoadReport:
    """Load and check a scenario, collecting every error rather than stopping at the first.

    `sources` are the scenario's files already read by `read_sources(path)`, or None to read them here.
    Every declared variant is checked too; with `variant`, the report's scenario has that variant applied
    (raises game.scenario.variants.UnknownVariant for a name the scenario does not declare).
    """
    with collector_paused():
        report = _load_report(Path(path), sources)
    if variant and report.scenario is not None:
        from game.scenario.variants import apply_variant, find_variant

        report.scenario = apply_variant(report.scenario, find_variant(report.scenario, variant))
    return report


def _load_report(path: Path, sources: Sources | None) -> LoadReport:
    from game.scenario.checks import check_scenario

    parsed, errors, content_hash = parse_files(path, sources)
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
    if not errors:
        from game.scenario.variant_checks import check_variants

        errors.extend(check_variants(scenario, parsed))
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


def load_scenario(path: Path, variant: str | None = None) -> Scenario:
    """Load a valid scenario (with `variant` applied, if given) or raise ScenarioLoadError with every problem
    found (UnknownVariant for a variant name the scenario does not declare)."""
    report = load_report(Path(path), variant=variant)
    if report.scenario is None:
        raise ScenarioLoadError(report.errors, report.warnings)
    return report.scenario
