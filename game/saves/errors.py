"""The one error the saves module raises: which file, what is wrong, what the player can do."""

from __future__ import annotations

from pathlib import Path

# What went wrong, for callers that branch on it (the TUI, the .bak fallback, replay's exit code).
UNREADABLE, TOO_LARGE, CORRUPT, FOREIGN, FUTURE, EDITED, INVALID = (
    "unreadable", "too_large", "corrupt", "foreign", "future", "edited", "invalid")
MISSING, NO_SCENARIO, SCENARIO_CHANGED, MISMATCH, WRITE_FAILED = (
    "missing", "no_scenario", "scenario_changed", "mismatch", "write_failed")
# Another process has the game open; the file belongs to another game; the game holds an unsavable value.
LOCKED, OTHER_GAME, UNSAVABLE = "locked", "other_game", "unsavable"
# Problems of the file itself: a backup of it may still be good.
FILE_PROBLEMS = frozenset({UNREADABLE, TOO_LARGE, CORRUPT, FOREIGN, EDITED, INVALID, MISSING, MISMATCH})


def one_line(text: object) -> str:
    """Text with control characters (newlines included) shown as escapes, so a message stays one line."""
    return "".join(ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
                   for ch in str(text))


class SaveError(Exception):
    """A save or record cannot be written, read or trusted. `str(err)` is one line."""

    def __init__(self, path: Path | str, problem: str, advice: str = "", code: str = INVALID) -> None:
        self.path, self.problem, self.advice, self.code = Path(path), problem, advice, code
        super().__init__(self.line())

    def line(self) -> str:
        text = f"{self.path}: {self.problem}" + (f"; {self.advice}" if self.advice else "")
        return one_line(text)

    def __str__(self) -> str:
        return self.line()

    def __reduce__(self):  # picklable, so an error in a simulation worker reaches the parent intact
        return (SaveError, (self.path, self.problem, self.advice, self.code))
