"""Reading a big scenario on two cores: the helper process changes how fast, never what is reported.

The size threshold is lowered so that the small fixture is read with a helper, and every report is
compared with a serial read of the same files.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import game.scenario.yamlparallel as yamlparallel
from game.cli.main import main
from game.scenario.loader import LoadReport, load_report, parse_files
from game.scenario.sources import read_sources
from game.scenario.yamlparallel import Helper, helper_share, start_helper
from scenario_kit import copy_fixture

BROKEN_FILES = {  # sorted last, so the helper gets them
    "zz-1-syntax.yaml": "events:\n  - id: broken\n    text: Note: this breaks\n",
    "zz-2-duplicate-key.yaml": "meters:\n  - id: calm\n    id: calm\n",
    "zz-3-unknown-field.yaml": "requests:\n  - id: extra_request\n    colour: blue\n",
    "zz-4-anchors.yaml": "modifiers: &m []\nclaims: *m\n",
}


@pytest.fixture
def helpers(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Use a helper for any scenario, and collect the process ids of the helpers started."""
    started: list[int] = []
    real_start = yamlparallel.start_helper

    def spy(sources: list[bytes]) -> Helper | None:
        helper = real_start(sources)
        if helper is not None:
            started.append(helper._pid)
        return helper

    monkeypatch.setattr(yamlparallel, "MIN_BYTES", 0)
    monkeypatch.setattr(yamlparallel, "_can_fork", lambda: True)
    monkeypatch.setattr("game.scenario.sources.start_helper", spy)
    return started


def serial(folder: Path, monkeypatch: pytest.MonkeyPatch) -> LoadReport:
    with monkeypatch.context() as patch:
        patch.setattr(yamlparallel, "MIN_BYTES", 1 << 62)
        return load_report(folder)


def assert_same(helped: LoadReport, alone: LoadReport) -> None:
    assert helped.scenario == alone.scenario
    assert helped.errors == alone.errors
    assert helped.warnings == alone.warnings
    assert helped.stats == alone.stats


@pytest.mark.parametrize("sizes, fraction, first", [
    ([10, 10, 10, 10], 0.5, 2),
    ([10, 10, 10, 10], 0.75, 1),
    ([40, 1, 1, 1], 0.5, 1),
    ([1, 1, 1, 40], 0.5, 4),  # the last file alone is more than half: the helper would get nothing
    ([5], 0.9, 1),
    ([], 0.5, 0),
])
def test_the_helper_takes_the_tail_up_to_its_share_and_never_the_first_file(
        sizes: list[int], fraction: float, first: int) -> None:
    assert helper_share(sizes, fraction) == first


def test_a_valid_scenario_reads_the_same_with_a_helper(
        tmp_path: Path, helpers: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    folder = copy_fixture(tmp_path)
    helped = load_report(folder)
    assert len(helpers) == 1
    assert helped.scenario is not None
    assert_same(helped, serial(folder, monkeypatch))


def test_errors_in_the_helpers_files_keep_their_messages_and_positions(
        tmp_path: Path, helpers: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    folder = copy_fixture(tmp_path)
    for name, text in BROKEN_FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    with read_sources(folder) as sources:
        assert sources.helped
        built = {name: value for name, _, value in sources.files_in_order()}
    # the helper built the well-formed files and left everything unusual to the complete reader
    assert built["mini-town/scenario.yaml"] is not None
    assert [built[f"mini-town/{name}"] for name in BROKEN_FILES] == [
        None, None, ({"requests": [{"id": "extra_request", "colour": "blue"}]},), None]
    helped = load_report(folder)
    assert_same(helped, serial(folder, monkeypatch))
    where = {(e.file.split("/")[-1], e.line) for e in helped.errors}
    assert {("zz-1-syntax.yaml", 3), ("zz-2-duplicate-key.yaml", 3), ("zz-3-unknown-field.yaml", 3)} <= where
    assert len(helpers) == 2


def test_a_helper_that_dies_leaves_the_work_to_this_process(
        tmp_path: Path, helpers: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    folder = copy_fixture(tmp_path)
    monkeypatch.setattr(yamlparallel, "_fast_value", lambda raw: os._exit(7))  # runs in the helper only
    helped = load_report(folder)
    assert len(helpers) == 1 and helped.scenario is not None
    assert_same(helped, serial(folder, monkeypatch))


def test_an_interrupted_load_stops_and_reaps_its_helper(
        tmp_path: Path, helpers: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    folder = copy_fixture(tmp_path)
    import game.scenario.loader as loader

    def interrupted(raw: bytes, name: str, built: tuple | None) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(loader, "_parse_one", interrupted)
    with pytest.raises(KeyboardInterrupt):
        parse_files(folder)
    assert len(helpers) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(helpers[0], os.WNOHANG)  # killed and reaped: not even a zombie is left


def test_a_closed_helper_is_killed_and_reaped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlparallel, "MIN_BYTES", 0)
    monkeypatch.setattr(yamlparallel, "_can_fork", lambda: True)
    helper = start_helper([b"meters: []\n"])
    assert helper is not None
    pid = helper._pid
    helper.close()
    helper.close()  # twice is harmless
    assert helper.values() == [None]
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def test_no_helper_for_small_scenarios_or_while_threads_run(fixture_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with read_sources(fixture_dir) as sources:
        assert not sources.helped  # 23 KiB: a fork would cost more than it saves
    monkeypatch.setattr(yamlparallel, "MIN_BYTES", 0)
    monkeypatch.setattr(yamlparallel.threading, "active_count", lambda: 2)
    with read_sources(fixture_dir) as sources:
        assert not sources.helped


def test_validate_leaves_the_garbage_collector_as_it_found_it(fixture_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import gc

    assert gc.isenabled()
    assert main(["validate", str(fixture_dir)]) == 0
    assert gc.isenabled()


def test_reading_sources_does_not_import_the_content_models() -> None:
    """`validate` starts the helper before it pays for pydantic, so the two overlap."""
    code = ("import sys; import game.scenario.sources; "
            "print(sorted(m for m in ('pydantic', 'game.scenario.models', 'yaml') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.stdout.strip() == "['yaml']"


def test_every_hostile_file_reads_the_same_with_a_helper(
        tmp_path: Path, helpers: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    """The hostile files of `test_hostile_files.py` in one folder, most of them in the helper's share."""
    from test_hostile_files import CASES

    folder = copy_fixture(tmp_path)
    for name, (raw, _) in CASES.items():
        (folder / f"zz-{name}.yaml").write_bytes(raw)
    helped = load_report(folder)
    assert len(helpers) == 1
    alone = serial(folder, monkeypatch)
    assert_same(helped, alone)
    named = {e.file.split("/")[-1] for e in helped.errors}
    assert {f"zz-{name}.yaml" for name in CASES} <= named  # each one refused
