"""`grassroots translate export|import|status`: a scenario's texts to a PO file for translators, and back."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


EXAMPLES = [
    ("grassroots translate export my-town -o my-town.po", "texts for a translator (Poedit, Weblate...)"),
    ("grassroots translate import my-town my-town.po --dry-run", "what the translated file would change"),
    ("grassroots translate status my-town my-town.po", "missing and stale translations"),
]


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "translate", help="export a scenario's texts to PO for translators, import them back, report gaps",
        description="Translation round trip for scenario content, with gettext PO files (Poedit, Weblate, "
        "Lokalize...). `export` writes one entry per text: msgctxt is the text's field path, msgid the source "
        "language, msgstr the target language, with file:line references. `import` writes the translations back "
        "into the YAML, changing only those texts. `status` lists missing translations and, with a PO file, "
        "stale ones (their source text changed since export).")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write the scenario's texts as a PO file",
                                description="Write the scenario's texts as a PO file (to standard output or -o).")
    export.add_argument("scenario", metavar="SCENARIO", help="scenario id or folder")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    export.add_argument("--source", choices=("zh", "en"),
                        help="language translated from (default: the scenario's default_language, else zh)")
    export.add_argument("--target", choices=("zh", "en"), help="language translated into (default: the other one)")
    imp = actions.add_parser("import", help="write a translated PO file back into the scenario's YAML",
                             description="Write a translated PO file's texts into the scenario's YAML. Only the "
                             "changed texts are rewritten; every other byte stays. Stale, fuzzy and untranslated "
                             "entries are left out and listed. Exit 0 when done, 1 when some entries were left out.")
    imp.add_argument("scenario", metavar="SCENARIO", help="scenario id or folder")
    imp.add_argument("po", metavar="FILE", help="the translated .po file")
    imp.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")
    stat = actions.add_parser("status", help="list missing (and, with a PO file, stale) translations",
                              description="List texts without a translation; with a PO file, also its stale, "
                              "obsolete, fuzzy and untranslated entries. Exit 0 when complete, 1 when not.")
    stat.add_argument("scenario", metavar="SCENARIO", help="scenario id or folder")
    stat.add_argument("po", metavar="FILE", nargs="?", help="a PO file to compare")
    stat.add_argument("--source", choices=("zh", "en"), help="language translated from (default as for export)")
    stat.add_argument("--target", choices=("zh", "en"), help="language translated into")
    stat.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    for action in (export, imp, stat):
        action.add_argument("--content-dir", action="append", metavar="DIR", dest="action_content_dir",
                            help="also look for scenario ids in DIR (as for every command; repeatable)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.cli.main import UsageError
    from game.scenario.catalog import UnknownScenario, resolve, scenario_folder_of
    from game.scenario.catalog import use_content_dirs
    from game.translate.texts import TranslateError

    use_content_dirs([*(getattr(args, "content_dir", None) or []), *(args.action_content_dir or [])])
    try:
        folder = resolve(args.scenario)
    except UnknownScenario as err:
        raise UsageError(str(err)) from None
    if folder.is_file():
        folder = scenario_folder_of(folder) or folder
    try:
        return {"export": _export, "import": _import, "status": _status}[args.action](args, folder)
    except TranslateError as err:
        print(f"grassroots: {err}", file=sys.stderr)
        return 1


def _languages(args: argparse.Namespace, folder: Path) -> tuple[str, str]:
    from game.cli.main import UsageError
    from game.translate.po import default_source, other

    source = args.source or (other(args.target) if args.target else default_source(folder))
    target = args.target or other(source)
    if source == target:
        raise UsageError("--source and --target must differ")
    return source, target


def _export(args: argparse.Namespace, folder: Path) -> int:
    from game.cli.main import UsageError
    from game.translate.po import export_po

    source, target = _languages(args, folder)
    po = export_po(folder, folder.name if folder.is_dir() else folder.stem, source, target)
    if not args.output:
        sys.stdout.write(str(po) + "\n")
        return 0
    try:
        Path(args.output).write_text(str(po) + "\n", encoding="utf-8")
    except OSError as err:
        raise UsageError(f"cannot write {args.output}: {err.strerror or err}") from None
    print(f"wrote {args.output}: {len(po)} texts, {source} -> {target}, "
          f"{len(po.untranslated_entries())} untranslated", file=sys.stderr)
    return 0


def _import(args: argparse.Namespace, folder: Path) -> int:
    from game.translate.po import import_po, read_po

    result = import_po(folder, read_po(Path(args.po)), args.dry_run)
    changed = sum(len(c) for c in result.changes.values()) - len(result.unplaced)
    verb = "would change" if args.dry_run else "changed"
    print(f"{verb} {changed} text(s) in {len(result.changes)} file(s); {len(result.unchanged)} unchanged")
    for name, changes in sorted(result.changes.items()):
        for change in changes:
            if change.text.context not in result.unplaced:
                print(f"  {name}:{change.text.line(change.lang)} {change.text.context}")
    left_out = _left_out(result)
    for label, items in left_out:
        print(f"{label}: {len(items)}", file=sys.stderr)
        for item in items:
            print(f"  {item}", file=sys.stderr)
    return 1 if left_out else 0


def _left_out(result) -> list[tuple[str, list[str]]]:
    named = [("stale (the source text changed since export; re-export and translate again)", result.stale),
             ("obsolete (no such text in the scenario)", result.obsolete), ("fuzzy (not imported)", result.fuzzy),
             ("untranslated", result.untranslated),
             ("not placed (add the language to the pair by hand)", result.unplaced)]
    return [(label, items) for label, items in named if items]


def _status(args: argparse.Namespace, folder: Path) -> int:
    from game.translate.po import read_po, status

    po = read_po(Path(args.po)) if args.po else None
    if po is not None:
        from game.translate.po import languages_of

        source, target = languages_of(po)
    else:
        source, target = _languages(args, folder)
    found = status(folder, source, target, po)
    report: dict[str, Any] = {"source": source, "target": target, "texts": found.total, "missing": found.missing}
    if found.po is not None:
        report.update(stale=found.po.stale, obsolete=found.po.obsolete, fuzzy=found.po.fuzzy,
                      untranslated=found.po.untranslated,
                      to_import=sorted(c.text.context for cs in found.po.changes.values() for c in cs))
    incomplete = bool(found.missing or (found.po and (found.po.stale or found.po.obsolete or found.po.fuzzy
                                                      or found.po.untranslated)))
    if args.format == "json":
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 1 if incomplete else 0
    print(f"{found.total} texts, {source} -> {target}: {len(found.missing)} missing translation(s)")
    for item in found.missing:
        print(f"  missing: {item}")
    for key in ("stale", "obsolete", "fuzzy", "untranslated", "to_import"):
        if key in report:
            print(f"{key.replace('_', ' ')} in {args.po}: {len(report[key])}")
            for item in report[key]:
                print(f"  {item}")
    return 1 if incomplete else 0
