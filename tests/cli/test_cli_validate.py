"""`grassroots validate`: exit codes 0/1/2, the text report, and the JSON contract."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli.main import main

ERROR_KEYS = {"file", "line", "column", "path", "message", "hint"}
STATS_KEYS = {"turns", "meters", "tasks", "requests", "events", "endings", "languages", "missing_translations"}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def broken_copy(tmp_path: Path, fixture_dir: Path) -> Path:
    """mini-town with one unknown meter (directives.yaml line 21)."""
    folder = tmp_path / "mini-town"
    shutil.copytree(fixture_dir, folder)
    path = folder / "directives.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("{trust: -2, energy: -3}", "{trst: -2, energy: -3}"),
                    encoding="utf-8")
    return folder


def test_valid_scenario_prints_success_and_stats(capsys: pytest.CaptureFixture[str], fixture_dir: Path) -> None:
    code, out, err = run(capsys, "validate", str(fixture_dir))
    assert code == 0
    assert out.strip() == (
        f"{fixture_dir}: valid - 12 weeks, 6 meters, 4 directives, 4 requests, 8 events, 6 endings, "
        "2 inspections; languages zh, en; 0 missing translation(s); 0 warning(s)")
    assert err == ""


def test_content_errors_exit_1_with_file_line_column(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                     fixture_dir: Path) -> None:
    code, out, _ = run(capsys, "validate", str(broken_copy(tmp_path, fixture_dir)))
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == ("error: mini-town/directives.yaml:21:18: directives[0].approaches[0].meters.trst: "
                        "unknown meter 'trst' (hint: did you mean 'trust'?)")
    assert lines[-1].endswith("mini-town: 1 error(s), 0 warning(s)")


def test_missing_path_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "validate", str(tmp_path / "nowhere"))
    assert (code, out) == (2, "")
    assert err.strip() == f"grassroots: no such file or folder: {tmp_path / 'nowhere'}"


def test_no_path_at_all_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate")
    assert (code, out) == (2, "")
    assert "usage: grassroots validate" in err and "required: PATH" in err


def test_an_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str], fixture_dir: Path) -> None:
    code, _, err = run(capsys, "validate", "--format", "yaml", str(fixture_dir))
    assert code == 2 and "invalid choice: 'yaml'" in err


def test_several_paths_exit_1_if_any_is_invalid(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                               fixture_dir: Path) -> None:
    code, out, _ = run(capsys, "validate", str(fixture_dir), str(broken_copy(tmp_path, fixture_dir)))
    assert code == 1
    assert "valid - 12 weeks" in out and "unknown meter 'trst'" in out


def test_json_shape_for_a_valid_scenario(capsys: pytest.CaptureFixture[str], fixture_dir: Path) -> None:
    code, out, _ = run(capsys, "validate", "--format", "json", str(fixture_dir))
    report = json.loads(out)
    assert code == 0
    assert set(report) == {"ok", "errors", "warnings", "stats"}
    assert report["ok"] is True and report["errors"] == [] and report["warnings"] == []
    assert STATS_KEYS <= set(report["stats"])
    assert {key: report["stats"][key] for key in STATS_KEYS} == {
        "turns": 12, "meters": 6, "tasks": 4, "requests": 4, "events": 8, "endings": 6,
        "languages": ["zh", "en"], "missing_translations": 0}


def test_json_shape_for_an_invalid_scenario(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                            fixture_dir: Path) -> None:
    code, out, _ = run(capsys, "validate", "--format", "json", str(broken_copy(tmp_path, fixture_dir)))
    report = json.loads(out)
    assert code == 1
    assert set(report) == {"ok", "errors", "warnings", "stats"} and report["ok"] is False
    assert [set(error) for error in report["errors"]] == [ERROR_KEYS]
    assert report["errors"][0] == {
        "file": "mini-town/directives.yaml", "line": 21, "column": 18,
        "path": "directives[0].approaches[0].meters.trst", "message": "unknown meter 'trst'",
        "hint": "did you mean 'trust'?"}
    assert STATS_KEYS <= set(report["stats"])


def test_json_shape_when_a_file_does_not_parse(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                               fixture_dir: Path) -> None:
    folder = tmp_path / "mini-town"
    shutil.copytree(fixture_dir, folder)
    (folder / "broken.yaml").write_text("events: [\n", encoding="utf-8")
    code, out, _ = run(capsys, "validate", "--format", "json", str(folder))
    report = json.loads(out)
    assert code == 1 and set(report) == {"ok", "errors", "warnings", "stats"}
    assert report["errors"][0]["file"] == "mini-town/broken.yaml" and report["errors"][0]["line"] == 2
    assert STATS_KEYS <= set(report["stats"]) and report["stats"]["events"] == 8


def test_json_for_several_paths_lists_each(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                          fixture_dir: Path) -> None:
    code, out, _ = run(capsys, "validate", "--format", "json", str(fixture_dir), str(broken_copy(tmp_path, fixture_dir)))
    report = json.loads(out)
    assert code == 1 and set(report) == {"ok", "results"} and report["ok"] is False
    assert [set(item) for item in report["results"]] == [{"path", "ok", "errors", "warnings", "stats"}] * 2
    assert [item["ok"] for item in report["results"]] == [True, False]


def test_warnings_go_to_stderr_and_can_be_silenced(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                   fixture_dir: Path) -> None:
    folder = tmp_path / "mini-town"
    shutil.copytree(fixture_dir, folder)
    path = folder / "requests.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "title: {zh: 排水沟堵塞, en: A blocked drain}", "title: {zh: 排水沟堵塞}"), encoding="utf-8")
    code, out, err = run(capsys, "validate", str(folder))
    assert code == 0 and "1 missing translation(s); 1 warning(s)" in out
    assert err.startswith("warning: mini-town/requests.yaml:") and "missing the 'en' text" in err
    code, out, err = run(capsys, "validate", "--quiet-warnings", str(folder))
    assert code == 0 and err == ""


def test_a_valid_content_file_is_checked_in_its_scenario(capsys: pytest.CaptureFixture[str], fixture_dir: Path) -> None:
    code, out, _ = run(capsys, "validate", str(fixture_dir / "events.yaml"))
    assert code == 0
    assert "valid, checked in scenario folder mini-town" in out


def test_validate_as_a_real_process(fixture_dir: Path, tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "game", "validate", str(fixture_dir)], capture_output=True,
                          text=True, check=False, timeout=60)
    assert done.returncode == 0 and "valid - 12 weeks" in done.stdout and done.stderr == ""
    broken = broken_copy(tmp_path, fixture_dir)
    done = subprocess.run([sys.executable, "-m", "game", "validate", str(broken)], capture_output=True,
                          text=True, check=False, timeout=60)
    assert done.returncode == 1 and "Traceback" not in done.stderr
