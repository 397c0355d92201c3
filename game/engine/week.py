"""The week's fixed steps: what happens at its start and at its end."""

from __future__ import annotations

from game.engine.compile import CEvent, Rules
from game.engine.context import Ctx, gap_share, ledger_share
from game.engine.discard import Discard
from game.engine.draws import core_week, draw_plan, priority, repeat_priority
from game.engine.effects import apply_effect, arrive, chance_holds, check_thresholds, set_meter, val
from game.engine.state import EXPIRED, MET, MISSED, OPEN, PENDING, GameState, Happening


def start_week(rules: Rules, state: GameState, out: list[Happening]) -> None:
    """Delayed effects, arrivals, weekly rules, hours, then event draws."""
    week = state.week
    state.uses_week = {}
    if type(out) is not Discard:
        out.append(Happening("week_started", week))
    due = [s for s in state.scheduled if s.week <= week] if state.scheduled else None
    if due:
        due.sort()
        state.scheduled = [s for s in state.scheduled if s.week > week]
        for item in due:
            if state.ended:  # an `end_game` among them ends the game at once
                return
            later = rules.laters[item.effect_id]
            ctx = Ctx(rules, state, item.item)
            if later.unless is not None and later.unless(ctx):
                continue
            if chance_holds(state, float(val(later.chance, ctx))):
                if type(out) is not Discard:
                    out.append(Happening("delayed", week, item.source))
                apply_effect(rules, state, later.effect, item.item, out, item.source)
        if state.ended:
            return
    ctx = Ctx(rules, state)
    for rule in rules.arrivals.get(week, ()):
        if state.items[rule.index].status == PENDING:
            arrive(rules, state, rule.index, out)
    for rule in rules.conditional_arrivals:
        if state.items[rule.index].status == PENDING and rule.when is not None and rule.when(ctx):
            arrive(rules, state, rule.index, out)
    quiet = type(out) is Discard
    for when, effect in rules.weekly:
        if quiet and effect.inert:  # a message only, and nobody to read it: its condition need not be read
            continue
        if when is None or when(ctx):
            apply_effect(rules, state, effect, -1, out, "weekly")
    state.hours_week = state.hours_left = max(0.0, float(val(rules.hours_per_week, ctx)))
    draw_events(rules, state, out, ctx)
    check_thresholds(rules, state, out)


def draw_events(rules: Rules, state: GameState, out: list[Happening], ctx: Ctx) -> None:
    """Draw this week's event cards into the pending queue: core cards due first, then the highest
    priorities (see game.engine.draws; the state's generator is not used, so choices never move the draw).

    The conditions of cards with a constant weight are evaluated lazily, highest priority first, only until
    enough cards are found: expressions are pure, so the draw is the one a full scan makes."""
    count = int(round(float(val(rules.events_per_week, ctx))))
    week, fired, pending, seed = state.week, state.fired, state.pending, state.seed
    plan = draw_plan(rules, seed)
    due: list[tuple[float, int]] = []
    candidates: list[tuple[float, int]] = []  # cards whose condition and weight were evaluated
    waiting: list[tuple[float, int, CEvent]] = []  # constant weight, condition not evaluated yet
    for event, base in plan.general:
        index = event.index
        last = fired.get(index)
        if last is not None and (event.once or week - last <= event.cooldown):
            continue
        if index in pending:
            continue
        core = event.core
        if (core is not None and last is None and core[0] <= week <= core[1]
                and week >= core_week(seed, event.key, core)):  # due: its slot is certain if its condition holds
            if event.when is not None and not event.when(ctx):
                continue
            weight = event.weight if event.weight.__class__ is float else float(event.weight(ctx))
            due.append((priority(seed, event.key, week, event.once, max(weight, 1e-9)), index))
            continue
        value = event.weight  # a constant or an expression
        if value.__class__ is float:
            if value > 0:
                waiting.append((base / value if event.once else repeat_priority(base, week, value), index, event))
            continue
        if event.when is not None and not event.when(ctx):
            continue
        weight = float(value(ctx))
        if weight > 0:
            candidates.append((base / weight if event.once else repeat_priority(base, week, weight), index))
    wanted = count - len(due)
    if wanted > 0:
        waiting.sort(reverse=True)  # (priority, index) are unique: the card itself is never compared
        for lazy in (waiting, plan.once):  # each sorted: its first `wanted` cards that may come suffice
            found = 0
            for key, index, event in lazy:
                if index in fired and (event.once or week - fired[index] <= event.cooldown) or index in pending:
                    continue
                if event.when is None or event.when(ctx):
                    candidates.append((key, index))
                    found += 1
                    if found == wanted:
                        break
    due.sort(reverse=True)
    candidates.sort(reverse=True)
    picks = [index for _, index in due] + [index for _, index in candidates[:max(0, wanted)]]
    for index in picks:
        pending.append(index)
        fired[index] = week
        if type(out) is not Discard:
            out.append(Happening("event_drawn", week, rules.events[index].id))


def end_week(rules: Rules, state: GameState, out: list[Happening]) -> None:
    """Deadlines, inspections, requests, thresholds; then the next week or the final ending."""
    week = state.week
    for step in (settle_deadlines, run_inspections, age_requests):
        if not state.ended:  # an `end_game` effect ends the game at once
            step(rules, state, out)
    state.history.append(tuple(state.meters))
    check_thresholds(rules, state, out)
    if state.ended:
        return
    if week >= rules.weeks:
        choose_final_ending(rules, state, out)
        return
    state.week = week + 1
    start_week(rules, state, out)


def settle_deadlines(rules: Rules, state: GameState, out: list[Happening]) -> None:
    """Settle every open directive whose deadline is this week, or already past: a directive issued as a
    week ends (by an escalation or inspection) arrives after that week's settling and settles a week late."""
    week = state.week
    for index in rules.directive_indices:
        item = state.items[index]
        if item.status != OPEN or item.deadline > week:
            continue
        if state.ended:
            return
        rule = rules.items[index]
        met = item.reported >= item.quota - 1e-9
        if met:
            effect = rule.on_met or rules.settle_met
        elif rule.veto and rules.settle_veto is not None and rule.on_missed is None:
            effect = rules.settle_veto
        else:
            effect = rule.on_missed or rules.settle_missed
        if type(out) is not Discard:
            out.append(Happening("settled", week, rule.id, {
                "met": met, "veto": rule.veto, "quota": item.quota, "reported": item.reported,
                "actual": item.actual}))
        apply_effect(rules, state, effect, index, out, f"deadline:{rule.id}")
        state.items[index] = state.items[index].with_status(MET if met else MISSED, "settled")
        state.counters["met" if met else "missed"] = state.counters.get("met" if met else "missed", 0) + 1
        if rule.veto and not met:
            state.counters["vetoes_missed"] = state.counters.get("vetoes_missed", 0) + 1


def run_inspections(rules: Rules, state: GameState, out: list[Happening]) -> None:
    week = state.week
    ctx = Ctx(rules, state)
    for insp in rules.inspections:
        if state.ended:
            return
        if insp.weeks is not None and week not in insp.weeks:
            continue
        if insp.when is not None and not insp.when(ctx):
            continue
        if not chance_holds(state, float(val(insp.chance, ctx))):
            continue
        score = ledger_share(rules, state) if insp.kind == "traces" else gap_share(rules, state)
        if type(out) is not Discard:
            out.append(Happening("inspected", week, insp.id, {"kind": insp.kind, "score": score}))
        apply_effect(rules, state, insp.effect, -1, out, f"inspection:{insp.id}", score)


def age_requests(rules: Rules, state: GameState, out: list[Happening]) -> None:
    week = state.week
    for index in rules.request_indices:
        item = state.items[index]
        if item.status != OPEN:
            continue
        if state.ended:
            return
        rule = rules.items[index]
        item = item.aged()
        state.items[index] = item
        if rule.decay:
            ctx = Ctx(rules, state, index)
            deltas = {}
            for meter, delta in rule.decay:
                moved = set_meter(rules, state, meter, state.meters[meter] + float(val(delta, ctx)))
                if moved:
                    deltas[rules.meter_ids[meter]] = moved
            if type(out) is not Discard:
                out.append(Happening("ignored", week, rule.id, {"age": item.age, "meters": deltas}))
        if rule.escalate_after is not None and not item.escalated and item.age >= rule.escalate_after:
            state.items[index] = state.items[index].escalated_now()
            state.counters["escalated"] = state.counters.get("escalated", 0) + 1
            if type(out) is not Discard:
                out.append(Happening("escalated", week, rule.id, {"age": item.age}))
            apply_effect(rules, state, rule.escalation, index, out, f"escalation:{rule.id}")
        if rule.expire_after is not None and item.age >= rule.expire_after:
            state.items[index] = state.items[index].with_status(EXPIRED, "expired")
            if type(out) is not Discard:
                out.append(Happening("expired", week, rule.id, {"age": item.age}))


def choose_final_ending(rules: Rules, state: GameState, out: list[Happening]) -> None:
    """The highest-priority ending whose condition holds (fallbacks have none)."""
    ctx = Ctx(rules, state)
    for ending_id, when in rules.final_endings:
        if when is None or when(ctx):
            state.ended, state.end_reason = ending_id, "final"
            out.append(Happening("ended", state.week, ending_id, {"reason": "final"}))
            return
    # a validated scenario always has a fallback; this only guards hand-built Rules
    ending = rules.final_endings[-1][0] if rules.final_endings else "none"
    state.ended, state.end_reason = ending, "final"
    out.append(Happening("ended", state.week, ending, {"reason": "final"}))

