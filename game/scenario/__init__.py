"""Scenario content: models, the safe YAML reader, the expression language and the loader.

Imports neither Textual nor Rich (a test checks this).
"""

from game.scenario.errors import ContentError, ScenarioLoadError
from game.scenario.loader import Scenario, load_report, load_scenario

__all__ = ["ContentError", "Scenario", "ScenarioLoadError", "load_report", "load_scenario"]
