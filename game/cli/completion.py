"""Shell completion scripts generated from the parser by shtab (pinned in pyproject.toml).

Arguments that take paths complete file or folder names without each command saying so: the kind is read
from the argument's metavar (FILE, PATH, DIR, OUT, SCENARIO), so a command added later completes its
paths as soon as it names them that way.
"""

from __future__ import annotations

import argparse

# metavar -> what the shell offers; a SCENARIO is an id or a folder, so folders are the useful guess
FILE_METAVARS = {"FILE", "PATH", "OUT", "RECORDS", "RECORD"}
FOLDER_METAVARS = {"DIR", "FOLDER", "SCENARIO"}


def _metavar(action: argparse.Action) -> str:
    metavar = action.metavar if isinstance(action.metavar, str) else ""
    return (metavar or action.dest or "").upper()


def mark_paths(parser: argparse.ArgumentParser) -> None:
    """Set shtab's `complete` on every path-like argument of `parser` and its subcommands, and give each
    subcommand its one-line summary as description (changes `parser`: pass one built for the script)."""
    import shtab

    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            summaries = {choice.dest: choice.help for choice in action._get_subactions()}
            for name, child in action.choices.items():
                # shells show a command's description beside it: its one-line summary, not the paragraph
                child.description = summaries.get(name) or child.description
                mark_paths(child)
            continue
        if action.choices or action.nargs == 0 or getattr(action, "complete", None):
            continue
        kind = _metavar(action)
        if kind in FILE_METAVARS:
            action.complete = shtab.FILE  # type: ignore[attr-defined]
        elif kind in FOLDER_METAVARS:
            action.complete = shtab.DIRECTORY  # type: ignore[attr-defined]


def script(parser: argparse.ArgumentParser, shell: str) -> str:
    """The completion script for `shell` (bash, zsh or fish), ending in a newline."""
    import shtab

    mark_paths(parser)
    text = shtab.complete(parser, shell=shell)
    return text if text.endswith("\n") else text + "\n"
