"""Compile a validated Scenario into runtime tables: indices instead of ids, closures instead of text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from game.engine.bounds import finite
from game.engine.context import runtime_env
from game.engine.draws import card_key
from game.engine.pyexpr import compile_fast
from game.engine.state import Decision
from game.scenario.expr_compile import Env
from game.scenario.scenario_types import Scenario
from game.scenario.models import Action, Effect, Later, Text

Value = Any  # a float, or a closure ctx -> value


@dataclass(slots=True)
class CEffect:
    """A compiled Effect."""

    meters: list[tuple[int, Value]]
    reported: Value
    actual: Value
    quota: Value
    progress: list[tuple[int, Value, Value, Value]]
    set_flags: tuple[str, ...]
    clear_flags: tuple[str, ...]
    event: int
    issue: tuple[int, ...]
    later: list[int]  # indices into Rules.laters
    end_game: str
    message: Text | None
    empty: bool = False
    simple: bool = False  # constant meter changes only
    has_ledger: bool = False  # changes its own directive's ledgers
    fixed: tuple | None = None  # (meters, own ledger change, named ledger changes) when all are constants
    inert: bool = False  # a message only: it changes nothing in the state


@dataclass(slots=True)
class CLater:
    """A compiled delayed consequence."""

    in_weeks: int
    chance: Value
    unless: Callable | None
    effect: CEffect


@dataclass(slots=True)
class CAction:
    """A compiled approach or event choice."""

    index: int
    id: str
    ref: str  # "item_id.action_id" or "event_id.choice_id"
    owner: int  # item index, or -1 for event choices
    event: int  # event index, or -1
    kind: str
    model: Action
    hours: Value
    costs: list[tuple[int, Value]]
    requires: Callable | None
    max_per_week: int
    max_total: int | None
    closes: bool
    crosses_line: bool
    effect: CEffect
    chance: Value | None
    then: CEffect | None
    otherwise: CEffect | None
    decision: Decision = Decision("act")  # the decision that takes it (set by Rules.action)
    tags: frozenset[str] = frozenset()  # its own tags and its item's
    fixed_costs: dict[int, float] | None = None  # the costs when all are constants (shared: never change it)


@dataclass(slots=True)
class CItem:
    """A compiled directive or request."""

    index: int
    id: str
    is_directive: bool
    model: Any
    arrives: int | None
    when: Callable | None
    due: int
    weight: float
    veto: bool
    actions: list[CAction]
    action_index: dict[str, int]
    on_met: CEffect | None = None
    on_missed: CEffect | None = None
    decay: list[tuple[int, Value]] = field(default_factory=list)
    escalate_after: int | None = None
    escalation: CEffect | None = None
    expire_after: int | None = None


@dataclass(slots=True)
class CEvent:
    index: int
    id: str
    model: Any
    when: Callable | None
    weight: Value
    draw: bool
    once: bool
    cooldown: int
    choices: list[CAction]
    choice_index: dict[str, int]
    key: int = 0  # card_key(id): the draw's stable number for this card
    core: tuple[int, int] | None = None  # (from_week, by_week): comes for certain in this window


@dataclass(slots=True)
class CInspection:
    id: str
    model: Any
    kind: str
    weeks: frozenset[int] | None
    when: Callable | None
    chance: Value
    effect: CEffect


@dataclass(slots=True)
class CModifier:
    id: str
    model: Any
    when: Callable
    kinds: frozenset[str] | None
    items: frozenset[int] | None
    tags: frozenset[str] | None
    add: float
    factor: float


class Rules:
    """Runtime tables for one scenario. Build once per scenario and share it; it never changes."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        info = scenario.info
        self.id, self.content_hash = info.id, scenario.content_hash
        self.weeks: int = info.weeks
        self.variant: str = getattr(scenario, "variant", "")  # "" for the scenario as written
        self.envs: dict[str, Env] = {}
        self.meter_ids = [m.id for m in scenario.meters]
        self.meter_index = {m: i for i, m in enumerate(self.meter_ids)}
        self.lows = [float(m.range[0]) for m in scenario.meters]
        self.highs = [float(m.range[1]) for m in scenario.meters]
        self.starts = [float(m.start) for m in scenario.meters]
        self.end_min = [m.ends_game_at.min if m.ends_game_at else None for m in scenario.meters]
        self.end_max = [m.ends_game_at.max if m.ends_game_at else None for m in scenario.meters]
        self.thresholds = [(i, self.lows[i], True, e) for i, e in enumerate(self.end_min) if e] + [
            (i, self.highs[i], False, e) for i, e in enumerate(self.end_max) if e]
        self.item_ids = [d.id for d in scenario.directives] + [r.id for r in scenario.requests]
        self.item_index = {item_id: i for i, item_id in enumerate(self.item_ids)}
        self.directive_indices = list(range(len(scenario.directives)))
        self.request_indices = list(range(len(scenario.directives), len(self.item_ids)))
        self.event_index = {e.id: i for i, e in enumerate(scenario.events)}
        self.ending_by_id = {e.id: e for e in scenario.endings}
        self.laters: list[CLater] = []
        self.actions: list[CAction] = []
        self.effects: list[CEffect] = []  # every compiled effect, to find the endings effects trigger
        self.hours_per_week = self.value(info.hours_per_week, "game")
        self.events_per_week = self.value(info.events_per_week, "game")
        self.upward = self.value(info.scoring.upward, "game")
        self.downward = self.value(info.scoring.downward, "game")
        settle = info.settlement
        self.settle_met = self.effect(settle.met, "settle")
        self.settle_missed = self.effect(settle.missed, "settle")
        self.settle_veto = self.effect(settle.veto_missed, "settle") if settle.veto_missed else None
        self.weekly = [(self.expr(w.when, "game"), self.effect(w.effect, "game")) for w in info.weekly]
        self.items = [self._directive(i, d) for i, d in enumerate(scenario.directives)]
        offset = len(self.items)
        self.items += [self._request(offset + i, r) for i, r in enumerate(scenario.requests)]
        self.arrivals: dict[int, list[CItem]] = {}
        for item in self.items:
            if item.arrives is not None:
                self.arrivals.setdefault(item.arrives, []).append(item)
        self.conditional_arrivals = [i for i in self.items if i.arrives is None and i.when is not None]
        self.events = [self._event(i, e) for i, e in enumerate(scenario.events)]
        self.drawable = [e for e in self.events if e.draw]
        self.inspections = [
            CInspection(i.id, i, i.kind, frozenset(i.weeks) if i.weeks else None, self.expr(i.when, "game"),
                        self.value(i.chance, "game"), self.effect(i.effect, "inspection"))
            for i in scenario.inspections
        ]
        self.modifiers = [
            CModifier(m.id, m, self.condition(m.when, "game"), frozenset(k.value for k in m.kinds) if m.kinds else None,
                      frozenset(self.item_index[x] for x in m.items) if m.items else None,
                      frozenset(m.tags) if m.tags else None, float(m.hours),
                      float(m.hours_factor))
            for m in scenario.modifiers
        ]
        triggered = {m for pair in zip(self.end_min, self.end_max) for m in pair if m}
        triggered |= {e.end_game for e in self.effects if e.end_game}
        finals = [e for e in scenario.endings if e.when is not None or e.id not in triggered]
        ordered = sorted(enumerate(finals), key=lambda pair: (-pair[1].priority, pair[0]))
        self.final_endings = [(e.id, self.expr(e.when, "game")) for _, e in ordered]
        self.reflections = [(r, self.condition(r.when, "game")) for r in scenario.debrief.reflections]
        self.by_decision = {a.decision: a for a in self.actions}
        # values other layers compute once from these rules (the bots' appraisal), kept with them
        self.derived: dict[Any, Any] = {}
        self.hours_tables: dict[tuple, list] = {}  # hours of constant-cost actions per set of active modifiers

    def action_of(self, decision: Decision) -> CAction | None:
        """The approach or choice a decision names (None for ending the week or an unknown id)."""
        found = self.by_decision.get(decision)
        if found is not None:
            return found
        if decision.kind == "act" and decision.target in self.item_index:
            item = self.items[self.item_index[decision.target]]
            position = item.action_index.get(decision.option)
            return item.actions[position] if position is not None else None
        if decision.kind == "choose" and decision.target in self.event_index:
            event = self.events[self.event_index[decision.target]]
            position = event.choice_index.get(decision.option)
            return event.choices[position] if position is not None else None
        return None

    # -- compiling helpers -----------------------------------------------------------------------
    def env(self, context: str) -> Env:
        if context not in self.envs:
            self.envs[context] = runtime_env(self.scenario, context)
        return self.envs[context]

    def expr(self, text: str | None, context: str) -> Callable | None:
        """A condition compiled into one Python function (game/engine/pyexpr.py), or None."""
        return None if text is None else compile_fast(text, self.env(context), self.meter_index)

    def condition(self, text: str, context: str) -> Callable:
        """A condition that is always there (a modifier's `when`), compiled as `expr` does."""
        return compile_fast(text, self.env(context), self.meter_index)

    def value(self, value: Any, context: str) -> Value:
        """A number, or an expression compiled so that its results are always finite and bounded."""
        if value is None:
            return None
        if isinstance(value, str):
            return compile_fast(value, self.env(context), self.meter_index, bound=True)
        return finite(value)

    def effect(self, effect: Effect, context: str) -> CEffect:
        compiled = CEffect(
            meters=[(self.meter_index[m], self.value(v, context)) for m, v in effect.meters.items()],
            reported=self.value(effect.reported, context),
            actual=self.value(effect.actual, context),
            quota=self.value(effect.quota, context),
            progress=[(self.item_index[p.directive], self.value(p.reported, context), self.value(p.actual, context),
                       self.value(p.quota, context)) for p in effect.progress],
            set_flags=tuple(effect.set),
            clear_flags=tuple(effect.clear),
            event=self.event_index.get(effect.event, -1) if effect.event else -1,
            issue=tuple(self.item_index[x] for x in (effect.directive, effect.request) if x),
            later=[self._later(later, context) for later in effect.later],
            end_game=effect.end_game or "",
            message=effect.message,
        )
        has_ledger = not (compiled.reported is None and compiled.actual is None and compiled.quota is None)
        # beyond meter changes: what else it changes in the state
        more = bool(compiled.progress or compiled.set_flags or compiled.clear_flags or compiled.event >= 0
                    or compiled.issue or compiled.later or compiled.end_game or has_ledger)
        compiled.empty = not (compiled.meters or more or compiled.message)
        compiled.simple = (bool(compiled.meters) and compiled.message is None and not more
                           and not any(callable(v) for _, v in compiled.meters))
        compiled.inert = compiled.message is not None and not (compiled.meters or more)
        compiled.has_ledger = has_ledger
        values = [v for _, v in compiled.meters] + [compiled.reported, compiled.actual, compiled.quota] + [
            v for change in compiled.progress for v in change[1:]]
        if not any(callable(v) for v in values):
            compiled.fixed = (
                [(meter, float(delta)) for meter, delta in compiled.meters],
                (compiled.reported or 0.0, compiled.actual or 0.0, compiled.quota or 0.0) if compiled.has_ledger else None,
                [(i, r or 0.0, a or 0.0, q or 0.0) for i, r, a, q in compiled.progress])
        self.effects.append(compiled)
        return compiled

    def _later(self, later: Later, context: str) -> int:
        self.laters.append(CLater(later.in_weeks, self.value(later.chance, context), self.expr(later.unless, context),
                                  self.effect(later, context)))
        return len(self.laters) - 1

    def action(self, action: Action, context: str, owner: int, event: int, ref_owner: str,
               item_tags: tuple[str, ...] = ()) -> CAction:
        closes = action.closes if action.closes is not None else (owner >= 0 and owner in self.request_indices)
        compiled = CAction(
            index=len(self.actions), id=action.id, ref=f"{ref_owner}.{action.id}", owner=owner, event=event,
            kind=action.kind.value, model=action, hours=self.value(action.hours, context),
            costs=[(self.meter_index[m], self.value(v, context)) for m, v in action.costs.items()],
            requires=self.expr(action.requires, context), max_per_week=action.max_per_week,
            max_total=action.max_total, closes=closes, crosses_line=action.crosses_line,
            effect=self.effect(action, context),
            chance=self.value(action.chance, context),
            then=self.effect(action.then, context) if action.then else None,
            otherwise=self.effect(action.otherwise, context) if action.otherwise else None,
        )
        compiled.decision = Decision("act" if event < 0 else "choose", ref_owner, action.id)
        compiled.tags = frozenset(action.tags) | frozenset(item_tags)
        if not any(callable(cost) for _, cost in compiled.costs):
            compiled.fixed_costs = dict(compiled.costs)
        self.actions.append(compiled)
        return compiled

    def _directive(self, index: int, d: Any) -> CItem:
        item = CItem(index, d.id, True, d, d.arrives, self.expr(d.when, "game"), d.due_in_weeks, float(d.weight),
                     d.veto, [], {})
        item.actions = [self.action(a, "item", index, -1, d.id, tuple(d.tags)) for a in d.approaches]
        item.action_index = {a.id: i for i, a in enumerate(item.actions)}
        item.on_met = self.effect(d.on_met, "settle") if d.on_met else None
        item.on_missed = self.effect(d.on_missed, "settle") if d.on_missed else None
        return item

    def _request(self, index: int, r: Any) -> CItem:
        rule = self.scenario.info.urgency.get(r.urgency)
        item = CItem(index, r.id, False, r, r.arrives, self.expr(r.when, "game"), 0, 0.0, False, [], {})
        item.actions = [self.action(a, "request", index, -1, r.id, tuple(r.tags)) for a in r.approaches]
        item.action_index = {a.id: i for i, a in enumerate(item.actions)}
        decay = r.ignored_each_week if r.ignored_each_week is not None else (rule.ignored_each_week if rule else {})
        item.decay = [(self.meter_index[m], self.value(v, "request")) for m, v in decay.items()]
        item.escalate_after = r.escalates_after_weeks or (rule.escalates_after_weeks if rule else None)
        escalation = r.escalation or (rule.escalation if rule else None)
        item.escalation = self.effect(escalation, "request") if escalation else None
        item.expire_after = r.expires_after_weeks or (rule.expires_after_weeks if rule else None)
        return item

    def _event(self, index: int, e: Any) -> CEvent:
        event = CEvent(index, e.id, e, self.expr(e.when, "game"), self.value(e.weight, "game"), e.draw, e.once,
                       e.cooldown, [], {}, card_key(e.id),
                       (e.core.from_week, e.core.by_week) if getattr(e, "core", None) else None)
        event.choices = [self.action(c, "game", -1, index, e.id) for c in e.choices]
        event.choice_index = {c.id: i for i, c in enumerate(event.choices)}
        return event
