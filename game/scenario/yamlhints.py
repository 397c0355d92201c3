"""Hints for YAML syntax errors: the usual causes are tabs and text that needs quotes."""

from __future__ import annotations

TAB_HINT = "indent with spaces; YAML does not allow tab characters for indentation"
COLON_HINT = "text containing ': ' must be quoted, e.g. text: \"Note: ...\""
BRACKET_HINT = ("text that starts with '[' or '{', or has ',' '[' ']' '{' '}' inside {...}, must be quoted, "
                "e.g. en: \"[Tip] a, b\"")
SPECIAL_HINT = "text that starts with @, `, %, !, & or * must be quoted"


def syntax_hint(text: str, line: int, column: int, problem: str) -> str:
    """Guess the usual cause of a syntax error at 1-based (line, column) of `text`."""
    lines = text.splitlines()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    char = here[column - 1] if 0 < column <= len(here) else ""
    indent = here[: len(here) - len(here.lstrip())]
    if "tab" in problem or char == "\t" or "\t" in indent:
        return TAB_HINT
    if "mapping values are not allowed" in problem:
        return COLON_HINT
    if char in ("@", "`", "%"):
        return SPECIAL_HINT
    context = here if here.strip() else (lines[line - 2] if 1 < line <= len(lines) + 1 else "")
    if any(bracket in context for bracket in "[]{}") or "expected ',' or" in problem:
        return BRACKET_HINT
    if "did not find expected key" in problem or "expected <block end>" in problem:
        return "check the indentation of this line against the lines above it"
    return ""
