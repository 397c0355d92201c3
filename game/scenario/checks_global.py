"""Whole-scenario checks: duplicate ids, research findings, translations, reachability, and stats."""

from __future__ import annotations

import functools
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Sequence

from game.scenario.checks_static import LOOK, look_at_text
from game.scenario.errors import did_you_mean
from game.scenario.scenario_types import ParsedFile, Scenario
from game.scenario.models import Effect, LocalizedText
from game.scenario.walk import has_field, text_fields, walk

if TYPE_CHECKING:
    from game.scenario.checks import Checker

ITEM_SECTIONS = ("directives", "requests")
NAMESPACES = {"meters": "meter", "directives": "item", "requests": "item", "inspections": "inspection",
              "events": "item", "endings": "ending", "modifiers": "modifier", "claims": "claim"}


def duplicates(checker: Checker, files: list[ParsedFile]) -> None:
    """Ids are unique across files within a namespace.

    Directives, requests and events share one, since `took('id.option')` names an option of any of them.
    """
    first: dict[tuple[str, str], tuple[ParsedFile, tuple]] = {}

    def first_at(key: tuple[str, str]) -> str:
        parsed, path = first[key]  # positions are looked up only when there is a duplicate
        return f"{parsed.doc.file}:{parsed.doc.where(path)[0]}"

    for parsed in files:
        checker.doc = parsed.doc
        for section, space in NAMESPACES.items():
            for index, item in enumerate(getattr(parsed.content, section)):
                key, path = (space, item.id), (section, index, "id")
                if key in first:
                    shared = (" (directives, requests and events share one namespace, so that "
                              "took('id.option') is never ambiguous)") if space == "item" else ""
                    checker.error(path, f"duplicate id '{item.id}' (first defined at {first_at(key)})",
                                  "ids must be unique across all files of a scenario" + shared)
                else:
                    first[key] = (parsed, path)
        if parsed.content.debrief:
            for index, note in enumerate(parsed.content.debrief.research_notes):
                key, where = ("note", note.code), ("debrief", "research_notes", index, "code")
                if key in first:
                    checker.error(where, f"duplicate research note '{note.code}' (first defined at {first_at(key)})")
                else:
                    first[key] = (parsed, path)


def scan_files(checker: Checker, scenario: Scenario, files: list[ParsedFile]) -> tuple[set[str], int]:
    """One walk over every model: collect flags, check finding codes, count missing translations.

    Returns the flags the scenario can set (with its start flags) and the number of missing texts.
    This visits every model of a big scenario, so what each class holds is looked up once per class,
    and a text present in every language (nearly all of them) is passed over without a call.
    """
    codes = {note.code for note in scenario.debrief.research_notes}
    languages = scenario.info.languages
    in_languages = attrgetter(*languages) if len(languages) > 1 else (lambda text: (getattr(text, languages[0]),))
    flags = set(scenario.info.start_flags)
    missing = 0
    model: Any  # a content model; _shape says which fields it has
    for parsed in files:
        checker.doc = parsed.doc
        for path, model in walk(parsed.content):
            is_effect, has_findings, text_names, has_week_labels = _shape(model.__class__)
            if is_effect:
                flags.update(model.set)
                flags.update(model.clear)
                checker.set_flags.update(model.set)
                for index, flag in enumerate(model.clear):
                    checker.clear_sites.append((parsed, path + ("clear", index), flag))
            if has_findings and codes:
                for index, code in enumerate(model.findings):
                    if code not in codes:
                        checker.error(path + ("findings", index), f"unknown research finding '{code}'",
                                      did_you_mean(code, codes) or f"declared: {', '.join(sorted(codes))}")
            for name in text_names:
                value = getattr(model, name)
                if value is None:
                    continue
                if value.__class__ is LocalizedText:
                    texts = in_languages(value)
                    if all(texts) and not texts[0].isspace():
                        for language, text in zip(languages, texts):  # two C calls for nearly every text
                            if text.isspace() or (not text.isascii() and LOOK.search(text) is not None):
                                look_at_text(checker, path + (name, language), text, language)
                        continue  # written in every language
                    if any(t and t.strip() for t in texts):  # (blank in every language: an error below)
                        for language, text in zip(languages, texts):
                            if text:
                                look_at_text(checker, path + (name, language), text, language)
                elif not value.isascii() and value.strip():
                    look_at_text(checker, path + (name,), value)
                missing += _translation(checker, path + (name,), value, languages)
            if has_week_labels:
                for index, label in enumerate(model.week_labels):
                    missing += _translation(checker, path + ("week_labels", index), label, languages)
    return flags, missing


@functools.cache
def _shape(cls: type) -> tuple[bool, bool, tuple[str, ...], bool]:
    """What `scan_files` looks at in a model class: effect?, findings?, its text fields, week labels?"""
    return issubclass(cls, Effect), has_field(cls, "findings"), text_fields(cls), has_field(cls, "week_labels")


def _translation(checker: Checker, path: tuple, value: Any, languages: Sequence[str]) -> int:
    """Warn about text missing in a scenario language; return how many translations are missing."""
    if isinstance(value, str):
        if not value.strip():
            checker.error(path, "the text is empty", "write the text, or leave the field out if it is optional")
        elif len(languages) > 1:
            checker.error(path, "text in one language only", f"write {{{', '.join(languages)}}}", warn=True)
            return len(languages) - 1
        return 0
    if not any((getattr(value, lang) or "").strip() for lang in ("zh", "en")):
        checker.error(path, "the text is empty in every language", f"write {{{', '.join(languages)}}}")
        return 0
    missing = 0
    for lang in languages:
        if getattr(value, lang) in (None, ""):
            missing += 1
            checker.error(path, f"missing the '{lang}' text", "", warn=True)
    return missing


def _fallback_anchor(files: list[ParsedFile]) -> tuple[ParsedFile, tuple]:
    """Where to report a missing fallback ending: the first `endings:` section, else the header."""
    for parsed in files:
        if parsed.content.endings:
            return parsed, ("endings",)
    header = next((p for p in files if p.content.scenario is not None), files[0])
    return header, ("scenario",)


def reachability(checker: Checker, files: list[ParsedFile]) -> None:
    """Every game needs a fallback ending; warn about items, events and endings that can never happen."""
    scenario = checker.s
    fallbacks = [e for e in scenario.endings if e.when is None and e.id not in checker.triggered_endings]
    anchor, path = _fallback_anchor(files)
    checker.doc = anchor.doc
    if not scenario.endings:
        checker.error(path, "the scenario has no endings", "add at least one ending without `when`")
    elif not fallbacks:
        checker.error(path, "no fallback ending: a game that reaches the last week needs one",
                      "add an ending without `when` that no meter threshold or `end_game` uses "
                      "(it is chosen when no other ending's condition holds)")
    # an ending whose condition always holds after the last week shadows lower ones just as a fallback does
    always = [e for e in scenario.endings if e.when is not None and checker.reasoner is not None
              and checker.reasoner.always_holds(e.when, "final")]
    shadow = max(fallbacks + always, key=lambda e: e.priority, default=None)  # the first of the highest wins
    top = shadow.priority if shadow is not None else None
    why = (f"ending '{shadow.id}' applies in every game (its condition always holds) and has priority {top}"
           if shadow is not None and shadow.when is not None else f"a fallback ending has priority {top}")
    for parsed in files:
        checker.doc = parsed.doc
        for index, event in enumerate(parsed.content.events):
            if not event.draw and event.id not in checker.triggered_events:
                checker.error(("events", index, "draw"), f"event '{event.id}' is never drawn nor triggered",
                              "set `draw: true` or trigger it with `event:` in an effect", warn=True)
        for section in ITEM_SECTIONS:
            for index, item in enumerate(getattr(parsed.content, section)):
                if item.arrives is None and item.when is None and item.id not in checker.issued_items:
                    checker.error((section, index), f"'{item.id}' never arrives",
                                  "give it `arrives: WEEK` or `when:`, or issue it from an effect", warn=True)
        for index, ending in enumerate(parsed.content.endings):
            if ending.id in checker.triggered_endings or top is None or ending.priority >= top:
                continue
            if ending.when is None:
                checker.error(("endings", index), f"ending '{ending.id}' can never be chosen",
                              "another fallback ending without `when` has a higher priority"
                              if shadow is not None and shadow.when is None else why, warn=True)
            else:
                checker.error(("endings", index, "priority"), f"ending '{ending.id}' can never be chosen",
                              f"{why}; give this one a higher priority", warn=True)


def scenario_stats(scenario: Scenario, missing_translations: int) -> dict:
    """The numbers `validate` prints for a valid scenario."""
    return {
        "turns": scenario.info.weeks,
        "meters": len(scenario.meters),
        "tasks": len(scenario.directives),
        "requests": len(scenario.requests),
        "events": len(scenario.events),
        "endings": len(scenario.endings),
        "inspections": len(scenario.inspections),
        "languages": list(scenario.info.languages),
        "missing_translations": missing_translations,
    }
