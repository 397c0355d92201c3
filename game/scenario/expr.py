"""A small, safe expression language for conditions and computed values.

This module tokenises and parses text into a tree of tuples (cached); `expr_compile.compile_expr` turns
the tree into nested closures against an `Env` that says which names and functions exist. Nothing is
ever passed to eval/exec.

Grammar (lowest precedence first):
    expr    := or_expr ["if" or_expr "else" expr]
    or_expr := and_expr ("or" and_expr)*
    and_expr:= not_expr ("and" not_expr)*
    not_expr:= "not" not_expr | compare
    compare := sum [("<"|"<="|">"|">="|"=="|"!="|"in"|"not in") sum]
    sum     := term (("+"|"-") term)*
    term    := unary (("*"|"/"|"%") unary)*
    unary   := ("-"|"+") unary | atom
    atom    := NUMBER | STRING | true | false | NAME["." NAME]* ["(" args ")"] | "(" expr ")" | "[" items "]"
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from typing import Any, Callable

MAX_LENGTH = 2000
MAX_DEPTH = 40
MAX_TREE_DEPTH = 100
MAX_NUMBER = 10**15  # the same bound as numbers written in YAML (yamlscalars.MAX_NUMBER)

Node = tuple
Getter = Callable[[Any], Any]

_TOKEN = re.compile(
    r"\s*(?:(?P<num>[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?)"
    r"|(?P<str>'[^'\\\n]*'|\"[^\"\\\n]*\")"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)"
    r"|(?P<op><=|>=|==|!=|[-+*/%<>(),\[\]])"
    r"|(?P<bad>.))",
    re.DOTALL,
)
_GLUED = re.compile(r"[A-Za-z0-9_.]+")  # what follows a number without a space: part of one bad word
KEYWORDS = {"and", "or", "not", "in", "if", "else", "true", "false"}
_COMPARE_OPS = ("<", "<=", ">", ">=", "==", "!=")


class ExprError(ValueError):
    """An expression that does not parse or names something unknown."""

    def __init__(self, message: str, offset: int = 0, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.hint = hint


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    offset: int


def tokenize(text: str) -> list[Token]:
    """Split expression text into tokens; anything unrecognised is an error with its offset."""
    if len(text) > MAX_LENGTH:
        raise ExprError(f"expression is longer than {MAX_LENGTH} characters", 0, "split it, or simplify it")
    tokens: list[Token] = []
    pos, end = 0, len(text.rstrip())
    while pos < end:
        match = _TOKEN.match(text, pos)
        kind = (match.lastgroup if match else None) or "bad"
        if match is None or kind == "bad":
            where = match.start("bad") if match else pos
            bad = text[where]
            hint = "use 'and', 'or', 'not' instead of symbols" if bad in "&|!" else ""
            if bad == "=":
                hint = "compare with '==' (a single '=' is not allowed)"
            elif bad in "'\"":
                hint = "close the quoted name with the same quote mark on the same line"
            raise ExprError(f"unexpected character {bad!r}", where, hint)
        value, start = match.group(kind), match.start(kind)
        if kind == "num" and _GLUED.match(text, match.end()):
            word = text[start:_GLUED.match(text, start).end()]  # type: ignore[union-attr]  # a number starts it
            raise ExprError(f"{word!r} is not a number", start,
                            "numbers in expressions are decimal, like 12 or 0.5 (no 0x, 0o or _); "
                            "a name cannot start with a digit")
        if kind == "name" and value in KEYWORDS:
            kind = "kw"
        tokens.append(Token(kind, value, start))
        pos = match.end()
    tokens.append(Token("end", "", len(text)))
    return tokens


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.index = 0
        self.depth = 0

    @property
    def tok(self) -> Token:
        return self.tokens[self.index]

    def take(self) -> Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def accept(self, kind: str, text: str) -> bool:
        if self.tok.kind == kind and self.tok.text == text:
            self.index += 1
            return True
        return False

    def expect(self, kind: str, text: str) -> None:
        if not self.accept(kind, text):
            found = self.tok.text or "end of expression"
            raise ExprError(f"expected {text!r} but found {found!r}", self.tok.offset)

    def parse(self) -> Node:
        if self.tok.kind == "end":
            raise ExprError("empty expression")
        node = self.expr()
        if self.tok.kind != "end":
            raise ExprError(f"unexpected {self.tok.text!r}", self.tok.offset)
        return node

    def expr(self) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError(f"expression nests deeper than {MAX_DEPTH} levels", self.tok.offset)
        node = self.or_expr()
        if self.accept("kw", "if"):
            cond = self.or_expr()
            self.expect("kw", "else")
            node = ("if", cond, node, self.expr())
        self.depth -= 1
        return node

    def or_expr(self) -> Node:
        node = self.and_expr()
        while self.accept("kw", "or"):
            node = ("or", node, self.and_expr())
        return node

    def and_expr(self) -> Node:
        node = self.not_expr()
        while self.accept("kw", "and"):
            node = ("and", node, self.not_expr())
        return node

    def not_expr(self) -> Node:
        if self.accept("kw", "not"):
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise ExprError(f"expression nests deeper than {MAX_DEPTH} levels", self.tok.offset)
            node = ("not", self.not_expr())
            self.depth -= 1
            return node
        return self.compare()

    def compare(self) -> Node:
        return self.no_chained_compare(self.comparison())

    def comparison(self) -> Node:
        node = self.sum()
        token = self.tok
        if token.kind == "op" and token.text in _COMPARE_OPS:
            self.take()
            return ("cmp", token.text, node, self.sum())
        if self.accept("kw", "in"):
            return ("cmp", "in", node, self.sum())
        if token.kind == "kw" and token.text == "not" and self.tokens[self.index + 1].text == "in":
            self.index += 2
            return ("not", ("cmp", "in", node, self.sum()))
        return node

    def no_chained_compare(self, node: Node) -> Node:
        if self.tok.kind == "op" and self.tok.text in _COMPARE_OPS or self.tok.text == "in":
            raise ExprError(f"unexpected {self.tok.text!r}", self.tok.offset,
                            "comparisons do not chain: write 'a < b and b < c'")
        return node

    def sum(self) -> Node:
        node = self.term()
        while self.tok.kind == "op" and self.tok.text in "+-":
            node = ("bin", self.take().text, node, self.term())
        return node

    def term(self) -> Node:
        node = self.unary()
        while self.tok.kind == "op" and self.tok.text in ("*", "/", "%"):
            node = ("bin", self.take().text, node, self.unary())
        return node

    def unary(self) -> Node:
        if self.tok.kind == "op" and self.tok.text in "+-":
            op = self.take().text
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise ExprError(f"expression nests deeper than {MAX_DEPTH} levels", self.tok.offset)
            node = self.unary()
            self.depth -= 1
            return ("neg", node) if op == "-" else node
        return self.atom()

    def atom(self) -> Node:
        token = self.take()
        if token.kind == "num":
            value = float(token.text)
            if not math.isfinite(value) or value >= MAX_NUMBER:
                raise ExprError(f"the number {token.text[:20]} is too large", token.offset,
                                f"numbers must be below {MAX_NUMBER:.0e}, as everywhere in content")
            return ("num", value)
        if token.kind == "str":
            return ("str", token.text[1:-1])
        if token.kind == "kw" and token.text in ("true", "false"):
            return ("num", token.text == "true")
        if token.kind == "name":
            if self.accept("op", "("):
                args: list[Node] = []
                if not self.accept("op", ")"):
                    args.append(self.expr())
                    while self.accept("op", ","):
                        args.append(self.expr())
                    self.expect("op", ")")
                return ("call", token.text, tuple(args), token.offset)
            return ("name", token.text, token.offset)
        if token.kind == "op" and token.text == "(":
            node = self.expr()
            self.expect("op", ")")
            return node
        if token.kind == "op" and token.text == "[":
            items: list[Node] = []
            if not self.accept("op", "]"):
                items.append(self.expr())
                while self.accept("op", ","):
                    items.append(self.expr())
                self.expect("op", "]")
            return ("list", tuple(items))
        found = token.text or "end of expression"
        raise ExprError(f"expected a value but found {found!r}", token.offset)


def parse(text: str) -> Node:
    """Parse expression text into a tree of tuples, or raise ExprError."""
    if not isinstance(text, str):
        raise ExprError("an expression must be text")
    return _parse_cached(text)


@functools.lru_cache(maxsize=8192)
def _parse_cached(text: str) -> Node:
    # Trees are immutable tuples, so one parse can serve the validator, the checker and the engine.
    node = _Parser(text).parse()
    if _tree_depth(node) > MAX_TREE_DEPTH:
        raise ExprError(f"expression is too complex (more than {MAX_TREE_DEPTH} nested operations)", 0,
                        "split a long chain of operators with a helper meter, or simplify it")
    return node


def _tree_depth(root: Node) -> int:
    """Depth of a tree, measured without recursion (long operator chains nest deeply)."""
    deepest, stack = 0, [(root, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        for part in node[1:]:
            if isinstance(part, tuple) and part:
                if isinstance(part[0], str):
                    stack.append((part, depth + 1))
                else:
                    stack.extend((item, depth + 1) for item in part if isinstance(item, tuple))
    return deepest


def parse_or_raise(text: str) -> Node:
    """Parse for pydantic validators: raise ExprError (a ValueError) with a readable message."""
    try:
        return parse(text)
    except ExprError as err:
        raise ExprError(f"in expression {text[:80]!r}, at character {err.offset + 1}: {err.message}",
                        err.offset, err.hint) from None
