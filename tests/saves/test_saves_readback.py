"""Issue 11: whatever the game writes, it reads back. Bad values are refused before play or before
writing, never after; any state the engine can reach saves and loads back."""

from __future__ import annotations

import dataclasses
import math
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from saves_helpers import FIXTURE

from game.engine import GameState, Rules, apply, legal, new_game
from game.saves import SaveError, load_save, write_save
from game.saves.errors import UNSAVABLE
from game.saves.schema import SEED_RANGE
from game.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[2]
LOW, HIGH = SEED_RANGE
OUT_OF_RANGE = [HIGH, HIGH + 1, 18446744073709551616, LOW - 1, 10**40, -(10**40)]
EDGES = [LOW, LOW + 1, -1, 0, 1, 2**63 - 1, 2**63, HIGH - 1]


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "game", *args], capture_output=True, text=True, timeout=120,
                          cwd=ROOT, stdin=subprocess.DEVNULL, check=False)


@pytest.mark.parametrize("seed", OUT_OF_RANGE)
def test_a_seed_a_save_cannot_hold_is_refused_before_play(seed: int, tmp_path: Path, rules: Rules) -> None:
    done = _cli("play", str(FIXTURE), "--seed", str(seed), "--saves-dir", str(tmp_path))
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "out of range" in done.stderr
    assert "Traceback" not in done.stderr and list(tmp_path.iterdir()) == []
    from game.tui.session import Session

    with pytest.raises(ValueError, match="out of range"):
        Session.new(FIXTURE, seed, "p", "en", tmp_path)
    state, _ = new_game(rules, seed)  # the engine itself plays any int; saving refuses before writing
    with pytest.raises(SaveError) as err:
        write_save(tmp_path / "p.save.json", rules, state, player="p", lang="en")
    assert err.value.code == UNSAVABLE and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("seed", EDGES)
def test_every_seed_in_range_saves_and_loads_back(seed: int, tmp_path: Path, rules: Rules) -> None:
    state, _ = new_game(rules, seed)
    state, _ = apply(rules, state, legal(rules, state)[0])
    path = write_save(tmp_path / "p.save.json", rules, state, player="p", lang="en")
    loaded = load_save(path)
    assert loaded.seed == seed and loaded.state.fingerprint() == state.fingerprint()


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan])
@pytest.mark.parametrize("where", ["meter", "hours_left", "hours_week"])
def test_a_value_that_is_not_finite_is_refused_before_writing(value: float, where: str, tmp_path: Path,
                                                              rules: Rules, midgame: GameState) -> None:
    path = write_save(tmp_path / "p.save.json", rules, midgame, player="p", lang="en")
    before = path.read_bytes()
    if where == "meter":
        broken = dataclasses.replace(midgame, meters=[value, *midgame.meters[1:]])
    else:
        broken = dataclasses.replace(midgame, **{where: value})
    with pytest.raises(SaveError) as err:
        write_save(path, rules, broken, player="p", lang="en")
    assert err.value.code == UNSAVABLE and "not a finite number" in str(err.value)
    assert path.read_bytes() == before  # the last good save stays


@pytest.mark.parametrize("header_file", ["main.yaml", "zz-last.yaml", "sub/header.yml"])
def test_a_scenario_whose_header_is_not_in_scenario_yaml_can_be_continued(
        header_file: str, tmp_path: Path, monkeypatch) -> None:
    folder = Path(shutil.copytree(FIXTURE, tmp_path / "elsewhere" / "my-town"))
    target = folder / header_file
    target.parent.mkdir(parents=True, exist_ok=True)
    (folder / "scenario.yaml").rename(target)
    rules = Rules(load_scenario(folder))
    state, _ = new_game(rules, 8)
    state, _ = apply(rules, state, legal(rules, state)[0])
    path = write_save(tmp_path / "saves" / "p.save.json", rules, state, player="p", lang="en")
    monkeypatch.chdir(tmp_path)  # anywhere but the scenario's folder
    loaded = load_save(path)
    assert loaded.warnings == [] and loaded.state.fingerprint() == state.fingerprint()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=LOW, max_value=HIGH - 1),
       picks=st.lists(st.integers(min_value=0, max_value=1_000), max_size=120),
       name=st.text(max_size=60), lang=st.sampled_from(["zh", "en"]))
def test_any_state_the_engine_can_reach_saves_and_loads_back(tmp_path_factory, rules: Rules, seed: int,
                                                              picks: list[int], name: str, lang: str) -> None:
    state, _ = new_game(rules, seed)
    for pick in picks:
        if state.ended:
            break
        options = legal(rules, state)
        state, _ = apply(rules, state, options[pick % len(options)])
    folder = tmp_path_factory.mktemp("any")
    path = write_save(folder / "g.save.json", rules, state, player=name, lang=lang, game_id="0123456789ab")
    loaded = load_save(path)
    assert loaded.warnings == [] and loaded.state.fingerprint() == state.fingerprint()
    assert loaded.game_id == "0123456789ab" and loaded.lang == lang
