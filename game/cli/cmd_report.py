"""`grassroots report RECORDS...`: the facilitator's class view over finished-game records."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

EXAMPLES = [
    ("grassroots report class-records/", "the class's games as tables"),
    ("grassroots report class-records/ --html report.html --handouts handouts/", "a page to show, a handout each"),
    ("grassroots report a.record.json b.record.json --format csv > class.csv", "one row per player"),
]


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "report", help="the class report over many finished-game records",
        description="Read finished-game records (files, or folders searched for *.json), verify each by replaying "
        "it as `replay --verify` does, and show the class: a table per player (ending, upward, downward, idle "
        "index, lines crossed, weeks, variant), the endings, the spread of the idle index, and how the class split "
        "on every card and directive it met. Records of different scenarios, versions, variants or seeds are "
        "shown as separate groups; damaged or edited records are listed as refused with the reason. Exit 0 when "
        "at least one record was usable, 1 when none was, 2 on a usage error.")
    parser.add_argument("records", nargs="+", metavar="RECORDS", help="record files or folders of records")
    parser.add_argument("--format", choices=("text", "json", "csv"),
                        help="what to print: text tables (default), JSON, or CSV (one row per player)")
    parser.add_argument("--html", metavar="OUT", help="also write one self-contained HTML page to OUT")
    parser.add_argument("--handouts", metavar="DIR",
                        help="write a printable one-page handout per player and a bilingual glossary into DIR")
    parser.add_argument("--lang", choices=("zh", "en"),
                        help="language of the report (default: the language most records were played in)")
    parser.add_argument("--pool-seeds", action="store_true",
                        help="put games of different seeds in one group (said in the group's heading)")
    parser.add_argument("--scenario", metavar="SCENARIO",
                        help="scenario id or folder to replay with (default: found by each record's scenario id)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.cli.usage import scenario_argument
    from game.workshop.report_build import build_report

    scenario = scenario_argument(args.scenario)
    report = build_report(args.records, args.lang, pool_seeds=args.pool_seeds, scenario=scenario)
    fmt = args.format or ("text" if not (args.html or args.handouts) else None)
    if fmt == "json":
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        from game.workshop.report_text import csv_report

        sys.stdout.write(csv_report(report))
    elif fmt == "text":
        from game.workshop.report_text import text_report

        print(text_report(report))
    if fmt != "text":
        from game.workshop.report_text import clean

        for refused in report.refused:
            print(f"grassroots: refused {clean(refused.path)}: {clean(refused.reason)}", file=sys.stderr)
    failed = _write_outputs(report, args)
    if not report.accepted:
        print("grassroots: no usable game records", file=sys.stderr)
        return 1
    return 1 if failed else 0


def _write_outputs(report, args: argparse.Namespace) -> bool:
    """Write --html and --handouts; one line per problem. Returns True when a write failed."""
    failed = False
    if args.html:
        from game.workshop.report_html import report_html

        failed |= not _write(Path(args.html), lambda path: path.write_text(report_html(report), encoding="utf-8"))
    if args.handouts:
        from game.workshop.report_handout import write_handouts

        failed |= not _write(Path(args.handouts), lambda path: write_handouts(report, path, args.lang))
    return failed


def _write(path: Path, write) -> bool:
    try:
        write(path)
    except OSError as err:
        print(f"grassroots: cannot write {path}: {err.strerror or err}", file=sys.stderr)
        return False
    print(f"grassroots: wrote {path}", file=sys.stderr)
    return True
