"""Every UI string in the catalogue is used by the game, and every key the game asks for is in it.

A key counts as used when the game's code holds it as a string, or builds it from a prefix of its own
(`t(f"kind.{kind}", lang)` uses every `kind.` key). The code is read with `ast`, so comments and
docstrings that merely mention a key do not count.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from game.i18n import PLURALS, STRINGS

ROOT = Path(__file__).resolve().parent.parent
GAME = ROOT / "game"
KEYS = set(STRINGS) | set(PLURALS)
TRANSLATORS = {"t", "tn"}  # game.i18n's functions, and the screens' `self.t` shortcut


def modules() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8"), str(path))) for path in sorted(GAME.rglob("*.py"))]


def docstrings(tree: ast.Module) -> set[int]:
    """The ids of docstring nodes (a module's, a class's or a function's first string)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def prefix(node: ast.JoinedStr) -> str:
    """The literal start of an f-string ("kind." for f"kind.{kind}")."""
    first = node.values[0] if node.values else None
    return first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else ""


def strings_and_prefixes() -> tuple[set[str], set[str]]:
    strings, prefixes = set(), set()
    for _, tree in modules():
        skip = docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
                strings.add(node.value)
            elif isinstance(node, ast.JoinedStr) and prefix(node):
                prefixes.add(prefix(node))
    for _, key in template_calls():
        strings.add(key)
    return strings, prefixes


TEMPLATE_CALL = re.compile(r"""\b(?:w|t|tn)\(\s*['"]([^'"]+)['"]""")


def template_calls() -> list[tuple[str, str]]:
    """(file, key) of every w('key') / t('key') in the web and report templates (Jinja)."""
    return [(str(path.relative_to(ROOT)), key) for path in sorted(GAME.rglob("*"))
            if path.suffix in (".j2", ".html") for key in TEMPLATE_CALL.findall(path.read_text(encoding="utf-8"))]


def translator_calls() -> list[tuple[str, int, ast.expr]]:
    """(file, line, first argument) of every t(...) / tn(...) / self.t(...) call in game/."""
    calls = []
    for path, tree in modules():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else (
                node.func.attr if isinstance(node.func, ast.Attribute) else "")
            if name in TRANSLATORS:
                calls.append((str(path.relative_to(ROOT)), node.lineno, node.args[0]))
    return calls


def test_every_catalogue_key_is_used_by_the_game() -> None:
    strings, prefixes = strings_and_prefixes()
    unused = sorted(key for key in KEYS if key not in strings and not any(key.startswith(p) for p in prefixes))
    assert not unused, f"catalogue keys no code uses (remove them from game/locale/zh.po): {unused}"


def test_every_key_the_game_asks_for_is_in_the_catalogue() -> None:
    calls = translator_calls()
    assert len(calls) > 100  # the walk found the game's calls
    missing = []
    for where, line, arg in calls:
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value not in KEYS:
            missing.append(f"{where}:{line}: {arg.value}")
        elif isinstance(arg, ast.JoinedStr) and prefix(arg) and not any(k.startswith(prefix(arg)) for k in KEYS):
            missing.append(f"{where}:{line}: {prefix(arg)}...")
    assert len(template_calls()) > 10  # and the templates'
    missing += [f"{where}: {key}" for where, key in template_calls() if key not in KEYS]
    assert not missing, "keys asked for but not in game/locale/zh.po:\n" + "\n".join(missing)


@pytest.mark.parametrize("key, used", [("kind.trace", True), ("intent.opt_never", True), ("week.end_button", False)])
def test_the_usage_rule_sees_built_keys(key: str, used: bool) -> None:
    strings, prefixes = strings_and_prefixes()
    assert (key in strings or any(key.startswith(p) for p in prefixes)) is used
