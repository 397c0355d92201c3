"""`grassroots play` refuses bad input with one line and an exit code, before drawing anything."""

from __future__ import annotations

import sys

from game.cli.main import main


def test_unknown_scenario_is_a_usage_error(capsys):
    assert main(["play", "no-such-scenario", "--seed", "1"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("grassroots: no scenario 'no-such-scenario'") and err.count("\n") == 1


def test_a_bad_save_is_one_line_and_exit_1(tmp_path, capsys):
    bad = tmp_path / "bad.save.json"
    bad.write_text("{}", encoding="utf-8")
    assert main(["play", "--load", str(bad), "--saves-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "not a Grassroots save" in err and err.count("\n") == 1


def test_a_broken_scenario_is_one_line_and_exit_1(tmp_path, capsys):
    (tmp_path / "scenario.yaml").write_text("scenario: {id: x}\n", encoding="utf-8")
    assert main(["play", str(tmp_path), "--seed", "1", "--saves-dir", str(tmp_path / "saves")]) == 1
    err = capsys.readouterr().err
    assert "scenario.title" in err and err.count("\n") == 1


def test_the_title_screen_path_imports_no_engine():
    """The first frame must not wait for pydantic, YAML or the engine (they load when a game starts)."""
    import subprocess

    code = ("import sys; from game.tui.launch import make_app; make_app(None, lang='en', saves_dir='x'); "
            "print(sorted(m for m in ('pydantic', 'yaml', 'game.engine', 'game.scenario', 'game.saves') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
