"""Help that reads like a finished tool: examples under every command and an epilog naming the docs.

A command module declares `EXAMPLES = [(command line, what it does), ...]` next to its `register()`;
`main.build_parser()` calls `finish()` on each parser a module added, so a new command gets its examples,
the docs line and the formatter by writing that one list (tests/cli/test_help.py checks every command has
one).
"""

from __future__ import annotations

import argparse
import textwrap
from types import ModuleType
from typing import Sequence

DOCS_LINE = ("Docs: README.md (players, facilitators, scenario authors), docs/authoring.md (the scenario "
             "format), docs/saves.md (the save format).")

Examples = Sequence[tuple[str, str]]


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, except that in descriptions and epilogs a line indented by two spaces (an
    example) is kept as written, while other paragraphs are wrapped to the terminal as usual."""

    def add_argument(self, action: argparse.Action) -> None:
        """Also make room for the longest command name in the list of commands (argparse counts it
        one indent short, which pushes long names onto a line of their own)."""
        super().add_argument(action)
        if isinstance(action, argparse._SubParsersAction):
            longest = max((len(name) for name in action.choices), default=0)
            self._action_max_length = max(self._action_max_length, longest + self._current_indent + 4)

    def _format_action(self, action: argparse.Action) -> str:
        """The list of commands without its bare "COMMAND" line above it."""
        text = super()._format_action(action)
        if isinstance(action, argparse._SubParsersAction) and not action.help:
            text = text.split("\n", 1)[1] if "\n" in text else text
        return text

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        out: list[str] = []
        paragraph: list[str] = []

        def flush() -> None:
            if paragraph:
                out.append(textwrap.fill(" ".join(paragraph), width, initial_indent=indent,
                                         subsequent_indent=indent))
                paragraph.clear()

        for line in text.splitlines():
            if line.startswith("  ") or not line.strip():
                flush()
                out.append(indent + line if line.strip() else "")
            else:
                paragraph.append(line.strip())
        flush()
        return "\n".join(out)


def epilog(examples: Examples) -> str:
    """The text under a command's options: its examples, aligned, then the docs line."""
    width = max((len(line) for line, _ in examples), default=0)
    rows = [f"  {line.ljust(width)}  # {what}" if what else f"  {line}" for line, what in examples]
    return "\n".join(["examples:", *rows, "", DOCS_LINE])


def finish(parser: argparse.ArgumentParser, module: ModuleType) -> None:
    """Give a command's parser the module's EXAMPLES (an empty list when it has none: the test says so)."""
    parser.formatter_class = HelpFormatter
    parser.epilog = epilog(getattr(module, "EXAMPLES", ()))
