"""`grassroots simulate`: the JSON contract, determinism with any --jobs, claims, records, usage errors."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli.main import main

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "scenarios" / "mini-town"
STRATEGY_KEYS = {"runs", "endings", "mean", "upward", "downward", "idle_index", "combined", "weeks_played", "crossed",
                 "spread", "ending_profile", "events_fired"}
BOTS = ["random", "trace", "service", "balanced", "reform"]
GENERIC_PROBES = ["cynic", "reform-then-trace", "delegate-all", "service-and-shelve"]  # no ids of one scenario

SMALL = """
scenario:
  id: small
  title: Small
  weeks: 2
  hours_per_week: 10
  events_per_week: 0
  languages: [en]
  scoring: {upward: "a", downward: "b"}
meters:
  - {id: a, label: A, start: 50}
  - {id: b, label: B, start: 50}
directives:
  - id: d
    title: D
    level: city
    unit: u
    quota: 10
    arrives: 1
    due_in_weeks: 2
    approaches:
      - {id: fake, kind: trace, label: Fake, hours: 1, reported: 10, meters: {a: 6}}
      - {id: real, kind: service, label: Real, hours: 4, reported: 5, actual: 5, meters: {b: 5}, max_per_week: 2}
endings:
  - {id: fallback, title: F, text: F}
claims:
  - {id: trace_pays, text: Traces pay, holds: "mean('trace', 'a') > mean('service', 'a')"}
"""
FALSE_CLAIM = "  - {id: wrong, text: Wrong, holds: \"mean('service', 'a') > mean('trace', 'a')\"}\n"


def small(tmp_path: Path, extra_claims: str = "") -> Path:
    folder = tmp_path / "small"
    folder.mkdir(exist_ok=True)
    (folder / "scenario.yaml").write_text(SMALL + extra_claims, encoding="utf-8")
    return folder


def run_json(capsys, *args: str) -> dict:
    assert main(["simulate", *args, "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return json.loads(out)


def without_speed(payload: dict) -> dict:
    """The payload without its speed figures, which name their clocks and scenario."""
    wall = payload.pop("runs_per_second")
    timing = payload.pop("timing")
    assert wall > 0 and timing["runs_per_second"] == wall and timing["clock"] == "wall"
    assert timing["scenario"] == payload["scenario"] and timing["games"] == payload["runs"] * len(payload["strategies"])
    assert timing["runs_per_cpu_second"] > 0 and timing["cpu_seconds"] > 0
    assert timing["engine"] == os.environ.get("GRASSROOTS_EXPECT_ENGINE", "python")  # tests/engine/test_engine_build.py
    return payload


def test_json_report_on_the_fixture(capsys):
    payload = run_json(capsys, str(FIXTURE), "--runs", "200", "--strategy", "all")
    assert set(payload) == {"scenario", "content_hash", "runs", "seed", "runs_per_second", "timing", "strategies",
                            "coverage", "claims", "variant", "comparable"}
    assert (payload["scenario"], payload["runs"], payload["seed"], payload["variant"]) == ("mini-town", 200, 1, "")
    comparable = payload["comparable"]
    assert set(comparable) == {"shared_draws", "pairs", "core", "decisions"}
    assert 0 <= comparable["shared_draws"] <= 1 and comparable["pairs"] == 200 * len(payload["strategies"]) * (
        len(payload["strategies"]) - 1) // 2
    assert list(comparable["decisions"]) == list(payload["strategies"])
    assert len(payload["content_hash"]) == 16
    assert list(payload["strategies"]) == BOTS + GENERIC_PROBES
    for stats in payload["strategies"].values():
        assert set(stats) == STRATEGY_KEYS
        assert stats["runs"] == 200 and sum(stats["endings"].values()) == 200
        for name in ("upward", "downward", "idle_index"):
            spread = stats["spread"][name]
            assert spread["p10"] <= spread["p50"] <= spread["p90"]
        assert set(stats["ending_profile"]) == set(stats["endings"])
        for profile in stats["ending_profile"].values():
            assert 0 <= profile["idle_index"] <= 1 and profile["crossed"] >= 0
        assert len(stats["events_fired"]) == 8  # every event of the fixture, fired or not
        assert all(0 <= share <= 1 for share in stats["events_fired"].values())
        assert set(stats["mean"]) == {"trust", "pressure", "assessment", "energy", "budget", "goodwill"}
        assert 0 <= stats["idle_index"] <= 1 and 0 <= stats["upward"] <= 100
    assert set(payload["coverage"]) == {"events_never_fired", "choices_never_taken", "endings_never_reached"}
    assert payload["coverage"]["events_never_fired"] == []
    assert set(payload["coverage"]["endings_never_reached"]) <= {"trust_crisis", "burnout"}
    assert [c["id"] for c in payload["claims"]] == ["traces_pay_upward", "service_builds_trust", "no_dominant_ending"]
    for claim in payload["claims"]:
        assert {"id", "holds", "detail"} <= set(claim) and claim["holds"] is True and claim["detail"]
    assert payload["strategies"]["trace"]["idle_index"] > payload["strategies"]["service"]["idle_index"]


def test_same_seed_same_report_with_any_jobs(capsys):
    args = [str(FIXTURE), "--runs", "30", "--strategy", "random,balanced", "--seed", "7"]
    one = without_speed(run_json(capsys, *args, "--jobs", "1"))
    two = without_speed(run_json(capsys, *args, "--jobs", "2"))
    assert one == two
    other = without_speed(run_json(capsys, *args[:-1], "8"))
    assert other["strategies"] != one["strategies"]


@pytest.mark.parametrize(("claims", "code"), [("", 0), (FALSE_CLAIM, 1)])
def test_check_claims_exit_code(tmp_path, capsys, claims, code):
    path = small(tmp_path, claims)
    assert main(["simulate", str(path), "--runs", "5", "--format", "json", "--check-claims"]) == code
    holds = {c["id"]: c["holds"] for c in json.loads(capsys.readouterr().out)["claims"]}
    assert holds == ({"trace_pays": True} if not claims else {"trace_pays": True, "wrong": False})


def test_check_claims_fails_when_a_claim_cannot_be_judged(tmp_path, capsys):
    assert main(["simulate", str(small(tmp_path)), "--runs", "5", "--strategy", "trace", "--check-claims"]) == 1
    assert "service" in capsys.readouterr().out


def test_without_check_claims_a_false_claim_still_exits_0(tmp_path, capsys):
    assert main(["simulate", str(small(tmp_path, FALSE_CLAIM)), "--runs", "3", "--format", "json"]) == 0


@pytest.mark.parametrize(("args", "message"), [
    (["--strategy", "cheater"], "grassroots: unknown strategy 'cheater' (choose from random, trace, service, "
                                "balanced, reform, cynic, fake-small-items, fake-headcount, reform-then-trace, "
                                "delegate-all, service-and-shelve, hexi-bystander, a strategy file, or all)"),
    (["--strategy", "trace,nobody"], "grassroots: unknown strategy 'nobody'"),
    (["--runs", "0"], "grassroots: --runs must be between 1 and 1000000"),
    (["--runs", "-3"], "grassroots: --runs must be between 1 and 1000000"),
    (["--runs", "2000000"], "grassroots: --runs must be between 1 and 1000000"),
])
def test_bad_strategy_or_runs_exit_2_with_one_line(capsys, args, message):
    assert main(["simulate", str(FIXTURE), *args]) == 2
    out, err = capsys.readouterr()
    [line] = err.strip().splitlines()
    assert line.startswith(message) and out == ""


@pytest.mark.parametrize("args", [["--runs", "many"], ["--format", "xml"], ["--jobs", "x"]])
def test_malformed_arguments_exit_2_with_usage(capsys, args):
    assert _exit_code(["simulate", str(FIXTURE), *args]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0].startswith("usage: grassroots simulate") and err[-1].startswith("grassroots simulate: error:")


def test_unknown_scenario_exits_2(capsys):
    assert _exit_code(["simulate", "no-such-scenario", "--runs", "1"]) == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert "no-such-scenario" in line


def test_records_writes_one_file_per_run(tmp_path, capsys):
    records = tmp_path / "records"
    assert main(["simulate", str(small(tmp_path)), "--runs", "3", "--strategy", "trace,service", "--format", "json",
                 "--records", str(records)]) == 0
    files = sorted(p.name for p in records.iterdir())
    assert len(files) == 6
    assert files[0].startswith("small-service-000000") and files[-1].startswith("small-trace-000002")
    for file in records.iterdir():
        record = json.loads(file.read_text(encoding="utf-8"))
        assert "decisions" in json.dumps(record)


def test_text_report_names_strategies_and_claims(tmp_path, capsys):
    assert main(["simulate", str(small(tmp_path, FALSE_CLAIM)), "--runs", "3"]) == 0
    out = capsys.readouterr().out
    assert "trace" in out and "service" in out and "wrong" in out
    engine = os.environ.get("GRASSROOTS_EXPECT_ENGINE", "python")  # the speed line names the engine's build
    assert re.search(rf"per CPU second \(small, \d+ jobs?, {engine} engine\)$", out.splitlines()[0])


LONG_CLAIM = ("  - {id: long_claim_with_a_name_that_goes_on, text: Long, holds: \"mean('trace', 'a') > "
              "mean('service', 'a') and mean('trace', 'a') > mean('service', 'b') and mean('trace', 'a') > 0 and "
              "mean('service', 'b') > 0\"}\n")


def test_piped_claims_read_one_line_each_and_each_number_once(tmp_path, capsys):
    """Piped (not a terminal), a claim is one line however long; a number the claim reads twice is shown once."""
    assert main(["simulate", str(small(tmp_path, LONG_CLAIM + FALSE_CLAIM)), "--runs", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    claims = [line for line in lines if line.startswith("claim ")]
    assert [line.split(":")[0] for line in claims] == ["claim trace_pays", "claim long_claim_with_a_name_that_goes_on",
                                                         "claim wrong"]
    long = claims[1]
    assert len(long) > 120  # longer than any terminal default: it was not cut
    detail = long.split(" - ", 1)[1].split("; ")
    assert len(detail) == len(set(detail)) == 3  # mean(trace, a), mean(service, a), mean(service, b)
    assert all(line.startswith(("claim ", "events never", "choices never", "endings never")) or "mean(" not in line
               for line in lines)
    held = sum(": holds - " in line for line in claims)
    assert lines[-1] == f"claims: {held} of 3 hold, {3 - held} fail, 0 not checked" and 0 < held < 3


def test_json_simulation_imports_neither_textual_nor_rich():
    code = ("import io, contextlib, sys; from game.cli.main import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    code = main(['simulate', {str(FIXTURE)!r}, '--runs', '2', '--format', 'json'])\n"
            "print(code, sorted(m for m in sys.modules if m.split('.')[0] in ('rich', 'textual')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "0 []", done.stderr


def _exit_code(argv: list[str]) -> int:
    """main()'s return code, or argparse's exit status."""
    try:
        return main(argv)
    except SystemExit as exit_:
        return int(exit_.code)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_simulate_plays_with_the_rules_it_loaded(capsys, monkeypatch, jobs):
    """The scenario is read once: neither the runs nor the coverage pass (in this process or in workers
    forked from it) load it again, the variant included."""
    import game.sim.runner as runner

    def load_again(*args, **kwargs):
        raise AssertionError("the scenario was loaded again")

    monkeypatch.setattr(runner, "load_scenario", load_again)
    monkeypatch.setattr(runner, "_WORKER", {})
    scenario = Path(__file__).resolve().parents[2] / "content" / "scenarios" / "lianhe-town"
    payload = run_json(capsys, str(scenario), "--variant", "seminar", "--runs", "4", "--strategy", "random,trace",
                       "--coverage", "--jobs", jobs)
    assert payload["variant"] == "seminar" and payload["timing"]["jobs"] == int(jobs)
