"""Sentences for typed happenings, in one language, with labels from the scenario.

One Teller serves the week's ledger, the one-line result of an action and `replay`: the same happening
always reads the same way wherever it is shown. Chance outcomes are told by what happened (the author's
message for the branch taken, and its visible effects), never by a verdict such as "it worked", because
content is free to put the bad outcome in `then`. Hidden meters are never shown as numbers, but their
moving is never silent either: a hint says that something unseen changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from game.i18n import LANGUAGES, STRINGS, t
from game.narrate.happenings import Effected, LedgerMove
from game.narrate.words import NO_CHANGE, closed, labelled, listing, meter_delta, quantity, run_on
from game.scenario.text import localize

if TYPE_CHECKING:
    from game.engine import Rules


@dataclass(frozen=True)
class Line:
    """One line of text with a tone for colouring: "", "good", "bad" or "warn"."""

    text: str
    tone: str = ""


class Teller:
    """Labels and sentences for one scenario in one language."""

    def __init__(self, rules: Rules, lang: str, reveal: bool = False) -> None:
        """`reveal`: show hidden meters' changes as numbers (replay and debrief), not as a hint."""
        self.rules, self.lang, self.reveal = rules, lang if lang in LANGUAGES else "en", reveal
        scenario = rules.scenario
        self.meters = {m.id: m for m in scenario.meters}
        self.refs = {action.ref: action for action in rules.actions}
        self.inspections = {i.id: i for i in scenario.inspections}

    # -- words ------------------------------------------------------------------------------------------
    def say(self, key: str, **values: object) -> str:
        """One of the narration's own strings (`say.*` in game/i18n.py)."""
        return t(f"say.{key}", self.lang, **values)

    def text(self, value: Any) -> str:
        """Content text in this language, on one line."""
        return " ".join(localize(value, self.lang).split())

    def kind(self, kind: str) -> str:
        return t(f"kind.{kind}", self.lang) if f"kind.{kind}" in STRINGS else kind

    # -- labels -----------------------------------------------------------------------------------------
    def item_title(self, item_id: str) -> str:
        index = self.rules.item_index.get(item_id)
        return self.text(self.rules.items[index].model.title) if index is not None else item_id

    def event_title(self, event_id: str) -> str:
        index = self.rules.event_index.get(event_id)
        return self.text(self.rules.events[index].model.title) if index is not None else event_id

    def meter_name(self, meter_id: str) -> str:
        meter = self.meters.get(meter_id)
        return self.text(meter.short or meter.label) if meter else meter_id

    def hidden(self, meter_id: str) -> bool:
        meter = self.meters.get(meter_id)
        return bool(meter and meter.hidden) and not self.reveal

    def action_label(self, ref: str) -> str:
        """'Owner title: action label' for an approach or card choice."""
        action = self.refs.get(ref)
        if action is None:
            return ref
        owner = ref.split(".", 1)[0]
        title = self.event_title(owner) if action.event >= 0 else self.item_title(owner)
        return labelled(title, self.text(action.model.label), self.lang)

    def source_name(self, source: str) -> str:
        """Where a consequence came from: an action, a deadline, an inspection, an escalation, every week."""
        kind, _, rest = source.partition(":")
        if rest and kind in ("deadline", "escalation"):
            return labelled(self.say(f"src.{kind}"), self.item_title(rest), self.lang)
        if rest and kind == "inspection":
            found = self.inspections.get(rest)
            return self.text(found.title) if found else self.say("src.inspection")
        if source == "weekly":
            return self.say("src.weekly")
        return self.action_label(source)

    def ending_title(self, ending_id: str) -> str:
        ending = self.rules.ending_by_id.get(ending_id)
        return self.text(ending.title) if ending else ending_id

    # -- fragments ----------------------------------------------------------------------------------------
    def meter_changes(self, meters: dict[str, float]) -> tuple[str, bool]:
        """('Trust +2, Energy -3, Health +<1', whether a hidden meter moved), rounded as the meters read
        (`meter_delta`); only no change at all is left out."""
        shown, unseen = [], False
        for meter_id, delta in meters.items():
            if self.hidden(meter_id):
                unseen = unseen or abs(delta) >= NO_CHANGE
                continue
            if sign := meter_delta(delta):
                shown.append(f"{self.meter_name(meter_id)} {sign}")
        return listing(shown, self.lang), unseen

    def ledger_move(self, move: LedgerMove, own: str = "") -> str:
        bits = [self.say(key, n=_signed_qty(value)) for key, value in
                (("reported", move.reported), ("actual", move.actual), ("quota", move.quota)) if abs(value) >= 0.05]
        if not bits:
            return ""
        text = listing(bits, self.lang)
        return text if move.item == own else labelled(self.item_title(move.item), text, self.lang)

    def effect_parts(self, effect: Effected, own: str = "", story_first: bool = True) -> tuple[list[str], bool]:
        """Fragments telling what one effect did, and whether a hidden meter moved.

        The author's message (the story) comes first; then ledger moves, visible meter changes and the
        card the effect brings.
        """
        parts = [self.text(effect.message)] if effect.message is not None and story_first else []
        parts += [self.ledger_move(move, own) for move in effect.ledgers]
        meters, unseen = self.meter_changes(effect.meters)
        parts.append(meters)
        if effect.event:
            parts.append(closed(self.say("card_follows", title=self.event_title(effect.event)), self.lang))
        return [p for p in parts if p], unseen

    def told(self, parts: list[str], unseen: bool) -> str:
        """Fragments as one run, with the hint for hidden changes; "nothing visible" when there is nothing."""
        if unseen:
            parts = parts + [self.say("unseen")]
        return run_on(parts, self.lang) if parts else self.say("no_visible")

    def tone_of(self, meters: dict[str, float]) -> str:
        """'good' or 'bad' by whether visible changes move meters the good way on balance ('' when even)."""
        balance = 0
        for meter_id, delta in meters.items():
            meter = self.meters.get(meter_id)
            if meter is None or meter.hidden or not meter_delta(delta):
                continue
            balance += 1 if (delta > 0) == (meter.good == "high") else -1
        return "good" if balance > 0 else "bad" if balance < 0 else ""


def _signed_qty(value: float) -> str:
    text = quantity(abs(value))
    return f"-{text}" if value < 0 else f"+{text}"
