"""The command line as a whole: help for every command, schema, scenarios, and no tracebacks."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from game.cli.main import build_parser, main
from game.cli.cmd_schema import schema

ROOT = Path(__file__).resolve().parents[2]


def command_names() -> list[str]:
    parser = build_parser()
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert len(actions) == 1
    return sorted(actions[0].choices)


def test_the_documented_commands_exist() -> None:
    assert {"play", "scenarios", "validate", "schema"} <= set(command_names())


@pytest.mark.parametrize("name", command_names())
def test_every_command_has_help(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([name, "--help"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(f"usage: grassroots {name}") and err == ""
    description = out.split("\n\n")[1].strip()
    assert len(description) > 20, f"{name} --help has no description"


def test_top_level_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "基层：留痕与民心" in out
    for name in command_names():
        assert f"    {name}" in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("grassroots ")


def test_an_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["frobnicate"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "invalid choice: 'frobnicate'" in err and "Traceback" not in err


def test_schema_to_stdout_is_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(document["properties"]) == {"scenario", "meters", "directives", "requests", "inspections", "events",
                                           "endings", "modifiers", "debrief", "claims", "variants"}


def test_schema_to_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "schema.json"
    assert main(["schema", "-o", str(target)]) == 0
    out, err = capsys.readouterr()
    assert out == "" and err.strip() == f"wrote {target}"
    assert json.loads(target.read_text(encoding="utf-8")) == schema()


@pytest.mark.parametrize("where", ["folder", "missing-parent"])
def test_schema_to_an_unwritable_place_is_a_usage_error(where: str, capsys: pytest.CaptureFixture[str],
                                                        tmp_path: Path) -> None:
    target = tmp_path if where == "folder" else tmp_path / "no" / "such" / "schema.json"
    assert main(["schema", "-o", str(target)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("grassroots: ") and "Traceback" not in err


def test_the_committed_schema_is_current() -> None:
    committed = (ROOT / "scenario.schema.json").read_text(encoding="utf-8")
    generated = json.dumps(schema(), ensure_ascii=False, indent=2) + "\n"
    assert committed == generated, "run: grassroots schema -o scenario.schema.json"


def test_scenarios_lists_the_shipped_ones(capsys: pytest.CaptureFixture[str]) -> None:
    from game.scenario.catalog import DEFAULT_SCENARIO, default_first, shipped

    assert main(["scenarios"]) == 0
    printed = capsys.readouterr().out.splitlines()
    lines = [line for line in printed if not line.startswith(" ")]  # indented lines list a scenario's variants
    refs = default_first(shipped())
    if not refs:
        assert lines == ["no scenarios found"]
    assert [line.split()[0] for line in lines if refs] == [ref.id for ref in refs]
    variants = [line.split()[1] for line in printed if line.startswith("    --variant ")]
    assert {"seminar", "lab_outcomes", "lab_one_veto", "lab_duty_list"} <= set(variants)
    assert all(("(default)" in line) == line.startswith(DEFAULT_SCENARIO + " ") for line in lines if refs)


def test_scenarios_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    from game.scenario import load_report

    assert main(["scenarios", "--format", "json", "--lang", "zh"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert isinstance(rows, list)
    for row in rows:
        assert set(row) == {"id", "title", "weeks", "readable", "path", "default", "origin", "shadowed_by",
                            "variants"}
        scenario = load_report(Path(row["path"])).scenario
        if scenario is not None:  # headers only, yet what a full load says
            assert row["readable"] and (row["title"], row["weeks"]) == (scenario.info.title.zh, scenario.info.weeks)


def test_scenarios_reads_headers_only(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import game.scenario.loader

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("scenarios loaded a whole scenario")

    monkeypatch.setattr(game.scenario.loader, "load_report", refuse)
    assert main(["scenarios"]) == 0
    assert "lianhe-town" in capsys.readouterr().out


def test_an_internal_error_is_one_line_without_traceback(capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch, fixture_dir: Path) -> None:
    import game.scenario.loader

    def explode(path: Path, sources: object = None) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(game.scenario.loader, "load_report", explode)
    assert main(["validate", str(fixture_dir)]) == 3
    out, err = capsys.readouterr()
    assert out == "" and err.strip() == "grassroots: internal error: RuntimeError: boom (please report this)"
