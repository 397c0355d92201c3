"""The engine's happenings as typed values: one small frozen class per kind, with named fields.

The engine records `Happening(kind, week, subject, data)` tuples (cheap, and stored in no file); `typed()`
reads one into the class of its kind, so everything that tells a game (the week's ledger, an action's
result line, `replay`) works from the same named data and never from dictionary keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:
    from game.engine import Happening


@dataclass(frozen=True)
class LedgerMove:
    """Change to one directive's ledgers (units of its quota)."""

    item: str
    reported: float
    actual: float
    quota: float


@dataclass(frozen=True)
class WeekStarted:
    week: int


@dataclass(frozen=True)
class Arrived:
    week: int
    item: str
    directive: bool


@dataclass(frozen=True)
class EventDrawn:
    week: int
    event: str


@dataclass(frozen=True)
class Took:
    """The player took an approach (on an item) or a choice (on an event card)."""

    week: int
    ref: str  # "owner.action"
    kind: str
    hours: float
    costs: dict[str, float]
    on_card: bool


@dataclass(frozen=True)
class ChanceFell:
    """A chance action's outcome was decided: `branch` is "then" or "otherwise" (never a verdict)."""

    week: int
    ref: str
    branch: str


@dataclass(frozen=True)
class Effected:
    """What an effect did: meter changes actually made, ledger moves, flags, a card, the author's message."""

    week: int
    source: str  # an action ref, "deadline:ID", "inspection:ID", "escalation:ID", "weekly", ...
    meters: dict[str, float]
    ledgers: tuple[LedgerMove, ...]
    flags: tuple[str, ...]
    event: str
    message: object  # content Text or None


@dataclass(frozen=True)
class Settled:
    week: int
    item: str
    met: bool
    veto: bool
    reported: float
    actual: float
    quota: float


@dataclass(frozen=True)
class Inspected:
    week: int
    inspection: str
    kind: str  # "traces" or "reality"
    score: float  # 0..1


@dataclass(frozen=True)
class Ignored:
    week: int
    item: str
    age: int
    meters: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Escalated:
    week: int
    item: str
    age: int


@dataclass(frozen=True)
class Expired:
    week: int
    item: str


@dataclass(frozen=True)
class Delayed:
    """A delayed consequence comes due (its effect, if it happens, follows as an Effected)."""

    week: int
    source: str


@dataclass(frozen=True)
class Ended:
    week: int
    ending: str
    reason: str  # "threshold", "final" or "effect"


Typed = Union[WeekStarted, Arrived, EventDrawn, Took, ChanceFell, Effected, Settled, Inspected, Ignored,
              Escalated, Expired, Delayed, Ended]


def typed(h: Happening) -> Typed | None:
    """The typed value of one engine happening (None for a kind this module does not know)."""
    data = h.data or {}
    kind = h.kind
    if kind == "week_started":
        return WeekStarted(h.week)
    if kind == "arrived":
        return Arrived(h.week, h.subject, bool(data.get("directive")))
    if kind == "event_drawn":
        return EventDrawn(h.week, h.subject)
    if kind in ("acted", "chose"):
        return Took(h.week, h.subject, str(data.get("kind", "")), float(data.get("hours", 0.0)),
                    dict(data.get("costs") or {}), kind == "chose")
    if kind == "roll":
        return ChanceFell(h.week, h.subject, "then" if data.get("success") else "otherwise")
    if kind == "effect":
        moves = tuple(LedgerMove(str(i), float(r), float(a), float(q)) for i, r, a, q in data.get("ledgers") or [])
        return Effected(h.week, h.subject, dict(data.get("meters") or {}), moves, tuple(data.get("flags") or ()),
                        str(data.get("event") or ""), data.get("message"))
    if kind == "settled":
        return Settled(h.week, h.subject, bool(data.get("met")), bool(data.get("veto")),
                       float(data.get("reported", 0.0)), float(data.get("actual", 0.0)), float(data.get("quota", 0.0)))
    if kind == "inspected":
        return Inspected(h.week, h.subject, str(data.get("kind", "")), float(data.get("score", 0.0)))
    if kind == "ignored":
        return Ignored(h.week, h.subject, int(data.get("age", 0)), dict(data.get("meters") or {}))
    if kind == "escalated":
        return Escalated(h.week, h.subject, int(data.get("age", 0)))
    if kind == "expired":
        return Expired(h.week, h.subject)
    if kind == "delayed":
        return Delayed(h.week, h.subject)
    if kind == "ended":
        return Ended(h.week, h.subject, str(data.get("reason", "")))
    return None


def typed_all(happenings: list[Happening]) -> list[Typed]:
    """Every known happening of a list, typed, in order."""
    return [x for x in (typed(h) for h in happenings) if x is not None]
