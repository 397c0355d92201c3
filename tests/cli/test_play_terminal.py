"""`grassroots` and `grassroots play` refuse a non-terminal stdin or stdout: one line, exit 2, before
Textual is imported, right after the arguments and files are checked (so a bad scenario or save is still
named first); real subprocesses: the streams are the point."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from game.cli.cmd_play import terminal_problem as REAL_CHECK  # the suite's conftest patches the module's name

# -X importtime would be noisy; instead the child reports whether Textual was ever imported.
PROGRAM = ("import sys, atexit; from game.cli.main import main; "
           "atexit.register(lambda: sys.stderr.write('textual imported\\n' if 'textual' in sys.modules else '')); "
           "sys.exit(main(sys.argv[1:]))")


def grassroots(argv: list[str], stdin, stdout, tmp_path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "TEXTUAL_DRIVER"}
    env["GRASSROOTS_CONFIG_DIR"] = str(tmp_path / "config")
    return subprocess.run([sys.executable, "-c", PROGRAM, *argv], stdin=stdin, stdout=stdout,
                          stderr=subprocess.PIPE, text=True, timeout=60, env=env, cwd=tmp_path)


@pytest.mark.parametrize("argv", [[], ["play"], ["play", "--lang", "en", "--seed", "3"], ["--lang", "zh"]])
def test_output_to_a_file_is_refused(argv, tmp_path):
    out = tmp_path / "out.txt"
    with out.open("w") as handle:
        done = grassroots(argv, subprocess.DEVNULL, handle, tmp_path)
    assert done.returncode == 2
    assert done.stderr == ("grassroots: play needs a terminal, but standard output is not one; run it in a terminal "
                           "window (to read a game as text, use `grassroots replay FILE`)\n")
    assert out.read_text() == ""


def test_input_from_a_pipe_is_refused(tmp_path):
    """stdout is a terminal-less pipe here too, so a pseudo-terminal stands in for a real one."""
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    try:
        done = grassroots(["play"], subprocess.PIPE, follower, tmp_path)
    finally:
        os.close(follower)
        os.close(leader)
    assert done.returncode == 2
    assert done.stderr.startswith("grassroots: play needs a terminal, but standard input is not one;")
    assert done.stderr.count("\n") == 1


def test_help_and_other_commands_still_work_without_a_terminal(tmp_path):
    done = grassroots(["play", "--help"], subprocess.DEVNULL, subprocess.PIPE, tmp_path)
    assert done.returncode == 0 and done.stderr == ""
    done = grassroots(["scenarios"], subprocess.DEVNULL, subprocess.PIPE, tmp_path)
    assert done.returncode == 0 and done.stderr == ""


class Stream:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(("stdin", "stdout", "driver", "refused"), [
    (Stream(True), Stream(True), None, None),
    (Stream(True), Stream(False), None, "output"),
    (Stream(False), Stream(True), None, "input"),
    (Stream(False), Stream(False), None, "output"),
    (None, Stream(True), None, "input"),
    (Stream(True), None, None, "output"),
    (Stream(False), Stream(False), "textual.drivers.web_driver:WebDriver", None),  # textual-serve talks over pipes
])
def test_the_terminal_check(monkeypatch, stdin, stdout, driver, refused):
    monkeypatch.setattr(sys, "stdin", stdin)
    monkeypatch.setattr(sys, "stdout", stdout)
    if driver:
        monkeypatch.setenv("TEXTUAL_DRIVER", driver)
    else:
        monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    problem = REAL_CHECK()
    assert (problem is None) == (refused is None)
    if refused:
        assert f"standard {refused} is not one" in problem
