"""Saves and records go out and come back exactly; old records migrate; saves are listed."""

from __future__ import annotations

import json
import re
import os
import subprocess
import sys
from pathlib import Path

import pytest
from saves_helpers import FIXTURE, prefix, snapshot_files

import game.saves.store as store
from game.engine import Rules, outcome
from game.saves import (
    FORMAT_VERSION, SaveError, autosave_path, backup_path, list_saves, load_save, read_game, record_path,
    state_digest, verify_record, write_game_record, write_save,
)
from game.saves.document import canonical
from game.saves.errors import MISMATCH


def test_save_round_trip(tmp_path: Path, rules: Rules, midgame) -> None:
    path = write_save(autosave_path(tmp_path, "张三"), rules, midgame, player="张三", lang="zh")
    assert path == tmp_path / "张三.save.json"
    loaded = load_save(path)
    assert loaded.state.fingerprint() == midgame.fingerprint()
    assert loaded.state.decisions == midgame.decisions
    assert (loaded.player, loaded.lang, loaded.kind, loaded.warnings) == ("张三", "zh", "save", [])
    assert loaded.rules.content_hash == rules.content_hash and loaded.path == path
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["version"] == FORMAT_VERSION and doc["kind"] == "save" and doc["outcome"] is None
    assert doc["checksum"].startswith("sha256:")
    assert doc["snapshot"]["week"] == midgame.week
    assert doc["snapshot"]["fingerprint"] == state_digest(midgame)
    assert "张三" in path.read_text(encoding="utf-8")  # readable, not \\u-escaped


def test_finished_save_and_record_hold_the_outcome(tmp_path: Path, rules: Rules, finished) -> None:
    expected = json.loads(canonical(outcome(rules, finished).to_json()))
    save = write_save(tmp_path / "done.save.json", rules, finished, player="p", lang="en")
    assert json.loads(save.read_text(encoding="utf-8"))["outcome"] == expected
    target = record_path(tmp_path, "张三", rules, finished)
    assert target.parent == tmp_path / "records"
    assert re.fullmatch(rf"mini-town-张三-{finished.seed}-{state_digest(finished)[:8]}-\d{{8}}T\d{{12}}Z-\d+-[0-9a-f]{{8}}"
                        r"\.record\.json", target.name), target.name
    written = write_game_record(target, rules, finished, player="张三")
    doc = json.loads(written.read_text(encoding="utf-8"))
    assert doc["kind"] == "record" and doc["lang"] == "en" and doc["outcome"] == expected
    loaded = verify_record(written)
    assert loaded.kind == "record" and loaded.outcome == expected
    assert loaded.state.fingerprint() == finished.fingerprint()


def test_second_save_keeps_the_first_as_backup(tmp_path: Path, rules: Rules, finished) -> None:
    path = tmp_path / "p.save.json"
    write_save(path, rules, prefix(rules, finished, 3), player="p", lang="en")
    first = path.read_bytes()
    assert not backup_path(path).exists()
    write_save(path, rules, prefix(rules, finished, 4), player="p", lang="en")
    assert backup_path(path).read_bytes() == first
    assert len(load_save(path).state.decisions) == 4
    assert len(load_save(backup_path(path)).state.decisions) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.save.json", "p.save.json.bak"]


def test_replay_is_identical_in_a_fresh_process(tmp_path: Path, rules: Rules, finished) -> None:
    save = write_save(tmp_path / "a.save.json", rules, prefix(rules, finished, 20), player="a", lang="en")
    record = write_game_record(tmp_path / "a.record.json", rules, finished, player="a")
    code = ("import sys, json; from pathlib import Path; from game.saves import load_save, verify_record, "
            "state_digest; from game.engine import outcome\n"
            "for name in sys.argv[1:]:\n"
            "    loaded = (verify_record if name.endswith('record.json') else load_save)(Path(name))\n"
            "    print(state_digest(loaded.state), len(loaded.state.decisions), "
            "json.dumps(outcome(loaded.rules, loaded.state).to_json(), sort_keys=True))\n")
    result = subprocess.run([sys.executable, "-c", code, str(save), str(record)], capture_output=True, text=True,
                            check=True, env={**os.environ, "PYTHONHASHSEED": "12345"})
    lines = result.stdout.splitlines()
    expected_mid = prefix(rules, finished, 20)
    for line, state in zip(lines, (expected_mid, finished)):
        digest, count, done = line.split(" ", 2)
        assert digest == state_digest(state) and int(count) == len(state.decisions)
        assert json.loads(done) == json.loads(json.dumps(outcome(rules, state).to_json(), sort_keys=True))
    assert len(lines) == 2


def test_player_names_that_are_not_clean_text(tmp_path: Path, rules: Rules, midgame) -> None:
    name = "bad\udcffname\n[/]"  # a lone surrogate from a mis-encoded command line, a newline, markup
    path = write_save(autosave_path(tmp_path, name), rules, midgame, player=name, lang="en")
    assert path.name == "badname_[_].save.json"
    assert load_save(path).player == "bad?name [/]"  # cleaned at the reader: one line, no controls


def _v0_record(rules: Rules, state, **changes) -> dict:
    """The shape game/sim/runner.py wrote before the saves module existed."""
    payload = {"scenario": rules.id, "content_hash": rules.content_hash, "seed": state.seed, "player": "bot:random",
               "decisions": [d.to_json() for d in state.decisions], "outcome": outcome(rules, state).to_json()}
    payload.update(changes)
    return payload


def test_v0_records_migrate(tmp_path: Path, rules: Rules, finished) -> None:
    path = tmp_path / "mini-town-random-000001.json"
    path.write_text(json.dumps(_v0_record(rules, finished), ensure_ascii=False), encoding="utf-8")
    before = snapshot_files(tmp_path)
    loaded = verify_record(path, FIXTURE)
    assert loaded.version == 0 and loaded.kind == "record" and loaded.lang == "en"
    assert loaded.state.fingerprint() == finished.fingerprint()
    assert any("older format (version 0" in w for w in loaded.warnings)
    assert snapshot_files(tmp_path) == before  # migrating reads; it never rewrites the file


def test_v0_record_with_an_edited_outcome_is_rejected(tmp_path: Path, rules: Rules, finished) -> None:
    done = outcome(rules, finished).to_json()
    path = tmp_path / "old.json"
    path.write_text(json.dumps(_v0_record(rules, finished, outcome={**done, "upward": done["upward"] + 10})))
    with pytest.raises(SaveError) as err:
        verify_record(path, FIXTURE)
    assert err.value.code == MISMATCH and "outcome.upward" in str(err.value)


def test_v0_record_with_wrong_types_is_refused(tmp_path: Path, rules: Rules, finished) -> None:
    path = tmp_path / "old.json"
    path.write_text(json.dumps(_v0_record(rules, finished, scenario=["mini-town"])))
    with pytest.raises(SaveError, match="field 'scenario' should be text"):
        verify_record(path, FIXTURE)


def test_list_saves_newest_first_skipping_junk(tmp_path: Path, rules: Rules, finished, monkeypatch) -> None:
    times = iter(["2030-01-01T00:00:01.000000+00:00", "2030-01-01T00:00:03.000000+00:00",
                  "2030-01-01T00:00:02.000000+00:00", "2030-01-01T00:00:04.000000+00:00"])
    monkeypatch.setattr(store, "_now", lambda: next(times))
    write_save(tmp_path / "old.save.json", rules, prefix(rules, finished, 2), player="Old", lang="en")
    write_save(tmp_path / "new.save.json", rules, finished, player="New", lang="en")
    write_save(tmp_path / "mid.save.json", rules, prefix(rules, finished, 12), player="Mid", lang="zh")
    (tmp_path / "junk.save.json").write_text("{not json")
    (tmp_path / "foreign.save.json").write_text('{"hello": "world"}')
    (tmp_path / "notes.txt").write_text("not a save")
    infos = list_saves(tmp_path)
    assert [i.player for i in infos] == ["New", "Mid", "Old"]
    assert infos[0].ended == finished.ended and infos[0].week == finished.week
    assert infos[1].week == prefix(rules, finished, 12).week and infos[1].ended == ""
    assert infos[2].scenario_id == "mini-town" and infos[2].saved_at.startswith("2030-01-01T00:00:01")
    # a damaged save whose backup is good is still listed, with the backup's details
    write_save(tmp_path / "old.save.json", rules, prefix(rules, finished, 3), player="Old", lang="en")
    (tmp_path / "old.save.json").write_text("garbage")
    assert [i.player for i in list_saves(tmp_path)][-1] == "Old"
    assert list_saves(tmp_path / "missing") == []


def test_read_game_does_not_fall_back(tmp_path: Path, rules: Rules, finished) -> None:
    path = tmp_path / "p.save.json"
    write_save(path, rules, prefix(rules, finished, 3), player="p", lang="en")
    write_save(path, rules, prefix(rules, finished, 4), player="p", lang="en")
    path.write_text("{")
    with pytest.raises(SaveError):
        read_game(path)
    assert len(load_save(path).state.decisions) == 3
