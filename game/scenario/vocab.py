"""The names and functions expressions may use, by context.

This is the single list both the load-time checker (with dummy values) and the engine (with real ones)
build their `Env` from, so a name that passes validation always exists at run time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from game.scenario.expr_compile import Env, Function

# Names every in-game expression can read (besides meter ids and flag.NAME).
BASE_NAMES = ("turn", "weeks", "hours", "hours_left")

# Extra names by context.
CONTEXT_NAMES: dict[str, tuple[str, ...]] = {
    "game": (),
    "item": ("quota", "reported", "actual", "progress", "weight", "age", "weeks_left"),
    "settle": ("quota", "reported", "actual", "progress", "weight", "age", "weeks_left"),
    "inspection": ("score",),
}

KINDS = ("trace", "service", "feedback", "set_aside", "delegate", "reform", "other")


@dataclass(frozen=True)
class FunctionSpec:
    """Arity and, for literal string arguments, which scenario ids they must name."""

    min_args: int
    max_args: int
    arg_kind: str = ""  # "", "kind", "event", "directive", "request", "action"
    doc: str = ""


GAME_FUNCTIONS: dict[str, FunctionSpec] = {
    "min": FunctionSpec(1, 8, doc="smallest of the arguments"),
    "max": FunctionSpec(1, 8, doc="largest of the arguments"),
    "abs": FunctionSpec(1, 1, doc="absolute value"),
    "round": FunctionSpec(1, 1, doc="nearest whole number"),
    "floor": FunctionSpec(1, 1, doc="round down"),
    "ceil": FunctionSpec(1, 1, doc="round up"),
    "clamp": FunctionSpec(3, 3, doc="clamp(x, low, high)"),
    "count_kind": FunctionSpec(1, 1, "kind", "how many actions of this kind the player took"),
    "hours_kind": FunctionSpec(1, 1, "kind", "hours the player spent on actions of this kind"),
    "crossed": FunctionSpec(0, 0, doc="how many line-crossing choices the player made"),
    "idle_index": FunctionSpec(0, 0, doc="weighted mean over directives of the unbacked share of reported progress (0..1)"),
    "reported_share": FunctionSpec(0, 0, doc="weighted mean over arrived directives of reported / quota, capped at 1 (0..1)"),
    "actual_share": FunctionSpec(0, 0, doc="weighted mean over arrived directives of actual / quota, capped at 1 (0..1)"),
    "gap_share": FunctionSpec(0, 0, doc="unbacked share of reported progress, directives open or settled (0..1)"),
    "ledger_share": FunctionSpec(0, 0, doc="how complete the reported ledgers of open directives are (0..1)"),
    "served": FunctionSpec(0, 0, doc="resident requests closed with a service approach"),
    "escalated": FunctionSpec(0, 0, doc="resident requests that escalated"),
    "open_requests": FunctionSpec(0, 0, doc="resident requests waiting now"),
    "met_count": FunctionSpec(0, 0, doc="directives whose deadline was met"),
    "missed_count": FunctionSpec(0, 0, doc="directives whose deadline was missed"),
    "vetoes_missed": FunctionSpec(0, 0, doc="one-vote-veto directives missed"),
    "fired": FunctionSpec(1, 1, "event", "whether an event card has been shown"),
    "took": FunctionSpec(1, 1, "action", "times the player took 'item_id.action_id'"),
    "met": FunctionSpec(1, 1, "directive", "whether this directive's deadline was met"),
    "missed": FunctionSpec(1, 1, "directive", "whether this directive's deadline was missed"),
    "arrived": FunctionSpec(1, 1, "item", "whether this directive or request has arrived"),
    "is_open": FunctionSpec(1, 1, "item", "whether this directive or request is open now"),
    "chances": FunctionSpec(1, 1, "kind", "how many chance actions of this kind the player took (e.g. feedback sent)"),
    "chances_then": FunctionSpec(1, 1, "kind", "how many of those took their `then` outcome (e.g. feedback answered)"),
    "weeks_played": FunctionSpec(0, 0, doc="weeks the player played: weeks closed, plus the one in progress if "
                                 "a decision was taken in it (a game ended at a week's start has not played it)"),
}

CLAIM_METRIC_EXTRA = ("upward", "downward", "combined", "idle_index", "weeks_played", "crossed")
CLAIM_FUNCTIONS: dict[str, FunctionSpec] = {
    "mean": FunctionSpec(2, 2, "bot_metric", "mean('bot', 'metric'): mean of a metric over a bot's games"),
    "ending_rate": FunctionSpec(2, 2, "bot_ending", "ending_rate('bot', 'ending'): share of a bot's games"),
    "top_ending_rate": FunctionSpec(1, 1, "bot", "largest share any single ending takes of a bot's games"),
    "best": FunctionSpec(1, 1, "metric", "the bot with the highest mean of a metric"),
    "worst": FunctionSpec(1, 1, "metric", "the bot with the lowest mean of a metric"),
    "rarest_ending_rate": FunctionSpec(0, 0, doc="over endings, the best rate any bot reaches it; the lowest of these"),
    "uncovered": FunctionSpec(0, 0, doc="events never fired plus choices never taken, in all runs"),
    "median": FunctionSpec(2, 2, "bot_metric", "median('bot', 'metric'): median of a metric over a bot's games"),
    "fired_rate": FunctionSpec(2, 2, "bot_event", "fired_rate('bot', 'event'): share of a bot's games it fired in"),
    "answered_rate": FunctionSpec(2, 2, "bot_kind", "answered_rate('bot', 'kind'): share of a bot's chance "
                                  "actions of this kind that came up (e.g. feedback answered)"),
    "most_often": FunctionSpec(1, 1, "ending", "the bot that reaches an ending in the largest share of its games"),
    "min": FunctionSpec(1, 8), "max": FunctionSpec(1, 8), "abs": FunctionSpec(1, 1),
}
# The shipped strategies (game/sim/strategies/*.yaml, a test keeps the two in step): the names claims may use.
BOTS = ("random", "trace", "service", "balanced", "reform", "cynic", "fake-small-items", "fake-headcount",
        "reform-then-trace", "delegate-all", "service-and-shelve", "hexi-bystander")


def make_env(
    names: dict[str, Callable],
    functions: dict[str, FunctionSpec],
    impls: dict[str, Callable],
    choices: dict[str, frozenset[str]],
    prefixes: dict[str, Callable] | None = None,
    prefix_choices: dict[str, list[str]] | None = None,
) -> Env:
    """Assemble an Env from the vocabulary; `choices` maps an arg_kind to the ids it accepts."""
    built: dict[str, Function] = {}
    for name, spec in functions.items():
        arg_choices: dict[int, frozenset[str]] = {}
        if spec.arg_kind == "bot_metric":
            arg_choices = {0: choices["bot"], 1: choices["metric"]}
        elif spec.arg_kind == "bot_ending":
            arg_choices = {0: choices["bot"], 1: choices["ending"]}
        elif spec.arg_kind == "bot_event":
            arg_choices = {0: choices["bot"], 1: choices["event"]}
        elif spec.arg_kind == "bot_kind":
            arg_choices = {0: choices["bot"], 1: choices["kind"]}
        elif spec.arg_kind:
            arg_choices = {0: choices[spec.arg_kind]}
        built[name] = Function(spec.min_args, spec.max_args, impls[name], arg_choices, spec.doc)
    return Env(names=names, functions=built, prefixes=prefixes or {}, prefix_choices=prefix_choices or {})
