"""`simulate --coverage`: what was met, taken or reached, per strategy and week, never-met first."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game.cli.main import main
from game.engine import Rules
from game.scenario import load_scenario
from game.sim.coverage import measure, sparkline
from game.sim.coverage_html import render_html
from game.sim.runner import simulate
from game.sim.summary import coverage

STRATEGIES = ["random", "trace", "service"]
RUNS = 12


@pytest.fixture(scope="module")
def measured(request: pytest.FixtureRequest):
    path = Path(request.config.rootpath) / "tests" / "fixtures" / "scenarios" / "mini-town"
    rules = Rules(load_scenario(path))
    return path, rules, measure(path, rules, STRATEGIES, RUNS, 7, jobs=1)


def test_never_met_agrees_with_the_simulation(measured) -> None:
    path, rules, cover = measured
    summary = coverage(rules, simulate(path, STRATEGIES, RUNS, 7, jobs=1))
    never = {(row.kind, row.id) for row in cover.never()}
    assert {i for k, i in never if k == "event"} == set(summary["events_never_fired"])
    assert {i for k, i in never if k == "choice"} == set(summary["choices_never_taken"])
    assert {i for k, i in never if k == "ending"} == set(summary["endings_never_reached"])


def test_every_item_has_a_row_and_never_met_come_first(measured) -> None:
    _, rules, cover = measured
    ids = {(row.kind, row.id) for row in cover.rows}
    scenario = rules.scenario
    assert {("directive", d.id) for d in scenario.directives} <= ids
    assert {("event", e.id) for e in scenario.events} <= ids
    assert {("choice", a.ref) for a in rules.actions} <= ids
    assert {("ending", e.id) for e in scenario.endings} <= ids
    totals = [row.total() for row in cover.rows if row.kind != "claim"]
    assert totals == sorted(totals)


def test_counts_are_per_game_and_per_week(measured) -> None:
    _, rules, cover = measured
    endings = [row for row in cover.rows if row.kind == "ending"]
    for strategy in STRATEGIES:
        assert sum(row.games[strategy] for row in endings) == RUNS  # each game reaches one ending
        assert sum(sum(row.weekly[strategy]) for row in endings) == RUNS
        for row in cover.rows:
            if row.kind != "claim":
                assert 0 <= row.games[strategy] <= RUNS and len(row.weekly[strategy]) == rules.weeks
    first = next(row for row in cover.rows if row.id == "app_quota")  # arrives: 1
    assert all(first.games[s] == RUNS and first.weekly[s][0] == RUNS for s in STRATEGIES)


def test_jobs_do_not_change_the_counts(measured) -> None:
    path, rules, cover = measured
    again = measure(path, rules, STRATEGIES, RUNS, 7, jobs=2)
    assert again.to_json() == cover.to_json()


@pytest.mark.parametrize("values, expected", [([0, 0, 0], "···"), ([0, 4, 8], "·▄█"), ([1, 0, 100], "▁·█")])
def test_sparkline(values: list[int], expected: str) -> None:
    assert sparkline(values) == expected


def test_the_html_page_lists_everything_and_escapes_content(tmp_path: Path, fixture_dir: Path) -> None:
    folder = tmp_path / "mini-town"
    shutil.copytree(fixture_dir, folder)
    header = folder / "directives.yaml"
    header.write_text(header.read_text(encoding="utf-8").replace(
        "en: Anti-fraud app on 90% of phones", 'en: "<script>alert(1)</script>"'), encoding="utf-8")
    rules = Rules(load_scenario(folder))
    page = render_html(measure(folder, rules, ["random"], 3, 1), 1)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert all(f"<code>{a.ref}</code>" in page for a in rules.actions)


def test_the_command(capsys: pytest.CaptureFixture[str], tmp_path: Path, fixture_dir: Path) -> None:
    out_file = tmp_path / "coverage.html"
    code = main(["simulate", str(fixture_dir), "--runs", "3", "--jobs", "1", "--coverage", "--html", str(out_file)])
    out, err = capsys.readouterr()
    assert code == 0 and "coverage: 3 games per strategy" in out and out_file.is_file()
    code = main(["simulate", str(fixture_dir), "--runs", "2", "--jobs", "1", "--format", "json", "--coverage"])
    detail = json.loads(capsys.readouterr().out)["coverage_detail"]
    assert code == 0 and detail["runs"] == 2 and detail["items"]
    code = main(["simulate", str(fixture_dir), "--runs", "2", "--jobs", "1", "--html", str(tmp_path)])
    out, err = capsys.readouterr()
    assert code == 2 and "cannot write" in err and "Traceback" not in err
