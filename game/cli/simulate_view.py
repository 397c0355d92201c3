"""Print a simulation report as Rich tables (the CLI's printing layer; the engine never imports Rich)."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.table import Table
from rich.text import Text

from game.engine import Rules


PIPED_WIDTH = 200  # columns for tables when stdout is not a terminal; lines of text are never wrapped


def print_report(payload: dict, rules: Rules) -> None:
    """Strategies as columns (they are few), measures and endings as rows."""
    # piped or redirected, a report is read line by line (grep, a file, CI logs): no width to wrap at
    console = Console() if sys.stdout.isatty() else Console(width=PIPED_WIDTH)
    variant = f", variant {payload['variant']}" if payload.get("variant") else ""
    console.print(Text(f"{payload['scenario']} ({payload['content_hash']}{variant}): {payload['runs']} runs per strategy, "
                       f"seed {payload['seed']}, {_speed(payload)}"), soft_wrap=True)
    strategies = payload["strategies"]
    if len(strategies) > 6:  # too many columns for a terminal: one row per strategy instead
        _print_rows(console, strategies)
    else:
        _print_columns(console, strategies, rules)
    print_comparable(console, payload.get("comparable"))
    _print_coverage_and_claims(console, payload)


def _speed(payload: dict) -> str:
    """Games per second, naming the clocks: wall clock, and CPU time of all the processes that played."""
    timing = payload.get("timing")
    if not timing:
        return f"{payload['runs_per_second']:.0f} games/s (wall clock)"
    return (f"{timing['runs_per_second']:.0f} games/s wall clock, {timing['runs_per_cpu_second']:.0f} per CPU second "
            f"({timing['scenario']}, {timing['jobs']} job{'s' if timing['jobs'] != 1 else ''}, {timing['engine']} engine)")


def _print_rows(console: Console, strategies: dict) -> None:
    table = Table(title="Results per strategy (p10/p50/p90 over games; endings: the three most common)")
    for label in ("strategy", "upward", "downward", "idle index", "endings"):
        table.add_column(label, justify="left" if label in ("strategy", "endings") else "right")
    for name, stats in strategies.items():
        spread = stats["spread"]
        runs = stats["runs"] or 1
        common = sorted(stats["endings"].items(), key=lambda pair: -pair[1])[:3]
        table.add_row(Text(name),
                      "/".join(f"{spread['upward'][p]:.0f}" for p in ("p10", "p50", "p90")),
                      f"{stats['downward']:.1f}",
                      "/".join(f"{spread['idle_index'][p]:.2f}" for p in ("p10", "p50", "p90")),
                      Text(", ".join(f"{e} {100 * n / runs:.0f}%" for e, n in common)))
    console.print(table)


def _print_columns(console: Console, strategies: dict, rules: Rules) -> None:
    table = Table(title="Mean results per strategy")
    table.add_column("")
    for name in strategies:
        table.add_column(Text(name), justify="right")
    rows = [("upward", "upward", 1), ("downward", "downward", 1), ("idle index", "idle_index", 2)]
    for label, key, digits in rows:
        table.add_row(Text(label), *(f"{stats[key]:.{digits}f}" for stats in strategies.values()))
    for meter in rules.meter_ids:
        table.add_row(Text(meter), *(f"{stats['mean'][meter]:.1f}" for stats in strategies.values()), style="dim")
    table.add_section()
    for ending in rules.scenario.endings:
        cells = [f"{100 * stats['endings'].get(ending.id, 0) / (stats['runs'] or 1):.1f}%" for stats in
                 strategies.values()]
        table.add_row(Text(f"ending: {ending.id}"), *cells)
    console.print(table)


def _print_coverage_and_claims(console: Console, payload: dict) -> None:
    cover = payload["coverage"]
    for key, label in (("events_never_fired", "events never fired"), ("choices_never_taken", "choices never taken"),
                       ("endings_never_reached", "endings never reached")):
        items = cover[key]
        shown = ", ".join(items[:8]) + (f" (+{len(items) - 8} more)" if len(items) > 8 else "")
        console.print(Text(f"{label}: {len(items)}" + (f" - {shown}" if items else "")), soft_wrap=True)
    for claim in payload["claims"]:
        result = {True: "holds", False: "FAILS", None: "not checked"}[claim["holds"]]
        style = {True: "green", False: "bold red", None: "yellow"}[claim["holds"]]
        # one line per claim: a terminal may fold it on screen, but it is never cut into lines
        console.print(Text.assemble((f"claim {claim['id']}: ", "bold"), (result, style), f" - {claim['detail']}"),
                      soft_wrap=True)
    if payload["claims"]:
        states = [claim["holds"] for claim in payload["claims"]]
        console.print(Text(f"claims: {states.count(True)} of {len(states)} hold, {states.count(False)} fail, "
                           f"{states.count(None)} not checked"), soft_wrap=True)


def print_comparable(console: Console, comparable: dict | None) -> None:
    """Per strategy: decisions per game and the core card that came least often; then the shared draws."""
    if not comparable:
        return
    table = Table(title="Comparable games (every strategy plays the same seeds)")
    for label in ("strategy", "decisions per game", "core cards: the least met"):
        table.add_column(label, justify="left" if label != "decisions per game" else "right")
    for name, decisions in comparable["decisions"].items():
        cards = comparable["core"].get(name, {})
        least = min(cards.items(), key=lambda pair: pair[1]) if cards else None
        table.add_row(Text(name), f"{decisions:.1f}",
                      Text(f"{100 * least[1]:.0f}% {least[0]}" if least else "-"))
    console.print(table)
    if comparable["shared_draws"] is not None:
        console.print(Text(f"shared draws: {100 * comparable['shared_draws']:.1f}% of the drawn cards of two "
                           f"strategies on one seed are the same (mean over {comparable['pairs']} pairs of games)"),
                      soft_wrap=True)
