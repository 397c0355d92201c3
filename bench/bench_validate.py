"""Benchmark: `grassroots validate` on a generated 2,000-event scenario must take under 1 s.

Run from the repository root:
    python bench/bench_validate.py [--events N [N ...]] [--repeat R] [--compare-with CHECKOUT] [--profile]

The scenario is the mini-town test fixture plus N generated events spread over several files, written
to a temporary folder that is removed afterwards. Prints the median of R runs in-process (the library
call and the CLI `main`) and as a fresh subprocess (including interpreter start-up and imports), with the
subprocess's CPU time (less disturbed by other work on a shared machine). With --compare-with, the same
fresh subprocess runs from another checkout of the game too (e.g. `git worktree add ../before v1`),
alternating with this one, so that a busy moment hits both alike. Exits 1 when a measured median of
this checkout is over the budget at 2,000 events or fewer.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import os
import pstats
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "scenarios" / "mini-town"
BUDGET_SECONDS = 1.0
EVENTS_PER_FILE = 200
KINDS = ("trace", "service", "feedback", "set_aside", "delegate", "other")



def event_yaml(number: int) -> str:
    """One generated event card with three choices, expressions, delayed and uncertain effects."""
    kind_a, kind_b = KINDS[number % len(KINDS)], KINDS[(number + 1) % len(KINDS)]
    return f"""
  - id: gen_event_{number}
    title: {{zh: 生成事件{number}, en: Generated event {number}}}
    text: {{zh: 这是第{number}个生成的事件。, en: "This is generated event number {number}."}}
    when: "turn >= {number % 10 + 1} and trust < {50 + number % 40} and not flag.gen_flag_{number % 50}"
    weight: "{number % 3 + 1} + (2 if pressure > 40 else 0)"
    once: {"true" if number % 2 else "false"}
    cooldown: {number % 3}
    findings: [A{number % 6 + 1}]
    choices:
      - id: first
        kind: {kind_a}
        label: {{zh: 第一种做法, en: The first way}}
        hours: "{number % 5 + 1} * (2 if energy < 30 else 1)"
        meters: {{trust: {number % 7 - 3}, pressure: "{number % 4} + turn / 4"}}
        set: [gen_flag_{number % 50}]
        later: [{{in_weeks: {number % 4 + 1}, chance: 0.5, meters: {{assessment: 2}}, unless: "flag.one_form"}}]
      - id: second
        kind: {kind_b}
        label: {{zh: 第二种做法, en: The second way}}
        costs: {{budget: {number % 3 + 1}}}
        requires: "budget >= {number % 3 + 1}"
        locked_reason: {{zh: 经费不够。, en: Not enough budget.}}
        chance: "clamp(goodwill / 100, 0.1, 0.9)"
        then: {{meters: {{goodwill: 3}}, progress: [{{directive: app_quota, reported: 10, actual: 10}}]}}
        otherwise: {{meters: {{goodwill: -3}}, message: {{zh: 没有成功。, en: It did not work.}}}}
      - id: third
        kind: other
        label: {{zh: 不处理, en: Leave it}}
        meters: {{pressure: 1}}
"""


def generate(folder: Path, events: int) -> Path:
    """Write the fixture plus `events` generated events into `folder`/bench-town."""
    target = folder / "bench-town"
    shutil.copytree(FIXTURE, target)
    for start in range(0, events, EVENTS_PER_FILE):
        numbers = range(start, min(start + EVENTS_PER_FILE, events))
        body = "events:" + "".join(event_yaml(n) for n in numbers)
        (target / f"generated_{start // EVENTS_PER_FILE:03d}.yaml").write_text(body, encoding="utf-8")
    return target


def median_of(repeat: int, run) -> float:
    """The median of `repeat` timed calls, in seconds of wall time."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def fresh_validate(checkout: Path, scenario: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of `python -m game validate scenario` in a fresh process run from `checkout`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "game", "validate", str(scenario)], cwd=checkout,
                          env=dict(os.environ, PYTHONPATH=str(checkout)), capture_output=True, text=True,
                          check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert done.returncode == 0, done.stdout + done.stderr
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def measure(events: int, repeat: int, other: Path | None, profile: bool) -> bool:
    """Print one size's figures; True when this checkout's medians are within the budget."""
    from game.cli.main import main as cli_main
    from game.scenario import load_report

    with tempfile.TemporaryDirectory(prefix="grassroots-bench-") as tmp:
        scenario = generate(Path(tmp), events)
        size = sum(p.stat().st_size for p in scenario.rglob("*.yaml"))
        report = load_report(scenario)
        if report.errors:
            print("the generated scenario is invalid:", *(e.format() for e in report.errors[:5]), sep="\n  ")
            raise SystemExit(2)
        stats = report.stats
        del report
        print(f"scenario: {stats['events']} events, {stats['tasks']} directives, "
              f"{len(list(scenario.rglob('*.yaml')))} files, {size / 1024:.0f} KiB")

        library = median_of(repeat, lambda: load_report(scenario))

        def run_cli() -> None:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                code = cli_main(["validate", str(scenario)])
            assert code == 0, code

        in_process = median_of(repeat, run_cli)
        runs: dict[str, list[tuple[float, float]]] = {"this": [], "other": []}
        for _ in range(repeat):  # alternate the two, so that a busy moment on the machine hits both alike
            runs["this"].append(fresh_validate(ROOT, scenario))
            if other is not None:
                runs["other"].append(fresh_validate(other, scenario))

        if profile:
            profiler = cProfile.Profile()
            profiler.runcall(load_report, scenario)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)

    def medians(label: str) -> tuple[float, float]:
        return (statistics.median(w for w, _ in runs[label]), statistics.median(c for _, c in runs[label]))

    wall, cpu = medians("this")
    print(f"load_report(), in-process:              {library * 1000:7.0f} ms")
    print(f"grassroots validate, main() in-process: {in_process * 1000:7.0f} ms")
    print(f"grassroots validate, fresh subprocess:  {wall * 1000:7.0f} ms (CPU {cpu * 1000:.0f} ms; "
          "start-up and imports included)")
    if other is not None:
        other_wall, other_cpu = medians("other")
        print(f"  the same from {other}: {other_wall * 1000:7.0f} ms (CPU {other_cpu * 1000:.0f} ms)")
    worst = max(library, in_process, wall)
    held = events <= 2000
    verdict = "OK" if worst < BUDGET_SECONDS else "OVER BUDGET" if held else "(not held to the budget)"
    print(f"budget {BUDGET_SECONDS:.1f} s for 2,000 events: {verdict} (median of {repeat}; load average "
          f"{os.getloadavg()[0]:.1f})")
    return worst < BUDGET_SECONDS or not held


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="+", default=[2000], help="generated events (default 2000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement; the median is kept")
    parser.add_argument("--compare-with", type=Path, metavar="CHECKOUT",
                        help="also time a fresh validate run from this other checkout of the game")
    parser.add_argument("--profile", action="store_true", help="print the top of a cProfile of one load")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    ok = True
    for events in args.events:
        ok = measure(events, args.repeat, args.compare_with.resolve() if args.compare_with else None,
                     args.profile) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
