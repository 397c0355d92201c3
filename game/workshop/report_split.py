"""How the class split between the choices of each card and directive it met ("63% phoned the pensioners").

Counted from the decision logs of verified records: for an event card, every time a player answered it;
for a directive or request, every action taken on it. `players` counts distinct players per option.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.workshop.words import one_line
from game.workshop.report_model import Group


@dataclass
class Option:
    """One choice or approach: how often it was taken, by how many players, and its share (0-100)."""

    id: str
    label: str
    kind: str
    crosses_line: bool
    times: int
    players: int
    share: float


@dataclass
class Split:
    """A card (`kind` "event") or a directive/request (`kind` "directive"/"request") the class met."""

    id: str
    kind: str
    title: str
    met_by: int  # players who answered it or acted on it
    total: int  # answers or actions counted
    options: list[Option]
    findings: list[str]

    def top(self) -> Option:
        return max(self.options, key=lambda o: (o.times, -self.options.index(o)))

    def to_json(self) -> dict:
        return {"id": self.id, "kind": self.kind, "title": self.title, "players": self.met_by, "total": self.total,
                "findings": self.findings,
                "options": [{"id": o.id, "label": o.label, "kind": o.kind, "crosses_line": o.crosses_line,
                             "times": o.times, "players": o.players, "share": o.share} for o in self.options]}


def class_split(group: Group, lang: str) -> list[Split]:
    """Every card and item met in the group, in the scenario's order, with all its options (0% included)."""
    rules = group.games[0].rules if group.games else None
    if rules is None:
        return []
    times: dict[tuple[str, str], int] = {}
    who: dict[tuple[str, str], set[int]] = {}
    met: dict[str, set[int]] = {}
    for number, game in enumerate(group.games):
        for decision in game.decisions:
            if decision.kind not in ("act", "choose"):
                continue
            key = (decision.target, decision.option)
            times[key] = times.get(key, 0) + 1
            who.setdefault(key, set()).add(number)
            met.setdefault(decision.target, set()).add(number)
    splits = []
    owners = [("event", e.id, e.model, e.choices) for e in rules.events] + [
        ("directive" if i.is_directive else "request", i.id, i.model, i.actions) for i in rules.items]
    for kind, owner_id, model, actions in owners:
        if owner_id not in met:
            continue
        total = sum(times.get((owner_id, a.id), 0) for a in actions)
        options = [Option(a.id, one_line(a.model.label, lang), a.kind, bool(a.model.crosses_line),
                          times.get((owner_id, a.id), 0), len(who.get((owner_id, a.id), ())),
                          round(100.0 * times.get((owner_id, a.id), 0) / total, 1) if total else 0.0)
                   for a in actions]
        splits.append(Split(owner_id, kind, one_line(model.title, lang), len(met[owner_id]), total, options,
                            list(getattr(model, "findings", []) or [])))
    return splits

