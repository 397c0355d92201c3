"""One rule for what a scenario id or path means, the same in every command (game/scenario/catalog.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Callable

import pytest

from game.cli.main import main
from game.scenario import catalog


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def copy_as(fixture_dir: Path, root: Path, new_id: str) -> Path:
    folder = root / new_id
    shutil.copytree(fixture_dir, folder)
    return folder


# Each way of giving a content root: (name, set it up for `root`, extra command-line arguments).
def by_flag(monkeypatch: pytest.MonkeyPatch, root: Path) -> list[str]:
    return ["--content-dir", str(root)]


def by_env(monkeypatch: pytest.MonkeyPatch, root: Path) -> list[str]:
    monkeypatch.setenv(catalog.ENV_VAR, f"{root.parent / 'missing'}{__import__('os').pathsep}{root}")
    return []


def by_working_folder(monkeypatch: pytest.MonkeyPatch, root: Path) -> list[str]:
    monkeypatch.chdir(root.parent.parent)
    return []


def by_user_folder(monkeypatch: pytest.MonkeyPatch, root: Path) -> list[str]:
    monkeypatch.setattr(catalog, "user_root", lambda: root)
    return []


WAYS: dict[str, Callable[[pytest.MonkeyPatch, Path], list[str]]] = {
    "--content-dir": by_flag, "$GRASSROOTS_CONTENT_DIR": by_env, "./content/scenarios": by_working_folder,
    "user folder": by_user_folder,
}


@pytest.fixture(params=list(WAYS))
def found_by(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
             fixture_dir: Path) -> tuple[str, list[str], Path]:
    root = tmp_path / "project" / "content" / "scenarios"
    folder = copy_as(fixture_dir, root, "mini-town")
    work = tmp_path / "elsewhere"
    work.mkdir()
    monkeypatch.chdir(work)
    extra = WAYS[request.param](monkeypatch, root)
    return request.param, extra, folder


def test_validate_finds_the_id(capsys: pytest.CaptureFixture[str], found_by: tuple[str, list[str], Path]) -> None:
    _, extra, _ = found_by
    code, out, _ = run(capsys, "validate", "mini-town", *extra)
    assert code == 0 and out.startswith("mini-town: valid")


def test_simulate_finds_the_id(capsys: pytest.CaptureFixture[str], found_by: tuple[str, list[str], Path]) -> None:
    _, extra, _ = found_by
    code, out, _ = run(capsys, "simulate", "mini-town", "--runs", "2", "--jobs", "1", "--strategy", "random",
                       "--format", "json", *extra)
    assert code == 0 and json.loads(out)["scenario"] == "mini-town"


def test_scenarios_lists_the_id_with_its_origin(capsys: pytest.CaptureFixture[str],
                                               found_by: tuple[str, list[str], Path]) -> None:
    way, extra, folder = found_by
    code, out, _ = run(capsys, "scenarios", "--format", "json", *extra)
    rows = {row["id"]: row for row in json.loads(out)}
    assert code == 0 and Path(rows["mini-town"]["path"]).resolve() == folder.resolve()
    expected = {"user folder": "user", "./content/scenarios": "content/scenarios"}.get(way, way)
    assert rows["mini-town"]["origin"] == expected


def test_play_and_replay_resolve_the_id(found_by: tuple[str, list[str], Path]) -> None:
    _, extra, folder = found_by
    catalog.use_content_dirs(extra[1:])  # what main() does with --content-dir
    from game.tui.start import Start

    assert Start(scenario="mini-town").scenario_path.resolve() == folder.resolve()
    assert "mini-town" in [choice.name for choice in Start().scenario_choices()]
    assert catalog.resolve("mini-town").resolve() == folder.resolve()  # what saves/replay.py looks up


def test_an_earlier_root_shadows_a_later_one(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path, fixture_dir: Path) -> None:
    first, second = copy_as(fixture_dir, tmp_path / "a", "mini-town"), copy_as(fixture_dir, tmp_path / "b", "mini-town")
    monkeypatch.setenv(catalog.ENV_VAR, str(tmp_path / "b"))
    code, out, _ = run(capsys, "scenarios", "--content-dir", str(tmp_path / "a"))
    lines = [line for line in out.splitlines() if line.startswith("mini-town")]
    assert code == 0 and len(lines) == 2
    assert str(first) in lines[0] and "hidden by" not in lines[0]
    assert str(second) in lines[1] and f"hidden by {first}" in lines[1]


@pytest.mark.parametrize("name, kind", [
    ("mini-town", "id"),                      # an id found in a root
    ("tests/fixtures/scenarios/mini-town", "path"),  # a path (has a separator)
    ("nowhere-at-all", "unknown id"),         # id form, in no root, and no such folder
    ("no/such/folder", "unknown path"),
])
def test_the_rule_for_a_name(name: str, kind: str, monkeypatch: pytest.MonkeyPatch, fixture_dir: Path) -> None:
    monkeypatch.chdir(fixture_dir.parents[3])
    catalog.use_content_dirs([fixture_dir.parent])
    if kind.startswith("unknown"):
        with pytest.raises(catalog.UnknownScenario) as err:
            catalog.resolve(name)
        assert ("searched" in str(err.value)) == (kind == "unknown id")
        return
    assert catalog.resolve(name).resolve() == fixture_dir.resolve()


def test_an_id_wins_over_a_folder_of_the_same_name_here(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                        fixture_dir: Path) -> None:
    copy_as(fixture_dir, tmp_path, "mini-town")
    monkeypatch.chdir(tmp_path)
    catalog.use_content_dirs([fixture_dir.parent])
    assert catalog.resolve("mini-town") == fixture_dir.parent / "mini-town"
    assert catalog.resolve("./mini-town") == Path("./mini-town")


def test_an_unknown_id_is_a_usage_error_everywhere(capsys: pytest.CaptureFixture[str]) -> None:
    for command in (["validate"], ["simulate", "--runs", "1"], ["new", "x", "--from"]):
        code, out, err = run(capsys, *command, "no-such-scenario")
        assert code == 2 and out == "" and "no scenario 'no-such-scenario'" in err, command


# -- validate FILE: one content file in its scenario's context --------------------------------------------
def test_a_file_in_a_subfolder_is_checked_in_its_scenario(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                          fixture_dir: Path) -> None:
    folder = copy_as(fixture_dir, tmp_path, "mini-town")
    (folder / "events").mkdir()
    (folder / "events.yaml").rename(folder / "events" / "x.yaml")
    code, out, _ = run(capsys, "validate", str(folder / "events" / "x.yaml"))
    assert code == 0 and "valid, checked in scenario folder mini-town" in out


def test_a_file_with_a_bad_reference_reports_it_at_its_line(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                            fixture_dir: Path) -> None:
    folder = copy_as(fixture_dir, tmp_path, "mini-town")
    path = folder / "requests.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("meters: {trust: 4}", "meters: {trustt: 4}", 1),
                    encoding="utf-8")
    code, out, _ = run(capsys, "validate", "--format", "json", str(path))
    report = json.loads(out)
    assert code == 1 and [e["file"] for e in report["errors"]] == ["mini-town/requests.yaml"]
    line = path.read_text(encoding="utf-8").splitlines().index("        meters: {trustt: 4}") + 1
    assert "trustt" in report["errors"][0]["message"] and report["errors"][0]["line"] == line
    code, _, _ = run(capsys, "validate", str(folder / "events.yaml"))  # the other files are not blamed
    assert code == 0


def test_a_file_outside_any_scenario_is_checked_alone(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                      fixture_dir: Path) -> None:
    shutil.copy(fixture_dir / "events.yaml", tmp_path / "loose.yaml")
    code, out, _ = run(capsys, "validate", str(tmp_path / "loose.yaml"))
    assert code == 0 and "checked alone" in out
    (tmp_path / "broken.yaml").write_text("events:\n  - id: x\n    weight: -\n", encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(tmp_path / "broken.yaml"))
    assert code == 1 and "broken.yaml:" in out


@pytest.mark.parametrize("name, text, code", [
    ("notes.txt", "events: []\n", 1),          # not a content file: said so, never "valid"
    (".draft.yaml", "events: []\n", 0),        # hidden: checked alone, with a note that the scenario skips it
])
def test_a_file_the_scenario_does_not_read(name: str, text: str, code: int, capsys: pytest.CaptureFixture[str],
                                           tmp_path: Path, fixture_dir: Path) -> None:
    folder = copy_as(fixture_dir, tmp_path, "mini-town")
    (folder / name).write_text(text, encoding="utf-8")
    got, out, err = run(capsys, "validate", str(folder / name))
    assert got == code
    if code:
        assert "not a YAML content file" in out
    else:
        assert "does not read this file" in err and "checked alone" in out


@pytest.mark.parametrize("ids", [["aaa-town", "zzz-town"], ["a", "hexi-street"], ["lianhe-town2", "lianhe-tow"], []])
def test_every_list_to_choose_from_starts_with_the_default_scenario(capsys: pytest.CaptureFixture[str],
                                                                     tmp_path: Path, fixture_dir: Path,
                                                                     ids: list[str]) -> None:
    """Whatever ids sort before it, the scenario no name means comes first in the new-game list (and serve's
    chooser, which is the same list) and in `grassroots scenarios`; the others keep their order (by id, or
    in search order)."""
    root = tmp_path / "mine"
    for new_id in ids:
        copy_as(fixture_dir, root, new_id)
    code, out, _ = run(capsys, "scenarios", "--content-dir", str(root), "--format", "json")
    assert code == 0
    listed = [row["id"] for row in json.loads(out)]
    assert listed[0] == catalog.DEFAULT_SCENARIO
    assert listed[1:1 + len(ids)] == sorted(ids)
    catalog.use_content_dirs([root])
    try:
        chooser = [ref.id for ref in catalog.found()]
    finally:
        catalog.use_content_dirs(None)
    assert chooser[0] == catalog.DEFAULT_SCENARIO
    assert chooser[1:] == sorted(chooser[1:]) and set(ids) <= set(chooser)
