"""Which records the class report accepts, which it refuses and why, and how it groups the rest."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from game.workshop.report_model import group_games
from game.workshop.report_records import Collection, load_games


def damage(folder: Path, how: str) -> Path:
    """Spoil one record of `folder` in one way; return the spoiled (or new) file."""
    first = sorted(folder.glob("*.json"))[0]
    text = first.read_text(encoding="utf-8")
    doc = json.loads(text)
    target = folder / f"spoiled-{how}.json"
    if how == "edited":  # a better score typed in by hand, checksum left as it was
        doc["outcome"]["upward"] = 100.0
        target.write_text(json.dumps(doc), encoding="utf-8")
    elif how == "cut_short":
        target.write_text(text[: len(text) // 2], encoding="utf-8")
    elif how == "not_json":
        target.write_bytes(b"\x00\xff not a record")
    elif how == "foreign":
        target.write_text(json.dumps({"format": "someone-else", "data": []}), encoding="utf-8")
    elif how == "future":
        doc["version"] = 99
        target.write_text(json.dumps(doc), encoding="utf-8")
    elif how == "copy":
        shutil.copyfile(first, target)
    else:
        raise AssertionError(how)
    return target


@pytest.mark.parametrize(("how", "code", "words"), [
    ("edited", "edited", "edited by hand"),
    ("cut_short", "corrupt", "damaged or cut short"),
    ("not_json", "corrupt", "damaged"),
    ("foreign", "foreign", "not a Grassroots"),
    ("future", "future", "newer version"),
    ("copy", "duplicate", "the same game as"),
])
def test_a_spoiled_record_is_refused_with_its_reason_and_the_rest_still_count(records: Path, how: str, code: str,
                                                                               words: str) -> None:
    spoiled = damage(records, how)
    found = load_games([records])
    assert len(found.games) == 20
    assert [(r.path, r.code) for r in found.refused] == [(spoiled, code)]
    assert words in found.refused[0].reason
    assert "\n" not in found.refused[0].reason


def test_a_missing_path_is_refused_and_reading_never_writes(records: Path, tmp_path: Path) -> None:
    damage(records, "edited")
    before = {p: p.read_bytes() for p in records.iterdir()}
    found = load_games([records, tmp_path / "nowhere"])
    assert sorted(r.code for r in found.refused) == ["edited", "missing"]
    assert {p: p.read_bytes() for p in records.iterdir()} == before


def test_an_unfinished_game_is_refused(records: Path, tmp_path: Path) -> None:
    from game.engine import Rules, apply, legal, new_game
    from game.saves import write_save
    from game.scenario import load_scenario
    from workshop_kit import MINI

    rules = Rules(load_scenario(MINI))
    state, _ = new_game(rules, 3)
    state, _ = apply(rules, state, legal(rules, state)[0])
    write_save(records / "half.save.json", rules, state, player="half", lang="en")
    found = load_games([records])
    assert [(r.path.name, r.code) for r in found.refused] == [("half.save.json", "unfinished")]
    assert "week 1 of 12" in found.refused[0].reason


def test_games_of_different_seeds_are_separate_groups_unless_pooled(mini_records: Path) -> None:
    found = load_games([mini_records])
    groups = group_games(found, "en")
    assert len(groups) == 4
    assert all(len(g.rows) == 5 and len(g.seeds) == 1 for g in groups)
    assert len({g.seeds[0] for g in groups}) == 4
    pooled = group_games(found, "en", pool_seeds=True)
    assert len(pooled) == 1 and len(pooled[0].rows) == 20 and len(pooled[0].seeds) == 4
    assert "4 seeds" in pooled[0].key


def test_different_variants_and_scenarios_are_never_mixed(mini_records: Path) -> None:
    found = load_games([mini_records])
    seminar = [dataclasses.replace(g, variant="seminar") for g in found.games[:7]]
    mixed = Collection(games=seminar + found.games[7:])
    groups = group_games(mixed, "en", pool_seeds=True)
    assert sorted((g.variant, len(g.rows)) for g in groups) == [("", 13), ("seminar", 7)]


def test_records_of_two_scenarios_make_two_groups(mini_records: Path, tmp_path: Path) -> None:
    from workshop_kit import simulate_records

    other = tmp_path / "lianhe"
    simulate_records(other, "lianhe-town", 1)
    groups = group_games(load_games([mini_records, other]), "en", pool_seeds=True)
    assert sorted((g.scenario_id, len(g.rows)) for g in groups) == [("lianhe-town", 5), ("mini-town", 20)]


def test_measures_are_the_engines_not_the_files(records: Path) -> None:
    from game.engine import outcome

    for game in load_games([records]).games:
        assert game.measures == outcome(game.rules, game.state).to_json()


def _rewrite(path: Path, change) -> None:
    """Change a record as a program would (checksum recomputed), not by hand."""
    from game.saves.document import checksum

    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc)
    doc["checksum"] = checksum(doc)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def test_a_record_whose_stored_numbers_are_outdated_is_reported_with_the_engines(records: Path) -> None:
    """A record written before the engine's measures changed: the game replays exactly, only the derived
    outcome differs; the report shows today's numbers and says so."""
    target = sorted(records.glob("*.json"))[0]
    _rewrite(target, lambda doc: doc["outcome"].update(idle_index=0.999, upward=1.0))
    found = load_games([records])
    assert found.refused == [] and len(found.games) == 20
    game = next(g for g in found.games if g.path == target)
    assert game.measures["idle_index"] != 0.999 and game.measures["upward"] != 1.0
    assert any("differ from the engine's" in w and "outcome." in w for w in game.warnings)


def test_a_record_whose_game_does_not_replay_is_refused(records: Path) -> None:
    target = sorted(records.glob("*.json"))[0]
    _rewrite(target, lambda doc: doc["snapshot"]["meters"].update({k: v + 1 for k, v in doc["snapshot"]["meters"].items()}))
    found = load_games([records])
    assert [(r.path, r.code) for r in found.refused] == [(target, "mismatch")]
    assert "differs from the one saved" in found.refused[0].reason


def test_too_many_files_are_cut_with_a_reason(records: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from game.workshop import report_records

    monkeypatch.setattr(report_records, "MAX_FILES", 15)
    found = load_games(iter([records]))
    assert len(found.games) == 15
    assert [(r.code, "the 4 after it" in r.reason) for r in found.refused] == [("too_many", True)]


def test_an_internal_fault_refuses_one_file_and_the_report_goes_on(records: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from game.workshop import report_records

    real = report_records.verify_record
    target = sorted(records.glob("*.json"))[3]

    def flaky(path, *args, **kwargs):
        if Path(path) == target:
            raise ZeroDivisionError("boom")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(report_records, "verify_record", flaky)
    found = load_games([records])
    assert len(found.games) == 19
    assert [(r.path, r.code) for r in found.refused] == [(target, "internal")]
    assert "ZeroDivisionError: boom" in found.refused[0].reason


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_class_that_played_two_scenarios_sees_them_side_by_side(mini_records: Path, tmp_path: Path,
                                                                   lang: str) -> None:
    """One line of means per scenario, over every player of that scenario (issue 16: Lianhe Town and Hexi
    Street compared); a class that played one scenario gets no such section."""
    from workshop_kit import simulate_records

    from game.workshop.report_model import by_scenario
    from game.workshop.report_text import side_by_side

    other = tmp_path / "lianhe"
    simulate_records(other, "lianhe-town", 1)
    groups = group_games(load_games([mini_records, other]), lang)
    compared = by_scenario(groups)
    assert [(sid, n) for sid, _, _, n in compared] == [("mini-town", 20), ("lianhe-town", 5)]
    for sid, _, means, n in compared:
        rows = [r for g in groups if g.scenario_id == sid for r in g.rows]
        assert means["upward"] == round(sum(r.upward for r in rows) / n, 2)
        assert means["idle_index"] == round(sum(r.idle_index for r in rows) / n, 2)
    lines = side_by_side(groups, lang)
    assert len(lines) == 2 + 2 + 2 + 1 and any("lianhe-town" in line for line in lines)
    assert side_by_side([g for g in groups if g.scenario_id == "mini-town"], lang) == []
