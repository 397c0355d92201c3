"""`grassroots scenarios`: list the shipped scenarios with their titles."""

from __future__ import annotations

import argparse
import json


EXAMPLES = [
    ("grassroots scenarios", "ids, titles and lengths"),
    ("grassroots scenarios --lang zh --format json", "the same as data, titles in Chinese"),
]


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("scenarios", help="list the scenarios found",
                            description="List the shipped scenarios with their titles and length.")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument("--lang", choices=("zh", "en"), default="en", help="language of the titles")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.scenario import load_report
    from game.scenario.catalog import DEFAULT_SCENARIO, shipped
    from game.scenario.text import localize

    rows = []
    for ref in shipped():
        report = load_report(ref.path)
        if report.scenario is None:
            rows.append({"id": ref.id, "title": "", "weeks": None, "valid": False, "path": str(ref.path),
                         "default": ref.id == DEFAULT_SCENARIO})
            continue
        info = report.scenario.info
        rows.append({"id": ref.id, "title": localize(info.title, args.lang), "weeks": info.weeks, "valid": True,
                     "path": str(ref.path), "default": ref.id == DEFAULT_SCENARIO})
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("no scenarios found")
        return 0
    for row in rows:
        mark = " (default)" if row["default"] else ""
        if row["valid"]:
            print(f"{row['id']}{mark}  {row['title']}  [{row['weeks']} weeks]")
        else:
            print(f"{row['id']}{mark}  INVALID - run `grassroots validate {row['path']}`")
    return 0
