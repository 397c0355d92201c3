"""What every command shares about bad arguments: the usage error (exit 2) and naming a scenario."""

from __future__ import annotations

from pathlib import Path


class UsageError(Exception):
    """A command was called with arguments that do not fit (exit 2)."""


def scenario_argument(name: str | None) -> Path | None:
    """The scenario an argument names (an id found in a content root, or a path); None when none is given.
    Raises UsageError, with the catalogue's message, when it names nothing that exists."""
    if name is None or name == "":
        return None
    from game.scenario.catalog import UnknownScenario, resolve

    try:
        return resolve(name)
    except UnknownScenario as err:
        raise UsageError(str(err)) from None
