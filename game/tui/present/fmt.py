"""Number formatting and scenario-text lookups shared by the view builders."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.narrate.words import labelled
from game.scenario.text import localize

if TYPE_CHECKING:
    from game.engine import Rules


def num(value: float) -> str:
    """A number as players read it: no trailing .0, at most one decimal."""
    rounded = round(float(value), 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"


def signed(value: float) -> str:
    """A change with its sign: +3, -2.5."""
    text = num(abs(value))
    return f"-{text}" if value < 0 else f"+{text}"


def meter_name(rules: Rules, meter_id: str, lang: str, short: bool = True) -> str:
    """A meter's (short) label."""
    meter = rules.scenario.meters[rules.meter_index[meter_id]]
    return localize(meter.short or meter.label, lang) if short else localize(meter.label, lang)


def is_hidden(rules: Rules, meter_id: str) -> bool:
    """Hidden meters stay out of view until the debrief."""
    return rules.scenario.meters[rules.meter_index[meter_id]].hidden


def item_title(rules: Rules, item_id: str, lang: str) -> str:
    """A directive's or request's title, or its id when unknown."""
    index = rules.item_index.get(item_id)
    return localize(rules.items[index].model.title, lang) if index is not None else item_id


def action_label(rules: Rules, ref: str, lang: str) -> str:
    """The label of an approach or event choice from its "owner.action" reference, with its owner."""
    for action in rules.actions:
        if action.ref == ref:
            label = localize(action.model.label, lang)
            owner_id = ref.split(".", 1)[0]
            if action.owner >= 0:
                return labelled(item_title(rules, owner_id, lang), label, lang)
            event = rules.events[action.event] if action.event >= 0 else None
            return labelled(localize(event.model.title, lang), label, lang) if event else label
    return ref
