"""The state of one game as a value, decisions, and what happened (events as values).

`GameState.clone()` makes the copy each transition works on, so callers never see a state change under
them. Item states are immutable tuples replaced on change, which keeps the copy shallow and cheap.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

# item status values
PENDING, OPEN, MET, MISSED, CLOSED, EXPIRED = "pending", "open", "met", "missed", "closed", "expired"


class ItemState(NamedTuple):
    """A directive's or request's progress. Ledgers only matter for directives."""

    status: str = PENDING
    arrived: int = 0
    deadline: int = 0
    quota: float = 0.0
    reported: float = 0.0
    actual: float = 0.0
    age: int = 0
    escalated: bool = False
    closed_by: str = ""  # kind of the action that closed it, or "settled" / "expired"

    # Copies with some fields changed. `_replace` would do, but it is slow and these run many times a game.
    def with_ledgers(self, quota: float, reported: float, actual: float) -> ItemState:
        return ItemState(self.status, self.arrived, self.deadline, quota, reported, actual, self.age, self.escalated,
                         self.closed_by)

    def with_status(self, status: str, closed_by: str) -> ItemState:
        return ItemState(status, self.arrived, self.deadline, self.quota, self.reported, self.actual, self.age,
                         self.escalated, closed_by)

    def opened(self, week: int, deadline: int, quota: float) -> ItemState:
        """Arrived in `week`, open until `deadline` (a week), with this quota (0 for a request)."""
        return ItemState(OPEN, week, deadline, quota, self.reported, self.actual, self.age, self.escalated,
                         self.closed_by)

    def escalated_now(self) -> ItemState:
        return ItemState(self.status, self.arrived, self.deadline, self.quota, self.reported, self.actual, self.age,
                         True, self.closed_by)

    def aged(self) -> ItemState:
        return ItemState(self.status, self.arrived, self.deadline, self.quota, self.reported, self.actual, self.age + 1,
                         self.escalated, self.closed_by)


class Scheduled(NamedTuple):
    """A delayed consequence waiting for its week."""

    week: int
    order: int
    effect_id: int
    item: int  # item index the effect belongs to, or -1
    source: str


class Decision(NamedTuple):
    """What the player (or a bot) decides: act on an item, answer an event, or end the week."""

    kind: str  # "act", "choose" or "end_week"
    target: str = ""  # item id or event id
    option: str = ""  # approach id or choice id

    def to_json(self) -> list[str]:
        return [self.kind, self.target, self.option] if self.kind != "end_week" else ["end_week"]

    @staticmethod
    def from_json(data: Any) -> "Decision":
        if not isinstance(data, list) or not data or not all(isinstance(x, str) for x in data):
            raise ValueError("a decision is a list of strings")
        if data[0] == "end_week" and len(data) == 1:
            return END_WEEK
        if data[0] in ("act", "choose") and len(data) == 3:
            return Decision(data[0], data[1], data[2])
        raise ValueError(f"not a decision: {data!r}")

    def __str__(self) -> str:
        return "end_week" if self.kind == "end_week" else f"{self.kind} {self.target}.{self.option}"


END_WEEK = Decision("end_week")


class Happening(NamedTuple):
    """Something that happened, for the week's ledger, the records and replay printing.

    kind is one of: week_started, arrived, event_drawn, acted, chose, roll, effect, settled, inspected,
    ignored, escalated, expired, delayed, ended.
    """

    kind: str
    week: int
    subject: str = ""
    data: dict | None = None


@dataclass(slots=True)
class GameState:
    """Everything about a game in progress. Treat it as a value: the engine returns new ones."""

    scenario_id: str
    content_hash: str
    seed: int
    week: int
    rng: int
    hours_week: float
    hours_left: float
    meters: list[float]
    flags: set[str]
    items: list[ItemState]
    uses_week: dict[int, int]
    uses_total: dict[int, int]
    fired: dict[int, int]
    pending: list[int]
    scheduled: list[Scheduled]
    history: list[tuple[float, ...]]
    kind_counts: dict[str, int]
    kind_hours: dict[str, float]
    took: dict[str, int]
    crossed: list[str]
    decisions: list[Decision]
    counters: dict[str, int]
    ended: str = ""
    end_reason: str = ""
    order: int = 0
    derived: dict | None = None  # values computed from this state (legal moves); a clone starts without

    def clone(self) -> GameState:
        """A copy that shares only immutable parts with this state."""
        return GameState(
            self.scenario_id, self.content_hash, self.seed, self.week, self.rng, self.hours_week,
            self.hours_left, self.meters.copy(), self.flags.copy(), self.items.copy(), self.uses_week.copy(),
            self.uses_total.copy(), self.fired.copy(), self.pending.copy(), self.scheduled.copy(),
            self.history.copy(), self.kind_counts.copy(), self.kind_hours.copy(), self.took.copy(),
            self.crossed.copy(), self.decisions.copy(), self.counters.copy(), self.ended, self.end_reason,
            self.order,
        )

    def fingerprint(self) -> tuple:
        """Everything that makes up the game state, in comparable form (used to check replays).

        Left out: which scenario it is (saves check that on its own) and remembered derived values.
        """
        def rounded(values: dict) -> tuple:
            return tuple(sorted((k, round(v, 6)) for k, v in values.items()))

        return (
            self.seed, self.week, self.rng, round(self.hours_week, 6),
            round(self.hours_left, 6), tuple(round(m, 6) for m in self.meters), tuple(sorted(self.flags)),
            tuple(self.items), rounded(self.uses_week), rounded(self.uses_total), tuple(sorted(self.fired.items())),
            tuple(self.pending), tuple(self.scheduled),
            tuple(tuple(round(v, 6) for v in row) for row in self.history), rounded(self.kind_counts),
            rounded(self.kind_hours), rounded(self.took), tuple(self.crossed), tuple(self.decisions),
            rounded(self.counters), self.ended, self.end_reason, self.order,
        )
