"""`grassroots replay FILE [--verify]`: tells a game week by week, verifies records, refuses bad files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli.main import main
from game.engine import Rules, outcome
from game.saves import write_game_record, write_save
from game.saves.document import checksum, encode
from game.scenario import load_scenario
from game.sim.bots import BOTS
from game.sim.strategy import applies_to, shipped
from game.sim.runner import play

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "scenarios" / "mini-town"


@pytest.fixture(scope="module")
def rules() -> Rules:
    return Rules(load_scenario(FIXTURE))


@pytest.fixture(scope="module")
def game(rules: Rules):
    state = play(rules, "random", 5, "replay-tests")
    assert state.ended
    return state


@pytest.fixture
def record(tmp_path: Path, rules: Rules, game) -> Path:
    return write_game_record(tmp_path / "g.record.json", rules, game, player="张三", lang="zh")


def _edit(path: Path, change) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc)
    doc["checksum"] = checksum(doc)
    path.write_bytes(encode(doc))


def _one_clean_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def test_verify_accepts_a_record(record: Path, game, capsys) -> None:
    assert main(["replay", str(record), "--verify"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(f"ok: {record}: mini-town, seed {game.seed}, {len(game.decisions)} decisions")
    assert "reproduces exactly" in out and err == ""


def test_verify_rejects_an_edited_outcome(record: Path, capsys) -> None:
    before = record.read_bytes()
    _edit(record, lambda doc: doc["outcome"].__setitem__("idle_index", 0.0))
    edited = record.read_bytes()
    assert main(["replay", str(record), "--verify"]) == 1
    out, err = capsys.readouterr()
    line = _one_clean_line(err)
    assert out == "" and line.startswith(f"grassroots: {record}: the replayed game differs")
    assert "outcome.idle_index: saved 0.0" in line
    assert record.read_bytes() == edited != before


def test_verify_rejects_a_hand_edit(record: Path, capsys) -> None:
    record.write_text(record.read_text(encoding="utf-8").replace('"lang": "zh"', '"lang": "en"'), encoding="utf-8")
    assert main(["replay", str(record), "--verify"]) == 1
    assert "checksum does not match" in _one_clean_line(capsys.readouterr().err)


@pytest.mark.parametrize("content", [b"", b"{", b"[]", b"\x00\xff garbage", b'{"format": "grassroots-game", "version": 9}'])
def test_bad_files_exit_1_with_one_line(tmp_path: Path, content: bytes, capsys) -> None:
    path = tmp_path / "bad.record.json"
    path.write_bytes(content)
    for extra in ([], ["--verify"]):
        assert main(["replay", str(path), *extra]) == 1
        out, err = capsys.readouterr()
        assert out == "" and _one_clean_line(err).startswith(f"grassroots: {path}: ")
    assert path.read_bytes() == content


def test_missing_file(tmp_path: Path, capsys) -> None:
    assert main(["replay", str(tmp_path / "nope.json")]) == 1
    assert "no such file" in _one_clean_line(capsys.readouterr().err)


def test_unknown_scenario_option_is_a_usage_error(record: Path, capsys) -> None:
    assert main(["replay", str(record), "--scenario", "no-such-scenario"]) == 2
    assert "no scenario 'no-such-scenario'" in _one_clean_line(capsys.readouterr().err)


def test_replay_tells_the_game_week_by_week_in_english(record: Path, rules: Rules, game, capsys) -> None:
    assert main(["replay", str(record), "--lang", "en"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert lines[0] == f"Twelve Weeks in a Small Town - 张三, seed {game.seed}, {len(game.decisions)} decisions (record)"
    assert "Lines crossed: " in out or not game.crossed
    weeks = [line for line in lines if line.startswith("Week ")]
    assert weeks[0] == "Week 1 (September, week 1)" and len(weeks) == game.week
    assert "  New directive: Anti-fraud app on 90% of phones (quota 900 households, due week 3)" in lines
    assert "  An event is waiting: Work-group check-ins" in lines
    assert any(line.startswith("  > ") and line.endswith("h]") and "[trace, " in line for line in lines)
    assert sum(line == "  > end the week" for line in lines) == sum(d.kind == "end_week" for d in game.decisions)
    assert any(": met (reported " in line or ": missed (reported " in line for line in lines)
    assert any(line.startswith("  Ledger inspection: ledgers ") for line in lines)
    assert sum(line.startswith("  Meters at week end: Public trust ") for line in lines) == game.week
    ending = rules.ending_by_id[game.ended]
    played = outcome(rules, game).weeks_played
    assert f"Ending: {ending.title.en} ({played} week{'s' if played != 1 else ''} played)" in lines
    assert any(line.startswith("Upward score ") and "idle-execution index " in line and line.endswith("%") for line in lines)


def test_replay_in_chinese_uses_the_content_labels(record: Path, game, capsys) -> None:
    assert main(["replay", str(record)]) == 0  # the record's language (zh) by default
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"小镇的十二周 - 张三，种子 {game.seed}，{len(game.decisions)} 个决定（对局记录）"
    assert "第1周（九月第一周）" in lines
    assert "  新任务：反诈APP安装率达到90%（指标 900 户，第3周截止）" in lines
    assert any(line.startswith("  本周末指标：群众信任 ") for line in lines)
    assert any(line.startswith("结局：") for line in lines)


def test_replay_shows_delayed_consequences_and_escalations(tmp_path: Path, rules: Rules, capsys) -> None:
    shown = set()
    for seed in range(1, 30):  # bots that neglect requests and take shortcuts, until both have happened
        state = play(rules, "trace", seed, f"delayed-{seed}")
        path = write_game_record(tmp_path / f"{seed}.record.json", rules, state, player="bot")
        assert main(["replay", str(path), "--lang", "en"]) == 0
        out = capsys.readouterr().out
        shown |= {kind for kind in ("  An earlier decision comes back (", ": escalated", "  Still waiting: ") if kind in out}
        if len(shown) == 3:
            break
    assert len(shown) == 3


def test_replay_of_a_save_in_progress(tmp_path: Path, rules: Rules, game, capsys) -> None:
    from game.engine import apply, new_game

    state, _ = new_game(rules, game.seed)
    for decision in game.decisions[:10]:
        state, _ = apply(rules, state, decision)
    path = write_save(tmp_path / "p.save.json", rules, state, player="p", lang="en")
    assert main(["replay", str(path)]) == 0
    out = capsys.readouterr().out
    assert "(save)" in out.splitlines()[0] and "  Meters now: " in out and "Ending: not finished" in out
    assert main(["replay", str(path), "--verify"]) == 0


def test_simulate_records_verify_and_an_edited_one_fails(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "records"
    assert main(["simulate", str(FIXTURE), "--runs", "3", "--strategy", "all", "--records", str(folder),
                 "--format", "json"]) == 0
    capsys.readouterr()
    files = sorted(folder.iterdir())
    fitting = [name for name, s in shipped().items() if applies_to(s, "mini-town")]  # `all` on this scenario
    assert len(files) == 3 * len(fitting) and set(fitting) <= set(BOTS)
    assert main(["replay", *map(str, files), "--verify"]) == 0
    out = capsys.readouterr().out
    assert out.count("reproduces exactly") == len(files)
    doc = json.loads(files[0].read_text(encoding="utf-8"))
    assert doc["kind"] == "record" and doc["player"].startswith("bot:")
    _edit(files[0], lambda d: d["outcome"].__setitem__("upward", d["outcome"]["upward"] + 1))
    assert main(["replay", *map(str, files), "--verify"]) == 1
    out, err = capsys.readouterr()
    assert out.count("reproduces exactly") == len(files) - 1
    assert "outcome.upward" in _one_clean_line(err)


def test_replay_in_a_real_process_never_shows_a_traceback(tmp_path: Path, record: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"format": "grassroots-game"')
    run = [sys.executable, "-m", "game", "replay"]
    ok = subprocess.run([*run, str(record), "--verify"], capture_output=True, text=True)
    failed = subprocess.run([*run, str(bad)], capture_output=True, text=True)
    assert ok.returncode == 0 and "reproduces exactly" in ok.stdout
    assert failed.returncode == 1 and failed.stdout == ""
    assert _one_clean_line(failed.stderr).startswith(f"grassroots: {bad}: the file is damaged or cut short")
