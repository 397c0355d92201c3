"""Aggregate simulation results: per-strategy statistics, coverage, and the scenario's claims."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any, Callable

from game.engine import Rules
from game.engine.game import Outcome
from game.scenario.envs import claim_env
from game.scenario.expr import ExprError
from game.scenario.expr_compile import compile_expr
from game.sim.runner import ChunkResult


def by_strategy(results: list[ChunkResult]) -> dict[str, list[Outcome]]:
    grouped: dict[str, list[Outcome]] = {}
    for chunk in results:
        grouped.setdefault(chunk.strategy, []).extend(chunk.outcomes)
    return grouped


def metrics(rules: Rules, outcomes: list[Outcome]) -> dict[str, float]:
    """Mean of every claim metric over some games."""
    names = list(rules.meter_ids) + ["upward", "downward", "combined", "idle_index", "weeks_played", "crossed"]
    count = len(outcomes) or 1
    return {name: sum(o.metric(name) for o in outcomes) / count for name in names}


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (share 0..1) of some numbers; 0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


SPREAD = ("upward", "downward", "idle_index")


def strategy_stats(rules: Rules, outcomes: list[Outcome], fired: dict[str, int] | None = None) -> dict[str, Any]:
    """Means, spreads (p10/p50/p90 of upward, downward and idle index), endings with each ending's mean idle
    index and lines crossed, and, given `fired` (event id -> games it fired in), each event's share of games."""
    means = metrics(rules, outcomes)
    endings = Counter(o.ending for o in outcomes)
    count = len(outcomes) or 1
    by_ending: dict[str, list[Outcome]] = {}
    for o in outcomes:
        by_ending.setdefault(o.ending, []).append(o)
    stats = {
        "runs": len(outcomes),
        "endings": {e.id: endings.get(e.id, 0) for e in rules.scenario.endings if endings.get(e.id, 0)},
        "mean": {m: round(means[m], 3) for m in rules.meter_ids},
        "upward": round(means["upward"], 3),
        "downward": round(means["downward"], 3),
        "combined": round(means["combined"], 3),
        "idle_index": round(means["idle_index"], 4),
        "weeks_played": round(means["weeks_played"], 2),
        "crossed": round(means["crossed"], 3),
        "spread": {name: {f"p{p}": round(percentile([o.metric(name) for o in outcomes], p / 100), 4)
                          for p in (10, 50, 90)} for name in SPREAD},
        "ending_profile": {
            e.id: {"idle_index": round(sum(o.idle_index for o in games) / len(games), 4),
                   "crossed": round(sum(len(o.crossed) for o in games) / len(games), 3)}
            for e in rules.scenario.endings if (games := by_ending.get(e.id))},
    }
    if fired is not None:
        stats["events_fired"] = {e.id: round(fired.get(e.id, 0) / count, 4) for e in rules.events}
    return stats


def coverage(rules: Rules, results: list[ChunkResult]) -> dict[str, list[str]]:
    fired = set().union(*(r.fired for r in results)) if results else set()
    taken = set().union(*(r.taken for r in results)) if results else set()
    reached = {o.ending for r in results for o in r.outcomes}
    refs = [a.ref for a in rules.actions]
    return {
        "events_never_fired": [e.id for e in rules.events if e.id not in fired],
        "choices_never_taken": [ref for ref in refs if ref not in taken],
        "endings_never_reached": [e.id for e in rules.scenario.endings if e.id not in reached],
    }


def fired_by_strategy(results: list[ChunkResult]) -> dict[str, Counter]:
    """Strategy -> event id -> games of that strategy in which the event fired."""
    found: dict[str, Counter] = {}
    for chunk in results:
        found.setdefault(chunk.strategy, Counter()).update(chunk.fired_counts)
    return found


def check_claims(rules: Rules, grouped: dict[str, list[Outcome]], cover: dict[str, list[str]],
                 fired: dict[str, Counter] | None = None) -> list[dict]:
    """Evaluate each declared claim; `holds` is None when it needs a strategy that was not run.

    `fired` (from fired_by_strategy) is needed by claims that use fired_rate()."""
    fired = fired or {}
    means = {bot: metrics(rules, outs) for bot, outs in grouped.items()}
    rates = {bot: Counter(o.ending for o in outs) for bot, outs in grouped.items()}
    counts = {bot: len(outs) or 1 for bot, outs in grouped.items()}
    calls: list[str] = []
    missing: set[str] = set()

    def need(bot: str) -> bool:
        if bot not in grouped:
            missing.add(bot)
            return False
        return True

    def mean(ctx: Any, bot: str, metric: str) -> float:
        value = means[bot][metric] if need(bot) else 0.0
        calls.append(f"mean({bot}, {metric}) = {value:.3f}")
        return value

    def ending_rate(ctx: Any, bot: str, ending: str) -> float:
        value = rates[bot].get(ending, 0) / counts[bot] if need(bot) else 0.0
        calls.append(f"ending_rate({bot}, {ending}) = {value:.3f}")
        return value

    def top_ending_rate(ctx: Any, bot: str) -> float:
        value = max(rates[bot].values(), default=0) / counts[bot] if need(bot) else 0.0
        calls.append(f"top_ending_rate({bot}) = {value:.3f}")
        return value

    def pick(metric: str, highest: bool) -> str:
        ranked = sorted(means, key=lambda bot: means[bot][metric], reverse=highest)
        value = ranked[0] if ranked else ""
        shown = ", ".join(f"{b} {means[b][metric]:.2f}" for b in ranked)
        calls.append(f"{'best' if highest else 'worst'}({metric}) = {value} [{shown}]")
        return value

    def rarest(ctx: Any) -> float:
        best = {e.id: max((rates[b].get(e.id, 0) / counts[b] for b in grouped), default=0.0)
                for e in rules.scenario.endings}
        ending = min(best, key=lambda e: best[e]) if best else ""
        value = best.get(ending, 0.0)
        calls.append(f"rarest_ending_rate() = {value:.4f} ({ending})")
        return value

    def uncovered(ctx: Any) -> int:
        value = len(cover["events_never_fired"]) + len(cover["choices_never_taken"])
        calls.append(f"uncovered() = {value}")
        return value

    def median(ctx: Any, bot: str, metric: str) -> float:
        value = percentile([o.metric(metric) for o in grouped[bot]], 0.5) if need(bot) else 0.0
        calls.append(f"median({bot}, {metric}) = {value:.3f}")
        return value

    def fired_rate(ctx: Any, bot: str, event: str) -> float:
        value = fired.get(bot, Counter()).get(event, 0) / counts[bot] if need(bot) else 0.0
        calls.append(f"fired_rate({bot}, {event}) = {value:.3f}")
        return value

    def answered_rate(ctx: Any, bot: str, kind: str) -> float:
        tried = sum(o.counters.get("tried:" + kind, 0) for o in grouped[bot]) if need(bot) else 0
        won = sum(o.counters.get("won:" + kind, 0) for o in grouped[bot]) if bot in grouped else 0
        value = won / tried if tried else 0.0
        calls.append(f"answered_rate({bot}, {kind}) = {value:.3f} ({won} of {tried})")
        return value

    def most_often(ctx: Any, ending: str) -> str:
        ranked = sorted(grouped, key=lambda bot: rates[bot].get(ending, 0) / counts[bot], reverse=True)
        value = ranked[0] if ranked else ""
        shown = ", ".join(f"{b} {rates[b].get(ending, 0) / counts[b]:.3f}" for b in ranked[:3])
        calls.append(f"most_often({ending}) = {value} [{shown}]")
        return value

    impls: dict[str, Callable[..., Any]] = {
        "median": median, "fired_rate": fired_rate, "answered_rate": answered_rate, "most_often": most_often,
        "mean": mean, "ending_rate": ending_rate, "top_ending_rate": top_ending_rate,
        "best": lambda ctx, m: pick(m, True), "worst": lambda ctx, m: pick(m, False),
        "rarest_ending_rate": rarest, "uncovered": uncovered,
        "min": lambda ctx, *a: min(a), "max": lambda ctx, *a: max(a), "abs": lambda ctx, x: abs(x),
    }
    env = claim_env(rules.scenario, impls)
    out = []
    for claim in rules.scenario.claims:
        calls.clear()
        missing.clear()
        try:
            holds: bool | None = bool(compile_expr(claim.holds, env)(None))
        except ExprError as err:  # validated at load, so only a changed vocabulary gets here
            holds, calls[:] = False, [f"cannot evaluate: {err.message}"]
        if missing:
            holds = None
            calls[:] = [f"needs strategies not run: {', '.join(sorted(missing))}"]
        # each number once, in the order the claim reads them (a claim may name one twice: "a > b and a > c")
        out.append({"id": claim.id, "holds": holds, "detail": "; ".join(dict.fromkeys(calls)), "text": claim.text})
    return out
