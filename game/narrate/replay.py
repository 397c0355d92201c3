"""A finished or saved game told week by week in plain text, from its decision log (for `replay`).

Uses the same Teller as the week's ledger, so a happening reads the same in the game and in a replay.
"""

from __future__ import annotations

from typing import Iterator

from game.engine import Decision, GameState, Rules, outcome
from game.i18n import tn
from game.narrate.happenings import (
    Arrived, ChanceFell, Delayed, Effected, Ended, Escalated, EventDrawn, Expired, Ignored, Inspected, Settled, Took,
    WeekStarted, typed_all,
)
from game.narrate.ledger import delayed_line, inspected_line, settled_line
from game.narrate.teller import Teller
from game.narrate.words import hours, labelled, listing, meter_amount, quantity, whole
from game.saves.replay import steps


def week_header(teller: Teller, week: int) -> str:
    labels = teller.rules.scenario.info.week_labels
    header = teller.say("week", n=week)
    if 0 < week <= len(labels):
        header += teller.say("paren", text=teller.text(labels[week - 1]))
    return header


def meter_line(teller: Teller, row: tuple[float, ...] | list[float], key: str = "meters_end") -> str:
    """All meters (hidden ones too: a replay is a debrief tool), rounded to whole numbers."""
    values = [f"{teller.text(m.short or m.label)} {whole(v)}" for m, v in zip(teller.rules.scenario.meters, row)]
    return "  " + labelled(teller.say(key), listing(values, teller.lang), teller.lang)


def decision_line(teller: Teller, decision: Decision, took: Took | None) -> str:
    if decision.kind == "end_week":
        return "  " + teller.say("end_week")
    detail = [teller.kind(took.kind) if took else "", teller.say("hours_n", n=hours(took.hours if took else 0.0))]
    if took and took.costs:
        costs = listing([f"{teller.meter_name(m)} {meter_amount(c)}" for m, c in took.costs.items()
                         if meter_amount(c)], teller.lang)
        detail.append(labelled(teller.say("costs"), costs, teller.lang) if costs else "")
    return f"  > {teller.action_label(f'{decision.target}.{decision.option}')} [{listing(detail, teller.lang)}]"


def happening_lines(teller: Teller, events: list, state: GameState, own: str = "") -> Iterator[str]:
    """Lines for a step's typed happenings (week headers and decisions are told by the caller); ledger moves
    on `own`, the item just acted on, need no title."""
    for position, h in enumerate(events):
        if isinstance(h, Arrived):
            index = teller.rules.item_index.get(h.item)
            if h.directive and index is not None:
                item, model = state.items[index], teller.rules.items[index].model
                yield "  " + teller.say("arrived_d", title=teller.item_title(h.item), quota=quantity(item.quota),
                                        unit=teller.text(model.unit), week=item.deadline)
            else:
                yield "  " + teller.say("arrived_request", title=teller.item_title(h.item))
        elif isinstance(h, EventDrawn):
            yield "  " + teller.say("event", title=teller.event_title(h.event))
        elif isinstance(h, ChanceFell):
            continue  # the branch's effect, next, tells what happened
        elif isinstance(h, Effected):
            if position and isinstance(events[position - 1], Delayed):
                continue  # told on the Delayed line
            parts, unseen = teller.effect_parts(h, own if h.source.split(".", 1)[0] == own else "")
            if not parts and not unseen:
                continue
            text = teller.told(parts, unseen)
            yield (f"  {labelled(teller.say('src.weekly'), text, teller.lang)}" if h.source == "weekly"
                   else f"      {text}")
        elif isinstance(h, Settled):
            yield from ("  " + line.text for line in settled_line(teller, h))
        elif isinstance(h, Inspected):
            yield "  " + inspected_line(teller, h).text
        elif isinstance(h, Ignored):
            meters, unseen = teller.meter_changes(h.meters)
            line = teller.say("ignored_one", title=teller.item_title(h.item), n=h.age)
            yield "  " + labelled(line, teller.told([meters], unseen) if meters or unseen else "", teller.lang)
        elif isinstance(h, Escalated):
            yield "  " + teller.say("escalated", title=teller.item_title(h.item))
        elif isinstance(h, Expired):
            yield "  " + teller.say("expired", title=teller.item_title(h.item))
        elif isinstance(h, Delayed):
            yield "  " + delayed_line(teller, h, events[position + 1:]).text
        elif isinstance(h, Ended):
            why = teller.say(f"why.{h.reason}") if h.reason in ("final", "threshold", "effect") else h.reason
            yield "  " + teller.say("ended_why", title=teller.ending_title(h.ending), why=why)


def narrate(rules: Rules, seed: int, decisions: list[Decision], lang: str) -> Iterator[str]:
    """The game week by week: decisions (kind, hours), what happened, and the meters at each week's end."""
    teller = Teller(rules, lang, reveal=True)
    state = None
    for _number, decision, state, happened in steps(rules, seed, decisions):
        events = typed_all(happened)
        if decision is not None:
            yield decision_line(teller, decision, next((h for h in events if isinstance(h, Took)), None))
        chunk: list = []
        for h in events:
            if isinstance(h, WeekStarted):
                yield from happening_lines(teller, chunk, state)
                chunk = []
                if h.week > 1:
                    yield meter_line(teller, state.history[h.week - 1])
                yield ""
                yield week_header(teller, h.week)
            elif not isinstance(h, Took):
                chunk.append(h)
        yield from happening_lines(teller, chunk, state, decision.target if decision is not None else "")
    if state is not None:
        if state.ended and len(state.history) > state.week:
            yield meter_line(teller, state.history[state.week])
        else:
            yield meter_line(teller, state.meters, "meters_now")


def heading(rules: Rules, lang: str, *, player: str, seed: int, decisions: int, kind: str) -> str:
    """The first line of a replay: scenario title, player, seed, length and kind of file."""
    teller = Teller(rules, lang)
    name = "".join(ch for ch in player if ch.isprintable()) or "-"
    kind_word = teller.say(f"file.{kind}") if kind in ("save", "record") else kind
    return teller.say("head", title=teller.text(rules.scenario.info.title), player=name, seed=seed, n=decisions,
                      kind=kind_word)


def summary(rules: Rules, state: GameState, lang: str) -> Iterator[str]:
    """How the game came out: the ending, both scores, the idle-execution index and lines crossed."""
    teller, done = Teller(rules, lang), outcome(rules, state)
    scoring = rules.scenario.info.scoring
    title = teller.ending_title(done.ending) if done.ending else teller.say("unfinished")
    yield labelled(teller.say("ending"), title, lang) + teller.say("paren", text=tn("deb.weeks_played",
                                                                                   done.weeks_played, lang))
    up = teller.text(scoring.upward_label) or teller.say("upward")
    down = teller.text(scoring.downward_label) or teller.say("downward")
    yield listing([f"{up} {whole(done.upward)}", f"{down} {whole(done.downward)}",
                   teller.say("idle_pct", n=whole(100 * done.idle_index))], lang)
    if done.crossed:
        counts: dict[str, int] = {}
        for ref in done.crossed:
            counts[ref] = counts.get(ref, 0) + 1
        yield labelled(teller.say("crossed"), teller.say("list_sep").join(
            teller.action_label(ref) + (f" x{n}" if n > 1 else "") for ref, n in counts.items()), lang)
