"""Engine benchmark: complete games per second for each bot, on the default scenario and the fixture side by
side, and the time to end a week.

Run: .venv/bin/python bench/bench_engine.py [SCENARIO ...] [--games N] [--repeat R] [--budget G] [--reference]
Default scenarios: the shipped default (lianhe-town) and the test fixture (mini-town). Single process (so the
number is per core), measured in CPU time (`time.process_time`: user + system of this process); each bot plays
`--games` games `--repeat` times and the best rate is kept, which filters out other load on the machine.
`--reference` also plays them on the reference path (public `legal`/`apply`, a new state per decision).
Prints which build of the engine ran (python, or the optional compiled one: README, "Faster simulations"), one
row per bot with a column per scenario, and the week-end latency; exits 1 when a bot plays fewer
than `--budget` games per CPU second on the first scenario.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))  # after site-packages: an installed build (e.g. the compiled one) is the one timed

from game.engine import END_WEEK, Rules, apply, legal, new_game  # noqa: E402
from game.engine.build import engine_build  # noqa: E402
from game.scenario import load_scenario  # noqa: E402
from game.sim.bots import BOTS  # noqa: E402
from game.sim.runner import play, play_reference  # noqa: E402

DEFAULT = ROOT / "content" / "scenarios" / "lianhe-town"
FIXTURE = ROOT / "tests" / "fixtures" / "scenarios" / "mini-town"


def games_per_second(rules: Rules, bot: str, games: int, reference: bool = False) -> float:
    """Games per second of CPU time (process_time), so other load on the machine does not skew it."""
    player = play_reference if reference else play
    started = time.process_time()
    for run in range(games):
        player(rules, bot, run, f"bench:{run}")
    return games / (time.process_time() - started)


def week_end_latency(rules: Rules, games: int) -> tuple[float, float]:
    """p50 and p99 in microseconds of applying END_WEEK (settlement, inspections, next week's draw)."""
    samples = []
    for run in range(games):
        rng = random.Random(run)
        state, _ = new_game(rules, run)
        while not state.ended:
            choices = legal(rules, state)
            decision = rng.choice(choices)
            started = time.perf_counter()
            state, _ = apply(rules, state, decision)
            if decision == END_WEEK:
                samples.append((time.perf_counter() - started) * 1e6)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenarios", nargs="*", default=[str(DEFAULT), str(FIXTURE)])
    parser.add_argument("--games", type=int, default=500, help="games per bot and repetition (default 500)")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions; the best is kept (default 3)")
    parser.add_argument("--budget", type=float, default=1000.0,
                        help="least games per CPU second per bot on the first scenario (default 1000)")
    parser.add_argument("--reference", action="store_true", help="also time the reference path")
    args = parser.parse_args()
    loaded = [Rules(load_scenario(Path(folder))) for folder in args.scenarios]
    for rules in loaded:
        print(f"scenario {rules.id}: {rules.weeks} weeks, {len(rules.items)} items, {len(rules.events)} events")
    paths = [("fast", False)] + ([("reference", True)] if args.reference else [])
    columns = [f"{rules.id} ({name})" for rules in loaded for name, _ in paths]
    print(f"games per CPU second, one core, {engine_build()} engine, best of {args.repeat} x {args.games}:")
    print(f"{'bot':>9} | " + " | ".join(f"{c:>24}" for c in columns))
    slow = []
    for bot in BOTS:
        if bot not in ("random", "trace", "service", "balanced", "reform"):
            continue  # the five built-in bots; probes play like them
        cells = []
        for position, rules in enumerate(loaded):
            for _, reference in paths:
                games_per_second(rules, bot, 20, reference)  # warm-up
                rate = max(games_per_second(rules, bot, args.games, reference) for _ in range(args.repeat))
                cells.append(f"{rate:24.0f}")
                if position == 0 and not reference and rate < args.budget:
                    slow.append(bot)
        print(f"{bot:>9} | " + " | ".join(cells))
    for rules in loaded:
        p50, p99 = week_end_latency(rules, 100)
        print(f"end of week on {rules.id}: p50 {p50:.0f} us, p99 {p99:.0f} us (recording happenings, as the game does)")
    if slow:
        print(f"under the budget of {args.budget:.0f} games per CPU second on {loaded[0].id}: {', '.join(slow)}",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
