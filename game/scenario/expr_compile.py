"""Compile parsed expressions into closures over an evaluation context, checking every name once.

The closures are the only way content expressions run: no eval/exec. Division by zero gives 0, and an
operation on text (only claims produce text) fails softly instead of raising.
"""

from __future__ import annotations

import difflib
import operator
from dataclasses import dataclass, field
from typing import Any, Callable

from game.scenario.expr import ExprError, Getter, Node, parse

@dataclass(frozen=True)
class Function:
    """A whitelisted function: arity, implementation, and allowed values for literal string arguments."""

    min_args: int
    max_args: int
    impl: Callable[..., Any]
    choices: dict[int, frozenset[str]] = field(default_factory=dict)
    doc: str = ""


@dataclass
class Env:
    """Names and functions an expression may use; getters take the evaluation context."""

    names: dict[str, Getter]
    functions: dict[str, Function]
    prefixes: dict[str, Callable[[str], Getter | None]] = field(default_factory=dict)
    prefix_choices: dict[str, list[str]] = field(default_factory=dict)

    def resolve(self, name: str, offset: int) -> Getter:
        if name in self.names:
            return self.names[name]
        head, _, rest = name.partition(".")
        if rest and head in self.prefixes:
            getter = self.prefixes[head](rest)
            if getter is not None:
                return getter
            known = self.prefix_choices.get(head, [])
            raise ExprError(f"unknown {head} '{rest}'", offset, _did_you_mean(rest, known, f"{head}."))
        for prefix, choices in self.prefix_choices.items():
            if name in choices:
                return_hint = f"did you mean '{prefix}.{name}'? ({prefix}s are read as {prefix}.NAME)"
                raise ExprError(f"unknown name '{name}'", offset, return_hint)
        known = list(self.names) + [f"{p}.NAME" for p in self.prefixes]
        raise ExprError(f"unknown name '{name}'", offset, _did_you_mean(name, list(self.names)) or
                        f"known names: {', '.join(sorted(known)[:12])}")


def _did_you_mean(word: str, choices: list[str], prefix: str = "") -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"did you mean '{prefix}{close[0]}'?" if close else ""


def compile_expr(text: str, env: Env) -> Getter:
    """Parse and name-check `text`, returning a closure ctx -> value. Raises ExprError."""
    return _compile(parse(text), env)


def _num(value: Any) -> float:
    return float(value) if not isinstance(value, str) else 0.0


def _div(a: Any, b: Any) -> float:
    b = _num(b)
    return _num(a) / b if b else 0.0


def _mod(a: Any, b: Any) -> float:
    b = _num(b)
    return _num(a) % b if b else 0.0


def _in(a: Any, b: Any) -> bool:
    return a in b if isinstance(b, (tuple, list, frozenset, set)) else False


_ARITH = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": _div, "%": _mod}
_COMPARE = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge, "==": operator.eq,
            "!=": operator.ne, "in": _in}


def _binary(fn: Callable[[Any, Any], Any], left: Getter, right: Getter, failed: Any, const: Node | None) -> Getter:
    """Closures for a binary operator, with a constant right side inlined.

    Operands are numbers in game expressions; a text operand (only claims produce text) makes the
    operation fail softly to `failed` instead of raising. try costs nothing when nothing is raised.
    """
    if const is not None:
        value = const[1]

        def with_const(ctx: Any) -> Any:
            try:
                return fn(left(ctx), value)
            except TypeError:
                return failed

        return with_const

    def both(ctx: Any) -> Any:
        try:
            return fn(left(ctx), right(ctx))
        except TypeError:
            return failed

    return both


def _constant(node: Node) -> bool:
    return node[0] in ("num", "str")


def _compile(node: Node, env: Env) -> Getter:
    tag = node[0]
    if tag in ("num", "str"):
        value = node[1]
        return lambda ctx: value
    if tag == "name":
        return env.resolve(node[1], node[2])
    if tag == "list":
        parts = [_compile(item, env) for item in node[1]]
        if all(_constant(item) for item in node[1]):
            values = tuple(item[1] for item in node[1])
            return lambda ctx: values
        return lambda ctx: tuple(part(ctx) for part in parts)
    if tag == "neg":
        inner = _compile(node[1], env)
        return lambda ctx: -_num(inner(ctx))
    if tag == "not":
        inner = _compile(node[1], env)
        return lambda ctx: not inner(ctx)
    if tag == "and":
        left, right = _compile(node[1], env), _compile(node[2], env)
        return lambda ctx: bool(left(ctx)) and bool(right(ctx))
    if tag == "or":
        left, right = _compile(node[1], env), _compile(node[2], env)
        return lambda ctx: bool(left(ctx)) or bool(right(ctx))
    if tag == "if":
        cond, yes, no = (_compile(part, env) for part in node[1:])
        return lambda ctx: yes(ctx) if cond(ctx) else no(ctx)
    if tag in ("bin", "cmp"):
        op, left_node, right_node = node[1], node[2], node[3]
        left, right = _compile(left_node, env), _compile(right_node, env)
        if tag == "bin":
            if "str" in (left_node[0], right_node[0]):
                raise ExprError(f"text cannot be used with '{op}'", 0, "quoted text is only for names passed to "
                                "functions and for == / != comparisons")
            if _constant(left_node) and _constant(right_node):
                folded = _ARITH[op](_num(left_node[1]), _num(right_node[1]))
                return lambda ctx: folded
            const = right_node if right_node[0] == "num" and op in "+-*" else None
            return _binary(_ARITH[op], left, right, 0.0, const)
        const = right_node if _constant(right_node) else None
        if right_node[0] == "list" and all(_constant(item) for item in right_node[1]):
            const = ("list", tuple(item[1] for item in right_node[1]))
        return _binary(_COMPARE[op], left, right, False, const)
    if tag == "call":
        return _compile_call(node, env)
    raise ExprError(f"unsupported expression part {tag!r}")


def _compile_call(node: Node, env: Env) -> Getter:
    _, name, arg_nodes, offset = node
    spec = env.functions.get(name)
    if spec is None:
        raise ExprError(f"unknown function '{name}'", offset, _did_you_mean(name, list(env.functions)) or
                        f"functions: {', '.join(sorted(env.functions))}")
    if not spec.min_args <= len(arg_nodes) <= spec.max_args:
        want = str(spec.min_args) if spec.min_args == spec.max_args else f"{spec.min_args} to {spec.max_args}"
        noun = "argument" if want == "1" else "arguments"
        raise ExprError(f"{name}() takes {want} {noun}, not {len(arg_nodes)}", offset, spec.doc)
    for index, arg in enumerate(arg_nodes):
        if arg[0] == "str" and index not in spec.choices:
            raise ExprError(f"argument {index + 1} of {name}() must be a number, not text", offset,
                            "quoted text is only for names passed to functions such as took('item.action')")
    for index, allowed in spec.choices.items():
        if index < len(arg_nodes):
            arg = arg_nodes[index]
            if arg[0] != "str":
                raise ExprError(f"argument {index + 1} of {name}() must be a quoted name", offset)
            if arg[1] not in allowed:
                hint = _did_you_mean(arg[1], sorted(allowed)) or f"one of: {', '.join(sorted(allowed))}"
                raise ExprError(f"{name}() does not know '{arg[1]}'", offset, hint)
    args = [_compile(arg, env) for arg in arg_nodes]
    impl = spec.impl
    if not args:
        return lambda ctx: impl(ctx)
    if len(args) == 1:
        only = args[0]
        return lambda ctx: impl(ctx, only(ctx))
    return lambda ctx: impl(ctx, *(arg(ctx) for arg in args))
