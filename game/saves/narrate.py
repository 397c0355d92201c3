"""A finished or saved game told week by week, in plain text, from its decision log (for `replay`).

Labels come from the scenario's content in the chosen language; our own few words are `replay.*` in
game/i18n.py.
"""

from __future__ import annotations

from typing import Any, Iterator

from game.engine import Decision, GameState, Happening, Rules, outcome
from game.i18n import LANGUAGES, STRINGS, t
from game.saves.replay import steps
from game.scenario.text import localize


class _Words:
    """The replay's own words, from the game's string table (`replay.*` keys in game/i18n.py)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __getitem__(self, key: str) -> str:
        return t(f"replay.{key}", self.lang)

    def get(self, key: str, default: str) -> str:
        """The word for `key`, or `default` when the replay has no such word (e.g. a kind of inspection)."""
        return self[key] if f"replay.{key}" in STRINGS else default


def num(value: float, sign: bool = False) -> str:
    """A number without noise: 4, 2.5, -0.33 (with +/- when `sign`)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return f"+{text}" if sign and not text.startswith("-") else text


class Narrator:
    """Turns happenings into lines, with labels from the scenario in one language."""

    def __init__(self, rules: Rules, lang: str) -> None:
        self.rules, self.lang = rules, lang if lang in LANGUAGES else "en"
        self.w = _Words(self.lang)
        self.meter_labels = {m.id: self.text(m.label) for m in rules.scenario.meters}
        self.refs = {action.ref: action for action in rules.actions}
        self.inspections = {i.id: i.model for i in rules.inspections}

    def text(self, value: Any) -> str:
        return " ".join(localize(value, self.lang).split())  # one line, whatever the content holds

    def item_title(self, item_id: str) -> str:
        index = self.rules.item_index.get(item_id)
        return self.text(self.rules.items[index].model.title) if index is not None else item_id

    def event_title(self, event_id: str) -> str:
        index = self.rules.event_index.get(event_id)
        return self.text(self.rules.events[index].model.title) if index is not None else event_id

    def ref_label(self, ref: str) -> str:
        """'Owner title: action label' for an approach or choice reference."""
        action = self.refs.get(ref)
        if action is None:
            return ref
        owner = ref.split(".", 1)[0]
        title = self.event_title(owner) if action.event >= 0 else self.item_title(owner)
        return f"{title}{self.w['sep']}{self.text(action.model.label)}"

    def source_label(self, source: str) -> str:
        kind, _, rest = source.partition(":")
        if kind == "deadline" or kind == "escalation":
            return self.item_title(rest)
        if kind == "inspection":
            model = self.inspections.get(rest)
            return self.text(model.title) if model else rest
        if source == "weekly":
            return self.w["weekly"]
        return self.ref_label(source)

    def kind(self, kind: str) -> str:
        return t(f"kind.{kind}", self.lang) if f"kind.{kind}" in STRINGS else kind

    def meters(self, values: dict[str, float], sign: bool) -> str:
        return self.w["comma"].join(f"{self.meter_labels.get(m, m)} {num(v, sign)}" for m, v in values.items())

    def effect(self, data: dict) -> str:
        parts = []
        if data.get("meters"):
            parts.append(self.meters(data["meters"], sign=True))
        for item_id, reported, actual, quota in data.get("ledgers") or []:
            change = [f"{self.w['reported']} {num(reported, True)}", f"{self.w['actual']} {num(actual, True)}"]
            if quota:
                change.append(f"{self.w['quota']} {num(quota, True)}")
            parts.append(f"{self.item_title(item_id)}{self.w['sep']}" + " ".join(change))
        if data.get("flags"):
            parts.append(f"{self.w['flags']}{self.w['sep']}" + self.w["comma"].join(data["flags"]))
        if data.get("event"):
            parts.append(self.w["event"].format(t=self.event_title(data["event"])))
        if data.get("message") is not None:
            parts.append(f"\"{self.text(data['message'])}\"")
        return "; ".join(parts)

    def week_header(self, week: int) -> str:
        labels = self.rules.scenario.info.week_labels
        header = self.w["week"].format(n=week)
        if 0 < week <= len(labels):
            header += self.w["paren"].format(self.text(labels[week - 1]))
        return header

    def meter_line(self, row: tuple[float, ...] | list[float], key: str = "meters") -> str:
        values = dict(zip(self.rules.meter_ids, row))
        return f"  {self.w[key]}{self.w['sep']}{self.meters(values, sign=False)}"

    def decision(self, decision: Decision, happened: list[Happening]) -> str:
        if decision.kind == "end_week":
            return f"  {self.w['end_week']}"
        took = next((h for h in happened if h.kind in ("acted", "chose")), None)
        data = took.data if took and took.data else {}
        detail = [self.kind(str(data.get("kind", ""))), f"{num(float(data.get('hours', 0.0)))} {self.w['hours']}"]
        if data.get("costs"):
            detail.append(f"{self.w['costs']} {self.meters(data['costs'], sign=False)}")
        return f"  > {self.ref_label(f'{decision.target}.{decision.option}')} [{', '.join(detail)}]"

    def happening(self, h: Happening, state: GameState) -> str | None:
        """One line for a happening (None for those shown elsewhere or empty)."""
        w, data = self.w, h.data or {}
        if h.kind == "arrived":
            index = self.rules.item_index.get(h.subject)
            if data.get("directive") and index is not None:
                item, model = state.items[index], self.rules.items[index].model
                return "  " + w["arrived_d"].format(t=self.item_title(h.subject), q=num(item.quota),
                                                    u=self.text(model.unit), d=item.deadline)
            return "  " + w["arrived_r"].format(t=self.item_title(h.subject))
        if h.kind == "event_drawn":
            return "  " + w["event"].format(t=self.event_title(h.subject))
        if h.kind == "roll":
            return "      " + w["won" if data.get("success") else "lost"]
        if h.kind == "effect":
            text = self.effect(data)
            if not text:
                return None
            if h.subject == "weekly":
                return f"  {w['weekly']}{w['sep']}{text}"
            return f"      {text}"
        if h.kind == "settled":
            line = w["met" if data.get("met") else "missed"].format(
                t=self.item_title(h.subject), r=num(data.get("reported", 0)), q=num(data.get("quota", 0)),
                a=num(data.get("actual", 0)))
            return "  " + line + (f" - {w['veto']}" if data.get("veto") and not data.get("met") else "")
        if h.kind == "inspected":
            kind = w.get(str(data.get("kind")), str(data.get("kind")))
            return "  " + w["inspected"].format(t=self.source_label("inspection:" + h.subject) + w["paren"].format(kind),
                                                s=num(float(data.get("score", 0.0))))
        if h.kind == "ignored":
            line = "  " + w["ignored"].format(t=self.item_title(h.subject), n=data.get("age", 0))
            return line + (f"{w['sep']}{self.meters(data['meters'], sign=True)}" if data.get("meters") else "")
        if h.kind == "escalated":
            return "  " + w["escalated"].format(t=self.item_title(h.subject), n=data.get("age", 0))
        if h.kind == "expired":
            return "  " + w["expired"].format(t=self.item_title(h.subject))
        if h.kind == "delayed":
            return "  " + w["delayed"].format(t=self.source_label(h.subject))
        if h.kind == "ended":
            ending = self.rules.ending_by_id.get(h.subject)
            why = w.get(str(data.get("reason")), str(data.get("reason", "")))
            return "  " + w["ended"].format(t=self.text(ending.title) if ending else h.subject, why=why)
        return None  # week_started, acted, chose: shown by the week header and the decision line


def narrate(rules: Rules, seed: int, decisions: list[Decision], lang: str) -> Iterator[str]:
    """The game week by week: decisions (kind, hours), what happened, and the meters at each week's end."""
    teller = Narrator(rules, lang)
    state = None
    for number, decision, state, happened in steps(rules, seed, decisions):
        if decision is not None:
            yield teller.decision(decision, happened)
        for h in happened:
            if h.kind == "week_started":
                if h.week > 1:
                    yield teller.meter_line(state.history[h.week - 1])
                yield ""
                yield teller.week_header(h.week)
                continue
            line = teller.happening(h, state)
            if line is not None:
                yield line
    if state is not None:
        if state.ended and len(state.history) > state.week:
            yield teller.meter_line(state.history[state.week])
        else:
            yield teller.meter_line(state.meters, "meters_now")


def heading(rules: Rules, lang: str, *, player: str, seed: int, decisions: int, kind: str) -> str:
    """The first line of a replay: scenario title, player, seed, length and kind of file."""
    teller = Narrator(rules, lang)
    name = "".join(ch for ch in player if ch.isprintable()) or "-"
    return teller.w["head"].format(title=teller.text(rules.scenario.info.title), player=name, seed=seed,
                                   n=decisions, kind=teller.w.get(kind, kind))


def summary(rules: Rules, state: GameState, lang: str) -> Iterator[str]:
    """How the game came out: the ending, both scores, the idle-execution index and lines crossed."""
    teller, done = Narrator(rules, lang), outcome(rules, state)
    w, sep, scoring = teller.w, teller.w["sep"], rules.scenario.info.scoring
    ending = rules.ending_by_id.get(done.ending)
    yield f"{w['ending']}{sep}{teller.text(ending.title) if ending else w['unfinished']}"
    up = teller.text(scoring.upward_label) or w["upward"]
    down = teller.text(scoring.downward_label) or w["downward"]
    yield f"{up} {num(done.upward)}, {down} {num(done.downward)}, {w['idle']} {num(done.idle_index)}"
    if done.crossed:
        counts: dict[str, int] = {}
        for ref in done.crossed:
            counts[ref] = counts.get(ref, 0) + 1
        yield w["crossed"] + sep + "; ".join(
            teller.ref_label(ref) + (f" x{n}" if n > 1 else "") for ref, n in counts.items())
