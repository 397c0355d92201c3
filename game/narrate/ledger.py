"""The week's ledger (what the end of a week did, and what the next one brought) and an action's result line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from game.narrate.happenings import (
    Arrived, Delayed, Effected, Ended, Escalated, EventDrawn, Expired, Ignored, Inspected, Settled, Took,
    WeekStarted, typed_all,
)
from game.narrate.teller import Line, Teller
from game.narrate.words import change, hours, labelled, quantity, whole

if TYPE_CHECKING:
    from game.engine import GameState, Happening, Rules


@dataclass
class Section:
    heading: str
    lines: list[Line] = field(default_factory=list)


@dataclass
class WeekSummary:
    """What the end of a week did, by section; empty sections are dropped."""

    week: int
    sections: list[Section]
    ended: bool


def settled_line(teller: Teller, h: Settled) -> list[Line]:
    values = dict(title=teller.item_title(h.item), reported=quantity(h.reported), quota=quantity(h.quota),
                  actual=quantity(h.actual))
    if h.met:
        return [Line(teller.say("met", **values), "good")]
    return [Line(teller.say("missed", **values), "bad")] + ([Line(teller.say("veto"), "bad")] if h.veto else [])


def inspected_line(teller: Teller, h: Inspected) -> Line:
    found = teller.inspections.get(h.inspection)
    title = teller.text(found.title) if found else h.inspection
    score = round(100 * h.score)
    if h.kind == "reality":
        return Line(teller.say("reality", title=title, score=score), "bad" if score > 20 else "good")
    return Line(teller.say("traces", title=title, score=score), "good" if score >= 80 else "warn")


def meter_changes(rules: Rules, before: tuple[float, ...], after: tuple[float, ...], lang: str) -> list[Line]:
    """Visible meters whose rounded reading moved between two history rows (50 -> 52 (+2)), toned."""
    teller, lines = Teller(rules, lang), []
    for index, meter in enumerate(rules.scenario.meters):
        delta = change(before[index], after[index])
        if meter.hidden or not delta:
            continue
        good = (delta > 0) == (meter.good == "high")
        text = labelled(teller.text(meter.label), f"{whole(before[index])} -> {whole(after[index])}", lang)
        lines.append(Line(text + teller.say("delta", n=f"{delta:+d}"), "good" if good else "bad"))
    return lines


def week_summary(rules: Rules, week: int, after: GameState, happenings: list[Happening], lang: str) -> WeekSummary:
    """The ledger of the week that just ended (and what the next one brought), from END_WEEK's happenings."""
    teller = Teller(rules, lang)
    deadlines, inspections, residents, news = (Section(teller.say(k)) for k in (
        "h.deadlines", "h.inspections", "h.requests", "h.news"))
    nxt = Section(teller.say("h.next", week=week + 1))
    target, ignored, ending = news, 0, ""
    events = typed_all(happenings)
    for position, h in enumerate(events):
        if isinstance(h, WeekStarted):
            target = nxt
        elif isinstance(h, Settled):
            deadlines.lines.extend(settled_line(teller, h))
        elif isinstance(h, Inspected):
            inspections.lines.append(inspected_line(teller, h))
        elif isinstance(h, Ignored):
            ignored += 1
        elif isinstance(h, Escalated):
            residents.lines.append(Line(teller.say("escalated", title=teller.item_title(h.item)), "bad"))
        elif isinstance(h, Expired):
            residents.lines.append(Line(teller.say("expired", title=teller.item_title(h.item)), "warn"))
        elif isinstance(h, Delayed):
            nxt.lines.append(delayed_line(teller, h, events[position + 1:]))
        elif isinstance(h, Arrived):
            key = "arrived_directive" if h.directive else "arrived_request"
            nxt.lines.append(Line(teller.say(key, title=teller.item_title(h.item))))
        elif isinstance(h, EventDrawn):
            nxt.lines.append(Line(teller.say("event", title=teller.event_title(h.event))))
        elif isinstance(h, Ended):
            ending = h.ending
        elif isinstance(h, Effected) and not _follows_delayed(events, position) and h.message is not None:
            section = {"deadline": deadlines, "inspection": inspections, "escalation": residents}.get(
                h.source.partition(":")[0], target)
            section.lines.append(Line(teller.text(h.message)))
    if ignored:
        residents.lines.insert(0, Line(teller.say("ignored", n=ignored), "warn"))
    changes = Section(teller.say("h.meters"))
    if len(after.history) >= 2:
        changes.lines = meter_changes(rules, after.history[-2], after.history[-1], lang)
    sections = [deadlines, inspections, residents, news, changes] + ([] if after.ended else [nxt])
    kept = [s for s in sections if s.lines] or [Section(teller.say("quiet"))]
    if ending:
        kept.append(Section(teller.say("ended", title=teller.ending_title(ending))))
    return WeekSummary(week, kept, bool(after.ended))


def _follows_delayed(events: list, position: int) -> bool:
    """Whether this effect is the one a Delayed just before it announced (told on the Delayed's line)."""
    return position > 0 and isinstance(events[position - 1], Delayed) and events[position - 1].source == events[position].source


def delayed_line(teller: Teller, h: Delayed, rest: list) -> Line:
    """'Coming back from X: <message>. Trust -4. A card follows: Y.' in one run."""
    effect = rest[0] if rest and isinstance(rest[0], Effected) and rest[0].source == h.source else None
    parts, unseen = teller.effect_parts(effect) if effect else ([], False)
    text = labelled(teller.say("delayed", source=teller.source_name(h.source)), teller.told(parts, unseen),
                    teller.lang)
    return Line(text, (teller.tone_of(effect.meters) if effect else "") or "warn")


def action_result(rules: Rules, happenings: list[Happening], lang: str) -> Line:
    """One line saying what an approach or choice just did: its visible effects and, for a chance action,
    the story of the outcome that happened (never a verdict like "it worked"): a ChanceFell is not told, the
    effect of the branch taken that follows it is (its message first)."""
    teller = Teller(rules, lang)
    label, owner, unseen = "", "", False
    parts: list[str] = []
    meters: dict[str, float] = {}
    for h in typed_all(happenings):
        if isinstance(h, Took) and not label:
            label = teller.action_label(h.ref)
            owner = h.ref.split(".", 1)[0]
            if h.hours:
                label += teller.say("hours_paren", n=hours(h.hours))
        elif isinstance(h, Effected):
            more, hid = teller.effect_parts(h, owner)
            parts += more
            unseen = unseen or hid
            for meter_id, delta in h.meters.items():
                meters[meter_id] = meters.get(meter_id, 0.0) + delta
    return Line(labelled(label, teller.told(parts, unseen), lang), teller.tone_of(meters))
