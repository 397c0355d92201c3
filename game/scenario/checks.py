"""Cross-file checks after merging: ids, references, expressions, endings, translations and stats."""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel

from game.scenario.envs import all_flags, choice_sets, dummy_claim_env, dummy_env
from game.scenario.errors import ContentError, did_you_mean, format_path
from game.scenario.expr import Env, ExprError, compile_expr
from game.scenario.loader import ParsedFile, Scenario
from game.scenario.models import Action, Effect, Later, LocalizedText

ITEM_SECTIONS = ("directives", "requests")


class _Checker:
    def __init__(self, scenario: Scenario) -> None:
        self.s = scenario
        self.errors: list[ContentError] = []
        self.warnings: list[ContentError] = []
        self.meters = {m.id for m in scenario.meters}
        self.events = {e.id for e in scenario.events}
        self.endings = {e.id for e in scenario.endings}
        self.directives = {d.id for d in scenario.directives}
        self.requests = {r.id for r in scenario.requests}
        self.flags = all_flags(scenario)
        self.choices = choice_sets(scenario)
        self.envs: dict[str, Env] = {}
        self.doc: Any = None
        self.triggered_events: set[str] = set()
        self.triggered_endings: set[str] = set()
        self.issued_items: set[str] = set()

    # -- reporting -------------------------------------------------------------------------------
    def error(self, path: tuple, message: str, hint: str = "", warn: bool = False) -> None:
        line, col = self.doc.where(path)
        item = ContentError(self.doc.file, line, col, format_path(path), message, hint)
        (self.warnings if warn else self.errors).append(item)

    def ref(self, path: tuple, value: str | None, known: set[str], what: str) -> None:
        if value is not None and value not in known:
            self.error(path, f"unknown {what} '{value}'", did_you_mean(value, known) or
                       (f"known {what}s: {', '.join(sorted(known)[:10])}" if known else f"no {what}s are defined"))

    def expr(self, path: tuple, value: Any, context: str) -> None:
        if not isinstance(value, str):
            return
        env = self.envs.get(context)
        if env is None:
            env = self.envs[context] = dummy_env(self.s, context, self.choices)
        try:
            compile_expr(value, env)
        except ExprError as err:
            self.error(path, f"in expression {value!r}: {err.message}", err.hint)

    def chance(self, path: tuple, value: Any, context: str) -> None:
        if isinstance(value, (int, float)) and not 0 <= value <= 1:
            self.error(path, f"a chance must be between 0 and 1, got {value}")
        self.expr(path, value, context)

    # -- effects and actions ----------------------------------------------------------------------
    def effect(self, effect: Effect, path: tuple, context: str, own: str | None) -> None:
        for meter, delta in effect.meters.items():
            self.ref(path + ("meters", meter), meter, self.meters, "meter")
            self.expr(path + ("meters", meter), delta, context)
        for name in ("reported", "actual", "quota"):
            value = getattr(effect, name)
            if value is None:
                continue
            if own != "directive":
                self.error(path + (name,), f"`{name}` here has no directive of its own to change",
                           "use `progress: [{directive: ID, " + name + ": N}]`")
            self.expr(path + (name,), value, context)
        for index, change in enumerate(effect.progress):
            where = path + ("progress", index)
            self.ref(where + ("directive",), change.directive, self.directives, "directive")
            for name in ("reported", "actual", "quota"):
                self.expr(where + (name,), getattr(change, name), context)
        self.ref(path + ("event",), effect.event, self.events, "event")
        self.ref(path + ("directive",), effect.directive, self.directives, "directive")
        self.ref(path + ("request",), effect.request, self.requests, "request")
        self.ref(path + ("end_game",), effect.end_game, self.endings, "ending")
        if effect.event:
            self.triggered_events.add(effect.event)
        if effect.end_game:
            self.triggered_endings.add(effect.end_game)
        self.issued_items.update(x for x in (effect.directive, effect.request) if x)
        for index, later in enumerate(effect.later):
            self.later(later, path + ("later", index), context, own)

    def later(self, later: Later, path: tuple, context: str, own: str | None) -> None:
        self.chance(path + ("chance",), later.chance, context)
        self.expr(path + ("unless",), later.unless, context)
        self.effect(later, path, context, own)

    def action(self, action: Action, path: tuple, context: str, own: str | None) -> None:
        self.effect(action, path, context, own)
        self.expr(path + ("hours",), action.hours, context)
        if isinstance(action.hours, (int, float)) and action.hours < 0:
            self.error(path + ("hours",), "hours cannot be negative")
        for meter, cost in action.costs.items():
            self.ref(path + ("costs", meter), meter, self.meters, "meter")
            self.expr(path + ("costs", meter), cost, context)
        self.expr(path + ("requires",), action.requires, context)
        if action.locked_reason is not None and action.requires is None:
            self.error(path + ("locked_reason",), "`locked_reason` without `requires` is never shown", warn=True)
        if action.chance is not None:
            self.chance(path + ("chance",), action.chance, context)
            if action.then is None and action.otherwise is None:
                self.error(path + ("chance",), "`chance` without `then` or `otherwise` does nothing", warn=True)
        elif action.then is not None or action.otherwise is not None:
            self.error(path, "`then`/`otherwise` need a `chance`", "add e.g. `chance: 0.3`")
        for name in ("then", "otherwise"):
            branch = getattr(action, name)
            if branch is not None:
                self.effect(branch, path + (name,), context, own)

    def actions(self, actions: list[Action], path: tuple, context: str, own: str | None) -> None:
        seen: dict[str, int] = {}
        for index, action in enumerate(actions):
            where = path + (index,)
            if action.id in seen:
                self.error(where + ("id",), f"duplicate id '{action.id}' (also at index {seen[action.id]})")
            seen[action.id] = index
            self.action(action, where, context, own)

    # -- sections ---------------------------------------------------------------------------------
    def header(self, parsed: ParsedFile) -> None:
        info = parsed.content.scenario
        if info is None:
            return
        base = ("scenario",)
        self.expr(base + ("hours_per_week",), info.hours_per_week, "game")
        self.expr(base + ("events_per_week",), info.events_per_week, "game")
        self.expr(base + ("scoring", "upward"), info.scoring.upward, "game")
        self.expr(base + ("scoring", "downward"), info.scoring.downward, "game")
        rules = info.settlement
        for name in ("met", "missed", "veto_missed"):
            if getattr(rules, name) is not None:
                self.effect(getattr(rules, name), base + ("settlement", name), "settle", "directive")
        for level, rule in info.urgency.items():
            where = base + ("urgency", level)
            for meter, delta in rule.ignored_each_week.items():
                self.ref(where + ("ignored_each_week", meter), meter, self.meters, "meter")
                self.expr(where + ("ignored_each_week", meter), delta, "request")
            if rule.escalation:
                self.effect(rule.escalation, where + ("escalation",), "request", None)
        for index, rule in enumerate(info.weekly):
            self.expr(base + ("weekly", index, "when"), rule.when, "game")
            self.effect(rule.effect, base + ("weekly", index, "effect"), "game", None)
        if info.default_language and info.default_language not in info.languages:
            self.error(base + ("default_language",), f"'{info.default_language}' is not in `languages`")
        if len(info.week_labels) > info.weeks:
            self.error(base + ("week_labels",), f"{len(info.week_labels)} labels for {info.weeks} weeks")

    def meters_section(self, parsed: ParsedFile) -> None:
        for index, meter in enumerate(parsed.content.meters):
            where = ("meters", index)
            low, high = meter.range
            if low >= high:
                self.error(where + ("range",), f"range [{low}, {high}] is empty", "write [low, high] with low < high")
            elif not low <= meter.start <= high:
                self.error(where + ("start",), f"start {meter.start} is outside the range [{low}, {high}]")
            if meter.ends_game_at:
                for bound in ("min", "max"):
                    ending = getattr(meter.ends_game_at, bound)
                    self.ref(where + ("ends_game_at", bound), ending, self.endings, "ending")
                    if ending:
                        self.triggered_endings.add(ending)

    def items_section(self, parsed: ParsedFile) -> None:
        weeks = self.s.info.weeks
        for section, own, context in (("directives", "directive", "item"), ("requests", "request", "request")):
            for index, item in enumerate(getattr(parsed.content, section)):
                where = (section, index)
                self.expr(where + ("when",), item.when, "game")
                if item.arrives is not None and item.arrives > weeks:
                    self.error(where + ("arrives",), f"week {item.arrives} is after the last week ({weeks})")
                self.actions(item.approaches, where + ("approaches",), context, own)
                if section == "directives":
                    for name in ("on_met", "on_missed"):
                        if getattr(item, name) is not None:
                            self.effect(getattr(item, name), where + (name,), "settle", "directive")
                else:
                    for meter, delta in (item.ignored_each_week or {}).items():
                        self.ref(where + ("ignored_each_week", meter), meter, self.meters, "meter")
                        self.expr(where + ("ignored_each_week", meter), delta, "request")
                    if item.escalation:
                        self.effect(item.escalation, where + ("escalation",), "request", None)

    def other_sections(self, parsed: ParsedFile) -> None:
        content, weeks = parsed.content, self.s.info.weeks
        for index, insp in enumerate(content.inspections):
            where = ("inspections", index)
            for w_index, week in enumerate(insp.weeks or []):
                if week > weeks:
                    self.error(where + ("weeks", w_index), f"week {week} is after the last week ({weeks})")
            self.expr(where + ("when",), insp.when, "game")
            self.chance(where + ("chance",), insp.chance, "game")
            self.effect(insp.effect, where + ("effect",), "inspection", None)
        for index, event in enumerate(content.events):
            where = ("events", index)
            self.expr(where + ("when",), event.when, "game")
            self.expr(where + ("weight",), event.weight, "game")
            self.actions(event.choices, where + ("choices",), "game", None)
        for index, ending in enumerate(content.endings):
            self.expr(("endings", index, "when"), ending.when, "game")
        for index, modifier in enumerate(content.modifiers):
            where = ("modifiers", index)
            self.expr(where + ("when",), modifier.when, "game")
            for i_index, item in enumerate(modifier.items or []):
                self.ref(where + ("items", i_index), item, self.directives | self.requests, "directive or request")
        if content.debrief:
            for index, reflection in enumerate(content.debrief.reflections):
                self.expr(("debrief", "reflections", index, "when"), reflection.when, "game")
        claim_env = dummy_claim_env(self.s, self.choices)
        for index, claim in enumerate(content.claims):
            try:
                compile_expr(claim.holds, claim_env)
            except ExprError as err:
                self.error(("claims", index, "holds"), f"in claim {claim.holds!r}: {err.message}", err.hint)

    def duplicates(self, files: list[ParsedFile]) -> None:
        namespaces = {"meters": "meter", "directives": "item", "requests": "item", "inspections": "inspection",
                      "events": "event", "endings": "ending", "modifiers": "modifier", "claims": "claim"}
        seen: dict[tuple[str, str], str] = {}
        for parsed in files:
            self.doc = parsed.doc
            for section, space in namespaces.items():
                for index, item in enumerate(getattr(parsed.content, section)):
                    key = (space, item.id)
                    line = parsed.doc.where((section, index, "id"))[0]
                    here = f"{parsed.doc.file}:{line}"
                    if key in seen:
                        self.error((section, index, "id"), f"duplicate id '{item.id}' (first defined at {seen[key]})",
                                   "ids must be unique across all files of a scenario"
                                   + (" (directives and requests share one namespace)" if space == "item" else ""))
                    else:
                        seen[key] = here
            if parsed.content.debrief:
                for index, note in enumerate(parsed.content.debrief.research_notes):
                    key = ("note", note.code)
                    if key in seen:
                        self.error(("debrief", "research_notes", index, "code"), f"duplicate research note '{note.code}'")
                    seen.setdefault(key, f"{parsed.doc.file}")

    def findings(self, files: list[ParsedFile]) -> None:
        codes = {n.code for n in self.s.debrief.research_notes}
        if not codes:
            return
        for parsed in files:
            self.doc = parsed.doc
            for path, model in _walk(parsed.content, ()):
                for index, code in enumerate(getattr(model, "findings", None) or []):
                    if code not in codes:
                        self.error(path + ("findings", index), f"unknown research finding '{code}'",
                                   did_you_mean(code, codes) or f"declared: {', '.join(sorted(codes))}")

    def reachability(self, files: list[ParsedFile]) -> None:
        endings = {e.id: e for e in self.s.endings}
        fallbacks = [e for e in self.s.endings if e.when is None and e.id not in self.triggered_endings]
        first = files[0]
        self.doc = first.doc
        if not self.s.endings:
            self.error(("endings",), "the scenario has no endings", "add at least one ending without `when`")
        elif not fallbacks:
            self.error(("scenario",), "no fallback ending: every game that reaches the last week needs one",
                       "add an ending without `when` (it is chosen when no other ending's condition holds)")
        top = max((e.priority for e in fallbacks), default=None)
        for parsed in files:
            self.doc = parsed.doc
            for index, event in enumerate(parsed.content.events):
                if not event.draw and event.id not in self.triggered_events:
                    self.error(("events", index, "draw"), f"event '{event.id}' is never drawn nor triggered",
                               "set `draw: true` or trigger it with `event:` in an effect", warn=True)
            for section in ITEM_SECTIONS:
                for index, item in enumerate(getattr(parsed.content, section)):
                    if item.arrives is None and item.when is None and item.id not in self.issued_items:
                        self.error((section, index), f"'{item.id}' never arrives",
                                   "give it `arrives: WEEK` or `when:`, or issue it from an effect", warn=True)
            for index, ending in enumerate(parsed.content.endings):
                if ending.id in self.triggered_endings or top is None:
                    continue
                if ending.when is None and ending.priority < top:
                    self.error(("endings", index), f"ending '{ending.id}' can never be chosen",
                               "another fallback ending without `when` has a higher priority", warn=True)
                elif ending.when is not None and ending.priority < top:
                    self.error(("endings", index, "priority"), f"ending '{ending.id}' can never be chosen",
                               f"a fallback ending has priority {top}; give this one a higher priority", warn=True)
        del endings

    def translations(self, files: list[ParsedFile]) -> int:
        languages = self.s.info.languages
        missing = 0
        for parsed in files:
            self.doc = parsed.doc
            for path, value in _texts(parsed.content, ()):
                if isinstance(value, str):
                    if len(languages) > 1 and value.strip():
                        missing += len(languages) - 1
                        self.error(path, "text in one language only", f"write {{{', '.join(languages)}}}", warn=True)
                    continue
                for lang in languages:
                    if getattr(value, lang) in (None, ""):
                        missing += 1
                        self.error(path, f"missing the '{lang}' text", "", warn=True)
        return missing


def _walk(model: BaseModel, path: tuple):
    """Yield (path, model) for every model in a tree."""
    yield path, model
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel) and not isinstance(value, LocalizedText):
            yield from _walk(value, path + (name,))
        elif isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel) and not isinstance(item, LocalizedText):
                    yield from _walk(item, path + (name, index))
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, BaseModel):
                    yield from _walk(item, path + (name, key))


def _is_text_field(model: type[BaseModel], name: str) -> bool:
    annotation = model.model_fields[name].annotation
    return "LocalizedText" in str(annotation) and typing.get_origin(annotation) is not list


def _texts(model: BaseModel, path: tuple):
    """Yield (path, text) for every player-facing text (facilitator `notes` excluded)."""
    for sub_path, sub in _walk(model, path):
        for name in type(sub).model_fields:
            if name == "notes":
                continue
            value = getattr(sub, name)
            if value is None:
                continue
            if _is_text_field(type(sub), name):
                yield sub_path + (name,), value
            elif name == "week_labels":
                for index, label in enumerate(value):
                    yield sub_path + (name, index), label


def check_scenario(scenario: Scenario, files: list[ParsedFile]) -> tuple[list[ContentError], list[ContentError], dict]:
    """Run every cross-file check; return errors, warnings and the stats `validate` prints."""
    checker = _Checker(scenario)
    checker.duplicates(files)
    for parsed in files:
        checker.doc = parsed.doc
        checker.header(parsed)
        checker.meters_section(parsed)
        checker.items_section(parsed)
        checker.other_sections(parsed)
    checker.findings(files)
    checker.reachability(files)
    missing = checker.translations(files)
    stats = {
        "turns": scenario.info.weeks,
        "meters": len(scenario.meters),
        "tasks": len(scenario.directives),
        "requests": len(scenario.requests),
        "events": len(scenario.events),
        "endings": len(scenario.endings),
        "inspections": len(scenario.inspections),
        "languages": list(scenario.info.languages),
        "missing_translations": missing,
    }
    return checker.errors, checker.warnings, stats
