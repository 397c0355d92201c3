"""`grassroots new`: a valid, bilingual, playable scenario whose modelines resolve, and clear refusals."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from game.cli.cmd_schema import schema
from game.cli.main import main
from game.scenario import catalog, load_report
from game.scenario.scaffold import TEMPLATE, with_id, with_modeline
from game.scenario.sources import content_files
from game.scenario.yamlread import read_yaml


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture
def user(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An empty user content folder, and a current folder without content/scenarios."""
    root = tmp_path / "data" / "scenarios"
    monkeypatch.setattr(catalog, "user_root", lambda: root)
    monkeypatch.chdir(tmp_path)
    return root


def modeline_target(file: Path) -> Path:
    first = file.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, (file, first)
    return (file.parent / match.group(1)).resolve()


@pytest.mark.parametrize("source", [None, "lianhe-town"])
def test_new_makes_a_valid_playable_scenario_found_by_id(source: str | None, user: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "new", "my-town", *(["--from", source] if source else []))
    folder = user / "my-town"
    assert code == 0 and f"made {folder}" in out
    report = load_report(folder)
    assert [e.format() for e in report.errors] == [] and report.scenario.id == "my-town"
    assert report.stats["languages"] == ["zh", "en"] and report.stats["missing_translations"] == 0
    assert run(capsys, "validate", "my-town")[0] == 0
    code, out, _ = run(capsys, "simulate", "my-town", "--runs", "3", "--jobs", "1", "--format", "json")
    assert code == 0 and json.loads(out)["scenario"] == "my-town"
    from game.tui.start import Start

    start = Start(scenario="my-town", seed=1)
    start.prepare(lang_given=False)
    assert start.session is not None and start.session.rules.id == "my-town"


def test_every_modeline_resolves_to_the_schema_and_the_settings_cover_every_file(
        user: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "new", "my-town", "--from", "lianhe-town")[0] == 0
    folder = user / "my-town"
    schema_file = folder / "scenario.schema.json"
    assert json.loads(schema_file.read_text(encoding="utf-8")) == schema()
    files = content_files(folder)
    assert any(len(f.relative_to(folder).parts) > 1 for f in files)  # files in events/ too
    validator = jsonschema.Draft202012Validator(schema())
    for file in files:
        assert modeline_target(file) == schema_file.resolve()
        document, errors = read_yaml(file.read_bytes(), file.name)
        assert not errors and not list(validator.iter_errors(document.data)), file
    settings = json.loads((folder / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    (schema_key, globs), = settings["yaml.schemas"].items()
    assert (folder / schema_key).resolve() == schema_file.resolve()
    for file in files:
        relative = file.relative_to(folder)
        assert any(relative.match(pattern) for pattern in globs), relative


def test_only_the_modeline_and_the_id_line_change(user: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "new", "my-town", "--from", "lianhe-town")[0] == 0
    source = catalog.resolve("lianhe-town")
    for file in content_files(source):
        old = file.read_text(encoding="utf-8").splitlines()
        new = (user / "my-town" / file.relative_to(source)).read_text(encoding="utf-8").splitlines()
        changed = [(a, b) for a, b in zip(old, new) if a != b]
        assert len(old) == len(new) and changed[0][0].startswith("# yaml-language-server:")
        if file.name == "scenario.yaml":
            assert changed[1:] == [("  id: lianhe-town", "  id: my-town")]
        else:
            assert changed[1:] == []


@pytest.mark.parametrize("args, message", [
    (["new", "My Town"], "not a valid scenario id"),
    (["new", "1town"], "not a valid scenario id"),
    (["new", "../escape"], "not a valid scenario id"),
    (["new", "lianhe-town"], "a scenario 'lianhe-town' already exists"),
    (["new", "fresh", "--from", "nope"], "--from: no scenario 'nope'"),
    (["new", "fresh", "--from", "README.md"], "is not a scenario folder"),
])
def test_clear_refusals(args: list[str], message: str, user: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (user.parent.parent / "README.md").write_text("not a scenario\n", encoding="utf-8")
    code, out, err = run(capsys, *args)
    assert code == 2 and out == "" and message in err
    assert not (user / "fresh").exists()


def test_an_existing_folder_is_never_overwritten(tmp_path: Path, user: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "elsewhere" / "taken").mkdir(parents=True)
    (tmp_path / "elsewhere" / "taken" / "mine.txt").write_text("keep", encoding="utf-8")
    code, _, err = run(capsys, "new", "taken", "--dir", str(tmp_path / "elsewhere"))
    assert code == 2 and "already exists" in err
    assert [p.name for p in (tmp_path / "elsewhere" / "taken").iterdir()] == ["mine.txt"]


def test_in_a_checkout_it_goes_to_content_scenarios(user: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "content" / "scenarios").mkdir(parents=True)
    assert run(capsys, "new", "my-town")[0] == 0
    assert (tmp_path / "content" / "scenarios" / "my-town" / "scenario.yaml").is_file()
    assert not (user / "my-town").exists()


def test_the_template_is_valid_without_warnings() -> None:
    report = load_report(TEMPLATE)
    assert [e.format() for e in report.errors] == [] and [w.format() for w in report.warnings] == []


@pytest.mark.parametrize("text, expected", [
    ("a: 1\n", "# yaml-language-server: $schema=s\na: 1\n"),
    ("# yaml-language-server: $schema=../../x\na: 1\n", "# yaml-language-server: $schema=s\na: 1\n"),
    ("# yaml-language-server: $schema=x\r\na: 1\r\n", "# yaml-language-server: $schema=s\r\na: 1\r\n"),
    ("# a comment\n", "# yaml-language-server: $schema=s\n# a comment\n"),
])
def test_with_modeline(text: str, expected: str) -> None:
    assert with_modeline(text, "# yaml-language-server: $schema=s") == expected


@pytest.mark.parametrize("text, expected", [
    ("scenario:\n  id: old\n", "scenario:\n  id: new\n"),
    ("scenario:\n  title: x\n  id: \"old\"  # keep\n", "scenario:\n  title: x\n  id: \"new\"  # keep\n"),
    ("meters:\n  - id: old\nscenario:\n  id: old\n", "meters:\n  - id: old\nscenario:\n  id: new\n"),
])
def test_with_id_changes_only_the_header_id(text: str, expected: str) -> None:
    assert with_id(text, "old", "new") == expected


def test_in_a_checkout_the_modelines_point_to_its_schema(user: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "content" / "scenarios").mkdir(parents=True)
    (tmp_path / "scenario.schema.json").write_text("{}\n", encoding="utf-8")
    assert run(capsys, "new", "my-town")[0] == 0
    folder = tmp_path / "content" / "scenarios" / "my-town"
    assert not (folder / "scenario.schema.json").exists()
    for file in content_files(folder):
        assert modeline_target(file) == (tmp_path / "scenario.schema.json").resolve()
    settings = json.loads((folder / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert [(folder / key).resolve() for key in settings["yaml.schemas"]] == [(tmp_path / "scenario.schema.json").resolve()]
