"""Content errors: where (file:line:col and field path), what was expected, and a hint."""

from __future__ import annotations

import difflib
from dataclasses import asdict, dataclass
from typing import Iterable


@dataclass(frozen=True)
class ContentError:
    """One problem in a content file, positioned for editors and people."""

    file: str
    line: int
    column: int
    path: str
    message: str
    hint: str = ""

    def format(self) -> str:
        """`file:line:col: path: message (hint)` on one line."""
        where = f"{self.file}:{self.line}:{self.column}"
        path = f" {self.path}:" if self.path else ""
        hint = f" (hint: {self.hint})" if self.hint else ""
        return f"{where}:{path} {self.message}{hint}"

    def to_json(self) -> dict:
        return asdict(self)


class ScenarioLoadError(Exception):
    """Raised when a scenario cannot be loaded; carries every error found."""

    def __init__(self, errors: list[ContentError], warnings: list[ContentError] | None = None) -> None:
        super().__init__(f"{len(errors)} content error(s)")
        self.errors = errors
        self.warnings = warnings or []

    def summary(self) -> str:
        """The first error on one line, with a count of the rest."""
        first = self.errors[0].format() if self.errors else "invalid scenario"
        more = len(self.errors) - 1
        return first + (f" (and {more} more; run `grassroots validate` to see all)" if more > 0 else "")


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A 'did you mean' hint, or '' when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def format_path(path: tuple) -> str:
    """('events', 3, 'choices', 0, 'label') -> events[3].choices[0].label"""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out
