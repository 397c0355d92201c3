"""`grassroots new ID [--from SCENARIO] [--dir DIR]`: make a new scenario folder, ready to edit and play."""

from __future__ import annotations

import argparse
from pathlib import Path


EXAMPLES = [
    ("grassroots new my-town", "a small valid scenario to start from"),
    ("grassroots new river-street --from lianhe-town", "a copy of a shipped scenario under a new id"),
    ("grassroots new my-town --dir ~/scenarios", "make it in a folder of your choice"),
]


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "new", help="make a new scenario to edit (from a template or a copy)",
        description="Make a new scenario folder named ID: a small valid bilingual scenario, or a copy of --from "
        "with the new id. It goes into --dir, else ./content/scenarios when the current folder has one (a checkout "
        "or a project), else the user content folder, where every command finds it by id. The folder gets the "
        "JSON Schema, a modeline in every file and .vscode/settings.json for editor checking.")
    parser.add_argument("id", metavar="ID", help="the new scenario's id and folder name, e.g. my-town")
    parser.add_argument("--from", dest="source", metavar="SCENARIO",
                        help="copy this scenario (id or folder) instead of the template")
    parser.add_argument("--dir", metavar="DIR", help="make the scenario in DIR (DIR/ID)")
    parser.set_defaults(run=run)


def target_root(given: str | None) -> Path:
    """Where the new scenario goes: --dir, else ./content/scenarios if it exists, else the user folder."""
    from game.scenario.catalog import user_root, working_root

    if given:
        return Path(given).expanduser()
    return working_root() if working_root().is_dir() else user_root()


def run(args: argparse.Namespace) -> int:
    from game.cli.cmd_schema import schema_text
    from game.cli.main import UsageError
    from game.scenario.catalog import UnknownScenario, find_id, resolve, scenario_folder_of
    from game.scenario.scaffold import ScaffoldError, check_id, make

    try:
        check_id(args.id)
        existing = find_id(args.id)
        if existing is not None:
            raise ScaffoldError(f"a scenario '{args.id}' already exists ({existing.path}); choose another id")
        source = None
        if args.source:
            source = resolve(args.source)
            if source.is_file():
                source = scenario_folder_of(source) or source
        made = make(args.id, target_root(args.dir), source, schema_text())
    except UnknownScenario as err:
        raise UsageError(f"--from: {err}") from None
    except ScaffoldError as err:
        raise UsageError(str(err)) from None
    print(f"made {made.folder}")
    for name in made.files:
        print(f"  {name}")
    print(f"next: grassroots validate {args.id}; grassroots play {args.id}; grassroots simulate {args.id}")
    return 0
