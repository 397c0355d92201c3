"""`grassroots scenarios`: list the scenarios found in every content root, with their titles."""

from __future__ import annotations

import argparse
import json


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
    from game.scenario import load_report
    from game.scenario.catalog import DEFAULT_SCENARIO, all_found, default_first
    from game.scenario.text import localize

    rows = []
    for ref in default_first(all_found()):
        where = {"path": str(ref.path), "origin": ref.origin,
                 "shadowed_by": str(ref.shadowed_by) if ref.shadowed_by else None}
        default = ref.id == DEFAULT_SCENARIO and ref.shadowed_by is None
        report = load_report(ref.path)
        if report.scenario is None:
            rows.append({"id": ref.id, "title": "", "weeks": None, "valid": False, "default": default, "variants": [],
                         **where})
            continue
        info = report.scenario.info
        variants = [{"id": v.id, "title": localize(v.title, args.lang),
                     "summary": localize(v.summary, args.lang) if v.summary else "",
                     "weeks": v.set.get("weeks", info.weeks) if isinstance(v.set.get("weeks", info.weeks), int)
                     else info.weeks} for v in report.scenario.variants]
        rows.append({"id": ref.id, "title": localize(info.title, args.lang), "weeks": info.weeks, "valid": True,
                     "default": default, "variants": variants, **where})
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
        if row["valid"]:
            print(f"{row['id']}{mark}  {row['title']}  [{row['weeks']} weeks]{where}")
            for variant in row["variants"]:
                print(f"    --variant {variant['id']}  {variant['title']}  [{variant['weeks']} weeks]")
        else:
            print(f"{row['id']}{mark}  INVALID - run `grassroots validate {row['path']}`{where}")
    return 0
