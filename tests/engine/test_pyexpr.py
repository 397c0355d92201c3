"""Expressions compiled into one Python function (game/engine/pyexpr.py) give the closures' values.

Every expression of the shipped scenarios and of the `edge` scenario, and a table of corner cases
(division and remainder by zero, negated truth values, `and`/`or` values, lists after `in`, text that the
closures treat softly), evaluated both ways on states from played games: the values are equal and of the
same type.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from engine_kit import write_scenario
from test_properties import EDGE

from game.engine import Rules, apply, legal, new_game
from game.engine.bounds import finite
from game.engine.context import Ctx
from game.engine.pyexpr import compile_fast
from game.scenario import load_scenario
from game.scenario.expr_compile import compile_expr
from game.scenario.walk import walk

ROOT = Path(__file__).resolve().parents[2]
CORNERS = [
    "a / 0", "a % 0", "-(a > 3)", "-true", "1 / 3 * 3", "a and b", "a or 0", "not a", "0 and a / 0", "b or a",
    "a in [1, 2, 40]", "turn in [a, b, 1]", "a not in [3, 4]", "(a > 3) + (b < 2)", "a if flag.fresh else b",
    "2 if turn % 2 == 0 else 1", "min(a, b, 3) - max(1, turn)", "round(a / 7) + floor(b / 3) + ceil(0.2)",
    "clamp(a * 2, 0, 50)", "abs(-a) + hours + hours_left + weeks", "idle_index() + reported_share() + gap_share()",
    "count_kind('trace') + hours_kind('service') + crossed()", "fired('storm') == true", "met('big') or missed('big')",
    "took('big.fake') * 2", "is_open('big') != arrived('minor')", "'x' == 'x'", "a == 'x'", "a < 'x'",
    "'yes' if a > 40 else 'no'", "1e14 * 1e14 * a", "-a % 7", "7 % -3", "a - -b", "true + true",
]


@pytest.fixture(scope="module")
def edge_rules(tmp_path_factory: pytest.TempPathFactory) -> Rules:
    return Rules(load_scenario(write_scenario(tmp_path_factory.mktemp("edge") / "edge", **EDGE)))


def states(rules: Rules, games: int = 6) -> list:
    """States met along a few random games (every 5th decision), the first and last included."""
    found = []
    for seed in range(games):
        chooser = random.Random(seed)
        state = new_game(rules, seed)[0]
        found.append(state)
        while not state.ended:
            state, _ = apply(rules, state, chooser.choice(legal(rules, state)), record=False)
            if len(state.decisions) % 5 == 0 or state.ended:
                found.append(state)
    return found


def same(a: object, b: object) -> bool:
    return type(a) is type(b) and (a == b or (a != a and b != b))


def expressions(rules: Rules) -> list[tuple[str, str]]:
    """(context, text) of every expression in a scenario: conditions, values, requires, hours, costs."""
    from game.scenario.models import Action, Effect

    found = set()
    for root in (rules.scenario.info, *rules.scenario.directives, *rules.scenario.requests,
                 *rules.scenario.inspections, *rules.scenario.events, *rules.scenario.modifiers):
        for _, node in walk(root):
            if isinstance(node, Action):
                found.update(("item", v) for v in (node.requires, node.hours, *node.costs.values()) if isinstance(v, str))
            if isinstance(node, Effect):
                found.update(("item", v) for v in (*node.meters.values(), node.reported, node.actual) if isinstance(v, str))
            for field in ("when", "chance", "weight", "unless"):
                value = getattr(node, field, None)
                if isinstance(value, str):
                    found.add(("game", value))
    return sorted(found)


def check(rules: Rules, context: str, text: str, samples: list) -> None:
    from game.scenario.expr import ExprError

    for context in (context, "item", "inspection", "settle", "request", "game"):  # the first that knows its names
        try:
            compile_expr(text, rules.env(context))
            break
        except ExprError:
            continue
    env = rules.env(context)
    slow, fast = compile_expr(text, env), compile_fast(text, env, rules.meter_index)
    bounded = compile_fast(text, env, rules.meter_index, bound=True)
    for state in samples:
        for item in (-1, *range(len(rules.items))):
            ctx = Ctx(rules, state, item, 0.25)
            expected = slow(ctx)
            assert same(fast(ctx), expected), (text, item)
            assert same(bounded(ctx), finite(expected)), (text, item)


@pytest.mark.parametrize("text", CORNERS)
def test_corner_cases_match_the_closures(edge_rules, text):
    check(edge_rules, "item", text, states(edge_rules, 3))


@pytest.mark.parametrize("scenario", ["lianhe-town", "hexi-street", "edge"])
def test_every_scenario_expression_matches_the_closures(edge_rules, scenario):
    rules = edge_rules if scenario == "edge" else Rules(load_scenario(ROOT / "content" / "scenarios" / scenario))
    samples = states(rules, 2)
    found = expressions(rules)
    assert len(found) > 10
    for context, text in found:
        check(rules, context, text, samples)
