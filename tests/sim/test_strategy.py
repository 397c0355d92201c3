"""Strategies as data: shipped files validate, bad files get positioned errors, and bots follow their orders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli.main import main
from game.engine import Rules
from game.scenario import load_scenario
from game.scenario.vocab import BOTS as CLAIM_BOTS
from game.sim.runner import play
from game.sim.strategy import StrategyError, load_strategy, parse_strategy, shipped

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "scenarios" / "mini-town"


@pytest.fixture(scope="module")
def fixture_rules() -> Rules:
    return Rules(load_scenario(FIXTURE))


def test_shipped_strategies_are_the_bots_claims_may_name():
    assert list(shipped()) == list(CLAIM_BOTS)
    assert list(shipped())[:5] == ["random", "trace", "service", "balanced", "reform"]


@pytest.mark.parametrize(("text", "line", "message"), [
    ("id: x\ndescription: d\ndirectives: [trace, fake]\n", 3, "directives[1]"),
    ("id: x\ndescription: d\nmode: clever\n", 3, "mode"),
    ("id: x\ndescription: d\nupward: 2\n", 3, "upward"),
    ("id: X Y\ndescription: d\n", 1, "id"),
    ("id: x\n", 1, "description"),
    ("id: x\ndescription: d\nfavourite: trace\n", 3, "favourite"),
    ("id: x\ndescription: d\noverrides:\n  a: [trace]\n", 3, "overrides"),
    ("id: x\ndescription: d\n  bad: [\n", 3, ""),
    ("- a list\n", 1, ""),
])
def test_bad_files_get_one_positioned_error(tmp_path, text, line, message):
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(StrategyError) as caught:
        load_strategy(path)
    first = caught.value.errors[0]
    assert (first.file, first.line) == (str(path), line)
    assert message in first.format()


def test_overrides_are_checked_against_the_scenario(tmp_path):
    text = b"id: x\ndescription: d\nscenario: mini-town\noverrides:\n  app_quota: [service]\n  app_qouta: [trace]\n"
    parse_strategy(text, "s.yaml")  # no scenario given: only the form is checked
    with pytest.raises(StrategyError) as caught:
        parse_strategy(text, "s.yaml", "mini-town", {"app_quota", "flood_drill"})
    [error] = caught.value.errors
    assert (error.line, error.path) == (6, "overrides.app_qouta") and "did you mean 'app_quota'" in error.hint
    with pytest.raises(StrategyError, match="written for scenario 'mini-town', not 'other'"):
        parse_strategy(text, "s.yaml", "other", {"app_quota"})


def test_simulate_runs_a_strategy_file(tmp_path, capsys):
    path = tmp_path / "mine.yaml"
    path.write_text("id: mine\ndescription: Service on directives, traces on requests.\n"
                    "directives: [service]\nrequests: [trace]\n", encoding="utf-8")
    assert main(["simulate", str(FIXTURE), "--runs", "5", "--strategy", f"trace,{path}", "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert list(payload["strategies"]) == ["trace", "mine"]


@pytest.mark.parametrize(("text", "code", "message"), [
    ("id: mine\ndescription: d\nevents: [nope]\n", 1, "mine.yaml:3:"),
    (None, 2, "no strategy file"),
])
def test_simulate_reports_bad_strategy_files(tmp_path, capsys, text, code, message):
    path = tmp_path / "mine.yaml"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    assert main(["simulate", str(FIXTURE), "--runs", "2", "--strategy", str(path)]) == code
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_a_probe_written_for_another_scenario_is_refused_by_name(capsys):
    assert main(["simulate", str(FIXTURE), "--runs", "2", "--strategy", "fake-headcount"]) == 2
    assert "written for scenario 'lianhe-town'" in capsys.readouterr().err


def test_the_cynic_traces_upward_and_serves_downward(fixture_rules):
    for seed in range(6):
        state = play(fixture_rules, "cynic", seed, f"c{seed}")
        for decision in state.decisions:
            action = fixture_rules.action_of(decision)
            if decision.kind != "act":
                continue
            owner = fixture_rules.items[action.owner]
            assert action.kind in (("trace", "set_aside", "delegate") if owner.is_directive else ("service",))


def test_once_first_takes_each_reform_once_then_traces(fixture_rules):
    state = play(fixture_rules, "reform-then-trace", 3, "r")
    acts = [fixture_rules.action_of(d) for d in state.decisions if d.kind == "act"]
    reforms = [a.ref for a in acts if a.kind == "reform"]
    assert len(reforms) == len(set(reforms)) >= 1
    assert {a.kind for a in acts} <= {"reform", "trace"}
