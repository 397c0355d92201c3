"""Scenario content: models, the safe YAML reader, the expression language and the loader.

Imports neither Textual nor Rich (a test checks this). The loader (and with it pydantic and the content
models) is imported on first use, so that light modules such as `game.scenario.sources` can be used
before paying for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.scenario.errors import ContentError, ScenarioLoadError

if TYPE_CHECKING:
    from game.scenario.loader import load_report, load_scenario
    from game.scenario.scenario_types import Scenario

__all__ = ["ContentError", "Scenario", "ScenarioLoadError", "load_report", "load_scenario"]
_FROM_LOADER = ("Scenario", "load_report", "load_scenario")


def __getattr__(name: str) -> Any:
    if name in _FROM_LOADER:
        from game.scenario import loader

        return getattr(loader, name)
    raise AttributeError(f"module 'game.scenario' has no attribute {name!r}")
