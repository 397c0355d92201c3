"""The README is the front door: its commands are the real ones, and it names no machine paths."""

from __future__ import annotations

import re
from pathlib import Path

from game.cli.main import build_parser

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def quick_start_commands() -> list[str]:
    section = README[README.index("## Quick start"):README.index("## For players")]
    return re.findall(r"^```sh\n(.*?)\n```", section, re.S | re.M)


def test_quick_start_has_exactly_two_commands() -> None:
    play, test = quick_start_commands()
    assert play == "python3 -m venv .venv && . .venv/bin/activate && pip install . && grassroots"
    assert test == "python3 -m venv .venv && . .venv/bin/activate && pip install -c constraints.txt -e '.[test,web]' && pytest -n 2 --dist loadfile"


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] == quick_start_commands()[1]


def test_every_command_is_listed() -> None:
    sub = next(a for a in build_parser()._actions if a.__class__.__name__ == "_SubParsersAction")
    for name in sub.choices:
        assert f"`grassroots {name}" in README or f"`grassroots [{name}]" in README, name


def test_no_machine_paths() -> None:
    for marker in ("/work/", "/home/", "/root/", "/tmp/", "/Users/", "C:\\"):
        assert marker not in README


def test_linked_files_exist() -> None:
    for target in re.findall(r"\]\(([^)#]+)\)", README):
        assert (ROOT / target).exists(), target
    assert (ROOT / "scenario.schema.json").is_file()


def test_the_readme_says_where_saves_go_and_how_to_continue() -> None:
    from game.saves.paths import ENV_VAR

    section = README[README.index("### Where your games are saved"):README.index("## For facilitators")]
    for needed in ("--saves-dir", ENV_VAR, "Continue", "--load", "checkout", "Linux", "macOS", "Windows"):
        assert needed in section, needed
    assert "play" in build_parser().parse_args(["play", "--saves-dir", "x"]).command
