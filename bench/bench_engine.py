"""Engine benchmark: complete games per second for each bot, and the time to end a week.

Run: .venv/bin/python bench/bench_engine.py [SCENARIO] [--games N] [--repeat R] [--budget G]
Single process (so the number is per core), measured in CPU time; each bot plays `--games` games
`--repeat` times and the best rate is kept, which filters out other load on the machine. Prints one line
per bot and the week-end latency; exits 1 when a bot plays fewer than `--budget` games per second.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.engine import END_WEEK, Rules, apply, legal, new_game  # noqa: E402
from game.scenario import load_scenario  # noqa: E402
from game.sim.bots import BOTS  # noqa: E402
from game.sim.runner import play  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "scenarios" / "mini-town"


def games_per_second(rules: Rules, bot: str, games: int) -> float:
    """Games per second of CPU time (process_time), so other load on the machine does not skew it."""
    started = time.process_time()
    for run in range(games):
        play(rules, bot, run, f"bench:{run}")
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
    parser.add_argument("scenario", nargs="?", default=str(FIXTURE))
    parser.add_argument("--games", type=int, default=2000, help="games per bot and repetition (default 2000)")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions; the best is kept (default 3)")
    parser.add_argument("--budget", type=float, default=1000.0, help="least games/s per bot (default 1000)")
    args = parser.parse_args()
    rules = Rules(load_scenario(Path(args.scenario)))
    print(f"scenario {rules.id}: {rules.weeks} weeks, {len(rules.items)} items, {len(rules.events)} events")
    slow = []
    for bot in BOTS:
        games_per_second(rules, bot, 50)  # warm-up
        rate = max(games_per_second(rules, bot, args.games) for _ in range(args.repeat))
        print(f"{bot:>9}: {rate:8.0f} games/s (one core, best of {args.repeat})")
        if rate < args.budget:
            slow.append(bot)
    p50, p99 = week_end_latency(rules, 300)
    print(f"end of week: p50 {p50:.0f} us, p99 {p99:.0f} us (recording happenings, as the game does)")
    if slow:
        print(f"under the budget of {args.budget:.0f} games/s: {', '.join(slow)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
