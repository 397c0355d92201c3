"""Every kind of bad file gets one clear line, and loading never changes, moves or deletes anything."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from saves_helpers import prefix, resign, snapshot_files

from game.engine import Rules
from game.saves import MAX_BYTES, SaveError, backup_path, load_save, verify_record, write_game_record, write_save
from game.saves.document import FORMAT_VERSION
from game.saves.errors import (
    CORRUPT, EDITED, FOREIGN, FUTURE, INVALID, MISMATCH, MISSING, TOO_LARGE, UNREADABLE, one_line,
)


def _fails(path: Path, code: str | None = None, loader=load_save) -> SaveError:
    """Load must fail with a one-line message naming the file, and leave the folder exactly as it was."""
    before = snapshot_files(path.parent)
    with pytest.raises(SaveError) as caught:
        loader(path)
    err = caught.value
    text = str(err)
    assert "\n" not in text and "\r" not in text and text.startswith(one_line(str(path)))
    assert "Traceback" not in text and err.advice
    if code is not None:
        assert err.code == code, text
    assert snapshot_files(path.parent) == before
    return err


@pytest.fixture
def small_save(tmp_path: Path, rules: Rules, finished) -> Path:
    return write_save(tmp_path / "small.save.json", rules, prefix(rules, finished, 3), player="p", lang="en")


def test_truncated_at_every_byte(small_save: Path) -> None:
    full = small_save.read_bytes()
    assert len(full) < 2000
    for size in range(len(full)):
        small_save.write_bytes(full[:size])
        if full[:size].strip() == full.strip():  # only the final newline is gone: still the whole save
            assert len(load_save(small_save).state.decisions) == 3
            continue
        err = _fails(small_save)
        assert err.code in (CORRUPT, EDITED), (size, str(err))
        assert small_save.read_bytes() == full[:size]


def test_random_byte_flips(small_save: Path) -> None:
    full = small_save.read_bytes()
    original = json.loads(full)
    rng = random.Random(20240601)
    outcomes = set()
    for _ in range(300):
        data = bytearray(full)
        for _ in range(rng.randint(1, 3)):
            data[rng.randrange(len(data))] ^= rng.randint(1, 255)
        small_save.write_bytes(bytes(data))
        try:
            same = json.loads(bytes(data)) == original
        except ValueError:
            same = False
        if same:  # a flip in whitespace that keeps the JSON identical (say, space to tab) is harmless
            assert len(load_save(small_save).state.decisions) == 3
            continue
        outcomes.add(_fails(small_save).code)
    assert outcomes <= {CORRUPT, EDITED, INVALID, FOREIGN} and CORRUPT in outcomes and EDITED in outcomes


WRONG_VALUES: list[Any] = [None, "text", 7, 2.5, True, [], {}]
FIELDS = ["kind", "saved_at", "game_version", "scenario", "scenario.id", "scenario.content_hash", "scenario.source",
          "seed", "lang", "player", "decisions", "snapshot", "snapshot.week", "snapshot.decisions",
          "snapshot.meters", "snapshot.flags", "snapshot.ended", "snapshot.end_reason", "snapshot.hours_left",
          "snapshot.fingerprint", "outcome", "version", "format", "checksum"]
EXPECTED = {"kind": str, "saved_at": str, "game_version": str, "scenario": dict, "scenario.id": str,
            "scenario.content_hash": str, "scenario.source": str, "seed": int, "lang": str, "player": str,
            "decisions": list, "snapshot": dict, "snapshot.week": int, "snapshot.decisions": int,
            "snapshot.meters": dict, "snapshot.flags": list, "snapshot.ended": str, "snapshot.end_reason": str,
            "snapshot.hours_left": float, "snapshot.fingerprint": str, "outcome": dict, "version": int,
            "format": str, "checksum": str}


def _set(doc: dict, dotted: str, value: Any) -> None:
    *parents, key = dotted.split(".")
    for part in parents:
        doc = doc[part]
    doc[key] = value


def _fits(value: Any, expected: type) -> bool:
    if isinstance(value, bool):
        return False
    if expected is float:
        return isinstance(value, (int, float))
    return isinstance(value, expected)


@pytest.mark.parametrize("field", FIELDS)
def test_wrong_json_types_in_each_field(tmp_path: Path, rules: Rules, finished, field: str) -> None:
    path = write_game_record(tmp_path / "r.record.json", rules, finished, player="p")
    good = path.read_bytes()
    tried = 0
    for value in WRONG_VALUES:
        if _fits(value, EXPECTED[field]) or field in ("scenario.source", "outcome") and value is None:
            continue  # a right-typed value, or an optional field left empty
        path.write_bytes(good)
        if field == "checksum":
            doc = json.loads(good)
            doc["checksum"] = value
            path.write_text(json.dumps(doc))
        else:
            resign(path, lambda doc: _set(doc, field, value))  # a valid checksum: only the type is wrong
        err = _fails(path)
        tried += 1
        if field == "format":
            assert err.code == FOREIGN
        elif field == "checksum":
            assert err.code == EDITED
        else:
            assert err.code == INVALID and f"'{field}'" in str(err), str(err)
    assert tried >= 4


@pytest.mark.parametrize(("field", "value", "words"), [
    ("seed", 2**70, "out of range"),
    ("snapshot.week", 0, "out of range"),
    ("snapshot.decisions", 3, "says 3 decisions"),
    ("kind", "autosave", "one of save, record"),
    ("scenario.id", "../../etc", "not a scenario id"),
    ("scenario.content_hash", "ZZ", "not a content hash"),
    ("lang", "english please", "not a language code"),
    ("snapshot.meters", {"trust": "high"}, "'snapshot.meters.trust' should be a number"),
    ("snapshot.flags", [1], "should hold only text"),
    ("player", "x" * 501, "too long"),
])
def test_wrong_values(tmp_path: Path, rules: Rules, finished, field: str, value: Any, words: str) -> None:
    path = write_game_record(tmp_path / "r.record.json", rules, finished, player="p")
    resign(path, lambda doc: _set(doc, field, value))
    assert words in str(_fails(path, INVALID))


def test_a_bad_decision_in_the_log(tmp_path: Path, rules: Rules, finished) -> None:
    path = write_game_record(tmp_path / "r.record.json", rules, finished, player="p")
    resign(path, lambda doc: doc["decisions"].__setitem__(4, ["act", "only-two"]))
    assert "decision 5 is not a decision" in str(_fails(path, INVALID))


def test_checksum_mismatch_after_a_hand_edit(small_save: Path) -> None:
    text = small_save.read_text(encoding="utf-8").replace('"player": "p"', '"player": "q"')
    small_save.write_text(text, encoding="utf-8")
    assert "edited by hand" in str(_fails(small_save, EDITED))


def test_edited_outcome_is_rejected(tmp_path: Path, rules: Rules, finished) -> None:
    path = write_game_record(tmp_path / "r.record.json", rules, finished, player="p")
    resign(path, lambda doc: doc["outcome"].__setitem__("downward", 99.0))
    err = _fails(path, MISMATCH, loader=verify_record)
    assert "outcome.downward: saved 99.0" in str(err)
    assert _fails(path, MISMATCH).code == MISMATCH  # loading it as a save refuses it too


def test_edited_decision_log_is_rejected(tmp_path: Path, rules: Rules, finished) -> None:
    path = write_game_record(tmp_path / "r.record.json", rules, finished, player="p")
    resign(path, lambda doc: doc["decisions"].insert(0, ["end_week"]))
    resign(path, lambda doc: doc["snapshot"].__setitem__("decisions", len(doc["decisions"])))
    err = _fails(path, MISMATCH, loader=verify_record)
    assert "decision 1 (end_week) in week 1 is not allowed" in str(err)


def test_edited_snapshot_is_rejected(tmp_path: Path, rules: Rules, midgame) -> None:
    path = write_save(tmp_path / "s.save.json", rules, midgame, player="p", lang="en")
    resign(path, lambda doc: doc["snapshot"]["meters"].__setitem__("trust", 100.0))
    assert "meters.trust: saved 100.0" in str(_fails(path, MISMATCH))


def test_huge_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.save.json"
    with open(path, "wb") as handle:
        handle.write(b'{"format": "grassroots-game", "pad": "')
        handle.truncate(MAX_BYTES + 1)  # sparse: big on paper, cheap to make
    assert "too large" in str(_fails(path, TOO_LARGE))


def test_future_version_is_refused(small_save: Path) -> None:
    resign(small_save, lambda doc: doc.__setitem__("version", FORMAT_VERSION + 1))
    err = _fails(small_save, FUTURE)
    assert "newer version" in str(err) and "update the game" in str(err)


def test_unknown_old_version_is_refused(small_save: Path) -> None:
    resign(small_save, lambda doc: doc.__setitem__("version", 0))
    assert "unknown save format version 0" in str(_fails(small_save, INVALID))


@pytest.mark.parametrize("content", [
    b"[1, 2, 3]", b'"a string"', b"42", b"null", b'{"hello": "world"}', b'{"format": "something-else"}',
    b'{"name": "package.json", "version": "1.0.0"}',
])
def test_foreign_json(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.save.json"
    path.write_bytes(content)
    assert "not a Grassroots save" in str(_fails(path, FOREIGN))


@pytest.mark.parametrize(("content", "words"), [
    (b"", "empty"), (b"   \n", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00", "not UTF-8"), (b"{\"a\": 1", "cut short"),
    (b"[" * 100_000, "damaged"), (b'{"format": 1, "format": 2}', "duplicate key"), (b"\xff\xfe{", "not UTF-8"),
])
def test_corrupt_bytes(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "x.save.json"
    path.write_bytes(content)
    assert words in str(_fails(path, CORRUPT))


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert "no such file" in str(_fails(tmp_path / "nope.save.json", MISSING))
    folder = tmp_path / "dir.save.json"
    folder.mkdir()
    assert "folder" in str(_fails(folder, UNREADABLE))


def test_damaged_save_falls_back_to_its_backup(tmp_path: Path, rules: Rules, finished) -> None:
    path = tmp_path / "p.save.json"
    write_save(path, rules, prefix(rules, finished, 5), player="p", lang="en")
    write_save(path, rules, prefix(rules, finished, 6), player="p", lang="en")
    path.write_bytes(path.read_bytes()[:100])
    before = snapshot_files(tmp_path)
    loaded = load_save(path)
    assert len(loaded.state.decisions) == 5 and loaded.path == backup_path(path)
    assert "backup p.save.json.bak was loaded instead" in loaded.warnings[0]
    assert snapshot_files(tmp_path) == before


def test_damaged_save_and_damaged_backup(tmp_path: Path, rules: Rules, finished) -> None:
    path = tmp_path / "p.save.json"
    write_save(path, rules, prefix(rules, finished, 5), player="p", lang="en")
    write_save(path, rules, prefix(rules, finished, 6), player="p", lang="en")
    path.write_text("{}")
    backup_path(path).write_text("[]")
    err = _fails(path, FOREIGN)
    assert "backup p.save.json.bak cannot be used either" in str(err)


def test_future_version_does_not_fall_back(tmp_path: Path, rules: Rules, finished) -> None:
    path = tmp_path / "p.save.json"
    write_save(path, rules, prefix(rules, finished, 5), player="p", lang="en")
    write_save(path, rules, prefix(rules, finished, 6), player="p", lang="en")
    resign(path, lambda doc: doc.__setitem__("version", 99))
    _fails(path, FUTURE)


def test_messages_stay_on_one_line_whatever_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "two\nlines\r\x1b[31m.save.json"
    path.write_bytes(b"{")
    text = str(_fails(path, CORRUPT))
    assert "\\n" in text and "\\x1b" in text and "\n" not in text and "\x1b" not in text
