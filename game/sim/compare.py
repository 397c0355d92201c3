"""Comparable games (issue 12): how far strategies on one seed met the same cards, core cards, decisions."""

from __future__ import annotations

from itertools import combinations
from typing import Any

from game.engine import Rules
from game.sim.runner import ChunkResult


def comparability(rules: Rules, results: list[ChunkResult]) -> dict[str, Any]:
    """Shapes: shared_draws is the mean over runs and strategy pairs of |A and B| / |A or B| of the drawable
    cards that came (None with one strategy); core[strategy][card] the share of games the core card came in;
    decisions[strategy] the mean number of decisions per game."""
    drawn: dict[str, dict[int, frozenset[str]]] = {}
    decisions: dict[str, list[int]] = {}
    for chunk in results:
        runs = drawn.setdefault(chunk.strategy, {})
        for offset, cards in enumerate(chunk.drawn):
            runs[chunk.start + offset] = cards
        decisions.setdefault(chunk.strategy, []).extend(chunk.decisions)
    shares = []
    for a, b in combinations(drawn, 2):
        for run, cards in drawn[a].items():
            other = drawn[b].get(run)
            if other is not None:
                union = cards | other
                shares.append(len(cards & other) / len(union) if union else 1.0)
    core = [e.id for e in rules.events if e.core]
    return {
        "shared_draws": round(sum(shares) / len(shares), 4) if shares else None,
        "pairs": len(shares),
        "core": {s: {card: round(sum(card in cards for cards in runs.values()) / (len(runs) or 1), 4)
                     for card in core} for s, runs in drawn.items()},
        "decisions": {s: round(sum(d) / (len(d) or 1), 2) for s, d in decisions.items()},
    }
