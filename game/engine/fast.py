"""The simulator's fast path: one game played in place, its legal moves kept up to date incrementally.

`FastGame(rules, seed)` plays exactly the game that `new_game` / `legal` / `apply` (the reference path)
plays for the same decisions: `legal()` returns the same list in the same order, `apply()` makes the same
changes (it calls the same `_take`, `end_week` and threshold code), but on one state changed in place
instead of a copy per decision, and without keeping what happened (as `apply(..., record=False)`).

What makes it fast: after a decision only the verdicts whose inputs changed are computed again (see
`game.engine.fast_deps` for what each one reads); verdicts legal but for the hours left are parked, off the
list, until the week ends; a full scan runs when the game and each week start (most verdicts change
then: uses start again, items arrive, age and settle; measured, a full scan costs no more than finding
those); and no state is cloned. `tests/sim/test_fast_path.py` checks that final states equal the reference
path's over 500 seeded games of every shipped strategy.

The state belongs to the game: read it between calls, never change it. Call `legal()` before each
`apply()` (a decision applied without a fresh `legal()` is checked the slow way, as the reference does).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Iterable

from game.engine.actions import (
    ANYTHING, NO_COSTS, NO_HOURS, IllegalDecision, _find, _lock, _take, costs_for, hours_for, hours_table,
)
from game.engine.compile import CAction, Rules
from game.engine.context import Ctx
from game.engine.discard import Discard
from game.engine.effects import check_thresholds
from game.engine.fast_deps import changed_hours, fast_tables
from game.engine.game import new_game
from game.engine.state import END_WEEK, OPEN, Decision, GameState
from game.engine.week import end_week

_BIG = 1 << 30
Priced = tuple[CAction, float, dict[int, float]]


class FastGame:
    """One game in progress on the fast path (see the module docstring)."""

    __slots__ = ("rules", "state", "tables", "quiet", "priced", "order", "decisions", "buckets", "dirty",
                 "touched", "parked", "full", "fresh", "modifiers", "truth", "table", "hours_left", "meters", "flags",
                 "items", "week", "card", "top", "ctx")

    def __init__(self, rules: Rules, seed: int) -> None:
        self.rules = rules
        self.state: GameState = new_game(rules, seed, record=False)[0]
        self.tables = fast_tables(rules)
        self.ctx = Ctx(rules, self.state)  # the context verdicts and modifiers are read in (its item varies)
        self.quiet = Discard()
        self.priced: dict[int, Priced] = {}  # legal approach index -> (action, hours, costs)
        self.order: list[int] = []  # the legal approaches' indices, ascending (the reference's scan order)
        self.decisions: list[Decision] = []  # their decisions, in the same order
        self.buckets: dict[float, set[int]] = {}  # hours -> legal approaches taking that long
        self.dirty: set[int] = set()  # approaches whose verdict may have changed
        self.touched: set[int] = set()  # items that decisions since the last refresh may have changed
        # approaches legal but for the hours left, with their verdicts: back in the list when hours come back
        self.parked: dict[int, Priced] = {}
        self.full = True  # a full scan is needed
        self.fresh = False  # `priced` and `card` describe the state as it is now
        self.modifiers: list = []  # the modifiers in force
        self.truth: list[bool] = []  # each modifier's condition, by position
        self.table: list[float | None] = []
        # the state as the verdicts saw it (copies)
        self.hours_left = 0.0
        self.meters: list[float] = []
        self.flags: set[str] = set()
        self.items: list = []
        self.week = 0
        self.card: dict[Decision, Priced] = {}
        self.top = 0.0  # at least the longest hours in `buckets` (the exact maximum after parking)

    # -- legal moves -------------------------------------------------------------------------------
    def legal(self) -> list[Decision]:
        """The decisions that may be applied now: the same list, in the same order, as `legal()`."""
        state = self.state
        self.fresh = True
        if state.ended:
            return []
        if state.pending:
            self.card = self._card()
            return list(self.card)
        if self.full or state.week != self.week:  # a new week: uses, hours and most items changed
            self._rescan()
        else:
            self._refresh()
        found = self.decisions.copy()
        found.append(END_WEEK)
        return found

    def _card(self) -> dict[Decision, Priced]:
        """The waiting card's answers that may be taken now, relaxing locks only as far as needed so that
        one can always be taken (the rules of `_card` and `_lock` in game/engine/actions.py)."""
        rules, state, ctx = self.rules, self.state, self.ctx
        ctx.item = -1
        modifiers = self._modifiers(ctx)
        table = hours_table(rules, modifiers)
        meters, lows, limit = state.meters, rules.lows, state.hours_left + 1e-9
        strict: dict[Decision, Priced] = {}  # answers that may be taken with no lock relaxed (the usual case)
        priced = []
        for choice in rules.events[state.pending[0]].choices:
            hours = table[choice.index]
            if hours is None:
                hours = hours_for(rules, state, choice, modifiers, ctx)
            costs = choice.fixed_costs
            if costs is None:
                costs = costs_for(rules, state, choice, ctx)
            ctx.item = choice.owner
            allowed = choice.requires is None or bool(choice.requires(ctx))
            affordable = True
            for meter, cost in costs.items():
                if cost > 0 and meters[meter] - cost < lows[meter] - 1e-9:
                    affordable = False
                    break
            fits = hours <= limit
            if allowed and affordable and fits:
                strict[choice.decision] = (choice, hours, costs)
            priced.append((choice, hours, costs, allowed, affordable, fits))
        if strict:
            return strict
        for relax in (NO_HOURS, NO_COSTS, ANYTHING):
            found = {choice.decision: (choice, hours, costs) for choice, hours, costs, allowed, affordable, fits in priced
                     if (allowed or relax >= ANYTHING) and (affordable or relax >= NO_COSTS)
                     and (fits or relax >= NO_HOURS)}
            if found or relax == ANYTHING:
                return found
        return {}

    def _modifiers(self, ctx: Ctx) -> list:
        modifiers = self.rules.modifiers
        return [m for m in modifiers if m.when(ctx)] if modifiers else []

    def _rescan(self) -> None:
        rules, state, ctx = self.rules, self.state, self.ctx
        ctx.item = -1
        self.truth = [bool(m.when(ctx)) for m in rules.modifiers]
        self.modifiers = [m for m, holds in zip(rules.modifiers, self.truth) if holds]
        self.table = hours_table(rules, self.modifiers)
        self.dirty.clear()
        self.touched.clear()
        priced: dict[int, Priced] = {}
        order: list[int] = []
        decisions: list[Decision] = []
        buckets: dict[float, set[int]] = {}
        parked: dict[int, Priced] = {}
        top, limit, verdict_of = 0.0, state.hours_left + 1e-9, self._verdict
        for actions, item in zip(self.tables.item_actions, state.items):
            if item.status != OPEN:
                continue
            for index in actions:  # ascending (compile numbers items in turn): the list is built in order
                verdict = verdict_of(index, ctx)
                if verdict is None:
                    continue
                hours = verdict[1]
                if hours > limit:  # legal but for the hours left
                    parked[index] = verdict
                    continue
                priced[index] = verdict
                order.append(index)
                decisions.append(verdict[0].decision)
                bucket = buckets.get(hours)
                if bucket is None:
                    buckets[hours] = {index}
                    if hours > top:
                        top = hours
                else:
                    bucket.add(index)
        self.priced, self.order, self.decisions, self.buckets, self.parked, self.top = (
            priced, order, decisions, buckets, parked, top)
        self._remember()
        self.full = False

    def _remember(self) -> None:
        state = self.state
        self.hours_left, self.week = state.hours_left, state.week
        self.meters, self.flags, self.items = state.meters.copy(), state.flags.copy(), state.items.copy()

    def _refresh(self) -> None:
        """Bring the verdicts up to date after decisions: recheck only those that may have changed. What the
        verdicts saw (`items`, `flags`, `meters`, `hours_left`, `week`) is brought up to date on the way."""
        rules, state, tables, dirty = self.rules, self.state, self.tables, self.dirty
        recount = [*tables.modifiers_volatile]  # modifiers whose condition may have changed (repeats are harmless)
        touched = self.touched
        if touched:
            old, items, item_actions, own_watch = self.items, state.items, tables.item_actions, tables.own_watch
            for index in touched:
                item = items[index]
                before = old[index]
                if item is before:
                    continue
                old[index] = item
                if item.status != before.status:
                    if item.status == OPEN:
                        dirty.update(item_actions[index])
                    else:  # closed, settled or expired: none of its approaches is legal any more
                        self._drop(item_actions[index])
                # what `requires` reads of its item (its age changes only between weeks, which scan everything)
                elif (item.quota != before.quota or item.reported != before.reported
                      or item.actual != before.actual):
                    dirty.update(own_watch[index])
            touched.clear()
        flags = state.flags
        if flags != self.flags:
            flag_watch, modifier_flags = tables.flag_watch, tables.modifier_flags
            for flag in flags ^ self.flags:
                if flag in flag_watch:
                    dirty.update(flag_watch[flag])
                if flag in modifier_flags:
                    recount.extend(modifier_flags[flag])
            self.flags = flags.copy()
        meters = state.meters
        if meters != self.meters:
            old_meters = self.meters
            for meter, watchers, counts, groups, low in tables.meter_readers:
                value, before_value = meters[meter], old_meters[meter]
                if value == before_value:
                    continue
                if watchers:
                    dirty.update(watchers)
                if counts:
                    recount.extend(counts)
                for cost, flipped in groups:
                    if (before_value - cost < low) != (value - cost < low):
                        dirty.update(flipped)
            self.meters = meters.copy()
        ctx = self.ctx
        ctx.item = -1
        if recount:
            truth, changed, modifiers = self.truth, False, rules.modifiers
            for position in recount:
                holds = bool(modifiers[position].when(ctx))
                if holds != truth[position]:
                    truth[position], changed = holds, True
            if changed:
                active = [m for m, holds in zip(modifiers, truth) if holds]
                table = hours_table(rules, active)  # hours change for some approaches: recheck those
                dirty.update(changed_hours(rules, self.table, table))
                self.modifiers, self.table = active, table
        if tables.volatile:
            dirty.update(tables.volatile)
        hours_left = state.hours_left
        if hours_left < self.hours_left:
            limit = hours_left + 1e-9
            if self.top > limit:  # some legal approaches take longer than the hours left: park them
                buckets, parked, priced = self.buckets, self.parked, self.priced
                for hours in [h for h in buckets if h > limit]:
                    for index in buckets.pop(hours):
                        parked[index] = priced[index]
                        self._remove(index, False)
                self.top = max(buckets, default=0.0)
        elif hours_left > self.hours_left:
            limit = hours_left + 1e-9
            parked = self.parked
            for index in [i for i, verdict in parked.items() if verdict[1] <= limit and i not in dirty]:
                self._add(index, parked.pop(index))
        self.hours_left = hours_left
        if dirty:
            self._recheck(dirty, ctx)
            dirty.clear()

    def _verdict(self, index: int, ctx: Ctx) -> Priced | None:
        """Approach `index`'s verdict now, whatever the hours left: (action, hours, costs) when its item is
        open, its uses allow, its `requires` holds and its costs are affordable, else None (the checks of
        `_legal_actions`; all are pure, so their order does not change a verdict)."""
        action = self.rules.actions[index]
        state = self.state
        if (state.items[action.owner].status != OPEN or state.uses_week.get(index, 0) >= action.max_per_week
                or state.uses_total.get(index, 0) >= (action.max_total or _BIG)):
            return None
        requires = action.requires
        if requires is not None:
            ctx.item = action.owner
            if not requires(ctx):
                return None
        costs = action.fixed_costs
        if costs is None:
            costs = costs_for(self.rules, state, action, ctx)
        if costs:
            meters, lows = state.meters, self.rules.lows
            for meter, cost in costs.items():
                if cost > 0 and meters[meter] - cost < lows[meter] - 1e-9:
                    return None
        hours = self.table[index]
        if hours is None:
            hours = hours_for(self.rules, state, action, self.modifiers, ctx)
        return action, hours, costs

    def _recheck(self, indices: Iterable[int], ctx: Ctx) -> None:
        """Compute the verdicts of these approaches now and update the legal list and the parked verdicts."""
        priced, parked, verdict_of = self.priced, self.parked, self._verdict
        limit = self.state.hours_left + 1e-9
        for index in indices:
            verdict = verdict_of(index, ctx)
            if verdict is not None and verdict[1] > limit:  # legal but for the hours left: parked
                parked[index] = verdict
                verdict = None
            elif index in parked:
                del parked[index]
            known = priced.get(index)
            if verdict is not None:
                if known is None:
                    self._add(index, verdict)
                elif known[1] != verdict[1]:
                    self._remove(index, True)
                    self._add(index, verdict)
                else:
                    priced[index] = verdict
            elif known is not None:
                self._remove(index, True)

    def _drop(self, indices: Iterable[int]) -> None:
        """These approaches are not legal, whatever their hours (their item is no longer open)."""
        priced, parked = self.priced, self.parked
        for index in indices:
            if index in priced:
                self._remove(index, True)
            elif index in parked:
                del parked[index]
            self.dirty.discard(index)

    def _add(self, index: int, verdict: Priced) -> None:
        self.priced[index] = verdict
        order = self.order
        if not order or index > order[-1]:
            order.append(index)
            self.decisions.append(verdict[0].decision)
        else:
            at = bisect_left(order, index)
            order.insert(at, index)
            self.decisions.insert(at, verdict[0].decision)
        hours = verdict[1]
        bucket = self.buckets.get(hours)
        if bucket is None:
            self.buckets[hours] = {index}
            if hours > self.top:
                self.top = hours
        else:
            bucket.add(index)

    def _remove(self, index: int, from_bucket: bool) -> None:
        hours = self.priced.pop(index)[1]
        at = bisect_left(self.order, index)
        del self.order[at]
        del self.decisions[at]
        if from_bucket:
            bucket = self.buckets[hours]
            bucket.discard(index)
            if not bucket:
                del self.buckets[hours]

    # -- applying ----------------------------------------------------------------------------------
    def apply(self, decision: Decision) -> None:
        """Apply a decision to the state in place (IllegalDecision when it is not legal now)."""
        rules, state = self.rules, self.state
        if state.ended:
            raise IllegalDecision("the game is over")
        if decision.kind == "end_week":
            if decision != END_WEEK:
                raise IllegalDecision(f"ending the week names no target or option: {decision!r}")
            if state.pending:
                raise IllegalDecision("answer the waiting event card first")
            state.decisions.append(decision)
            end_week(rules, state, self.quiet)
            self.fresh = False
            return
        known = self._known(decision) if self.fresh else None
        if known is None:
            known = self._priced_slowly(decision)
        action, hours, costs = known
        state.decisions.append(decision)
        _take(rules, state, action, min(hours, state.hours_left), costs, self.quiet)
        check_thresholds(rules, state, self.quiet)
        index = action.index
        if action.owner >= 0 and (state.uses_week[index] >= action.max_per_week
                                  or state.uses_total[index] >= (action.max_total or _BIG)):
            self.dirty.add(index)  # used up (its other inputs have watchers of their own)
        self.touched.update(self.tables.touch_items[action.index])
        self.fresh = False

    def _known(self, decision: Decision) -> Priced | None:
        if self.state.pending:
            return self.card.get(decision)
        action = self.rules.by_decision.get(decision)
        return self.priced.get(action.index) if action is not None and action.owner >= 0 else None

    def _priced_slowly(self, decision: Decision) -> Priced:
        """A decision's action, hours and costs checked as the reference `apply` does (IllegalDecision)."""
        rules, state = self.rules, self.state
        if decision.kind not in ("act", "choose"):
            raise IllegalDecision(f"unknown decision kind '{decision.kind}'")
        state.derived = None
        action, relax = _find(rules, state, decision)
        modifiers = self._modifiers(Ctx(rules, state))
        hours, costs = hours_for(rules, state, action, modifiers), costs_for(rules, state, action)
        reason = _lock(rules, state, action, hours, costs, relax)
        state.derived = None
        if reason:
            raise IllegalDecision(f"{decision} is locked ({reason})")
        return action, hours, costs
