"""Static checks: content that can never happen, loops that never end, and text that shows wrong.

Warnings (errors with `validate --strict`): conditions that can never hold (interval reasoning over meter
ranges, `turn` against the scenario's length, constants like `when: "false"`), flags only ever cleared,
cards that can never come, texts that show nothing, emoji presentation sequences (they shift borders on
real terminals). Errors: events that queue themselves (the week could never end) and values that must
overflow. Multi-line Chinese text and block scalars' trailing line breaks are laid out by the reader.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from game.scenario.expr import ExprError, parse
from game.scenario.intervals import COUNT, SHARE, TRUTH, Ranges, Span, is_constant, names_in, span, truth
from game.scenario.scenario_types import ParsedFile, Scenario

if TYPE_CHECKING:
    from game.scenario.checks import Checker

CONDITIONS = frozenset(("when", "requires", "unless"))
_MAY_GROW = re.compile(r"[*/]|[0-9][eE]|[0-9]{14}")
LIMIT = 1e15  # numbers beyond this size are bounded by the engine (engine/bounds.py)
_NEVER = {  # what a condition that never holds means, by the section it is in
    "endings": "so this ending is never chosen",
    "events": "so this card is never drawn",
    "directives": "so this directive never arrives that way",
    "requests": "so this request never arrives that way",
    "modifiers": "so this modifier never applies",
    "inspections": "so this inspection never runs",
    "debrief": "so this reflection is never shown",
    "scenario": "so this rule never applies",
}
_INVISIBLE = "\u00ad\u034f\u115f\u1160\u180e\u200b\u200c\u200d\u2060-\u2064\u2800\u3164\ufeff\uffa0"
_BLANK = re.compile(f"^[\\s{_INVISIBLE}]*$")
_EMOJI_SEQUENCE = re.compile("[\ufe0f\u20e3\U0001f1e6-\U0001f1ff]|(?<=[\U0001f000-\U0001faff\u2600-\u27bf])\u200d")
LOOK = re.compile(f"[{_INVISIBLE}\ufe0f\u20e3\U0001f1e6-\U0001f1ff]")  # any of the above: look closer


def ranges_for(scenario: Scenario, context: str, flags: dict[str, tuple[float, float]]) -> Ranges:
    """What an expression of `context` can read, and the values each name can take during a game."""
    weeks = float(scenario.info.weeks)
    names: dict[str, Any] = {m.id: (float(m.range[0]), float(m.range[1])) for m in scenario.meters}
    hours = scenario.info.hours_per_week
    top = float(hours) if isinstance(hours, (int, float)) else float("inf")
    names.update(turn=(weeks, weeks) if context == "final" else (1.0, weeks), weeks=(weeks, weeks),
                 hours=(0.0, max(0.0, top)), hours_left=(0.0, max(0.0, top)))
    if context in ("item", "settle"):
        names.update(quota=(0.0, LIMIT), reported=(0.0, LIMIT), actual=(0.0, LIMIT), progress=SHARE,
                     weight=(0.0, LIMIT), age=(0.0, weeks), weeks_left=(-weeks - 52, weeks + 52))
    elif context == "request":
        names["age"] = (0.0, weeks)
    elif context == "inspection":
        names["score"] = SHARE
    directives, requests = float(len(scenario.directives)), float(len(scenario.requests))
    functions: dict[str, Span] = {name: COUNT for name in ("count_kind", "hours_kind", "crossed", "took", "served",
                                                           "escalated")}
    functions.update({name: SHARE for name in ("idle_index", "reported_share", "actual_share", "gap_share",
                                               "ledger_share")})
    functions.update({name: TRUTH for name in ("fired", "met", "missed", "arrived", "is_open")})
    functions.update(open_requests=(0.0, requests), met_count=(0.0, directives), missed_count=(0.0, directives),
                     vetoes_missed=(0.0, directives))
    return Ranges(names, dict(flags), functions)


def flag_spans(scenario: Scenario, set_flags: set[str], cleared: set[str]) -> dict[str, tuple[float, float]]:
    """The values each flag can take: 1 only if something sets it or it starts set, 0 unless it starts set
    and nothing clears it."""
    start = set(scenario.info.start_flags)
    spans = {}
    for flag in set_flags | cleared | start:
        can_be_set = flag in set_flags or flag in start
        can_be_clear = flag in cleared or flag not in start
        spans[flag] = (0.0 if can_be_clear else 1.0, 1.0 if can_be_set else 0.0)
    return spans


class Reasoner:
    """Judges each checked expression once per context and role; reports through the checker."""

    def __init__(self, checker: Checker, flags: dict[str, tuple[float, float]]) -> None:
        self.checker = checker
        self.flags = flags
        self.ranges: dict[str, Ranges] = {}
        self.judged: dict[tuple, tuple[str, str, bool] | None] = {}
        self.spans: dict[tuple[str, str], Any] = {}  # (context, text) -> span, for the card check

    def look(self, path: tuple, text: str, context: str) -> None:
        """Warn about a condition that can never hold (or is a constant); refuse a value that must overflow.

        A value without `*`, `/`, an exponent or a 14-digit number cannot reach 1e15 from content's
        bounded numbers (short of absurd meter ranges), so only values that could are reasoned about.
        """
        role = path[-1]  # conditions and weights are always the last part of their path
        condition = role in CONDITIONS
        if path[0] == "endings":
            context = "final"  # endings' conditions are read once, after the last week
        if not condition and role != "weight" and _MAY_GROW.search(text) is None:
            return
        key = (context, text, condition)
        if key not in self.judged:
            self.judged[key] = self._judge(text, context, role in CONDITIONS, role)
        found = self.judged[key]
        if found is not None:
            message, hint, warn = found
            if warn and "never hold" in message:
                if role == "requires":
                    message += ", so this action is never available"
                elif role == "when" and path[0] in _NEVER:
                    message += f", {_NEVER[path[0]]}"
            self.checker.error(path, message, hint, warn=warn)

    def always_holds(self, text: str, context: str) -> bool:
        """Whether a condition holds in every game (e.g. `turn >= 1`, or `budget <= 50` on a [0, 50] meter)."""
        if context not in self.ranges:
            self.ranges[context] = ranges_for(self.checker.s, context, self.flags)
        try:
            return not truth(span(parse(text), self.ranges[context]))[1]
        except ExprError:
            return False

    def never_positive(self, text: str) -> bool:
        """Whether a game-context expression can never be above 0."""
        if "game" not in self.ranges:
            self.ranges["game"] = ranges_for(self.checker.s, "game", self.flags)
        values = self.spans.get(("game", text)) or span(parse(text), self.ranges["game"])
        return values is not None and values[1] <= 0

    def _judge(self, text: str, context: str, condition: bool, role: str) -> tuple[str, str, bool] | None:
        if context not in self.ranges:
            self.ranges[context] = ranges_for(self.checker.s, context, self.flags)
        ranges = self.ranges[context]
        tree = parse(text)
        values = self.spans[context, text] = span(tree, ranges)
        if condition:
            can_true, can_false = truth(values)
            if not can_true:
                return f"the condition {text!r} can never hold", self._why(tree, ranges), True
            if not can_false and is_constant(tree):
                return f"the condition {text!r} always holds", f"it is a constant; leave `{role}` out", True
            return None
        if values is not None and (values[0] > LIMIT or values[1] < -LIMIT):
            return (f"{text!r} is always beyond {LIMIT:.0e} in size", "content numbers stay below 1e+15 in size; "
                    "check the expression's factors", False)
        return None

    @staticmethod
    def _why(tree: tuple, ranges: Ranges) -> str:
        if is_constant(tree):
            return "it is a constant: it reads no meter, flag or `turn`"
        parts = []
        for name in names_in(tree):
            if name.startswith("flag."):
                low, high = ranges.flags.get(name[5:]) or (0.0, 1.0)
                if low == high:
                    parts.append(f"{name} is always {'set' if low else 'clear'}")
                continue
            known = ranges.names.get(name)
            if known is not None:
                parts.append(f"{name} is {_number(known[0])} to {_number(known[1])}")
        return "; ".join(parts)


def _number(value: float) -> str:
    return f"{value:g}"


# -- events that queue themselves ---------------------------------------------------------------------------
def event_cycles(checker: Checker, files: list[ParsedFile]) -> None:
    """An event whose choices trigger it again, directly or through other cards, would lock the week."""
    edges: dict[str, list[tuple[str, ParsedFile, tuple]]] = {}
    for parsed in files:
        for index, event in enumerate(parsed.content.events):
            for number, choice in enumerate(event.choices):
                base = ("events", index, "choices", number)
                for branch, effect in (((), choice), (("then",), choice.then), (("otherwise",), choice.otherwise)):
                    if effect is not None and effect.event:
                        edges.setdefault(event.id, []).append((effect.event, parsed, base + branch + ("event",)))
    for source, targets in edges.items():
        for target, parsed, path in targets:
            route = _route(edges, target, source)
            if route is None:
                continue
            checker.doc = parsed.doc
            chain = " → ".join([source, *route])
            checker.error(path, f"event '{source}' queues itself ({chain}): the week could never end",
                          "show the next card in a later week (`later: [{in_weeks: 1, event: ...}]`), "
                          "or end the chain with a choice that triggers no card")


def _route(edges: dict[str, list], start: str, goal: str) -> list[str] | None:
    """The events from `start` to `goal` along triggers (breadth first), or None when there is no way."""
    previous: dict[str, str | None] = {start: None}
    queue = [start]
    while queue:
        here = queue.pop(0)
        if here == goal:
            route = [here]
            while (before := previous[route[-1]]) is not None:
                route.append(before)
            return list(reversed(route))
        for target, _, _ in edges.get(here, ()):
            if target not in previous:
                previous[target] = here
                queue.append(target)
    return None


# -- flags and cards ----------------------------------------------------------------------------------------
def cleared_never_set(checker: Checker, sites: list[tuple[ParsedFile, tuple, str]], settable: set[str]) -> None:
    """A flag that effects clear but nothing sets (and that does not start set) is never set at all."""
    for parsed, path, flag in sites:
        if flag not in settable:
            checker.doc = parsed.doc
            checker.error(path, f"flag '{flag}' is cleared but never set",
                          f"nothing sets it and it is not a start flag: add `set: [{flag}]` where it should begin, "
                          "or remove the `clear`", warn=True)


def cards_that_never_come(checker: Checker, files: list[ParsedFile]) -> None:
    """A drawable card whose weight can never be above 0, and that no effect triggers, never comes."""
    for parsed in files:
        checker.doc = parsed.doc
        for index, event in enumerate(parsed.content.events):
            if not event.draw or event.id in checker.triggered_events:
                continue
            weight = event.weight
            never = weight <= 0 if not isinstance(weight, str) else (
                checker.reasoner is not None and checker.reasoner.never_positive(weight))
            if never:
                checker.error(("events", index, "weight"), f"card '{event.id}' can never come: its weight is never "
                              "above 0 and no effect triggers it", "give it a weight above 0 in some weeks, or "
                              "trigger it with `event:` in an effect", warn=True)


# -- texts --------------------------------------------------------------------------------------------------
def look_at_text(checker: Checker, path: tuple, text: str, language: str = "") -> None:
    """Warn about a text that shows nothing, or that holds emoji presentation sequences."""
    if text.isascii() and text and not text.isspace():
        return
    which = f"the {language} text" if language else "the text"
    if text and _BLANK.match(text):
        checker.error(path, f"{which} shows nothing: only spaces, line breaks or invisible characters",
                      "write the text, or leave the field out if it is optional", warn=True)
        return
    if LOOK.search(text) is None:
        return
    found = _EMOJI_SEQUENCE.search(text)
    if found:
        checker.error(path, f"{which} holds an emoji presentation sequence (U+{ord(found.group()):04X})",
                      "emoji drawn from sequences (VS16, ZWJ, keycaps, flags) take a width terminals disagree "
                      "on and shift borders; use a plain character or words", warn=True)
