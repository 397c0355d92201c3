"""Approaches and event choices with what the player can foresee: costs, constant effects, uncertainty.

Only what the author wrote as a constant is shown as a number; expressions show as "varies", chances as
"uncertain" with the author's hint. A hidden meter that moves shows as one "unseen effect" hint, never as a number;
flags, delayed consequences and new items stay unseen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.i18n import t
from game.scenario.text import localize
from game.narrate.words import meter_amount, meter_delta
from game.tui.present.fmt import is_hidden, meter_name, signed

if TYPE_CHECKING:
    from game.engine import Decision, Option, Rules


@dataclass(frozen=True)
class ApproachView:
    """One approach or choice as a row the player picks from."""

    number: int
    decision: Decision
    label: str
    text: str
    kind: str
    hours: float
    costs: tuple[str, ...]
    effects: tuple[str, ...]
    uncertain: bool
    hint: str
    crosses_line: bool
    locked: str  # the reason, "" when available


def lock_reason(rules: Rules, option: Option, lang: str) -> str:
    """Why an option is locked, in words ("" when it is not)."""
    if not option.locked:
        return ""
    if option.locked == "requires":
        model = option.action.model if option.action else None
        return localize(model.locked_reason, lang) if model and model.locked_reason else t("lock.requires", lang)
    if option.locked == "costs":
        names = t("comma", lang).join(meter_name(rules, m, lang) for m, cost in option.costs.items() if cost > 0)
        return t("lock.costs", lang, meters=names)
    key = f"lock.{option.locked}"
    return t(key, lang) if key in _KNOWN_LOCKS else option.locked


_KNOWN_LOCKS = {"lock.hours", "lock.used_this_week", "lock.used_up"}


def foreseeable(rules: Rules, model, lang: str) -> list[str]:
    """The constant, visible effects an author wrote on an action (no chance branches, nothing hidden)."""
    effects = []
    for field, key in (("reported", "fx.reported"), ("actual", "fx.actual")):
        value = getattr(model, field)
        if isinstance(value, (int, float)) and value:
            effects.append(t(key, lang, n=signed(value)))
    quota = model.quota
    if isinstance(quota, (int, float)) and quota:
        effects.append(t("fx.quota", lang, n=signed(quota)))
    unseen = False
    for meter_id, delta in model.meters.items():
        if is_hidden(rules, meter_id):
            unseen = unseen or not isinstance(delta, (int, float)) or bool(delta)
            continue
        name = meter_name(rules, meter_id, lang)
        if isinstance(delta, (int, float)):
            if shown := meter_delta(delta):  # rounded as the meters read; a small change shows as +<1
                effects.append(f"{name} {shown}")
        else:
            effects.append(t("fx.varies", lang, meter=name))
    if unseen:  # a hidden meter moves: never show only the visible side of a trade (issue 10, point 6)
        effects.append(t("fx.hidden", lang))
    return effects


def approach_views(rules: Rules, options: list[Option], lang: str) -> list[ApproachView]:
    """Numbered views of options that have an action (END_WEEK is left out)."""
    views: list[ApproachView] = []
    for option in options:
        if option.action is None:
            continue
        model = option.action.model
        costs = tuple(t("fx.cost", lang, meter=meter_name(rules, m, lang), n=meter_amount(c))
                      for m, c in option.costs.items() if meter_amount(c) and not is_hidden(rules, m))
        views.append(ApproachView(
            number=len(views) + 1, decision=option.decision, label=localize(model.label, lang),
            text=localize(model.text, lang), kind=option.action.kind, hours=option.hours, costs=costs,
            effects=tuple(foreseeable(rules, model, lang)), uncertain=model.chance is not None,
            hint=localize(model.hint, lang), crosses_line=model.crosses_line,
            locked=lock_reason(rules, option, lang),
        ))
    return views


def options_of_item(options: list[Option], item_id: str) -> list[Option]:
    """The options that act on one item, in the scenario's order."""
    return [o for o in options if o.action is not None and o.decision.target == item_id]
