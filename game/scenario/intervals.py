"""Interval reasoning over expressions: the range of values an expression can take during any game.

Used by the load-time checks to find conditions that can never hold (`budget > 60` on a meter ranged
[0, 50], `turn >= 13` in a 12-week scenario, `when: "false"`) and values that must overflow. A span is
(low, high), possibly infinite; truth values are spans of 0 and 1; None means text or unknown. Spans are
sound over-approximations: "can never hold" is only said when no game can make it hold.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

from game.scenario.expr import Node

Bounds = tuple[float, float]
Span = Bounds | None
INF = math.inf
ANY: Bounds = (-INF, INF)
TRUTH: Bounds = (0.0, 1.0)
TRUE: Bounds = (1.0, 1.0)
FALSE: Bounds = (0.0, 0.0)
SHARE: Bounds = (0.0, 1.0)
COUNT: Bounds = (0.0, INF)


@dataclass
class Ranges:
    """What is known about the names and functions of one expression context."""

    names: dict[str, Span]
    flags: dict[str, Span]
    functions: dict[str, Span]


def truth(span: Span) -> tuple[bool, bool]:
    """(can be true, can be false) for a span used as a condition."""
    if span is None:
        return True, True
    low, high = span
    return not (low == high == 0), low <= 0 <= high


def _from_truth(can_true: bool, can_false: bool) -> Span:
    return TRUTH if can_true and can_false else TRUE if can_true else FALSE


def _product(a: float, b: float) -> float:
    return 0.0 if (a == 0 or b == 0) else a * b  # 0 * inf counts as 0: a factor that is 0 wins


def _corners(a: tuple[float, float], b: tuple[float, float], fn: Callable[[float, float], float]) -> Span:
    values = [fn(x, y) for x in a for y in b]
    values = [v for v in values if v == v]
    return (min(values), max(values)) if values else ANY


def _arith(op: str, a: Span, b: Span) -> Span:
    if a is None or b is None:
        return ANY
    if op == "+":
        return (a[0] + b[0], a[1] + b[1]) if not (math.isinf(a[0]) and math.isinf(b[0]) and a[0] != b[0]) else ANY
    if op == "-":
        return _arith("+", a, (-b[1], -b[0]))
    if op == "*":
        return _corners(a, b, _product)
    if op == "/":
        if b[0] <= 0 <= b[1]:
            return ANY  # dividing by 0 gives 0, by a tiny number anything
        return _corners(a, b, lambda x, y: x / y if not (math.isinf(x) and math.isinf(y)) else math.copysign(INF, x * y))
    if op == "%":
        size = max(abs(b[0]), abs(b[1]))
        return (min(0.0, -size if b[0] < 0 else 0.0), max(0.0, size if b[1] > 0 else 0.0))
    return ANY


def _compare(op: str, a: Span, b: Span) -> Span:
    if a is None or b is None or op == "in":
        return TRUTH
    if op in (">", ">="):
        return _compare("<" if op == ">" else "<=", b, a)
    if op == "<":
        return _from_truth(a[0] < b[1], a[1] >= b[0])
    if op == "<=":
        return _from_truth(a[0] <= b[1], a[1] > b[0])
    equal_possible = a[0] <= b[1] and b[0] <= a[1]
    always_equal = a[0] == a[1] == b[0] == b[1]
    if op == "==":
        return _from_truth(equal_possible, not always_equal)
    return _from_truth(not always_equal, equal_possible)  # !=


def _union(a: Span, b: Span) -> Span:
    if a is None or b is None:
        return None
    return (min(a[0], b[0]), max(a[1], b[1]))


def _call(name: str, args: list[Span], ranges: Ranges) -> Span:
    numbers = [arg if arg is not None else ANY for arg in args]
    if name in ("min", "max") and numbers:
        pick = min if name == "min" else max
        return (pick(a[0] for a in numbers), pick(a[1] for a in numbers))
    if name == "abs" and numbers:
        low, high = numbers[0]
        return (0.0 if low <= 0 <= high else min(abs(low), abs(high)), max(abs(low), abs(high)))
    if name in ("round", "floor", "ceil") and numbers:
        low, high = numbers[0]
        return (math.floor(low) if math.isfinite(low) else low, math.ceil(high) if math.isfinite(high) else high)
    if name == "clamp" and len(numbers) == 3:
        x, floor, ceiling = numbers
        return (max(floor[0], min(ceiling[0], x[0])), max(floor[1], min(ceiling[1], x[1])))
    return ranges.functions.get(name, ANY)


def span(node: Node, ranges: Ranges) -> Span:
    """The values `node` can take, given the ranges of its names (an over-approximation)."""
    tag = node[0]
    if tag == "num":
        return (float(node[1]), float(node[1]))
    if tag in ("str", "list"):
        return None
    if tag == "name":
        name = node[1]
        if name.startswith("flag."):
            return ranges.flags.get(name[5:], TRUTH)
        return ranges.names.get(name, ANY)
    if tag == "neg":
        inner = span(node[1], ranges)
        return ANY if inner is None else (-inner[1], -inner[0])
    if tag == "not":
        can_true, can_false = truth(span(node[1], ranges))
        return _from_truth(can_false, can_true)
    if tag in ("and", "or"):
        left, right = truth(span(node[1], ranges)), truth(span(node[2], ranges))
        if tag == "and":
            return _from_truth(left[0] and right[0], left[1] or right[1])
        return _from_truth(left[0] or right[0], left[1] and right[1])
    if tag == "if":
        can_true, can_false = truth(span(node[1], ranges))
        yes, no = span(node[2], ranges), span(node[3], ranges)
        if can_true and can_false:
            return _union(yes, no)
        return yes if can_true else no
    if tag == "bin":
        return _arith(node[1], span(node[2], ranges), span(node[3], ranges))
    if tag == "cmp":
        return _compare(node[1], span(node[2], ranges), span(node[3], ranges))
    if tag == "call":
        return _call(node[1], [span(arg, ranges) for arg in node[2]], ranges)
    return ANY


def names_in(node: Node) -> list[str]:
    """The names an expression reads, in order, each once."""
    found: list[str] = []
    stack = [node]
    while stack:
        item = stack.pop()
        if not isinstance(item, tuple) or not item:
            continue
        if item[0] == "name" and item[1] not in found:
            found.append(item[1])
        elif isinstance(item[0], str):
            stack.extend(reversed(item[1:]))
        else:
            stack.extend(reversed(item))
    return found


def is_constant(node: Node) -> bool:
    """Whether an expression reads no name and calls no function (`"false"`, `"1 > 2"`)."""
    stack = [node]
    while stack:
        item = stack.pop()
        if not isinstance(item, tuple) or not item:
            continue
        if item[0] in ("name", "call"):
            return False
        stack.extend(part for part in (item[1:] if isinstance(item[0], str) else item) if isinstance(part, tuple))
    return True
