"""Help reads like a finished tool: every command (also one added later) shows examples that really parse,
and the docs; `--version` tells the installed version; completion scripts come from the same parser."""

from __future__ import annotations

import argparse
import shlex
import shutil
import subprocess
from importlib.metadata import version

import pytest

from game import __version__
from game.cli.main import build_parser, main

PARSER = build_parser()
SUBCOMMANDS = next(a for a in PARSER._actions if isinstance(a, argparse._SubParsersAction)).choices
SHELL_OPERATORS = (">", "|", "<", "&&", ";")


def examples(help_text: str) -> list[str]:
    """The command lines listed under `examples:` (without their comments)."""
    block = help_text.split("\nexamples:\n", 1)[1].split("\n\n", 1)[0]
    return [line.split("  #", 1)[0].strip() for line in block.splitlines() if line.startswith("  ")]


def argv_of(line: str) -> list[str]:
    """The arguments an example passes to grassroots (up to a redirection or a pipe)."""
    words = shlex.split(line)
    assert words[0] == "grassroots", line
    cut = next((i for i, w in enumerate(words) if w in SHELL_OPERATORS), len(words))
    return words[1:cut]


@pytest.mark.parametrize("name", sorted(SUBCOMMANDS))
def test_every_command_has_examples_of_itself_and_the_docs(name):
    text = SUBCOMMANDS[name].format_help()
    lines = examples(text)
    assert lines, f"`grassroots {name} --help` has no examples: add EXAMPLES to its module"
    assert all(argv_of(line)[:1] == [name] for line in lines), lines
    assert "Docs: README.md" in text


@pytest.mark.parametrize("line", [line for name in sorted(SUBCOMMANDS)
                                  for line in examples(SUBCOMMANDS[name].format_help())]
                         + examples(PARSER.format_help()))
def test_every_example_parses(line):
    argv = argv_of(line)
    if "--help" in argv:
        return
    if "COMMAND" in argv:
        pytest.fail(f"placeholder left in {line!r}")
    PARSER.parse_args(argv)  # a usage error would raise SystemExit and fail the test


def test_top_level_help_is_a_summary_with_examples(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    summary = out.split("\n\n")[1]
    assert summary.startswith("Grassroots: Traces & Trust")
    assert examples(out) and "Docs: README.md" in out
    for name in SUBCOMMANDS:
        assert f"\n    {name}" in out, name


def test_version_is_the_installed_one(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"grassroots {__version__}" == f"grassroots {version('grassroots-game')}"


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts_name_every_command(shell, capsys):
    assert main(["completion", shell]) == 0
    script = capsys.readouterr().out
    for name in SUBCOMMANDS:
        assert name in script, name
    assert "--saves-dir" in script


def test_completion_of_an_unknown_shell_is_a_usage_error(capsys):
    assert main(["completion", "tcsh"]) == 2
    assert "invalid choice" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
@pytest.mark.parametrize(("words", "expected"), [
    (["repl"], ["replay"]),
    (["re"], ["replay", "report"]),
    (["play", "--lang", ""], ["zh", "en"]),
    (["completion", ""], ["bash", "zsh", "fish"]),
])
def test_bash_completes_from_the_parser(words, expected, capsys):
    assert main(["completion", "bash"]) == 0
    script = capsys.readouterr().out
    words = ["grassroots", *words]
    program = (f"{script}\nCOMP_WORDS=({' '.join(shlex.quote(w) for w in words)}); "
               f"COMP_CWORD={len(words) - 1}; _shtab_grassroots; printf '%s\\n' \"${{COMPREPLY[@]}}\"")
    out = subprocess.run(["bash", "-c", program], capture_output=True, text=True, check=True).stdout
    assert out.split() == expected


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_accept_their_scripts(shell, tmp_path, capsys):
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed")
    assert main(["completion", shell]) == 0
    script = tmp_path / f"grassroots.{shell}"
    script.write_text(capsys.readouterr().out, encoding="utf-8")
    subprocess.run([shell, "-n", str(script)], check=True, timeout=60)


def test_fish_lists_commands_with_their_one_line_summaries(tmp_path, capsys):
    if shutil.which("fish") is None:
        pytest.skip("fish is not installed")
    assert main(["completion", "fish"]) == 0
    script = tmp_path / "grassroots.fish"
    script.write_text(capsys.readouterr().out, encoding="utf-8")
    out = subprocess.run(["fish", "-c", f"source {shlex.quote(str(script))}; complete -C 'grassroots '"],
                         capture_output=True, text=True, check=True, timeout=60).stdout
    offered = dict(line.split("\t", 1) for line in out.splitlines())
    assert offered == {name: parser_help for name, parser_help in
                       ((a.dest, a.help) for a in next(a for a in PARSER._actions
                                                       if isinstance(a, argparse._SubParsersAction))._get_subactions())}
