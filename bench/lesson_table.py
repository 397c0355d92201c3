"""The lesson table: what every shipped strategy gets on a scenario, and issue 10's "Done when" checks.

Run from the repository root:  python bench/lesson_table.py [--runs 2000] [--jobs 2] [--out docs/balance.md]
It simulates every shipped strategy that fits the scenario (default: the shipped default scenario), prints a
Markdown page (the command, the scenario and its content hash, the machine, a table per strategy, the
endings, and each check with its numbers) and exits 1 when a check fails. `docs/balance.md` is its output.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.engine import Rules  # noqa: E402
from game.engine.game import Outcome  # noqa: E402
from game.scenario import load_scenario  # noqa: E402
from game.scenario.catalog import resolve  # noqa: E402
from game.sim.runner import simulate  # noqa: E402
from game.sim.strategy import applies_to, shipped  # noqa: E402
from game.sim.summary import by_strategy, percentile  # noqa: E402

IDLE_ENDING = "decoupled_official"  # the ending that names idle execution itself
STRATEGIES = ROOT / "game" / "sim" / "strategies"
# fields that only say things (texts, notes, finding tags) or never touch a default game (text variants of
# endings, the debrief, claims): editing them leaves the table as it is, so they are not in the balance key
WORDS = frozenset({"title", "text", "label", "hint", "message", "notes", "speaker", "issuer", "unit", "locked_reason",
                   "source", "short", "description", "week_labels", "findings", "debrief", "variants",
                   "upward_label", "downward_label"})
KEY_LINE = "Balance key: `{key}`"


def _mechanics(value: object) -> object:
    if isinstance(value, dict):
        return {k: _mechanics(v) for k, v in value.items() if k not in WORDS}
    if isinstance(value, (list, tuple)):
        return [_mechanics(v) for v in value]
    return value


def balance_key(rules: Rules) -> str:
    """What the table depends on, hashed (16 hex digits): the scenario's mechanics (every field but its
    words) and the shipped strategy files. A fast test compares it with the key docs/balance.md records, so
    the table cannot go stale silently; engine speed-ups keep results equal by their own test."""
    scenario = rules.scenario
    parts = {name: [m.model_dump(mode="json") for m in getattr(scenario, name)]
             for name in ("meters", "directives", "requests", "inspections", "events", "endings", "modifiers")}
    parts["info"] = scenario.info.model_dump(mode="json")
    digest = hashlib.sha256(json.dumps(_mechanics(parts), sort_keys=True, ensure_ascii=False).encode("utf-8"))
    for path in sorted(STRATEGIES.glob("*.yaml")):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def rate(outcomes: list[Outcome], ending: str) -> float:
    return sum(o.ending == ending for o in outcomes) / (len(outcomes) or 1)


def mean(outcomes: list[Outcome], metric: str) -> float:
    return sum(o.metric(metric) for o in outcomes) / (len(outcomes) or 1)


def top_ending(outcomes: list[Outcome]) -> tuple[str, float]:
    counts: dict[str, int] = {}
    for o in outcomes:
        counts[o.ending] = counts.get(o.ending, 0) + 1
    ending = max(counts, key=lambda e: (counts[e], e))
    return ending, counts[ending] / len(outcomes)


def checks(rules: Rules, games: dict[str, list[Outcome]]) -> list[tuple[str, bool, str]]:
    """Issue 10's "Done when" conditions on the numbers: (condition, holds, the numbers behind it)."""
    out = []
    small, head = mean(games["fake-small-items"], "idle_index"), mean(games["fake-headcount"], "idle_index")
    out.append(("fake-small-items idle index >= 0.35 and above fake-headcount's", small >= 0.35 and small > head,
                f"{small:.3f} vs {head:.3f}"))
    ending, share = top_ending(games["reform"])
    out.append(("reform bot's most common ending <= 60% of its games", share <= 0.60, f"{ending} {share:.1%}"))
    progress = mean(games["random"], "reform_progress")
    out.append(("random bot's mean reform progress <= 50", progress <= 50, f"{progress:.1f}"))
    removed = rate(games["service"], "removed")
    out.append(("pure service removed in <= 25% of games", removed <= 0.25, f"{removed:.1%}"))
    median = percentile([o.upward for o in games["trace"]], 0.5)
    out.append(("trace bot's median upward < 99", median < 99, f"{median:.1f}"))
    t, s = games["trace"], games["service"]
    holds = mean(t, "upward") > mean(s, "upward") and mean(s, "downward") > mean(t, "downward") and mean(
        s, "trust") > mean(t, "trust")
    out.append(("trace beats service upward; service beats trace downward and on trust", holds,
                f"upward {mean(t, 'upward'):.1f} > {mean(s, 'upward'):.1f}; downward {mean(s, 'downward'):.1f} > "
                f"{mean(t, 'downward'):.1f}; trust {mean(s, 'trust'):.1f} > {mean(t, 'trust'):.1f}"))
    shared = [e.id for e in rules.scenario.endings
              if rate(games["reform"], e.id) >= 0.20 and rate(games["reform-then-trace"], e.id) >= 0.10]
    out.append(("no ending reached by >= 20% of reform's games is reached by >= 10% of reform-then-trace's",
                not shared, ", ".join(shared) or "none shared"))
    exists = IDLE_ENDING in rules.ending_by_id
    rates = {name: rate(outs, IDLE_ENDING) for name, outs in games.items()}
    leader = max(rates, key=lambda n: rates[n])
    out.append((f"the idle-execution ending ({IDLE_ENDING}) exists and the cynic reaches it most often",
                exists and leader == "cynic" and rates["cynic"] > 0,
                f"cynic {rates['cynic']:.1%}; most often: {leader} {rates[leader]:.1%}"))
    return out


def machine() -> str:
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                                timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "content", "game"], cwd=ROOT,
                               capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit, dirty = "unknown", ""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"commit {commit or 'unknown'}{' (with uncommitted changes)' if dirty else ''}; Python "
            f"{platform.python_version()} on {platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
            f"load average {load:.1f} at the start")


def page(rules: Rules, games: dict[str, list[Outcome]], args: argparse.Namespace, seconds: float) -> str:
    lines = [
        "# Balance: the lesson table", "",
        "Produced by one command (the numbers are deterministic: the same commit, runs and seed give the same "
        "page on any machine; only the time differs):", "",
        "```", f"python bench/lesson_table.py --runs {args.runs} --seed {args.seed} --out docs/balance.md", "```", "",
        f"Scenario `{rules.id}` (content hash `{rules.content_hash}`), {args.runs} games per strategy, base seed "
        f"{args.seed}; {machine()}; {seconds:.0f} s with {args.jobs} worker(s).", "",
        KEY_LINE.format(key=balance_key(rules)) + " (the scenario's mechanics and the shipped strategies; "
        "`tests/content/test_balance_current.py` fails when it no longer matches: run the command above again).", "",
        "## Per strategy", "",
        "Upward and downward are 0..100; the idle index is the weighted mean over directives of the unbacked share "
        "of reported progress (docs/authoring.md, \"Ledger measures\"); p10/p50/p90 are percentiles over games.", "",
        "| strategy | upward p10/p50/p90 | downward mean | trust | idle index p10/p50/p90 | reform progress "
        "| lines crossed | most common ending |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, outs in games.items():
        ups = "/".join(f"{percentile([o.upward for o in outs], p):.0f}" for p in (0.1, 0.5, 0.9))
        idles = "/".join(f"{percentile([o.idle_index for o in outs], p):.2f}" for p in (0.1, 0.5, 0.9))
        ending, share = top_ending(outs)
        lines.append(f"| {name} | {ups} | {mean(outs, 'downward'):.1f} | {mean(outs, 'trust'):.1f} | {idles} | "
                     f"{mean(outs, 'reform_progress') if 'reform_progress' in rules.meter_index else 0:.1f} | "
                     f"{mean(outs, 'crossed'):.1f} | {ending} {share:.0%} |")
    lines += ["", "## Endings (share of each strategy's games)", "",
              "| ending | " + " | ".join(games) + " |", "|---|" + "---|" * len(games)]
    for ending in rules.scenario.endings:
        cells = [f"{rate(outs, ending.id):.0%}" if rate(outs, ending.id) else "." for outs in games.values()]
        lines.append(f"| {ending.id} | " + " | ".join(cells) + " |")
    lines += ["", "## Done when (issue 10)", "", "| condition | holds | numbers |", "|---|---|---|"]
    for condition, holds, numbers in checks(rules, games):
        lines.append(f"| {condition} | {'yes' if holds else '**NO**'} | {numbers} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", help="scenario id or folder (default: the shipped default)")
    parser.add_argument("--runs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--out", type=Path, help="write the page here instead of printing it")
    args = parser.parse_args()
    path = resolve(args.scenario)
    rules = Rules(load_scenario(path))
    names = [name for name, s in shipped().items() if applies_to(s, rules.id)]
    started = time.perf_counter()
    games = by_strategy(simulate(path, names, args.runs, args.seed, args.jobs))
    text = page(rules, games, args, time.perf_counter() - started)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        print(text, end="")
    return 0 if all(holds for _, holds, _ in checks(rules, games)) else 1


if __name__ == "__main__":
    sys.exit(main())
