"""`grassroots validate PATH...`: check scenario content; exit 0 valid, 1 content errors, 2 usage."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "validate", help="check scenario files or folders",
        description="Check scenario content (a folder with scenario.yaml, or single files). Prints every error "
        "as file:line:col with the field path and a hint. Exit 0 when valid, 1 on content errors, 2 on usage.")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="scenario folder or YAML file")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument("--quiet-warnings", action="store_true", help="do not print warnings in text mode")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.cli.main import UsageError
    from game.scenario import load_report

    results = []
    for name in args.paths:
        path = Path(name)
        if not path.exists():
            raise UsageError(f"no such file or folder: {name}")
        report = load_report(path)
        results.append((name, report))
    ok = all(not report.errors for _, report in results)
    if args.format == "json":
        payload = [_json(name, report) for name, report in results]
        print(json.dumps(payload[0] if len(payload) == 1 else {"ok": ok, "results": payload},
                         ensure_ascii=False, indent=2))
        return 0 if ok else 1
    for name, report in results:
        _text(name, report, args.quiet_warnings)
    return 0 if ok else 1


def _json(name: str, report) -> dict:
    return {
        "path": name,
        "ok": not report.errors,
        "errors": [e.to_json() for e in report.errors],
        "warnings": [w.to_json() for w in report.warnings],
        "stats": report.stats,
    }


def _text(name: str, report, quiet_warnings: bool) -> None:
    for error in report.errors:
        print(f"error: {error.format()}")
    if not quiet_warnings:
        for warning in report.warnings:
            print(f"warning: {warning.format()}", file=sys.stderr)
    stats = report.stats
    if report.errors:
        print(f"{name}: {len(report.errors)} error(s), {len(report.warnings)} warning(s)")
        return
    print(f"{name}: valid - {stats['turns']} weeks, {stats['meters']} meters, {stats['tasks']} directives, "
          f"{stats['requests']} requests, {stats['events']} events, {stats['endings']} endings, "
          f"{stats['inspections']} inspections; languages {', '.join(stats['languages'])}; "
          f"{stats['missing_translations']} missing translation(s); {len(report.warnings)} warning(s)")
