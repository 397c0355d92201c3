"""Cross-file checks after merging: references, expressions and ranges, item by item.

Whole-scenario checks (duplicate ids, findings, translations, reachability) live in `checks_global.py`.
"""

from __future__ import annotations

from typing import Any

from game.scenario.envs import all_flags, choice_sets, dummy_claim_env, dummy_env
from game.scenario.errors import ContentError, did_you_mean, format_path
from game.scenario.expr import ExprError
from game.scenario.expr_compile import Env, compile_expr
from game.scenario.scenario_types import ParsedFile, Scenario
from game.scenario.checks_static import Reasoner
from game.scenario.models import Action, Directive, Effect, Later, Request
from game.scenario.yamlread import Document


_LEDGER_FIELDS = ("reported", "actual", "quota")
_UNCHECKED = object()  # an expression not checked yet in its context
_REFERENCE_FIELDS = frozenset(("event", "directive", "request", "end_game", "later"))


class Reporter:
    """Collects errors and warnings, positioned in the document being checked."""

    def __init__(self) -> None:
        self.errors: list[ContentError] = []
        self.warnings: list[ContentError] = []
        self.doc: Document | None = None

    def error(self, path: tuple, message: str, hint: str = "", warn: bool = False) -> None:
        assert self.doc is not None
        line, col = self.doc.where(path)
        item = ContentError(self.doc.file, line, col, format_path(path), message, hint)
        (self.warnings if warn else self.errors).append(item)


class Checker(Reporter):
    """Checks each file's items against the merged scenario; records what effects trigger."""

    def __init__(self, scenario: Scenario, flags: set[str] | None = None) -> None:
        super().__init__()
        self.s = scenario
        self.meters = {m.id for m in scenario.meters}
        self.events = {e.id for e in scenario.events}
        self.endings = {e.id for e in scenario.endings}
        self.directives = {d.id for d in scenario.directives}
        self.requests = {r.id for r in scenario.requests}
        self.tags = _tags(scenario)
        self.flags = all_flags(scenario) if flags is None else flags
        self.choices = choice_sets(scenario)
        self.envs: dict[str, Env] = {}
        self.checked: dict[tuple[str, str], ExprError | None] = {}
        self.triggered_events: set[str] = set()
        self.reasoner: Reasoner | None = None  # static reasoning over expressions, once the flags are known
        self.set_flags: set[str] = set()  # flags some effect sets
        self.clear_sites: list[tuple[ParsedFile, tuple, str]] = []  # where effects clear flags
        self.triggered_endings: set[str] = set()
        self.issued_items: set[str] = set()

    def ref(self, path: tuple, value: str | None, known: set[str], what: str) -> None:
        if value is not None and value not in known:
            self.error(path, f"unknown {what} '{value}'", did_you_mean(value, known) or
                       (f"known {what}s: {', '.join(sorted(known)[:10])}" if known else f"no {what}s are defined"))

    def expr(self, path: tuple, value: Any, context: str) -> None:
        if not isinstance(value, str):
            return
        err: Any = self.checked.get((context, value), _UNCHECKED)
        if err is _UNCHECKED:  # the same text in the same context always checks the same
            err = self.checked[context, value] = self._compile_error(value, context)
        if err is not None:
            self.error(path, f"in expression {value!r}: {err.message}", err.hint)
        elif self.reasoner is not None:
            self.reasoner.look(path, value, context)

    def _compile_error(self, value: str, context: str) -> ExprError | None:
        env = self.envs.get(context)
        if env is None:
            env = self.envs[context] = dummy_env(self.s, context, self.choices, self.flags)
        try:
            compile_expr(value, env)
        except ExprError as err:
            return err
        return None

    def debrief_texts(self, where: tuple, model: Any, fields: tuple[str, ...]) -> None:
        check_placeholders(self, where, model, fields)

    def chance(self, path: tuple, value: Any, context: str) -> None:
        if isinstance(value, (int, float)) and not 0 <= value <= 1:
            self.error(path, f"a chance must be between 0 and 1, got {value}", "0.25 means one time in four")
        self.expr(path, value, context)

    # -- effects and actions ----------------------------------------------------------------------
    def effect(self, effect: Effect, path: tuple, context: str, own: str | None) -> None:
        present = effect.__pydantic_fields_set__  # fields left at their default need no check
        if "meters" in present:
            for meter, delta in effect.meters.items():
                where = path + ("meters", meter)
                self.ref(where, meter, self.meters, "meter")
                self.expr(where, delta, context)
        if not present.isdisjoint(_LEDGER_FIELDS):
            self.ledgers(effect, path, context, own)
        for index, change in enumerate(effect.progress):
            where = path + ("progress", index)
            self.ref(where + ("directive",), change.directive, self.directives, "directive")
            for name in _LEDGER_FIELDS:
                self.expr(where + (name,), getattr(change, name), context)
        if present.isdisjoint(_REFERENCE_FIELDS):
            return
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

    def ledgers(self, effect: Effect, path: tuple, context: str, own: str | None) -> None:
        for name in _LEDGER_FIELDS:
            value = getattr(effect, name)
            if value is None:
                continue
            if own != "directive":
                self.error(path + (name,), f"`{name}` here has no directive of its own to change",
                           "use `progress: [{directive: ID, " + name + ": N}]`")
            self.expr(path + (name,), value, context)

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
            branch = "then" if action.then is not None else "otherwise"
            self.error(path + (branch,), "`then`/`otherwise` need a `chance`",
                       "add e.g. `chance: 0.3` (the probability that `then` happens)")
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
    def check_file(self, parsed: ParsedFile) -> None:
        """Run every per-item check on one file."""
        self.doc = parsed.doc
        self.header(parsed)
        self.meters_section(parsed)
        self.items_section(parsed)
        self.other_sections(parsed)

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
        for index, weekly in enumerate(info.weekly):
            self.expr(base + ("weekly", index, "when"), weekly.when, "game")
            self.effect(weekly.effect, base + ("weekly", index, "effect"), "game", None)
        if info.default_language and info.default_language not in info.languages:
            self.error(base + ("default_language",), f"'{info.default_language}' is not in `languages`")
        if len(info.week_labels) > info.weeks:
            self.error(base + ("week_labels",), f"{len(info.week_labels)} labels for {info.weeks} weeks")
        for index, flag in enumerate(info.start_flags):
            if info.start_flags.index(flag) != index:
                self.error(base + ("start_flags", index), f"flag '{flag}' is listed twice", warn=True)

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
                    self.directive_extras(item, where, weeks)
                else:
                    for meter, delta in (item.ignored_each_week or {}).items():
                        self.ref(where + ("ignored_each_week", meter), meter, self.meters, "meter")
                        self.expr(where + ("ignored_each_week", meter), delta, "request")
                    if item.escalation:
                        self.effect(item.escalation, where + ("escalation",), "request", None)

    def directive_extras(self, item: Any, where: tuple, weeks: int) -> None:
        for name in ("on_met", "on_missed"):
            if getattr(item, name) is not None:
                self.effect(getattr(item, name), where + (name,), "settle", "directive")
        if item.arrives is not None and item.arrives <= weeks < item.arrives + item.due_in_weeks - 1:
            deadline = item.arrives + item.due_in_weeks - 1
            self.error(where + ("due_in_weeks",), f"the deadline (week {deadline}) is after the last week ({weeks})",
                       "it never settles; shorten `due_in_weeks` or let it arrive earlier", warn=True)

    def core_window(self, event: Any, where: tuple, weeks: int) -> None:
        """A core card's window lies inside the game and the card is drawn (issue 12: comparable games)."""
        first, last = event.core.from_week, event.core.by_week
        if first > last:
            self.error(where, f"the window starts (week {first}) after it ends (week {last})",
                       "write from_week <= by_week")
        elif last > weeks:
            self.error(where + ("by_week",), f"week {last} is after the last week ({weeks})",
                       "a variant with fewer weeks can `change` the window")
        if not event.draw:
            self.error(where, "a core card must be drawn (`draw: false` cards come only when an effect sends them)")

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
            if isinstance(event.weight, (int, float)) and event.weight < 0:
                self.error(where + ("weight",), "a weight cannot be negative", "use 0 to never draw it by chance")
            if event.core is not None:
                self.core_window(event, where + ("core",), weeks)
            self.actions(event.choices, where + ("choices",), "game", None)
        for index, ending in enumerate(content.endings):
            self.expr(("endings", index, "when"), ending.when, "game")
            self.debrief_texts(("endings", index), ending, ("text", "debrief"))
        for index, modifier in enumerate(content.modifiers):
            where = ("modifiers", index)
            self.expr(where + ("when",), modifier.when, "game")
            for i_index, item in enumerate(modifier.items or []):
                self.ref(where + ("items", i_index), item, self.directives | self.requests, "directive or request")
            for t_index, tag in enumerate(modifier.tags or []):
                self.ref(where + ("tags", t_index), tag, self.tags, "tag")
        if content.debrief:
            for index, reflection in enumerate(content.debrief.reflections):
                self.expr(("debrief", "reflections", index, "when"), reflection.when, "game")
                self.debrief_texts(("debrief", "reflections", index), reflection, ("text",))
            for index, explainer in enumerate(content.debrief.explainers):
                self.expr(("debrief", "explainers", index, "when"), explainer.when, "game")
                self.debrief_texts(("debrief", "explainers", index), explainer, ("title", "text"))
            for index, question in enumerate(content.debrief.questions):
                self.expr(("debrief", "questions", index, "when"), question.when, "game")
                self.debrief_texts(("debrief", "questions", index), question, ("text",))
        if content.claims:
            claim_env = dummy_claim_env(self.s, self.choices)
            for index, claim in enumerate(content.claims):
                try:
                    compile_expr(claim.holds, claim_env)
                except ExprError as err:
                    self.error(("claims", index, "holds"), f"in claim {claim.holds!r}: {err.message}", err.hint)


def _texts_of(value: Any) -> list[tuple[tuple, str]]:
    """(sub-path, text) for a plain or per-language text."""
    if value is None:
        return []
    if isinstance(value, str):
        return [((), value)]
    return [((lang,), text) for lang, text in value.model_dump().items() if isinstance(text, str)]


def check_placeholders(checker: Checker, where: tuple, model: Any, fields: tuple[str, ...]) -> None:
    """Every `{{expression}}` in these text fields (and in the model's variants) compiles; variants' `when`s
    too. A single-brace `{turn}` that would compile is a warning: it is shown as written."""
    from game.scenario.placeholders import placeholders, single_braced

    for name in fields:
        for sub, text in _texts_of(getattr(model, name, None)):
            for expression in placeholders(text):
                checker.expr(where + (name,) + sub, expression, "game")
            for expression in single_braced(text):
                if checker._compile_error(expression, "game") is None:
                    checker.error(where + (name,) + sub, f"'{{{expression}}}' is shown as written",
                                  f"to quote the game's number, write '{{{{{expression}}}}}'", warn=True)
    for v_index, variant in enumerate(getattr(model, "variants", ()) or ()):
        path = where + ("variants", v_index)
        checker.expr(path + ("when",), variant.when, "game")
        check_placeholders(checker, path, variant, tuple(f for f in fields if hasattr(variant, f)))


def _tags(scenario: Scenario) -> set[str]:
    """Every tag an item or action carries (a modifier naming another selects nothing: a typo)."""
    found: set[str] = set()
    items: list[Directive | Request] = [*scenario.directives, *scenario.requests]
    for item in items:
        found.update(item.tags)
        for action in item.approaches:
            found.update(action.tags)
    for event in scenario.events:
        for choice in event.choices:
            found.update(choice.tags)
    return found


def check_scenario(scenario: Scenario, files: list[ParsedFile]) -> tuple[list[ContentError], list[ContentError], dict]:
    """Run every cross-file check; return errors, warnings and the stats `validate` prints."""
    from game.scenario.checks_global import duplicates, reachability, scan_files, scenario_stats
    from game.scenario.checks_static import cards_that_never_come, cleared_never_set, event_cycles, flag_spans

    checker = Checker(scenario, flags=set())
    duplicates(checker, files)
    checker.flags, missing = scan_files(checker, scenario, files)
    cleared = {flag for _, _, flag in checker.clear_sites}
    checker.reasoner = Reasoner(checker, flag_spans(scenario, checker.set_flags, cleared))
    for parsed in files:
        checker.check_file(parsed)
    reachability(checker, files)
    event_cycles(checker, files)
    cleared_never_set(checker, checker.clear_sites, checker.set_flags | set(scenario.info.start_flags))
    cards_that_never_come(checker, files)
    return checker.errors, checker.warnings, scenario_stats(scenario, missing)
