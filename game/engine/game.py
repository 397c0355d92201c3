"""Starting a game and reading its outcome."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from game.engine.compile import Rules
from game.engine.context import Ctx, idle_index, weeks_played
from game.engine.discard import Discard
from game.engine.effects import val
from game.engine.rng import seed_state
from game.engine.state import GameState, Happening, ItemState
from game.engine.week import start_week


PENDING_ITEM = ItemState()  # every item before it arrives (item states are values: one can be shared)


def new_game(rules: Rules, seed: int, record: bool = True) -> tuple[GameState, list[Happening]]:
    """A fresh game at the start of week 1, and what happened as it began (nothing is kept when `record`
    is False: the simulator's fast path needs only the state)."""
    state = GameState(
        scenario_id=rules.id, content_hash=rules.content_hash, seed=seed, week=1, rng=seed_state(seed),
        hours_week=0.0, hours_left=0.0, meters=list(rules.starts), flags=set(rules.scenario.info.start_flags),
        items=[PENDING_ITEM] * len(rules.items), uses_week={}, uses_total={}, fired={}, pending=[], scheduled=[],
        history=[tuple(rules.starts)], kind_counts={}, kind_hours={}, took={}, crossed=[], decisions=[],
        counters={},
    )
    out: list[Happening] = [] if record else Discard()
    start_week(rules, state, out)
    return state, out


def scores(rules: Rules, state: GameState) -> tuple[float, float]:
    """(upward, downward) now, each clamped to 0..100."""
    ctx = Ctx(rules, state)
    up, down = val(rules.upward, ctx), val(rules.downward, ctx)  # finite: see engine/bounds.py
    return max(0.0, min(100.0, up)), max(0.0, min(100.0, down))


@dataclass(frozen=True)
class Outcome:
    """How a finished (or abandoned) game came out: what the debrief, records and reports show."""

    ending: str
    reason: str
    weeks_played: int
    meters: dict[str, float]
    history: list[list[float]]
    upward: float
    downward: float
    idle_index: float
    kind_hours: dict[str, float]
    kind_counts: dict[str, int]
    crossed: list[str]
    reflections: list[str]
    counters: dict[str, int]  # met, missed, served, escalated, vetoes_missed; tried:KIND / won:KIND chance rolls

    def to_json(self) -> dict:
        return asdict(self)

    def metric(self, name: str) -> float:
        """A number by name, for claims: a meter id, upward, downward, combined, idle_index, ..."""
        if name in self.meters:
            return self.meters[name]
        if name == "combined":
            return self.upward + self.downward
        if name == "crossed":
            return float(len(self.crossed))
        return float(getattr(self, name))


def outcome(rules: Rules, state: GameState) -> Outcome:
    """Summarise a game; reflections are those whose condition holds on the final state."""
    up, down = scores(rules, state)
    ctx = Ctx(rules, state)
    return Outcome(
        ending=state.ended,
        reason=state.end_reason,
        weeks_played=weeks_played(state),
        meters={m: round(v, 4) for m, v in zip(rules.meter_ids, state.meters)},
        history=[[round(v, 4) for v in row] for row in state.history],
        upward=round(up, 4),
        downward=round(down, 4),
        idle_index=round(idle_index(rules, state), 4),
        kind_hours={k: round(v, 2) for k, v in sorted(state.kind_hours.items())},
        kind_counts=dict(sorted(state.kind_counts.items())),
        crossed=list(state.crossed),
        reflections=[r.id for r, when in rules.reflections if when(ctx)],
        counters=dict(sorted(state.counters.items())),
    )
