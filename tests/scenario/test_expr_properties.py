"""The expression language: never crashes, computes what a reference evaluator computes, x/0 is 0."""

from __future__ import annotations

import math
import operator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from game.scenario import load_scenario
from game.scenario.envs import CONTEXTS, choice_sets, dummy_claim_env, dummy_env
from game.scenario.expr import ExprError, parse, parse_or_raise
from game.scenario.expr_compile import Env, compile_expr
from game.scenario.models import Event

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "scenarios" / "mini-town"
VALUES = {"a": 3, "b": -2, "c": 0, "d": 7.5, "e": 1}
ENV = Env(names={name: (lambda value: lambda ctx: value)(value) for name, value in VALUES.items()}, functions={})

TOKENS = ["a", "b", "trust", "flag.one_form", "flag.nope", "turn", "count_kind", "'trace'", "'x'", "mean",
          "(", ")", "[", "]", ",", "+", "-", "*", "/", "%", "<", "<=", ">", ">=", "==", "!=", "=", "!", "&&",
          "and", "or", "not", "in", "if", "else", "true", "false", "0", "1", "2.5", "1e308", "9" * 400, ".5",
          "'", '"', "_", "é", "\x00", " ", "score", "ledger_share", "min", "clamp"]


@pytest.fixture(scope="module")
def scenario_envs() -> list[Env]:
    scenario = load_scenario(FIXTURE)
    choices = choice_sets(scenario)
    return [dummy_env(scenario, context, choices) for context in CONTEXTS] + [dummy_claim_env(scenario, choices)]


def _compile_anywhere(text: str, envs: list[Env]) -> None:
    """Parse and compile `text` in every context; run what compiles. Only ExprError may escape."""
    try:
        parse(text)
    except ExprError as err:
        assert err.message and 0 <= err.offset <= len(text)
        return
    for env in envs:
        try:
            getter = compile_expr(text, env)
        except ExprError as err:
            assert err.message
            continue
        getter(None)


@settings(max_examples=400, deadline=None)
@given(text=st.text(max_size=120))
def test_no_text_crashes_the_parser_or_compiler(text: str, scenario_envs: list[Env]) -> None:
    _compile_anywhere(text, scenario_envs)


@settings(max_examples=600, deadline=None)
@given(text=st.lists(st.sampled_from(TOKENS), max_size=25).map(" ".join))
def test_no_token_soup_crashes_the_parser_or_compiler(text: str, scenario_envs: list[Env]) -> None:
    _compile_anywhere(text, scenario_envs)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=25).map(" ".join))
def test_the_model_validator_raises_only_validation_errors(text: str) -> None:
    card = {"id": "e", "title": "T", "text": "T", "when": text,
            "choices": [{"id": "a", "kind": "other", "label": "A"}, {"id": "b", "kind": "other", "label": "B"}]}
    try:
        Event.model_validate(card)
    except ValidationError as err:
        assert err.errors()[0]["type"] == "value_error"
    with pytest.raises(ValueError) if _fails(text) else _nothing():
        parse_or_raise(text)


def _fails(text: str) -> bool:
    try:
        parse(text)
    except ExprError:
        return True
    return False


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return False


@pytest.mark.parametrize("text", ["1 + " * 200 + "1", "not " * 100 + "1", "(" * 100 + "1" + ")" * 100,
                                  "-" * 300 + "1", "[" * 60 + "]" * 60, "x if y else " * 60 + "1",
                                  "1" * 3000, "a and " * 150 + "a", "min(" * 50 + "1" + ")" * 50])
def test_deep_or_long_expressions_are_refused_not_crashed(text: str) -> None:
    with pytest.raises(ExprError):
        compile_expr(text, ENV)


# -- round trip against a reference evaluator ----------------------------------------------------

ARITH = {"+": operator.add, "-": operator.sub, "*": operator.mul}
COMPARE = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge, "==": operator.eq,
           "!=": operator.ne}
PRECEDENCE = {"if": 1, "or": 2, "and": 3, "not": 4, "cmp": 5, "in": 5, "+": 6, "-": 6, "*": 7, "/": 7, "%": 7,
              "neg": 8}

leaves = st.one_of(st.integers(0, 20).map(lambda n: ("num", n)), st.sampled_from(sorted(VALUES)).map(lambda n: ("name", n)),
                   st.booleans().map(lambda b: ("bool", b)))


def _extend(children: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(
        st.tuples(st.sampled_from(["+", "-", "*", "/", "%"]), children, children),
        st.tuples(st.just("cmp"), st.sampled_from(sorted(COMPARE)), children, children),
        st.tuples(st.sampled_from(["and", "or"]), children, children),
        st.tuples(st.sampled_from(["not", "neg"]), children),
        st.tuples(st.just("if"), children, children, children),
        st.tuples(st.just("in"), children, st.lists(st.integers(-3, 5), max_size=4)),
    )


trees = st.recursive(leaves, _extend, max_leaves=14)


def _num(value: object) -> float:
    return float(value)  # numbers and booleans only in these trees


def reference(node: tuple) -> object:
    """What an expression means, computed directly in Python (division and modulo by zero give 0)."""
    tag = node[0]
    if tag == "num":
        return float(node[1])
    if tag == "bool":
        return node[1]
    if tag == "name":
        return VALUES[node[1]]
    if tag in ARITH:
        return ARITH[tag](_num(reference(node[1])), _num(reference(node[2])))
    if tag in ("/", "%"):
        left, right = _num(reference(node[1])), _num(reference(node[2]))
        if right == 0:
            return 0.0
        return left / right if tag == "/" else left % right
    if tag == "cmp":
        return COMPARE[node[1]](reference(node[2]), reference(node[3]))
    if tag == "and":
        return bool(reference(node[1])) and bool(reference(node[2]))
    if tag == "or":
        return bool(reference(node[1])) or bool(reference(node[2]))
    if tag == "not":
        return not reference(node[1])
    if tag == "neg":
        return -_num(reference(node[1]))
    if tag == "if":
        return reference(node[1]) if reference(node[2]) else reference(node[3])
    if tag == "in":
        return reference(node[1]) in tuple(float(item) for item in node[2])
    raise AssertionError(tag)


def render(node: tuple, minimal: bool) -> tuple[str, int]:
    """Expression text for a tree: fully parenthesised, or with only the parentheses precedence needs."""
    tag = node[0]
    if tag == "num":
        return str(node[1]), 9
    if tag == "bool":
        return ("true" if node[1] else "false"), 9
    if tag == "name":
        return node[1], 9
    own = PRECEDENCE["cmp" if tag == "cmp" else tag]

    def part(child: tuple, needs_parens_below: int) -> str:
        text, prec = render(child, minimal)
        return f"({text})" if not minimal or prec < needs_parens_below else text

    if tag in ("+", "-", "*", "/", "%", "and", "or"):
        text = f"{part(node[1], own)} {tag} {part(node[2], own + 1)}"
    elif tag == "cmp":
        text = f"{part(node[2], own + 1)} {node[1]} {part(node[3], own + 1)}"
    elif tag == "in":
        text = f"{part(node[1], own + 1)} in [{', '.join(str(item) for item in node[2])}]"
    elif tag == "not":
        text = f"not {part(node[1], own)}"
    elif tag == "neg":
        text = f"-{part(node[1], own)}"
    else:  # x if c else y: x and c are or-expressions, y may be anything
        text = f"{part(node[1], 2)} if {part(node[2], 2)} else {part(node[3], 1)}"
    return text, own


def _same(got: object, expected: object) -> bool:
    if isinstance(got, float) and isinstance(expected, float) and math.isnan(got) and math.isnan(expected):
        return True
    return got == expected and bool(got) == bool(expected)


@settings(max_examples=500, deadline=None)
@given(trees)
def test_expressions_compute_what_the_reference_computes(tree: tuple) -> None:
    expected = reference(tree)
    for minimal in (False, True):
        text, _ = render(tree, minimal)
        got = compile_expr(text, ENV)(None)
        assert _same(got, expected), f"{text!r}: got {got!r}, expected {expected!r}"


@pytest.mark.parametrize(("text", "expected"), [
    ("1 / 0", 0), ("a / c", 0), ("a / (b - b)", 0), ("0 / 0", 0), ("-3 / 0", 0), ("5 % 0", 0), ("a % c", 0),
    ("10 / 4", 2.5), ("7 % 3", 1), ("(1 / 0) + 2", 2),
])
def test_division_by_zero_is_zero(text: str, expected: float) -> None:
    assert compile_expr(text, ENV)(None) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("1 + 2 * 3", 7), ("(1 + 2) * 3", 9), ("2 - 3 - 4", -5), ("12 / 2 / 3", 2), ("-a * 2", -6), ("- -a", 3),
    ("not 1 < 2", False), ("1 < 2 and 3 < 2 or true", True), ("a if a > 2 else b", 3), ("b if c else d if e else 0", 7.5),
    ("a in [1, 2, 3]", True), ("a not in [1, 2]", True), ("not a in [3]", False), ("'x' in ['x', 'y']", True),
    ("true + true", 2), ("d >= 7.5 and d <= 7.5", True),
])
def test_precedence_and_operators(text: str, expected: object) -> None:
    assert compile_expr(text, ENV)(None) == expected


def test_chained_comparisons_are_refused_with_a_hint() -> None:
    with pytest.raises(ExprError) as caught:
        parse("1 < a < 5")
    assert "do not chain" in caught.value.hint


@pytest.mark.parametrize("text", ["'a' + 'b'", "a * 'x'", "'3' - 1", "(1 + 'x') > 0"])
def test_text_in_arithmetic_is_refused_at_load(text: str) -> None:
    with pytest.raises(ExprError) as caught:
        compile_expr(text, ENV)
    assert caught.value.message.startswith("text cannot be used with") and "functions" in caught.value.hint
