"""`grassroots scenarios`: list the scenarios found in every content root, with their titles.

It reads headers only (game/scenario/headers.py), so it stays fast however many scenarios there are; it
does not validate them (`grassroots validate` does)."""

from __future__ import annotations

import argparse
import json
from typing import Any


EXAMPLES = [
    ("grassroots scenarios", "ids, titles and lengths"),
    ("grassroots scenarios --lang zh --format json", "the same as data, titles in Chinese"),
]


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("scenarios", help="list the scenarios found",
                            description="List the scenarios found by id (--content-dir, $GRASSROOTS_CONTENT_DIR, "
                            "./content/scenarios, the user content folder, the shipped ones) with their titles, length "
                            "and where they are. A scenario hidden by an earlier one with the same id is marked.")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument("--lang", choices=("zh", "en"), default="en", help="language of the titles")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.scenario.catalog import DEFAULT_SCENARIO, all_found, default_first
    from game.scenario.headers import pick, read_header

    rows: list[dict[str, Any]] = []
    for ref in default_first(all_found()):  # headers only: validating each scenario to print its title took seconds
        header = read_header(ref.path)
        variants = [{"id": v.id, "title": pick(v.titles, args.lang, v.id), "summary": pick(v.summaries, args.lang),
                     "weeks": v.weeks} for v in header.variants]
        rows.append({"id": ref.id, "title": pick(header.titles, args.lang), "weeks": header.weeks,
                     "readable": header.readable, "default": ref.id == DEFAULT_SCENARIO and ref.shadowed_by is None,
                     "variants": variants, "path": str(ref.path), "origin": ref.origin,
                     "shadowed_by": str(ref.shadowed_by) if ref.shadowed_by else None})
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("no scenarios found")
        return 0
    for row in rows:
        mark = " (default)" if row["default"] else ""
        where = f"  ({row['origin']}: {row['path']})" if row["origin"] != "shipped" else ""
        if row["shadowed_by"]:
            where += f"  - hidden by {row['shadowed_by']}"
        if row["readable"]:
            weeks = f"  [{row['weeks']} weeks]" if row["weeks"] else ""
            print(f"{row['id']}{mark}  {row['title']}{weeks}{where}")
            for variant in row["variants"]:
                weeks = f"  [{variant['weeks']} weeks]" if variant["weeks"] else ""
                print(f"    --variant {variant['id']}  {variant['title']}{weeks}")
        else:
            print(f"{row['id']}{mark}  UNREADABLE HEADER - run `grassroots validate {row['path']}`{where}")
    return 0
