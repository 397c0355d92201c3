"""Variant and intention travel in saves and records; counterfactual replay of a record (issue 12)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.engine import Rules
from game.saves import SaveError, read_game, verify_record, write_game_record, write_save
from game.saves.branch import Branch, BranchError, branch_game
from game.saves.branch_view import debrief_line, had_you, side_by_side, suggest_branch
from game.saves.intention import compare, make_intention
from game.scenario.catalog import resolve
from game.scenario.loader import load_scenario
from game.sim.runner import play

SEED = 4242


@pytest.fixture(scope="module")
def seminar() -> Rules:
    return Rules(load_scenario(resolve(None), "seminar"))


@pytest.fixture(scope="module")
def finished(seminar):
    return play(seminar, "balanced", SEED, "branch-test")


def test_a_record_keeps_its_variant_and_intention_and_replays_in_it(tmp_path, seminar, finished):
    intention = make_intention(25, "never")
    path = write_game_record(tmp_path / "r.record.json", seminar, finished, player="ann", intention=intention)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["variant"] == "seminar" and doc["intention"] == intention
    loaded = verify_record(path)
    assert (loaded.variant, loaded.intention, loaded.rules.weeks) == ("seminar", intention, 8)
    save = write_save(tmp_path / "s.save.json", seminar, finished, player="ann", lang="en")
    assert "intention" not in json.loads(save.read_text(encoding="utf-8"))


def test_a_record_of_a_variant_the_scenario_no_longer_has_is_refused_with_the_reason(tmp_path, seminar, finished):
    path = write_game_record(tmp_path / "r.record.json", seminar, finished, player="ann")
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["variant"] = "gone"
    from game.saves.document import checksum

    doc.pop("checksum")
    doc["checksum"] = checksum(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(SaveError, match="no longer has the variant"):
        read_game(path)


def test_the_same_branch_gives_the_same_game_and_an_unchanged_branch_the_original(seminar, finished):
    decisions = list(finished.decisions)
    branch = suggest_branch(seminar, decisions)
    assert branch is not None
    first, second = (branch_game(seminar, SEED, decisions, branch) for _ in range(2))
    assert first.outcomes(seminar)[1] == second.outcomes(seminar)[1]
    assert first.branched.decisions == second.branched.decisions
    assert first.branched.ended and first.original.ended
    week, logged = 1, None
    for decision in decisions:  # branching to the decision already made replays the very same game
        if decision.kind == "choose":
            logged = decision
            break
        week += decision.kind == "end_week"
    same = branch_game(seminar, SEED, decisions, Branch(week, logged))
    assert same.outcomes(seminar)[0] == same.outcomes(seminar)[1] and not same.skipped


@pytest.mark.parametrize("text", ["x", "3", "3:card", "a:card.choice", "3:nothing.here", "3:liaison_hint.nope"])
def test_a_bad_branch_is_one_clear_error(seminar, text):
    with pytest.raises(BranchError, match="--branch"):
        Branch.parse(text, seminar)


def test_a_branch_the_game_never_reached_is_refused(seminar, finished):
    with pytest.raises(BranchError):
        branch_game(seminar, SEED, list(finished.decisions), Branch.parse("30:liaison_hint.take_hint", seminar))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_side_by_side_and_had_you_in_both_languages(seminar, finished, lang):
    decisions = list(finished.decisions)
    result = branch_game(seminar, SEED, decisions, suggest_branch(seminar, decisions))
    lines = side_by_side(seminar, result, lang)
    assert len(lines) > 10 and all("{" not in line for line in lines)
    assert had_you(seminar, result, lang) == debrief_line(seminar, SEED, decisions, lang)


def test_the_debrief_compares_the_intention_with_the_game(seminar, finished):
    from game.engine import outcome

    done = outcome(seminar, finished)
    said = compare(make_intention(0, "never"), finished, done, "en")
    assert said[0].startswith("Before week 1 you meant to spend about 0% of your hours on traces")
    assert compare(None, finished, done, "en") == [] and compare({"trace_share": 7}, finished, done, "en") == []
    with pytest.raises(ValueError):
        make_intention(30, "never")


def test_replay_branch_on_the_command_line(tmp_path, seminar, finished):
    path = write_game_record(tmp_path / "r.record.json", seminar, finished, player="ann")
    branch = suggest_branch(seminar, list(finished.decisions))
    spec = f"{branch.week}:{branch.decision.target}.{branch.decision.option}"
    run = [sys.executable, "-m", "game", "replay", str(path), "--lang", "en", "--branch"]
    shown = subprocess.run([*run, spec], capture_output=True, text=True, timeout=120)
    assert shown.returncode == 0, shown.stderr
    assert "As played" in shown.stdout and "Had you chosen" in shown.stdout
    bad = subprocess.run([*run, "1:nothing.here"], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and "no card" in bad.stderr
