"""`grassroots replay FILE --format json`: the same game as the text, as data, week by week."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli.main import main
from game.engine import Rules, outcome
from game.saves import write_game_record, write_save
from game.scenario import load_scenario
from game.sim.runner import play

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "scenarios" / "mini-town"


@pytest.fixture(scope="module")
def rules() -> Rules:
    return Rules(load_scenario(FIXTURE))


@pytest.fixture(scope="module", params=[("random", 5), ("trace", 2), ("service", 11)])
def finished(request, rules):
    bot, seed = request.param
    return play(rules, bot, seed, f"json-{bot}")


def replay(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["replay", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def weeks_of_text(text: str) -> list[list[str]]:
    """The text replay cut into weeks (lines from one week header to the next)."""
    weeks: list[list[str]] = []
    for line in text.splitlines():
        if line.startswith(("Week ", "第")) and not line.startswith("  "):
            weeks.append([])
        elif weeks:
            weeks[-1].append(line)
    return weeks


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_json_holds_what_the_text_tells(tmp_path, rules, finished, capsys, lang):
    record = write_game_record(tmp_path / "g.record.json", rules, finished, player="Lin", lang="zh")
    code, text, _ = replay(capsys, str(record), "--lang", lang)
    assert code == 0
    code, out, err = replay(capsys, str(record), "--lang", lang, "--format", "json")
    assert code == 0 and err == ""
    game = json.loads(out)
    assert (game["scenario"]["id"], game["seed"], game["player"], game["kind"]) == (rules.id, finished.seed, "Lin", "record")
    assert game["decisions"] == len(finished.decisions)
    assert sum(len(week["decisions"]) for week in game["weeks"]) == len(finished.decisions)
    text_weeks = weeks_of_text(text)
    assert [week["week"] for week in game["weeks"]] == list(range(1, len(text_weeks) + 1))
    for week, lines in zip(game["weeks"], text_weeks):
        decision_lines = [line for line in lines if line.startswith("  > ")]
        assert len(decision_lines) == len(week["decisions"])
        for line, decision in zip(decision_lines, week["decisions"]):
            if decision["kind"] == "end_week":
                continue
            assert line.startswith(f"  > {decision['title']}")
            assert decision["approach_kind"] and decision["hours"] >= 0
        said = "\n".join(lines)
        for happening in week["started"] + [h for d in week["decisions"] for h in d["happenings"]]:
            if happening["kind"] in ("arrived", "event_drawn", "settled", "inspected", "escalated", "expired", "ended"):
                assert happening["title"] in said, happening
    assert game["outcome"]["ending"] == finished.ended
    done = outcome(rules, finished)
    assert set(game["outcome"]["crossed_titles"]) == set(done.crossed)
    for title in game["outcome"]["crossed_titles"].values():
        assert title in text
    assert (game["outcome"]["upward"], game["outcome"]["downward"], game["outcome"]["idle_index"]) == (
        done.upward, done.downward, done.idle_index)
    last = game["weeks"][-1]["meters_at_end"]
    assert last == pytest.approx(dict(zip(rules.meter_ids, finished.history[finished.week])))


def test_a_save_in_progress_has_an_open_last_week(tmp_path, rules, finished, capsys):
    from game.engine import apply, new_game

    state, _ = new_game(rules, finished.seed)
    first_week = finished.decisions[:[d.kind for d in finished.decisions].index("end_week") + 1]
    for decision in first_week:
        state, _ = apply(rules, state, decision)
    save = write_save(tmp_path / "p.save.json", rules, state, player="p", lang="en")
    code, out, _ = replay(capsys, str(save), "--format", "json")
    game = json.loads(out)
    assert code == 0 and game["kind"] == "save" and game["lang"] == "en"
    assert [w["week"] for w in game["weeks"]] == [1, 2]
    assert game["weeks"][0]["meters_at_end"] is not None and game["weeks"][1]["meters_at_end"] is None
    assert game["outcome"]["ending_title"] is None
    assert game["meters_now"] == pytest.approx(dict(zip(rules.meter_ids, state.meters)))


def test_several_files_and_a_bad_one(tmp_path, rules, finished, capsys):
    good = write_game_record(tmp_path / "g.record.json", rules, finished, player="Lin", lang="en")
    bad = tmp_path / "bad.record.json"
    bad.write_text("{}", encoding="utf-8")
    code, out, err = replay(capsys, str(good), str(bad), "--format", "json")
    payload = json.loads(out)
    assert code == 1 and payload["ok"] is False
    assert [r["path"] for r in payload["results"]] == [str(good)]
    assert err.count("\n") == 1 and str(bad) in err


def test_verify_as_json(tmp_path, rules, finished, capsys):
    record = write_game_record(tmp_path / "g.record.json", rules, finished, player="Lin", lang="en")
    code, out, _ = replay(capsys, str(record), "--verify", "--format", "json")
    assert code == 0
    assert json.loads(out) == {"path": str(record), "ok": True, "scenario": rules.id, "seed": finished.seed,
                               "decisions": len(finished.decisions), "week": finished.week,
                               "ending": finished.ended, "reproduces": True}
