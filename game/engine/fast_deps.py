"""What each approach's legality reads and what taking an action can change: the tables behind the fast path.

Built once per `Rules` (kept in `rules.derived`). An approach's verdict (legal or not, and at what hours and
costs) reads: its item's status and uses; its hours (a constant under the active modifiers, or an
expression); `hours_left`; its `requires` expression; its costs against the meters. Expressions are read
from their parse trees: meters, flags and the approach's own item are tracked; names fixed within a week
(`turn`, `hours`, ...) need a rescan only when a week starts; anything else (`hours_left`, functions that
read counters or other items) makes the verdict "volatile", rechecked after every decision.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.engine.compile import CAction, CEffect, Rules
from game.scenario.expr import parse

OWN_ITEM_NAMES = frozenset(("quota", "reported", "actual", "progress", "weight", "age", "weeks_left"))
WEEK_NAMES = frozenset(("turn", "weeks", "hours", "score"))  # fixed between two week starts
PURE_FUNCTIONS = frozenset(("min", "max", "abs", "round", "floor", "ceil", "clamp"))


@dataclass
class Reads:
    """What an expression reads: meter indices, flags, its own item, or anything (volatile)."""

    meters: set[int] = field(default_factory=set)
    flags: set[str] = field(default_factory=set)
    own_item: bool = False
    volatile: bool = False


def expression_reads(text: Any, rules: Rules, reads: Reads) -> None:
    """Add what expression `text` reads to `reads` (a constant reads nothing)."""
    if isinstance(text, str):
        _walk(parse(text), rules, reads)


def _walk(node: tuple, rules: Rules, reads: Reads) -> None:
    tag = node[0]
    if tag == "name":
        name = node[1]
        if name in rules.meter_index:
            reads.meters.add(rules.meter_index[name])
        elif name.startswith("flag."):
            reads.flags.add(name[5:])
        elif name in OWN_ITEM_NAMES:
            reads.own_item = True  # (its age and weeks left change only between weeks)
        elif name in WEEK_NAMES:
            pass  # fixed within a week: the fast path scans every verdict again when a week starts
        else:
            reads.volatile = True  # hours_left, or a name this module does not know
    elif tag == "call":
        if node[1] not in PURE_FUNCTIONS:
            reads.volatile = True  # functions read counters, other items, fired cards...
        for arg in node[2]:
            _walk(arg, rules, reads)
    elif tag == "list":
        for item in node[1]:
            _walk(item, rules, reads)
    elif tag not in ("num", "str"):
        for part in node[1:]:
            if isinstance(part, tuple) and part and isinstance(part[0], str):
                _walk(part, rules, reads)


@dataclass
class Touch:
    """What applying an action (and its chance outcomes) can change right away."""

    items: set[int] = field(default_factory=set)


def _touch_effect(effect: CEffect | None, owner: int, touch: Touch) -> None:
    if effect is None:
        return
    if effect.has_ledger and owner >= 0:
        touch.items.add(owner)
    touch.items.update(target for target, *_ in effect.progress)
    touch.items.update(effect.issue)


class FastTables:
    """Per-scenario tables for `game.engine.fast.FastGame` (see the module docstring)."""

    def __init__(self, rules: Rules) -> None:
        self.flag_watch: dict[str, set[int]] = {}  # flag -> approaches whose verdict reads it
        self.meter_watch: dict[int, set[int]] = {}  # meter -> approaches whose requires/hours/costs read it
        self.volatile: list[int] = []  # approaches rechecked after every decision
        # meter -> [(cost, approaches)]: constant costs, whose affordability flips only at a threshold
        self.cost_groups: dict[int, list[tuple[float, list[int]]]] = {}
        # per action: the items that taking it can change (their status, ledgers or uses)
        self.touch_items: list[tuple[int, ...]] = [() for _ in rules.actions]
        self.item_actions: list[tuple[int, ...]] = [tuple(a.index for a in item.actions) for item in rules.items]
        self.own_watch: list[tuple[int, ...]] = [() for _ in rules.items]  # approaches reading their item's ledgers
        groups: dict[int, dict[float, list[int]]] = {}
        for action in rules.actions:
            touch = Touch()
            if action.owner >= 0:
                touch.items.add(action.owner)  # its uses, its ledgers, closing it
            for effect in (action.effect, action.then, action.otherwise):
                _touch_effect(effect, action.owner, touch)
            self.touch_items[action.index] = tuple(sorted(touch.items))
            if action.owner < 0:
                continue  # event choices are priced by the reference code when a card waits
            reads = Reads()
            expression_reads(action.model.requires, rules, reads)
            expression_reads(action.model.hours, rules, reads)
            for value in action.model.costs.values():
                expression_reads(value, rules, reads)
            if action.fixed_costs is None:
                reads.meters.update(meter for meter, _ in action.costs)
            elif action.fixed_costs:
                for meter, cost in action.fixed_costs.items():
                    if cost > 0:
                        groups.setdefault(meter, {}).setdefault(cost, []).append(action.index)
            if reads.volatile:
                self.volatile.append(action.index)
            if reads.own_item:
                self.own_watch[action.owner] += (action.index,)
            for flag in reads.flags:
                self.flag_watch.setdefault(flag, set()).add(action.index)
            for meter in reads.meters:
                self.meter_watch.setdefault(meter, set()).add(action.index)
        self.cost_groups = {meter: sorted(by_cost.items()) for meter, by_cost in groups.items()}
        # which modifiers' conditions to evaluate again when something changed (by modifier position)
        self.modifiers_volatile: tuple[int, ...] = ()  # always
        self.modifier_flags: dict[str, tuple[int, ...]] = {}
        modifier_meters: dict[int, tuple[int, ...]] = {}
        for position, modifier in enumerate(rules.modifiers):
            reads = Reads()
            expression_reads(modifier.model.when, rules, reads)
            if reads.volatile or reads.own_item:
                self.modifiers_volatile += (position,)
            for flag in reads.flags:
                self.modifier_flags[flag] = self.modifier_flags.get(flag, ()) + (position,)
            for meter in reads.meters:
                modifier_meters[meter] = modifier_meters.get(meter, ()) + (position,)
        # per meter something reads: (meter, approaches reading it, modifiers reading it, cost groups, the
        # meter's low end less the tolerance of `affordable`)
        self.meter_readers: list[tuple[int, frozenset[int], tuple[int, ...], list[tuple[float, list[int]]], float]] = [
            (meter, frozenset(self.meter_watch.get(meter, ())), modifier_meters.get(meter, ()),
             self.cost_groups.get(meter, []), rules.lows[meter] - 1e-9)
            for meter in range(len(rules.meter_ids))
            if meter in self.meter_watch or meter in modifier_meters or meter in self.cost_groups]


def fast_tables(rules: Rules) -> FastTables:
    """The tables for these rules (built once, kept with them)."""
    found = rules.derived.get("fast_tables")
    if found is None:
        found = rules.derived["fast_tables"] = FastTables(rules)
    return found


def changed_hours(rules: Rules, old: list[float | None], new: list[float | None]) -> list[int]:
    """The approaches whose hours differ between two hours tables (see `actions.hours_table`), and those
    whose hours are expressions (they may read the modifiers too); remembered per pair of tables."""
    cache = rules.derived.setdefault("changed_hours", {})
    key = (id(old), id(new))  # tables live as long as their rules (Rules.hours_tables)
    found = cache.get(key)
    if found is None:
        found = cache[key] = [action.index for action in rules.actions if action.owner >= 0 and (
            old[action.index] is None or new[action.index] is None or old[action.index] != new[action.index])]
    return found
