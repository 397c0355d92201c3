"""Entry point: build the parser from the command modules and dispatch; never show a traceback."""

from __future__ import annotations

import argparse
import gc
import sys
from typing import Sequence

from game import __version__
from game.cli import (
    cmd_new, cmd_play, cmd_replay, cmd_report, cmd_scenarios, cmd_schema, cmd_simulate, cmd_translate, cmd_validate,
)
from game.cli import cmd_serve

COMMANDS = [cmd_play, cmd_scenarios, cmd_validate, cmd_schema, cmd_simulate, cmd_replay]
COMMANDS += [cmd_new, cmd_translate, cmd_report]
COMMANDS += [cmd_serve]


class UsageError(Exception):
    """A command was called with arguments that do not fit (exit 2)."""


def build_parser() -> argparse.ArgumentParser:
    """The full parser; each command module adds its own subcommand."""
    parser = argparse.ArgumentParser(
        prog="grassroots",
        description="Grassroots: Traces & Trust (基层：留痕与民心) - a serious game about grassroots "
        "administration. With no command, starts the game.",
    )
    parser.add_argument("--version", action="version", version=f"grassroots {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        module.register(sub)
    add_content_dir_option(sub)
    return parser


# Commands that name scenarios by id take --content-dir (see game/scenario/catalog.py for the rule).
SCENARIO_COMMANDS = ("play", "scenarios", "validate", "simulate", "replay", "new", "translate", "report", "serve")


def add_content_dir_option(sub: argparse._SubParsersAction) -> None:
    """`--content-dir DIR` (repeatable) on every command that looks scenarios up by id."""
    for name in SCENARIO_COMMANDS:
        if name in sub.choices:
            sub.choices[name].add_argument(
                "--content-dir", action="append", metavar="DIR", default=[],
                help="also look for scenario ids in DIR (a folder of scenario folders; searched first; repeatable; "
                "also $GRASSROOTS_CONTENT_DIR)")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version"):
        argv = ["play", *argv]
    try:
        args = parser.parse_args(argv)
    except SystemExit as done:  # --help, --version, or a usage error argparse has already explained
        return done.code if isinstance(done.code, int) else 2
    from game.scenario.catalog import use_content_dirs

    use_content_dirs(getattr(args, "content_dir", None))
    try:
        return int(args.run(args) or 0)
    except UsageError as err:
        print(f"grassroots: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("grassroots: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as err:  # the last guard: one clear line, never a traceback
        print(f"grassroots: internal error: {type(err).__name__}: {err} (please report this)", file=sys.stderr)
        return 3


def run() -> int:
    """The `grassroots` program: run the command line and return its exit code, as the process ends.

    Freezing the collector first spares the interpreter's last full collection at exit, a pass over
    every object the command built (about 30 ms after validating a large scenario).
    """
    code = main()
    gc.freeze()
    return code
