"""`grassroots validate PATH...`: check scenario content; exit 0 valid, 1 content errors, 2 usage."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.scenario.file_check import FileReport
    from game.scenario.scenario_types import LoadReport

EXAMPLES = [
    ("grassroots validate content/scenarios/lianhe-town", "check a whole scenario folder"),
    ("grassroots validate my-town/events.yaml --format json", "one file, the problems as data"),
]


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "validate", help="check scenario files or folders",
        description="Check scenario content (a folder with scenario.yaml, or single files). Prints every error "
        "as file:line:col with the field path and a hint. Exit 0 when valid, 1 on content errors, 2 on usage.")
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="scenario id, scenario folder, or one content file (checked in its scenario's context)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument("--quiet-warnings", action="store_true", help="do not print warnings in text mode")
    parser.add_argument("--strict", action="store_true",
                        help="treat warnings (dead content, never-holding conditions, text that shows wrong) as errors")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.cli.main import UsageError
    from game.scenario.catalog import UnknownScenario, locate
    from game.scenario.gcpause import collector_paused
    from game.scenario.sources import read_sources

    try:  # the same rule for ids and paths as every other command (game/scenario/catalog.py)
        targets = [locate(name) for name in args.paths]
    except UnknownScenario as err:
        raise UsageError(str(err)) from None
    results: list[tuple[str, LoadReport | FileReport]] = []
    with collector_paused():  # importing the models builds many objects too (see gcpause.py)
        for name, target in zip(args.paths, targets):
            sources = read_sources(target.load)
            if target.only is not None or target.load.is_file():
                from game.scenario.file_check import check_file

                results.append((name, check_file(target.only or target.load, target.load if target.only else None,
                                                 sources)))
                continue
            from game.scenario.loader import load_report

            results.append((name, load_report(target.load, sources)))
    if args.strict:  # warnings become errors: the scenario is not valid while it has any
        for _, report in results:
            report.errors.extend(report.warnings)
            report.errors.sort(key=lambda e: (e.file, e.line, e.column))
            report.warnings.clear()
    ok = all(not report.errors for _, report in results)
    if args.format == "json":
        if len(results) == 1:
            payload: dict = _json(results[0][1])
        else:
            payload = {"ok": ok, "results": [{"path": name, **_json(report)} for name, report in results]}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0 if ok else 1
    for name, report in results:
        _text(name, report, args.quiet_warnings)
    return 0 if ok else 1


def _json(report: LoadReport | FileReport) -> dict:
    """One scenario's result: exactly ok, errors, warnings and stats."""
    return {
        "ok": not report.errors,
        "errors": [e.to_json() for e in report.errors],
        "warnings": [w.to_json() for w in report.warnings],
        "stats": report.stats,
    }


def _text(name: str, report: LoadReport | FileReport, quiet_warnings: bool) -> None:
    for error in report.errors:
        print(f"error: {error.format()}")
    if not quiet_warnings:
        for warning in report.warnings:
            print(f"warning: {warning.format()}", file=sys.stderr)
    stats = report.stats
    from game.scenario.file_check import FileReport  # already imported: the report was made

    if isinstance(report, FileReport):  # one content file
        for note in report.notes:
            print(f"note: {note}", file=sys.stderr)
        verdict = f"{len(report.errors)} error(s)" if report.errors else "valid"
        print(f"{name}: {verdict}, checked {report.context}; {len(report.warnings)} warning(s)")
        return
    if report.errors:
        print(f"{name}: {len(report.errors)} error(s), {len(report.warnings)} warning(s)")
        return
    print(f"{name}: valid - {stats['turns']} weeks, {stats['meters']} meters, {stats['tasks']} directives, "
          f"{stats['requests']} requests, {stats['events']} events, {stats['endings']} endings, "
          f"{stats['inspections']} inspections; languages {', '.join(stats['languages'])}; "
          f"{stats['missing_translations']} missing translation(s); {len(report.warnings)} warning(s)")
