"""The week's ledger (summary after ending a week) and the one-line result of an action, from Happenings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from game.i18n import t
from game.scenario.text import localize
from game.tui.present.fmt import action_label, is_hidden, item_title, meter_name, num, signed

if TYPE_CHECKING:
    from game.engine import GameState, Happening, Rules


@dataclass(frozen=True)
class Line:
    """One line of a ledger with a tone for colouring: "", "good", "bad" or "warn"."""

    text: str
    tone: str = ""


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


def source_name(rules: Rules, source: str, lang: str) -> str:
    """Words for where a consequence came from (an action, a deadline, an inspection...)."""
    kind, _, rest = source.partition(":")
    if rest and kind == "deadline":
        return f"{t('src.deadline', lang)}{t('colon', lang)}{item_title(rules, rest, lang)}"
    if rest and kind == "escalation":
        return f"{t('src.escalation', lang)}{t('colon', lang)}{item_title(rules, rest, lang)}"
    if rest and kind == "inspection":
        found = [i for i in rules.scenario.inspections if i.id == rest]
        return localize(found[0].title, lang) if found else t("src.inspection", lang)
    if source == "weekly":
        return t("src.weekly", lang)
    return action_label(rules, source, lang)


def _message(happening: Happening, lang: str) -> Line | None:
    message = (happening.data or {}).get("message")
    return Line(localize(message, lang)) if message else None


def _settled(rules: Rules, h: Happening, lang: str) -> list[Line]:
    data = h.data or {}
    values = dict(title=item_title(rules, h.subject, lang), reported=num(data["reported"]),
                  quota=num(data["quota"]), actual=num(data["actual"]))
    if data["met"]:
        return [Line(t("sum.met", lang, **values), "good")]
    lines = [Line(t("sum.missed", lang, **values), "bad")]
    return lines + ([Line(t("sum.veto", lang), "bad")] if data.get("veto") else [])


def _inspected(rules: Rules, h: Happening, lang: str) -> Line:
    data = h.data or {}
    found = [i for i in rules.scenario.inspections if i.id == h.subject]
    title = localize(found[0].title, lang) if found else h.subject
    score = round(100 * float(data.get("score", 0)))
    if data.get("kind") == "reality":
        return Line(t("sum.reality", lang, title=title, score=score), "bad" if score > 20 else "good")
    return Line(t("sum.traces", lang, title=title, score=score), "good" if score >= 80 else "warn")


def consequence(rules: Rules, h: Happening, lang: str) -> str:
    """What a delayed effect visibly did: meter changes and any card it brings."""
    data = h.data or {}
    parts = [f"{meter_name(rules, m, lang)} {signed(d)}" for m, d in data.get("meters", {}).items()
             if not is_hidden(rules, m) and abs(d) >= 0.05]
    if data.get("event"):
        event = rules.events[rules.event_index[data["event"]]]
        parts.append(t("sum.card_follows", lang, title=localize(event.model.title, lang)))
    return t("comma", lang).join(parts)


def meter_changes(rules: Rules, before: tuple[float, ...], after: tuple[float, ...], lang: str) -> list[Line]:
    """Visible meters that moved between two history rows, with the direction that is good for each."""
    lines = []
    for index, meter in enumerate(rules.scenario.meters):
        delta = after[index] - before[index]
        if meter.hidden or abs(delta) < 0.05:
            continue
        good = (delta > 0) == (meter.good == "high")
        lines.append(Line(f"{localize(meter.label, lang)}{t('colon', lang)}{num(before[index])} -> {num(after[index])}"
                          + t("delta", lang, n=signed(delta)), "good" if good else "bad"))
    return lines


def week_summary(rules: Rules, week: int, after: GameState, happenings: list[Happening], lang: str) -> WeekSummary:
    """The ledger of the week that just ended (and what the next one brought), from END_WEEK's Happenings."""
    deadlines, inspections, residents, news = (Section(t(k, lang)) for k in (
        "sum.deadlines", "sum.inspections", "sum.requests", "sum.messages"))
    nxt = Section(t("sum.next", lang, week=week + 1))
    target, ignored, ending, delayed = news, 0, "", ""
    for h in happenings:
        if h.kind == "week_started":
            target = nxt
        elif h.kind == "settled":
            deadlines.lines.extend(_settled(rules, h, lang))
        elif h.kind == "inspected":
            inspections.lines.append(_inspected(rules, h, lang))
        elif h.kind == "ignored":
            ignored += 1
        elif h.kind == "escalated":
            residents.lines.append(Line(t("sum.escalated", lang, title=item_title(rules, h.subject, lang)), "bad"))
        elif h.kind == "expired":
            residents.lines.append(Line(t("sum.expired", lang, title=item_title(rules, h.subject, lang)), "warn"))
        elif h.kind == "delayed":
            nxt.lines.append(Line(t("sum.delayed", lang, source=source_name(rules, h.subject, lang)), "warn"))
            delayed = h.subject
        elif h.kind == "effect" and h.subject == delayed:
            delayed = ""
            if line := _message(h, lang):
                nxt.lines.append(line)
            if what := consequence(rules, h, lang):
                nxt.lines.append(Line(t("sum.consequence", lang, what=what), "warn"))
        elif h.kind == "arrived":
            key = "sum.arrived_directive" if (h.data or {}).get("directive") else "sum.arrived_request"
            nxt.lines.append(Line(t(key, lang, title=item_title(rules, h.subject, lang))))
        elif h.kind == "event_drawn":
            event = rules.events[rules.event_index[h.subject]]
            nxt.lines.append(Line(t("sum.event", lang, title=localize(event.model.title, lang))))
        elif h.kind == "ended":
            ending = h.subject
        elif h.kind == "effect" and (line := _message(h, lang)):
            section = {"deadline": deadlines, "inspection": inspections, "escalation": residents}.get(
                h.subject.partition(":")[0], target)
            section.lines.append(line)
    if ignored:
        residents.lines.insert(0, Line(t("sum.ignored", lang, n=ignored), "warn"))
    changes = Section(t("sum.meters", lang))
    if len(after.history) >= 2:
        changes.lines = meter_changes(rules, after.history[-2], after.history[-1], lang)
    sections = [deadlines, inspections, residents, news, changes] + ([] if after.ended else [nxt])
    kept = [s for s in sections if s.lines] or [Section(t("sum.quiet", lang))]
    if ending:
        title = localize(rules.ending_by_id[ending].title, lang) if ending in rules.ending_by_id else ending
        kept.append(Section(t("sum.ended", lang, title=title)))
    return WeekSummary(week, kept, bool(after.ended))


def action_result(rules: Rules, happenings: list[Happening], lang: str) -> Line:
    """One line saying what an approach or choice just did (visible effects only)."""
    parts: list[str] = []
    label, tone, owner = "", "", ""
    for h in happenings:
        data = h.data or {}
        if h.kind in ("acted", "chose") and not label:
            label = action_label(rules, h.subject, lang)
            owner = h.subject.split(".", 1)[0]
            if data.get("hours"):
                label += t("result.hours", lang, n=num(data["hours"]))
        elif h.kind == "effect":
            for item_id, reported, actual, quota in data.get("ledgers", []):
                bits = [t(k, lang, n=signed(v)) for k, v in (("fx.reported", reported), ("fx.actual", actual)) if v]
                bits += [t("fx.quota", lang, n=signed(quota))] if quota else []
                if bits:
                    where = "" if item_id == owner else item_title(rules, item_id, lang) + t("colon", lang)
                    parts.append(where + t("comma", lang).join(bits))
            parts += [f"{meter_name(rules, m, lang)} {signed(d)}" for m, d in data.get("meters", {}).items()
                      if not is_hidden(rules, m) and abs(d) >= 0.05]
            if line := _message(h, lang):
                parts.append(line.text)
        elif h.kind == "roll":
            won = data.get("success")
            parts.append(t("act.worked" if won else "act.failed", lang))
            tone = "good" if won else "bad"
    text = label + (t("colon", lang) + t("semicolon", lang).join(parts) if parts else "")
    return Line(text, tone)
