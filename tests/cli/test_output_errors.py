"""Issue 11: what used to be "internal error" (exit 3) is one clear line and its own exit code: output that
cannot be written (exit 4), a reader that left (exit 0), a folder nested 1,000 deep, a full disk for
simulate's records, a scenario that does not exist, a CR-only file."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "scenarios" / "mini-town"
COMMANDS = [["--help"], ["--version"], ["play", "--help"], ["scenarios"], ["scenarios", "--format", "json"],
            ["validate", str(FIXTURE)], ["validate", str(FIXTURE), "--format", "json"], ["schema"],
            ["simulate", str(FIXTURE), "--runs", "2", "--jobs", "1"],
            ["simulate", str(FIXTURE), "--runs", "2", "--jobs", "1", "--format", "json"]]


def _run(args: list[str], **kw) -> subprocess.CompletedProcess:
    streams = kw or {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    return subprocess.run([sys.executable, "-m", "game", *args], cwd=ROOT, text=True, timeout=120,
                          stdin=subprocess.DEVNULL, check=False, **streams)


def _one_clear_line(err: str) -> bool:
    return err.count("\n") == 1 and err.startswith("grassroots: ") and "Traceback" not in err \
        and "internal error" not in err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_output_to_a_full_device_is_one_line_and_exit_4(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        done = _run(args, stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 4 and _one_clear_line(done.stderr), done.stderr
    assert "No space left" in done.stderr


@pytest.mark.skipif(os.name != "posix", reason="closing a descriptor for a child is POSIX")
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_closed_standard_output_is_one_line_and_exit_4(args: list[str]) -> None:
    done = subprocess.run([sys.executable, "-c", "import os, sys; os.close(1); "
                           "from game.cli.main import main; sys.exit(main(sys.argv[1:]))", *args],
                          cwd=ROOT, stderr=subprocess.PIPE, text=True, timeout=120, check=False)
    assert done.returncode == 4 and _one_clear_line(done.stderr), done.stderr


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_reader_that_leaves_early_is_not_a_failure(args: list[str]) -> None:
    head = subprocess.Popen([sys.executable, "-m", "game", *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    head.stdout.readline()
    head.stdout.close()  # `| head -1`
    err = head.stderr.read().decode()
    assert head.wait(timeout=120) == 0 and err == ""  # 0, never 1 (the code of failed claims)


def test_a_folder_a_thousand_deep_is_a_content_error(tmp_path: Path) -> None:
    folder = tmp_path / "deep"
    made = [folder]
    folder.mkdir()
    try:
        for _ in range(1000):
            made.append(made[-1] / "d")
            made[-1].mkdir()
        (made[-1] / "scenario.yaml").write_text("scenario: {}\n")
        for args in (["validate", str(folder)], ["simulate", str(folder), "--runs", "1", "--jobs", "1"],
                     ["play", str(folder), "--seed", "1"]):
            done = _run(args)
            assert done.returncode == 1 and "nested more than" in done.stdout + done.stderr
            assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    finally:  # removed here, deepest first: a recursive clean-up of tmp_path would exhaust the stack
        (made[-1] / "scenario.yaml").unlink(missing_ok=True)
        for path in reversed(made):
            path.rmdir()


def test_records_on_a_full_disk_say_so_and_name_the_right_option(tmp_path: Path, monkeypatch, capsys) -> None:
    import game.saves.atomic as atomic

    def full(*_args, **_kw):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "_write_temp", full)
    code = main(["simulate", str(FIXTURE), "--runs", "2", "--jobs", "1", "--records", str(tmp_path / "r")])
    err = capsys.readouterr().err
    assert code == 4 and _one_clear_line(err) and "No space left" in err
    assert "--records" in err and "--saves-dir" not in err


@pytest.mark.parametrize("name", ["/nonexistent", "no-such-scenario", "./missing/folder"])
def test_play_with_a_scenario_that_does_not_exist_says_so(name: str, tmp_path: Path) -> None:
    done = _run(["play", name, "--saves-dir", str(tmp_path)])
    assert done.returncode == 2 and _one_clear_line(done.stderr)
    assert "no scenario" in done.stderr or "no such file or folder" in done.stderr


@pytest.mark.parametrize("newline", ["\r", "\r\n", "\n", "\u2028"])
def test_a_file_with_a_leading_comment_is_not_empty_whatever_its_line_ends(newline: str, tmp_path: Path) -> None:
    folder = tmp_path / "town"
    folder.mkdir()
    for source in FIXTURE.glob("*.yaml"):
        text = "# a comment first" + "\n" + source.read_text(encoding="utf-8")
        (folder / source.name).write_bytes(text.replace("\n", newline).encode("utf-8"))
    done = _run(["validate", str(folder)])
    assert "empty" not in done.stdout + done.stderr
    if newline != "\u2028":  # YAML 1.1 also breaks lines there, but PyYAML's plain scalars may differ
        assert done.returncode == 0, done.stdout
