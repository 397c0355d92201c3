"""Build expression environments for a scenario: used by the checker (dummies) and the engine (real)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from game.scenario.expr_compile import Env
from game.scenario.vocab import (
    BASE_NAMES, BOTS, CLAIM_FUNCTIONS, CLAIM_METRIC_EXTRA, CONTEXT_NAMES, GAME_FUNCTIONS, KINDS, make_env,
)

if TYPE_CHECKING:
    from game.scenario.models import Directive, Request
    from game.scenario.scenario_types import Scenario

CONTEXTS = tuple(CONTEXT_NAMES) + ("request",)


def all_flags(scenario: Scenario) -> set[str]:
    """Every flag the scenario can set or clear, or starts with."""
    flags = set(scenario.info.start_flags)
    for effect in iter_effects(scenario):
        flags.update(effect.set)
        flags.update(effect.clear)
    return flags


def iter_effects(scenario: Scenario):
    """Yield every Effect-like object in the scenario (actions, then/otherwise, later, rules...)."""
    from game.scenario.models import Effect
    from game.scenario.walk import walk

    for root in (scenario.info, *scenario.directives, *scenario.requests, *scenario.inspections,
                 *scenario.events):
        for _, node in walk(root):
            if isinstance(node, Effect):
                yield node


def choice_sets(scenario: Scenario) -> dict[str, frozenset[str]]:
    """The ids each kind of literal function argument may name."""
    items: list[Directive | Request] = [*scenario.directives, *scenario.requests]
    return {
        "kind": frozenset(KINDS),
        "event": frozenset(e.id for e in scenario.events),
        "directive": frozenset(d.id for d in scenario.directives),
        "request": frozenset(r.id for r in scenario.requests),
        "item": frozenset(i.id for i in items),
        "action": frozenset(f"{i.id}.{a.id}" for i in items for a in i.approaches)
        | frozenset(f"{e.id}.{c.id}" for e in scenario.events for c in e.choices),
        "bot": frozenset(BOTS),
        "metric": frozenset([m.id for m in scenario.meters] + list(CLAIM_METRIC_EXTRA)),
        "ending": frozenset(e.id for e in scenario.endings),
    }


def context_names(context: str) -> tuple[str, ...]:
    """The plain names (besides meters) an expression in `context` may read."""
    return BASE_NAMES + (CONTEXT_NAMES.get(context) or (("age",) if context == "request" else ()))


def game_env(
    scenario: Scenario,
    context: str,
    meter_getter: Callable[[int], Callable],
    name_getter: Callable[[str], Callable],
    flag_getter: Callable[[str], Callable],
    impls: dict[str, Callable],
    choices: dict[str, frozenset[str]] | None = None,
    flags: set[str] | None = None,
) -> Env:
    """An Env for in-game expressions of one context (`choices` and `flags` may be passed in precomputed)."""
    names: dict[str, Callable] = {name: name_getter(name) for name in context_names(context)}
    for index, meter in enumerate(scenario.meters):
        names[meter.id] = meter_getter(index)
    flags = all_flags(scenario) if flags is None else flags

    def flag_prefix(rest: str) -> Callable | None:
        return flag_getter(rest) if rest in flags else None

    return make_env(names, GAME_FUNCTIONS, impls, choices or choice_sets(scenario),
                    prefixes={"flag": flag_prefix}, prefix_choices={"flag": sorted(flags)})


def claim_env(scenario: Scenario, impls: dict[str, Callable], choices: dict[str, frozenset[str]] | None = None) -> Env:
    """An Env for claims, evaluated over simulation results."""
    return make_env({}, CLAIM_FUNCTIONS, impls, choices or choice_sets(scenario))


def dummy_env(scenario: Scenario, context: str, choices: dict[str, frozenset[str]],
              flags: set[str] | None = None) -> Env:
    """An Env with placeholder values, for name-checking at load time."""
    zero = lambda ctx, *args: 0  # noqa: E731
    impls = {name: zero for name in GAME_FUNCTIONS}
    return game_env(scenario, context, lambda i: zero, lambda n: zero, lambda f: zero, impls, choices, flags)


def dummy_claim_env(scenario: Scenario, choices: dict[str, frozenset[str]]) -> Env:
    """An Env for name-checking claims at load time."""
    zero = lambda ctx, *args: 0  # noqa: E731
    return claim_env(scenario, {name: zero for name in CLAIM_FUNCTIONS}, choices)
