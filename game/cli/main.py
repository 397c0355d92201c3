"""Entry point: build the parser from the command modules and dispatch; never show a traceback."""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from types import ModuleType
from typing import Sequence

from game import __version__
from game.cli.helptext import HelpFormatter, epilog, finish
from game.cli import output
from game.cli.usage import UsageError
from game.safe_text import clean_line

# The command modules (game/cli/cmd_NAME.py), in the order of --help; imported when a parser is built (play
# builds only its own, so its first frame does not wait for the others: issue 15)
COMMAND_NAMES = ["play", "scenarios", "validate", "schema", "simulate", "replay"]
COMMAND_NAMES += ["new", "translate", "report"]
COMMAND_NAMES += ["serve"]
COMMAND_NAMES += ["completion"]


def command_modules(names: Sequence[str] = COMMAND_NAMES) -> list[ModuleType]:
    """The command modules of `names` (all of them by default), imported."""
    return [importlib.import_module(f"game.cli.cmd_{name}") for name in names]

SUMMARY = "Grassroots: Traces & Trust (基层：留痕与民心) - a terminal serious game about grassroots administration."
EXAMPLES = [
    ("grassroots", "play (the same as `grassroots play`)"),
    ("grassroots play --lang en --seed 42", "play in English with the draws of seed 42"),
    ("grassroots scenarios", "list the scenarios"),
    ("grassroots replay saves/records/*.record.json", "tell finished games week by week"),
    ("grassroots COMMAND --help", "the options and examples of one command"),
]


def build_parser(commands: Sequence[ModuleType] | None = None) -> argparse.ArgumentParser:
    """The full parser (or one with only `commands`); each command module adds its own subcommand."""
    parser = argparse.ArgumentParser(
        prog="grassroots", description=f"{SUMMARY}\nWith no command, starts the game.",
        epilog=epilog(EXAMPLES), formatter_class=HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"grassroots {__version__}")
    sub = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND")
    for module in command_modules() if commands is None else commands:
        before = set(sub.choices)
        module.register(sub)
        for name in set(sub.choices) - before:  # the command's help gets the module's examples and the docs
            finish(sub.choices[name], module)
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
    """Run the command line; return the exit code (0 done, 1 content errors or failed claims, 2 usage,
    3 internal error, 4 the output could not be written, 130 interrupted)."""
    streams = sys.stdout, sys.stderr
    try:
        return _main(list(sys.argv[1:] if argv is None else argv))
    finally:
        sys.stdout, sys.stderr = streams


def _main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version"):
        argv = ["play", *argv]
    plays = argv[0] == "play" and not {"-h", "--help"} & set(argv)
    # play parses with its own subcommand only: building every command's parser cost its first frame ~5 ms
    parser = build_parser(command_modules(["play"]) if plays else None)
    if not plays:  # the game draws its own screen; everything else prints through these
        closed = output.install()
        if closed:
            _say(f"grassroots: {closed}")
            return output.OUTPUT_FAILED
    try:
        try:
            args = parser.parse_args(argv)
        except SystemExit as done:  # --help, --version, or a usage error argparse has already explained
            output.finish()
            return done.code if isinstance(done.code, int) else 2
        content_dirs = getattr(args, "content_dir", None)
        if content_dirs or "game.scenario.catalog" in sys.modules:  # (play's title does not need the catalog)
            from game.scenario.catalog import use_content_dirs

            use_content_dirs(content_dirs)
        code = int(args.run(args) or 0)
        output.finish()
        return code
    except UsageError as err:
        _say(f"grassroots: {clean_line(err)}")
        return 2
    except KeyboardInterrupt:
        _say("grassroots: interrupted")
        return 130
    except (BrokenPipeError, output.ReaderGone):  # the reader went away (`| head -1`): normal use, not a failure
        output.silence_stdout()
        return 0
    except output.OutputError as err:
        output.silence_stdout()
        _say(f"grassroots: cannot write to {err.filename} ({err.strerror})")
        return output.OUTPUT_FAILED
    except RecursionError:
        _say("grassroots: the input is nested too deeply to be read (a folder or file thousands of levels deep)")
        return 2
    except MemoryError:
        _say("grassroots: not enough memory for this input")
        return 3
    except Exception as err:  # the last guard: one clear line, never a traceback
        _say(f"grassroots: internal error: {type(err).__name__}: {clean_line(err)} (please report this)")
        return 3


def _say(line: str) -> None:
    """One line on standard error, even if standard error itself cannot be written."""
    try:
        print(line, file=sys.stderr)
    except (OSError, ValueError):
        pass


def run() -> int:
    """The `grassroots` program: run the command line and return its exit code, as the process ends.

    Freezing the collector first spares the interpreter's last full collection at exit, a pass over
    every object the command built (about 30 ms after validating a large scenario).
    """
    code = main()
    gc.freeze()
    return code
