"""Content expressions as single Python functions: the same values as the closures, several times faster.

`game.scenario.expr_compile` turns an expression into nested closures, one call per node. The engine runs
some of them hundreds of times a game (requires, card conditions, weekly rules), so this module builds one
Python function per expression instead: from the validated parse tree it constructs Python AST nodes
(never source text: content cannot inject code, numbers and names enter as constants), where meters,
flags and the item's ledgers are read inline from the evaluation context, and operators, division by
zero and functions behave as in `expr_compile` (its helpers `_div`, `_mod`, `_in` and the same function
implementations are called).

Shapes the closures treat specially (text anywhere but a function's argument, a list anywhere but after
`in`) keep the closure: only there can an operation fail softly on text, which one Python expression
cannot express. `tests/engine/test_pyexpr.py` compares both over generated expressions and states.
"""

from __future__ import annotations

import ast
import types
from typing import Any, Callable

from game.engine.bounds import finite
from game.scenario.expr import parse
from game.scenario.expr_compile import _ARITH, _div, _in, _mod, _num, Env, compile_expr

_CTX = "c"
_COMPARE = {"<": ast.Lt, "<=": ast.LtE, ">": ast.Gt, ">=": ast.GtE, "==": ast.Eq, "!=": ast.NotEq}
_STATE_NAMES = {"turn": ("s", "week"), "weeks": ("r", "weeks"), "hours": ("s", "hours_week"),
                "hours_left": ("s", "hours_left")}
_LEDGER_NAMES = ("quota", "reported", "actual")


class _Unsupported(Exception):
    """A shape this module leaves to the closures."""


def compile_fast(text: str, env: Env, meter_index: dict[str, int], bound: bool = False) -> Callable[[Any], Any]:
    """A function ctx -> value for `text`, equal in value to `compile_expr(text, env)` (wrapped in
    `bounds.finite` when `bound`). Raises ExprError as `compile_expr` does."""
    closure = compile_expr(text, env)  # name checks and errors exactly as everywhere else
    try:
        builder = _Builder(env, meter_index)
        body = builder.node(parse(text))
    except (_Unsupported, RecursionError):
        return _bounded(closure) if bound else closure
    if bound:
        body = builder.call("_finite", finite, [body])
    tree = ast.Expression(ast.Lambda(
        ast.arguments(posonlyargs=[], args=[ast.arg(_CTX)], kwonlyargs=[], kw_defaults=[], defaults=[]), body))
    code = compile(ast.fix_missing_locations(tree), f"<expression {text[:60]!r}>", "eval")
    # The function is made from the lambda's own code object, with no eval or exec: the tree above holds only
    # the nodes _Builder made from our parser's tree, and its globals only the names it bound (no builtins).
    (function_code,) = [const for const in code.co_consts if isinstance(const, types.CodeType)]
    return types.FunctionType(function_code, {"__builtins__": {}, **builder.names})


def _bounded(getter: Callable[[Any], Any]) -> Callable[[Any], float]:
    def value(ctx: Any) -> float:
        return finite(getter(ctx))

    return value


def _ctx_attr(*path: str) -> ast.expr:
    node: ast.expr = ast.Name(_CTX, ast.Load())
    for part in path:
        node = ast.Attribute(node, part, ast.Load())
    return node


class _Builder:
    def __init__(self, env: Env, meter_index: dict[str, int]) -> None:
        self.env, self.meter_index = env, meter_index
        self.names: dict[str, Any] = {}

    def call(self, name: str, function: Any, args: list[ast.expr]) -> ast.expr:
        self.names[name] = function
        return ast.Call(ast.Name(name, ast.Load()), args, [])

    def node(self, node: tuple) -> ast.expr:
        tag = node[0]
        if tag == "num":
            return ast.Constant(node[1])
        if tag == "name":
            return self.name(node[1], node[2])
        if tag == "neg":
            return ast.UnaryOp(ast.USub(), self.call("_float", float, [self.node(node[1])]))
        if tag == "not":
            return ast.UnaryOp(ast.Not(), self.node(node[1]))
        if tag in ("and", "or"):
            test = ast.BoolOp(ast.And() if tag == "and" else ast.Or(), [self.node(node[1]), self.node(node[2])])
            return ast.IfExp(test, ast.Constant(True), ast.Constant(False))  # bool(a) and bool(b)
        if tag == "if":
            return ast.IfExp(self.node(node[1]), self.node(node[2]), self.node(node[3]))
        if tag == "bin":
            return self.binary(node[1], node[2], node[3])
        if tag == "cmp":
            return self.compare(node[1], node[2], node[3])
        if tag == "call":
            return self.function(node[1], node[2])
        raise _Unsupported(tag)  # text or a list out of place

    def name(self, name: str, offset: int) -> ast.expr:
        if name in self.meter_index:
            return ast.Subscript(_ctx_attr("meters"), ast.Constant(self.meter_index[name]), ast.Load())
        getter = self.env.resolve(name, offset)
        if name.startswith("flag."):
            return ast.Compare(ast.Constant(name[5:]), [ast.In()], [_ctx_attr("flags")])
        if name in _STATE_NAMES and name in self.env.names:
            return _ctx_attr(*_STATE_NAMES[name])
        if name == "score" and name in self.env.names:
            return _ctx_attr("score")
        if name in _LEDGER_NAMES and name in self.env.names:  # c.items[c.item].quota if c.item >= 0 else 0.0
            item = ast.Subscript(_ctx_attr("items"), _ctx_attr("item"), ast.Load())
            has_item = ast.Compare(_ctx_attr("item"), [ast.GtE()], [ast.Constant(0)])
            return ast.IfExp(has_item, ast.Attribute(item, name, ast.Load()), ast.Constant(0.0))
        return self.call(f"_name_{len(self.names)}", getter, [ast.Name(_CTX, ast.Load())])

    def binary(self, op: str, left: tuple, right: tuple) -> ast.expr:
        if left[0] == "num" and right[0] == "num":
            return ast.Constant(_ARITH[op](_num(left[1]), _num(right[1])))  # folded, as the closures do
        a, b = self.node(left), self.node(right)
        if op == "/":
            return self.call("_div", _div, [a, b])
        if op == "%":
            return self.call("_mod", _mod, [a, b])
        return ast.BinOp(a, {"+": ast.Add, "-": ast.Sub, "*": ast.Mult}[op](), b)

    def compare(self, op: str, left: tuple, right: tuple) -> ast.expr:
        if op == "in":
            if right[0] != "list":
                raise _Unsupported("in")
            values = ast.Tuple([self.node(item) for item in right[1]], ast.Load())  # constants: folded by Python
            return self.call("_in", _in, [self.node(left), values])
        return ast.Compare(self.node(left), [_COMPARE[op]()], [self.node(right)])

    def function(self, name: str, args: tuple) -> ast.expr:
        built: list[ast.expr] = [ast.Name(_CTX, ast.Load())]
        for arg in args:
            built.append(ast.Constant(arg[1]) if arg[0] == "str" else self.node(arg))
        return self.call(f"_fn_{name}", self.env.functions[name].impl, built)
