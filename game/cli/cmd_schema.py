"""`grassroots schema [-o FILE]`: the JSON Schema (draft 2020-12) of a scenario content file."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


EXAMPLES = [
    ("grassroots schema -o scenario.schema.json", "write the schema for your editor"),
    ("grassroots schema | head", "look at it"),
]


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "schema", help="write the JSON Schema of the scenario format",
        description="Write the JSON Schema of a scenario content file, for editor autocompletion. Put "
        "`# yaml-language-server: $schema=PATH` at the top of a content file to use it.")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    parser.set_defaults(run=run)


def schema() -> dict:
    """The schema of one content file (every file of a scenario has this shape)."""
    from game.scenario.json_schema import content_schema

    return content_schema()


def schema_text() -> str:
    """The schema as the text `grassroots schema` writes (and `grassroots new` puts in a scenario)."""
    return json.dumps(schema(), ensure_ascii=False, indent=2) + "\n"


def run(args: argparse.Namespace) -> int:
    from game.cli.main import UsageError

    text = schema_text()
    if not args.output:
        sys.stdout.write(text)
        return 0
    target = Path(args.output)
    if target.is_dir():
        raise UsageError(f"{target} is a folder; give a file name")
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as err:
        raise UsageError(f"cannot write {target}: {err.strerror or err}") from None
    print(f"wrote {target}", file=sys.stderr)
    return 0
