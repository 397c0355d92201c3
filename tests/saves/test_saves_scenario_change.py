"""Saves find their scenario, and notice and explain when it changed since the game was saved."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from saves_helpers import FIXTURE, prefix, snapshot_files

from game.engine import Rules
from game.saves import SaveError, load_save, verify_record, write_game_record, write_save
from game.saves.errors import NO_SCENARIO, SCENARIO_CHANGED
from game.scenario import load_scenario


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A private copy of the mini-town scenario that a test may edit."""
    return Path(shutil.copytree(FIXTURE, tmp_path / "scenario" / "mini-town"))


def _edit(folder: Path, file: str, old: str, new: str) -> None:
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _save(copy: Path, finished, tmp_path: Path, count: int = 20) -> tuple[Path, Rules]:
    rules = Rules(load_scenario(copy))
    state = prefix(rules, finished, count)
    saves = tmp_path / "saves"
    return write_save(saves / "p.save.json", rules, state, player="p", lang="en"), rules


def test_scenario_found_from_where_it_was_played(copy: Path, tmp_path: Path, finished) -> None:
    path, rules = _save(copy, finished, tmp_path)
    loaded = load_save(path)  # mini-town is not shipped: the folder it was played from is remembered
    assert loaded.warnings == [] and loaded.rules.content_hash == rules.content_hash


def test_scenario_not_found(copy: Path, tmp_path: Path, finished) -> None:
    path, _ = _save(copy, finished, tmp_path)
    shutil.rmtree(copy)
    with pytest.raises(SaveError) as err:
        load_save(path)
    assert err.value.code == NO_SCENARIO
    assert "needs the scenario 'mini-town', which was not found" in str(err.value) and "--scenario" in str(err.value)


def test_changed_text_still_replays_with_a_warning(copy: Path, tmp_path: Path, finished) -> None:
    path, old = _save(copy, finished, tmp_path)
    _edit(copy, "events.yaml", "en: A call from the district", "en: A phone call from the district")
    before = snapshot_files(path.parent)
    loaded = load_save(path)
    assert loaded.rules.content_hash != old.content_hash
    assert len(loaded.state.decisions) == 20
    (warning,) = loaded.warnings
    assert "scenario 'mini-town' has changed since this game was saved" in warning
    assert old.content_hash in warning and loaded.rules.content_hash in warning
    assert "numbers now differ" not in warning
    assert snapshot_files(path.parent) == before


def test_changed_numbers_still_replay_and_say_what_differs(copy: Path, tmp_path: Path, finished) -> None:
    path, _ = _save(copy, finished, tmp_path, count=3)
    assert str(finished.decisions[2]) == "act pension_check.mark_done"
    _edit(copy, "requests.yaml", "crosses_line: true\n        meters: {trust: -1}",
          "crosses_line: true\n        meters: {trust: -3}")
    loaded = load_save(path)
    (warning,) = loaded.warnings
    trust = loaded.rules.meter_index["trust"]
    saved = prefix(Rules(load_scenario(FIXTURE)), finished, 3).meters[trust]
    assert loaded.state.meters[trust] == saved - 2
    assert f"the numbers now differ (meters.trust: saved {saved}, replayed {saved - 2})" in warning


def test_changed_scenario_that_no_longer_replays(copy: Path, tmp_path: Path, finished) -> None:
    path, _ = _save(copy, finished, tmp_path)
    assert str(finished.decisions[2]) == "act pension_check.mark_done"
    _edit(copy, "requests.yaml", "id: mark_done", "id: tick_box")
    before = snapshot_files(path.parent)
    with pytest.raises(SaveError) as err:
        load_save(path)
    text = str(err.value)
    assert err.value.code == SCENARIO_CHANGED and "\n" not in text
    assert "no longer replays: decision 3 (act pension_check.mark_done) in week 1 is not allowed any more" in text
    assert "has no approach 'mark_done'" in text
    assert snapshot_files(path.parent) == before


def test_verify_refuses_a_changed_scenario(copy: Path, tmp_path: Path, finished) -> None:
    rules = Rules(load_scenario(copy))
    record = write_game_record(tmp_path / "r.record.json", rules, finished, player="p")
    assert verify_record(record).warnings == []
    _edit(copy, "events.yaml", "en: A call from the district", "en: A phone call from the district")
    with pytest.raises(SaveError) as err:
        verify_record(record)
    assert err.value.code == SCENARIO_CHANGED and "cannot be verified" in str(err.value)


def test_the_scenario_id_in_a_save_is_an_id_never_a_path_in_the_current_folder(
        copy: Path, tmp_path: Path, finished, monkeypatch) -> None:
    path, rules = _save(copy, finished, tmp_path)
    elsewhere = tmp_path / "cwd"
    shutil.copytree(copy, elsewhere / "mini-town")  # a folder named like the id, where the player happens to be
    _edit(elsewhere / "mini-town", "events.yaml", "en: A call from the district", "en: Another call")
    monkeypatch.chdir(elsewhere)
    loaded = load_save(path)
    assert loaded.warnings == [] and loaded.rules.content_hash == rules.content_hash
    shutil.rmtree(copy)  # without the original, the folder in the current folder is still not taken for the id
    with pytest.raises(SaveError) as err:
        load_save(path)
    assert err.value.code == NO_SCENARIO and "'mini-town', which was not found" in str(err.value)


def test_scenario_path_of_another_scenario(copy: Path, tmp_path: Path, finished) -> None:
    path, _ = _save(copy, finished, tmp_path)
    other = Path(shutil.copytree(copy, tmp_path / "other"))
    _edit(other, "scenario.yaml", "id: mini-town", "id: other-town")
    with pytest.raises(SaveError, match="this game is of scenario 'mini-town', but .* is scenario 'other-town'"):
        load_save(path, other)


def test_scenario_path_with_errors(copy: Path, tmp_path: Path, finished) -> None:
    path, _ = _save(copy, finished, tmp_path)
    _edit(copy, "scenario.yaml", "weeks: 12", "weeks: twelve")
    with pytest.raises(SaveError) as err:
        load_save(path, copy)
    assert err.value.code == NO_SCENARIO and "has errors" in str(err.value) and "\n" not in str(err.value)
