"""The week's ledger and an action's result line: told by the headless narration module (game/narrate)."""

from game.narrate.ledger import Section, WeekSummary, action_result, meter_changes, week_summary
from game.narrate.teller import Line

__all__ = ["Line", "Section", "WeekSummary", "action_result", "meter_changes", "week_summary"]
