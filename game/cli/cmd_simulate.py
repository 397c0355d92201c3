"""`grassroots simulate`: bots play the scenario many times; balance, coverage and claims."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any


EXAMPLES = [
    ("grassroots simulate --runs 500", "every strategy on the default scenario"),
    ("grassroots simulate my-town --strategy trace,service --seed 7", "two strategies, another seed"),
    ("grassroots simulate --check-claims --format json", "exit 1 when a claim of the scenario fails"),
]


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "simulate", help="let bots play many games: balance, coverage, claims",
        description="Bots play the scenario many times with seeded randomness. Shows endings and mean scores "
        "per strategy, which events and choices were never reached, and whether the scenario's teaching claims "
        "hold. The same --seed gives the same numbers with any --jobs (only runs_per_second and timing differ: "
        "runs_per_second is games per wall-clock second; timing also gives games per CPU second).")
    parser.add_argument("scenario", nargs="?", help="scenario id or folder (default: the shipped default)")
    parser.add_argument("--runs", type=int, default=1000, help="games per strategy (default 1000)")
    parser.add_argument("--strategy", default="all", metavar="NAME|FILE",
                        help="a shipped strategy (random, trace, service, balanced, reform, or a probe such as "
                        "cynic), a strategy YAML file, a comma-separated list of these, or all (default): every "
                        "shipped strategy that fits the scenario")
    parser.add_argument("--seed", type=int, default=1, help="base seed (default 1)")
    parser.add_argument("--jobs", type=int, default=0, help="worker processes (default 0: one per core)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument("--records", metavar="DIR", help="write one game record per run into DIR")
    parser.add_argument("--variant", metavar="NAME", default="",
                        help="play a variant the scenario declares (see `grassroots scenarios`)")
    parser.add_argument("--check-claims", action="store_true", help="exit 1 if any claim of the scenario fails")
    parser.add_argument("--coverage", action="store_true",
                        help="also show how often each directive, request, event, choice and ending was met, per "
                        "strategy and week, never-met first (plays the games a second time, keeping what happened)")
    parser.add_argument("--html", metavar="FILE", help="write the coverage report as an HTML page (implies --coverage)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.cli.main import UsageError
    from game.engine import Rules
    from game.scenario import ScenarioLoadError, load_scenario
    from game.scenario.catalog import UnknownScenario, resolve
    from game.scenario.variants import UnknownVariant
    from game.sim.strategy import StrategyError
    from game.sim.summary import by_strategy, check_claims, coverage, fired_by_strategy, strategy_stats

    if not 1 <= args.runs <= 1_000_000:
        raise UsageError("--runs must be between 1 and 1000000")
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    try:
        path = resolve(args.scenario)
        rules = Rules(load_scenario(path, args.variant or None))
    except (UnknownScenario, UnknownVariant) as err:
        raise UsageError(str(err)) from None
    except ScenarioLoadError as err:
        print(f"grassroots: the scenario has errors: {err.summary()}", file=sys.stderr)
        return 1
    try:
        strategies = pick_strategies(args.strategy, rules)
    except StrategyError as err:
        for error in err.errors:
            print(f"grassroots: {error.format()}", file=sys.stderr)
        return 1
    names = [s if isinstance(s, str) else s.id for s in strategies]
    records = Path(args.records) if args.records else None
    if records is not None:
        try:
            records.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise UsageError(f"cannot create {records}: {err.strerror or err}") from None
    from game.saves import SaveError
    from game.sim.runner import cpu_seconds

    started, cpu_started = time.perf_counter(), cpu_seconds()

    try:
        results = _run_with_progress(path, strategies, args, jobs, records, rules)
    except SaveError as err:  # a record could not be written (a full disk): one line, the output's exit code
        from game.cli.output import OUTPUT_FAILED

        print(f"grassroots: {err.path}: {err.problem}; free some space, or pass another folder to --records",
              file=sys.stderr)
        return OUTPUT_FAILED
    elapsed = max(time.perf_counter() - started, 1e-9)
    cpu = max(cpu_seconds() - cpu_started, 1e-9)
    grouped = by_strategy(results)
    cover = coverage(rules, results)
    fired = fired_by_strategy(results)
    claims = check_claims(rules, grouped, cover, fired)
    from game.sim.compare import comparability

    payload = {
        "scenario": rules.id,
        "variant": rules.variant,
        "content_hash": rules.content_hash,
        "runs": args.runs,
        "seed": args.seed,
        "runs_per_second": round(args.runs * len(strategies) / elapsed, 1),  # wall clock: see "timing"
        "timing": _timing(rules.id, args.runs * len(strategies), jobs, elapsed, cpu),
        "strategies": {name: strategy_stats(rules, grouped[name], fired.get(name, {})) for name in names},
        "coverage": cover,
        "claims": [{**c, "text": _plain(c["text"])} for c in claims],
        "comparable": comparability(rules, results),
    }
    detail = _coverage(args, path, rules, strategies, jobs, payload["claims"]) if args.coverage or args.html else None
    if detail is not None:
        payload["coverage_detail"] = detail.to_json()
    if args.format == "json":
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        from game.cli.simulate_view import print_report

        print_report(payload, rules)
        if detail is not None:
            from game.sim.coverage import text_lines

            print("\n".join(text_lines(detail)))
    if args.check_claims and any(c["holds"] is not True for c in claims):
        return 1
    return 0


def _timing(scenario: str, games: int, jobs: int, wall: float, cpu: float) -> dict:
    """How fast the games were played, on which scenario, by which clock and by which build of the engine
    ("python" or "compiled"): wall-clock seconds (what `runs_per_second` divides by) and CPU seconds of this
    process and its workers (user + system)."""
    from game.engine.build import engine_build

    return {"scenario": scenario, "games": games, "jobs": jobs, "clock": "wall", "wall_seconds": round(wall, 3),
            "cpu_seconds": round(cpu, 3), "runs_per_second": round(games / wall, 1),
            "runs_per_cpu_second": round(games / cpu, 1), "engine": engine_build()}


def pick_strategies(spec: str, rules) -> list:
    """The strategies `--strategy` names: shipped ids, strategy files, or `all` (every shipped strategy that
    fits the scenario). UsageError for an unknown name; StrategyError for a file that cannot be used."""
    from game.cli.main import UsageError
    from game.sim.strategy import applies_to, load_strategy, shipped

    known = shipped()
    ids = set(rules.item_ids) | set(rules.event_index)
    found: list = []
    for token in (t.strip() for t in spec.split(",")):
        if token == "all":
            found += [name for name, s in known.items() if applies_to(s, rules.id)]
        elif token in known:
            if not applies_to(known[token], rules.id):
                raise UsageError(f"strategy '{token}' is written for scenario '{known[token].scenario}'")
            found.append(token)
        elif token.endswith((".yaml", ".yml")) or "/" in token or Path(token).exists():
            if not Path(token).is_file():
                raise UsageError(f"no strategy file {token}")
            found.append(load_strategy(Path(token), rules.id, ids))
        else:
            raise UsageError(f"unknown strategy '{token}' (choose from {', '.join(known)}, a strategy file, or all)")
    names = [s if isinstance(s, str) else s.id for s in found]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise UsageError(f"strategy '{twice[0]}' is named twice")
    return found


def _coverage(args: argparse.Namespace, path: Path, rules, strategies: list, jobs: int, claims: list[dict]):
    """Measure coverage and write the HTML page when asked (a usage error if it cannot be written)."""
    from game.cli.main import UsageError
    from game.sim.coverage import measure

    cover = measure(path, rules, strategies, args.runs, args.seed, jobs, claims)
    if args.html:
        from game.sim.coverage_html import render_html

        try:
            Path(args.html).write_text(render_html(cover, args.seed), encoding="utf-8")
        except OSError as err:
            raise UsageError(f"cannot write {args.html}: {err.strerror or err}") from None
        print(f"wrote {args.html}", file=sys.stderr)
    return cover


def _plain(text: Any) -> object:
    """A claim's text as data: a plain text, or a {zh:, en:} text's fields."""
    return text if isinstance(text, str) else text.model_dump(exclude_none=True)


def _run_with_progress(path: Path, strategies: list[str], args: argparse.Namespace, jobs: int,
                       records: Path | None, rules) -> list:
    """Run the simulation, with a progress bar on stderr when someone is watching it."""
    from game.sim.runner import simulate

    total = args.runs * len(strategies)  # strategies: ids and Strategy objects
    if not sys.stderr.isatty():
        return simulate(path, strategies, args.runs, args.seed, jobs, records, variant=args.variant, rules=rules)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                  TimeRemainingColumn(), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("simulating", total=total)
        return simulate(path, strategies, args.runs, args.seed, jobs, records,
                        progress=lambda n: bar.advance(task, n), variant=args.variant, rules=rules)
