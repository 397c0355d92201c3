"""Decisions: which are legal now (with costs and lock reasons) and what applying one does."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.bounds import LIMIT
from game.engine.compile import CAction, Rules
from game.engine.context import Ctx
from game.engine.discard import Discard
from game.engine.effects import apply_effect, chance_holds, check_thresholds, set_meter, val
from game.engine.state import CLOSED, END_WEEK, OPEN, Decision, GameState, Happening
from game.engine.week import end_week

# Why an option is locked (the UI words these; `requires` also carries the author's text).
LOCK_REQUIRES, LOCK_HOURS, LOCK_COSTS, LOCK_WEEK, LOCK_TOTAL = "requires", "hours", "costs", "used_this_week", "used_up"
# For event cards: how far locks are relaxed so that a card can always be answered.
STRICT, NO_HOURS, NO_COSTS, ANYTHING = 0, 1, 2, 3


class IllegalDecision(ValueError):
    """The decision is not one the engine offers in this state."""


@dataclass(frozen=True, slots=True)
class Option:
    """A decision the player could take now, with its cost, or why it is locked."""

    decision: Decision
    action: CAction | None
    hours: float
    costs: dict[str, float]
    locked: str = ""  # one of the LOCK_* codes, "" when available

    @property
    def available(self) -> bool:
        return not self.locked


def active_modifiers(rules: Rules, state: GameState, ctx: Ctx | None = None) -> list:
    """Modifiers in force now (remembered on the state, which never changes once returned)."""
    if not rules.modifiers:
        return []
    if state.derived is None:
        state.derived = {}
    found = state.derived.get("modifiers")
    if found is None:
        ctx = ctx or Ctx(rules, state)
        found = state.derived["modifiers"] = [m for m in rules.modifiers if m.when(ctx)]
    return found


def hours_for(rules: Rules, state: GameState, action: CAction, modifiers: list, ctx: Ctx | None = None) -> float:
    """Hours an action takes now, after standing modifiers (reforms, tiredness)."""
    hours = action.hours
    if callable(hours):
        if ctx is None:
            ctx = Ctx(rules, state, action.owner)
        ctx.item = action.owner
        hours = max(0.0, float(hours(ctx)))  # an expression may go negative; work never gives hours back
    if not modifiers:
        return hours
    add, factor = 0.0, 1.0
    for mod in modifiers:
        if (mod.kinds is None or action.kind in mod.kinds) and (mod.items is None or action.owner in mod.items) and (
                mod.tags is None or not mod.tags.isdisjoint(action.tags)):
            add += mod.add
            factor *= mod.factor
    return max(0.0, round((hours + add) * factor, 2)) if (hours or add) else 0.0


def hours_table(rules: Rules, modifiers: list) -> list[float | None]:
    """Hours of every constant-hours action under a set of active modifiers (None: an expression).

    Such hours depend only on which modifiers are active, and a scenario has few such sets, so each
    table is built once and kept with the rules.
    """
    key = tuple(map(id, modifiers)) if modifiers else ()  # modifiers live as long as their rules
    table = rules.hours_tables.get(key)
    if table is None:
        table = rules.hours_tables[key] = [
            None if callable(action.hours) else hours_for(rules, None, action, modifiers)  # type: ignore[arg-type]
            for action in rules.actions
        ]
    return table


def costs_for(rules: Rules, state: GameState, action: CAction, ctx: Ctx | None = None) -> dict[int, float]:
    """Meter costs of an action now. Constant costs come back as one shared dict: never change it."""
    if action.fixed_costs is not None:
        return action.fixed_costs
    if ctx is None:
        ctx = Ctx(rules, state, action.owner)
    ctx.item = action.owner
    return {meter: float(cost(ctx)) if callable(cost) else cost for meter, cost in action.costs}


def affordable(costs: dict[int, float], meters: list[float], lows: list[float]) -> bool:
    """Whether paying the costs keeps every meter within its range."""
    for meter, cost in costs.items():
        if cost > 0 and meters[meter] - cost < lows[meter] - 1e-9:
            return False
    return True


def _lock(rules: Rules, state: GameState, action: CAction, hours: float, costs: dict[int, float], relax: int,
          ctx: Ctx | None = None) -> str:
    if relax < ANYTHING and action.requires is not None:
        if ctx is None:
            ctx = Ctx(rules, state, action.owner)
        ctx.item = action.owner
        if not action.requires(ctx):
            return LOCK_REQUIRES
    if action.owner >= 0:
        if state.uses_week.get(action.index, 0) >= action.max_per_week:
            return LOCK_WEEK
        if action.max_total is not None and state.uses_total.get(action.index, 0) >= action.max_total:
            return LOCK_TOTAL
    if relax < NO_COSTS and not affordable(costs, state.meters, rules.lows):
        return LOCK_COSTS
    if relax < NO_HOURS and hours > state.hours_left + 1e-9:
        return LOCK_HOURS
    return ""


def _card(rules: Rules, state: GameState, ctx: Ctx | None = None) -> tuple[list[tuple[CAction, float, dict]], int]:
    """The waiting card's choices with their hours and costs, and the least relaxation of locks under
    which at least one of them can be taken (a card can always be answered)."""
    event = rules.events[state.pending[0]]
    ctx = ctx or Ctx(rules, state)
    modifiers = active_modifiers(rules, state, ctx)
    priced = [(c, hours_for(rules, state, c, modifiers, ctx), costs_for(rules, state, c, ctx)) for c in event.choices]
    for relax in (STRICT, NO_HOURS, NO_COSTS):
        if any(not _lock(rules, state, c, hours, costs, relax, ctx) for c, hours, costs in priced):
            return priced, relax
    return priced, ANYTHING


def options(rules: Rules, state: GameState) -> list[Option]:
    """Every option in view now, locked ones included (the UI shows why)."""
    if state.ended:
        return []
    out: list[Option] = []
    if state.pending:
        priced, relax = _card(rules, state)
        for choice, hours, costs in priced:
            out.append(Option(choice.decision, choice, hours, _named(rules, costs),
                              _lock(rules, state, choice, hours, costs, relax)))
        return out
    modifiers = active_modifiers(rules, state)
    for rule in rules.items:
        if state.items[rule.index].status != OPEN:
            continue
        for action in rule.actions:
            hours, costs = hours_for(rules, state, action, modifiers), costs_for(rules, state, action)
            out.append(Option(action.decision, action, hours, _named(rules, costs),
                              _lock(rules, state, action, hours, costs, STRICT)))
    out.append(Option(END_WEEK, None, 0.0, {}))
    return out


Priced = dict[Decision, tuple[CAction, float, dict[int, float]]]  # a legal decision's action, hours and costs


def legal(rules: Rules, state: GameState) -> list[Decision]:
    """The decisions that may be applied now (the same rules as `options`, without building Options)."""
    if state.ended:
        return []
    if state.derived is not None and "legal" in state.derived:
        return list(state.derived["legal"])
    found, costed = _legal_choices(rules, state) if state.pending else _legal_actions(rules, state)
    # the state never changes once returned, so what is legal in it (and at what price) can be remembered
    if state.derived is None:
        state.derived = {}
    state.derived["legal"], state.derived["costed"] = tuple(found), costed
    return found


def _legal_actions(rules: Rules, state: GameState) -> tuple[list[Decision], Priced]:
    """The approaches that may be taken now, and ending the week; with their hours and costs."""
    ctx = Ctx(rules, state)
    modifiers = active_modifiers(rules, state, ctx)
    found: list[Decision] = []
    costed: Priced = {}
    hours_left, uses_week, uses_total = state.hours_left + 1e-9, state.uses_week, state.uses_total
    meters, lows = state.meters, rules.lows
    big = 1 << 30
    table = hours_table(rules, modifiers)
    for rule, item in zip(rules.items, state.items):
        if item.status != OPEN:
            continue
        ctx.item = rule.index
        for action in rule.actions:
            index = action.index
            if uses_week.get(index, 0) >= action.max_per_week:
                continue
            if uses_total.get(index, 0) >= (action.max_total or big):
                continue
            hours = table[index]
            if hours is None:
                hours = hours_for(rules, state, action, modifiers, ctx)
            if hours > hours_left:
                continue
            requires = action.requires
            if requires is not None and not requires(ctx):
                continue
            costs = action.fixed_costs
            if costs is None:
                costs = costs_for(rules, state, action, ctx)
            if costs and not affordable(costs, meters, lows):
                continue
            decision = action.decision
            found.append(decision)
            costed[decision] = (action, hours, costs)
    found.append(END_WEEK)
    return found, costed


def _legal_choices(rules: Rules, state: GameState) -> tuple[list[Decision], Priced]:
    """The answers to the waiting event card that may be taken now, relaxing locks only as far as needed."""
    ctx = Ctx(rules, state)
    priced, relax = _card(rules, state, ctx)
    found = {c.decision: (c, hours, costs) for c, hours, costs in priced
             if not _lock(rules, state, c, hours, costs, relax, ctx)}
    return list(found), found


def _named(rules: Rules, costs: dict[int, float]) -> dict[str, float]:
    return {rules.meter_ids[m]: c for m, c in costs.items()}


def _find(rules: Rules, state: GameState, decision: Decision) -> tuple[CAction, int]:
    """The action a decision names and the relaxation that applies, or IllegalDecision."""
    if decision.kind == "choose":
        if not state.pending or rules.events[state.pending[0]].id != decision.target:
            raise IllegalDecision(f"no event card '{decision.target}' is waiting for an answer")
        event = rules.events[state.pending[0]]
        if decision.option not in event.choice_index:
            raise IllegalDecision(f"event '{event.id}' has no choice '{decision.option}'")
        return event.choices[event.choice_index[decision.option]], _card(rules, state)[1]
    if state.pending:
        raise IllegalDecision("answer the waiting event card first")
    index = rules.item_index.get(decision.target)
    if index is None or state.items[index].status != OPEN:
        raise IllegalDecision(f"'{decision.target}' is not an open directive or request")
    rule = rules.items[index]
    if decision.option not in rule.action_index:
        raise IllegalDecision(f"'{decision.target}' has no approach '{decision.option}'")
    return rule.actions[rule.action_index[decision.option]], STRICT


def apply(rules: Rules, state: GameState, decision: Decision, record: bool = True) -> tuple[GameState, list[Happening]]:
    """Apply a decision to a copy of the state; return the new state and what happened.

    With record=False the list of happenings comes back empty (simulations need only the state).
    """
    if state.ended:
        raise IllegalDecision("the game is over")
    out: list[Happening] = [] if record else Discard()
    if decision.kind == "end_week":
        if decision != END_WEEK:
            raise IllegalDecision(f"ending the week names no target or option: {decision!r}")
        if state.pending:
            raise IllegalDecision("answer the waiting event card first")
        new = state.clone()
        new.decisions.append(decision)
        end_week(rules, new, out)
        return new, out
    if decision.kind not in ("act", "choose"):
        raise IllegalDecision(f"unknown decision kind '{decision.kind}'")
    known = state.derived.get("costed", {}).get(decision) if state.derived is not None else None
    if known is not None:
        action, hours, costs = known
    else:
        action, relax = _find(rules, state, decision)
        modifiers = active_modifiers(rules, state)
        hours, costs = hours_for(rules, state, action, modifiers), costs_for(rules, state, action)
        reason = _lock(rules, state, action, hours, costs, relax)
        if reason:
            raise IllegalDecision(f"{decision} is locked ({reason})")
    new = state.clone()
    new.decisions.append(decision)
    _take(rules, new, action, min(hours, new.hours_left), costs, out)
    check_thresholds(rules, new, out)
    return new, out


def _take(rules: Rules, state: GameState, action: CAction, hours: float, costs: dict[int, float],
          out: list[Happening]) -> None:
    # (runs for every decision: locals, and max/min written as comparisons with the same results)
    index, kind, ref = action.index, action.kind, action.ref
    if action.event >= 0:
        state.pending.pop(0)
    left = state.hours_left - hours
    state.hours_left = left if left > 0.0 else 0.0
    for meter, cost in costs.items():
        set_meter(rules, state, meter, state.meters[meter] - cost)
    uses_week, uses_total, kind_counts, kind_hours = state.uses_week, state.uses_total, state.kind_counts, state.kind_hours
    uses_week[index] = uses_week.get(index, 0) + 1
    uses_total[index] = uses_total.get(index, 0) + 1
    kind_counts[kind] = kind_counts.get(kind, 0) + 1
    spent = kind_hours.get(kind, 0.0) + hours
    kind_hours[kind] = spent if spent < LIMIT else LIMIT  # a bounded sum
    state.took[ref] = state.took.get(ref, 0) + 1
    if action.crosses_line:
        state.crossed.append(ref)
    if type(out) is not Discard:
        out.append(Happening("chose" if action.event >= 0 else "acted", state.week, ref,
                             {"kind": kind, "hours": hours, "costs": _named(rules, costs)}))
    if not action.effect.empty:
        apply_effect(rules, state, action.effect, action.owner, out, ref)
    chance = action.chance
    if chance is not None:
        won = chance_holds(state, float(chance(Ctx(rules, state, action.owner)) if callable(chance) else chance))
        # chance actions tried and come up, by kind (the feedback channel's answer rate, finding A1; debrief
        # texts quote them with chances() and chances_then())
        counters = state.counters
        counters["tried:" + action.kind] = counters.get("tried:" + action.kind, 0) + 1
        if won:
            counters["won:" + action.kind] = counters.get("won:" + action.kind, 0) + 1
        if type(out) is not Discard:
            out.append(Happening("roll", state.week, action.ref, {"success": won}))
        apply_effect(rules, state, action.then if won else action.otherwise, action.owner, out, action.ref)
    if action.closes and action.owner >= 0 and state.items[action.owner].status == OPEN:
        state.items[action.owner] = state.items[action.owner].with_status(CLOSED, action.kind)
        if not rules.items[action.owner].is_directive and action.kind == "service":
            state.counters["served"] = state.counters.get("served", 0) + 1
