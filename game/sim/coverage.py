"""Coverage from play: how often each directive, request, event, choice and ending was met, taken or
reached, per strategy and per week, and whether each claim holds.

Plays the same seeded games as `simulate` (same seeds, same bots), this time keeping what happened, so
that the counts match the simulation they are shown with. Never-met items are listed first: they are
content no player meets under these strategies (a `when` that never holds, a weight too small).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from game.engine import Rules
from game.sim.runner import CHUNK, StrategyRef, _rules_for, game_seed, in_workers, play, remember_rules, strategy_id

KINDS = ("directive", "request", "event", "choice", "ending", "claim")
VERBS = {"directive": "arrived", "request": "arrived", "event": "drawn", "choice": "taken", "ending": "reached",
         "claim": "holds"}


@dataclass
class Row:
    """One item: in how many games it happened (by strategy) and how often in each week (by strategy)."""

    kind: str
    id: str
    title: str
    games: dict[str, int] = field(default_factory=dict)
    weekly: dict[str, list[int]] = field(default_factory=dict)
    holds: bool | None = None  # claims only

    def total(self) -> int:
        return sum(self.games.values())

    def week_totals(self) -> list[int]:
        return [sum(column) for column in zip(*self.weekly.values())] if self.weekly else []


@dataclass
class Coverage:
    """Every item of the scenario with its counts; `rows` are never-met first, then rarest first."""

    scenario: str
    weeks: int
    runs: int
    strategies: list[str]
    rows: list[Row]

    def never(self) -> list[Row]:
        return [row for row in self.rows if row.kind != "claim" and row.total() == 0]

    def to_json(self) -> dict:
        return {"weeks": self.weeks, "runs": self.runs, "strategies": self.strategies,
                "items": [{"kind": r.kind, "id": r.id, "games": r.games, "weekly": r.weekly, "holds": r.holds}
                          for r in self.rows]}


def _title(item: object) -> str:
    title = getattr(item, "title", None) or getattr(item, "label", None) or getattr(item, "text", None)
    if title is None:
        return ""
    return title if isinstance(title, str) else (getattr(title, "en", None) or getattr(title, "zh", None) or "")


def empty_rows(rules: Rules) -> list[Row]:
    """One row per item of the scenario, in content order."""
    scenario = rules.scenario
    rows = [Row("directive", d.id, _title(d)) for d in scenario.directives]
    rows += [Row("request", r.id, _title(r)) for r in scenario.requests]
    rows += [Row("event", e.id, _title(e)) for e in scenario.events]
    rows += [Row("choice", a.ref, "") for a in rules.actions]
    rows += [Row("ending", e.id, _title(e)) for e in scenario.endings]
    return rows


def coverage_chunk(path: str, strategy: StrategyRef, base_seed: int, start: int, stop: int,
                   variant: str = "") -> tuple[Counter, Counter]:
    """Runs start..stop-1 of one strategy (in `variant` of the scenario): (games in which each (kind, id)
    happened, occurrences by (kind, id, week))."""
    rules = _rules_for(path, variant)
    games: Counter = Counter()
    weekly: Counter = Counter()
    for run in range(start, stop):
        happened: list = []
        name = strategy_id(strategy)
        state = play(rules, strategy, game_seed(base_seed, run), f"{base_seed}:{run}:{name}", happened)
        seen = {("event", rules.events[index].id) for index in state.fired}  # drawn or queued (exact)
        for item in happened:
            key = _key(item)
            if key is not None:
                weekly[(*key, item.week)] += 1
                if key[0] != "event":
                    seen.add(key)
        if state.ended:
            seen.add(("ending", state.ended))
            weekly[("ending", state.ended, state.week)] += 1
        games.update(seen)
    return games, weekly


def _coverage_task(task: tuple) -> tuple[Counter, Counter]:
    return coverage_chunk(*task)


def _key(item) -> tuple[str, str] | None:
    if item.kind == "arrived":
        return ("directive" if (item.data or {}).get("directive") else "request", item.subject)
    if item.kind == "event_drawn":
        return ("event", item.subject)
    if item.kind == "effect" and (item.data or {}).get("event"):  # an event queued by an effect
        return ("event", item.data["event"])
    if item.kind in ("acted", "chose"):
        return ("choice", item.subject)
    return None


def measure(path: Path, rules: Rules, refs: list[StrategyRef], runs: int, seed: int, jobs: int = 1,
            claims: list[dict] | None = None) -> Coverage:
    """Play `runs` games per strategy (as `simulate` does) and count what was met; `claims` are the
    results of `check_claims`, shown as rows of their own. The games are played in the variant `rules`
    was made with (`rules.variant`), so a variant's coverage is its own, not the base scenario's."""
    strategies = [strategy_id(s) for s in refs]
    remember_rules(path, rules)  # the games are those of `rules`, the variant included, loaded once
    tasks = [(str(path), s, seed, start, min(runs, start + CHUNK), rules.variant)
             for s in refs for start in range(0, runs, CHUNK)]
    if jobs <= 1 or len(tasks) == 1:
        results = [coverage_chunk(*task) for task in tasks]
    else:
        results = in_workers(_coverage_task, tasks, jobs)
    rows = empty_rows(rules)
    for row in rows:
        row.games = {s: 0 for s in strategies}
        row.weekly = {s: [0] * rules.weeks for s in strategies}
    index = {(row.kind, row.id): row for row in rows}
    for (_, ref, *_rest), (games, weekly) in zip(tasks, results):
        strategy = strategy_id(ref)
        for key, count in games.items():
            if key in index:
                index[key].games[strategy] += count
        for (kind, item, week), count in weekly.items():
            found = index.get((kind, item))
            if found is not None and 1 <= week <= rules.weeks:
                found.weekly[strategy][week - 1] += count
    rows.sort(key=lambda row: (row.total() > 0, row.total(), KINDS.index(row.kind)))
    claim_rows = [Row("claim", c["id"], c["text"] if isinstance(c["text"], str) else c["text"].get("en", ""),
                      holds=c["holds"]) for c in claims or []]
    claim_rows.sort(key=lambda row: {False: 0, None: 1, True: 2}[row.holds])
    return Coverage(rules.id, rules.weeks, runs, strategies, rows + claim_rows)


SPARK = " ▁▂▃▄▅▆▇█"


def sparkline(values: list[int]) -> str:
    """Per-week counts as one character each (blank: never; █: the busiest week)."""
    top = max(values, default=0)
    if top == 0:
        return "·" * len(values)
    return "".join(SPARK[0] if v == 0 else SPARK[max(1, round(8 * v / top))] for v in values).replace(" ", "·")


def text_lines(cover: Coverage) -> list[str]:
    """The plain-text coverage report: a line per item, never-met first, then by how rarely met."""
    head = f"{'kind':<9} {'id':<40} " + " ".join(f"{s[:8]:>8}" for s in cover.strategies) + "  weeks 1-" + str(cover.weeks)
    lines = [f"coverage: {cover.runs} games per strategy; % of games in which each item happened "
             f"({len(cover.never())} never met)", head]
    for row in cover.rows:
        if row.kind == "claim":
            state = {True: "holds", False: "FAILS", None: "not checked"}[row.holds]
            lines.append(f"{'claim':<9} {row.id:<40} {state}")
            continue
        cells = " ".join(f"{100 * row.games[s] / (cover.runs or 1):>7.1f}%" for s in cover.strategies)
        lines.append(f"{row.kind:<9} {row.id:<40} {cells}  {sparkline(row.week_totals())}")
    return lines
