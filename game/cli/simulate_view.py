"""Print a simulation report as Rich tables (the CLI's printing layer; the engine never imports Rich)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from game.engine import Rules


def print_report(payload: dict, rules: Rules) -> None:
    """Strategies as columns (they are few), measures and endings as rows."""
    console = Console()
    variant = f", variant {payload['variant']}" if payload.get("variant") else ""
    console.print(Text(f"{payload['scenario']} ({payload['content_hash']}{variant}): {payload['runs']} runs per strategy, "
                       f"seed {payload['seed']}, {payload['runs_per_second']:.0f} games/s"))
    strategies = payload["strategies"]
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
    print_comparable(console, payload.get("comparable"))
    cover = payload["coverage"]
    for key, label in (("events_never_fired", "events never fired"), ("choices_never_taken", "choices never taken"),
                       ("endings_never_reached", "endings never reached")):
        items = cover[key]
        shown = ", ".join(items[:8]) + (f" (+{len(items) - 8} more)" if len(items) > 8 else "")
        console.print(Text(f"{label}: {len(items)}" + (f" - {shown}" if items else "")))
    for claim in payload["claims"]:
        result = {True: "holds", False: "FAILS", None: "not checked"}[claim["holds"]]
        style = {True: "green", False: "bold red", None: "yellow"}[claim["holds"]]
        console.print(Text.assemble((f"claim {claim['id']}: ", "bold"), (result, style), f"  {claim['detail']}"))


def print_comparable(console: Console, comparable: dict | None) -> None:
    """Decisions per game, how often each core card came, and the cards strategies on one seed shared."""
    if not comparable:
        return
    table = Table(title="Comparable games (same seeds for every strategy)")
    table.add_column("")
    names = list(comparable["decisions"])
    for name in names:
        table.add_column(Text(name), justify="right")
    table.add_row(Text("decisions per game"), *(f"{comparable['decisions'][n]:.1f}" for n in names))
    cards = list(next(iter(comparable["core"].values()), {}))
    for card in cards:
        table.add_row(Text(f"core card: {card}"), *(f"{100 * comparable['core'][n][card]:.0f}%" for n in names))
    console.print(table)
    if comparable["shared_draws"] is not None:
        console.print(Text(f"shared draws: {100 * comparable['shared_draws']:.1f}% of the drawn cards of two strategies "
                           f"on one seed are the same (mean over {comparable['pairs']} pairs of games)"))
