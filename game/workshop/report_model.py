"""The class view as plain data: one row per player, groups of comparable games, tallies and spreads.

Records of different scenarios, scenario versions, variants or seeds are never mixed silently: each
combination is its own `Group` (seeds may be pooled on request, and the group then says so).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from game.workshop.report_records import Collection, Game
from game.workshop.words import one_line

IDLE_BINS = 10  # the idle index (0-1) shown in ten bins of 0.1


@dataclass
class Row:
    """One player's game: scores 0-100, idle index 0-1, lines crossed (action refs), weeks played."""

    player: str
    file: str
    ending: str
    ending_title: str
    tone: str
    upward: float
    downward: float
    idle_index: float
    crossed: list[str]
    weeks: int
    variant: str
    seed: int
    decisions: int
    reflections: list[str]

    def to_json(self) -> dict:
        return {"player": self.player, "file": self.file, "ending": self.ending, "ending_title": self.ending_title,
                "upward": self.upward, "downward": self.downward, "idle_index": self.idle_index,
                "lines_crossed": len(self.crossed), "crossed": self.crossed, "weeks": self.weeks,
                "variant": self.variant, "seed": self.seed, "decisions": self.decisions}


@dataclass
class Group:
    """Comparable games: one scenario version, one variant, one seed (or several, when pooled)."""

    scenario_id: str
    scenario_title: str
    content_hash: str
    variant: str
    seeds: list[int]
    games: list[Game] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)

    @property
    def key(self) -> str:
        seeds = str(self.seeds[0]) if len(self.seeds) == 1 else f"{len(self.seeds)} seeds"
        return f"{self.scenario_id} · {self.content_hash[:8]} · {self.variant or 'base'} · {seeds}"

    def endings(self) -> list[tuple[str, str, int]]:
        """(ending id, title, players) most frequent first."""
        titles = {r.ending: r.ending_title for r in self.rows}
        return [(e, titles[e], n) for e, n in Counter(r.ending for r in self.rows).most_common()]

    def idle_bins(self) -> list[int]:
        """How many players have an idle index in [0, 0.1), [0.1, 0.2), ... [0.9, 1.0]."""
        bins = [0] * IDLE_BINS
        for row in self.rows:
            bins[min(IDLE_BINS - 1, max(0, int(row.idle_index * IDLE_BINS)))] += 1
        return bins

    def means(self) -> dict[str, float]:
        n = max(1, len(self.rows))
        return {k: round(sum(getattr(r, k) for r in self.rows) / n, 2)
                for k in ("upward", "downward", "idle_index", "weeks")} | {
            "lines_crossed": round(sum(len(r.crossed) for r in self.rows) / n, 2)}


def by_scenario(groups: list[Group]) -> list[tuple[str, str, dict[str, float], int]]:
    """(scenario id, title, means over all its players, players) per scenario, in the order first met.

    For a class that played two scenarios (Lianhe Town, then Hexi Street): the same residents' needs under
    two organisations, side by side. Each scenario scores upward and downward its own way, so the columns
    compare tendencies, not points."""
    rows: dict[str, list[Row]] = {}
    titles: dict[str, str] = {}
    for group in groups:
        rows.setdefault(group.scenario_id, []).extend(group.rows)
        titles.setdefault(group.scenario_id, group.scenario_title)
    out = []
    for scenario_id, members in rows.items():
        merged = Group(scenario_id, titles[scenario_id], "", "", [], rows=members)
        out.append((scenario_id, titles[scenario_id], merged.means(), len(members)))
    return out


def row_of(game: Game, lang: str) -> Row:
    """The table row of one game, with the ending's title in `lang`."""
    m = game.measures
    ending = str(m.get("ending") or "")
    model = game.rules.ending_by_id.get(ending)
    return Row(player=game.player, file=game.path.name, ending=ending,
               ending_title=one_line(model.title, lang) if model else ending,
               tone=model.tone if model else "mixed",
               upward=float(m.get("upward", 0.0)), downward=float(m.get("downward", 0.0)),
               idle_index=float(m.get("idle_index", 0.0)), crossed=list(m.get("crossed", [])),
               weeks=int(m["weeks_played"]), variant=game.variant, seed=game.seed,
               decisions=len(game.decisions), reflections=list(m.get("reflections", [])))


def group_games(found: Collection, lang: str, pool_seeds: bool = False) -> list[Group]:
    """Comparable games together, in the order first met; rows in file order."""
    groups: dict[tuple, Group] = {}
    for game in found.games:
        key = (game.scenario_id, game.content_hash, game.variant, None if pool_seeds else game.seed)
        group = groups.get(key)
        if group is None:
            title = one_line(game.rules.scenario.info.title, lang)
            group = groups[key] = Group(game.scenario_id, title, game.content_hash, game.variant, [])
        if game.seed not in group.seeds:
            group.seeds.append(game.seed)
        group.games.append(game)
        group.rows.append(row_of(game, lang))
    return list(groups.values())
