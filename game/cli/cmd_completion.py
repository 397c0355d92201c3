"""`grassroots completion SHELL`: print a shell completion script made from the real parser (by shtab)."""

from __future__ import annotations

import argparse
import sys

SHELLS = ("bash", "zsh", "fish")

EXAMPLES = [
    ("grassroots completion bash > ~/.local/share/bash-completion/completions/grassroots", "bash"),
    ("grassroots completion zsh > ~/.zfunc/_grassroots", "zsh (with ~/.zfunc in fpath)"),
    ("grassroots completion fish > ~/.config/fish/completions/grassroots.fish", "fish"),
]


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "completion", help="print a shell completion script",
        description="Print the completion script for SHELL on standard output: every command, option and "
        "choice, and file names where a command takes a file. Save it where your shell looks for completions "
        "(see the examples) and open a new shell.")
    parser.add_argument("shell", choices=SHELLS, metavar="SHELL", help="bash, zsh or fish")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.cli.completion import script
    from game.cli.main import build_parser

    sys.stdout.write(script(build_parser(), args.shell))
    return 0
