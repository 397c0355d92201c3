"""Write the facilitator's guide (docs/facilitator.md) from the shipped scenario's content.

The lesson plan and how to collect records are fixed text (templates/facilitator.md.j2); the discussion
prompts come from the scenario's debrief questions, and each card's finding, note and class question from
its `findings`, `notes` and choices, so the guide stays true when content changes. A test checks that the
committed guide is what this command writes.

    python -m game.workshop.guide -o docs/facilitator.md      # write it
    python -m game.workshop.guide --check docs/facilitator.md # exit 1 if it is out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.engine import Rules
from game.i18n import t
from game.scenario.placeholders import generic
from game.workshop.words import one_line
from game.workshop.report_text import CSV_COLUMNS

QUESTION_ORDER = ("crosses", "trace_service", "set_aside", "delegate", "feedback")



def card_question(actions: list, lang: str) -> str:
    """One question for the class about a card, built from its own choices (see QUESTION_ORDER)."""
    by_kind: dict[str, str] = {}
    for action in actions:
        by_kind.setdefault(action.kind, one_line(action.model.label, lang))
        if action.model.crosses_line:
            by_kind.setdefault("crosses", one_line(action.model.label, lang))
    for kind in QUESTION_ORDER:
        if kind == "trace_service" and "trace" in by_kind and "service" in by_kind:
            return t("guide.q.trace_service", lang, trace=by_kind["trace"], service=by_kind["service"])
        if kind in by_kind and kind != "trace_service":
            return t(f"guide.q.{kind}", lang, label=by_kind[kind])
    return t("guide.q.default", lang)


def cards(rules: Rules) -> list[dict]:
    """Every event card, directive and request, with titles, findings, the author's note and a question."""
    notes = {n.code: n for n in rules.scenario.debrief.research_notes}
    out = []
    owners = [("event", e.model, e.choices) for e in rules.events] + [
        ("directive" if i.is_directive else "request", i.model, i.actions) for i in rules.items]
    for kind, model, actions in owners:
        codes = list(model.findings)
        out.append({
            "kind": kind, "id": model.id, "zh": one_line(model.title, "zh"), "en": one_line(model.title, "en"),
            "findings": [(c, one_line(notes[c].title, "en") if c in notes else "") for c in codes],
            "note": one_line(model.notes, "en") if model.notes else "",
            "question_zh": card_question(actions, "zh"), "question_en": card_question(actions, "en"),
        })
    return out


def guide_markdown(scenario: str | Path | None = None) -> str:
    """The guide as Markdown, for the given scenario (default: the shipped default scenario)."""
    from game.scenario import load_scenario
    from game.scenario.catalog import resolve
    from game.workshop.report_html import environment

    rules = Rules(load_scenario(resolve(str(scenario) if scenario else None)))
    debrief = rules.scenario.debrief
    stages = {stage: [(generic(one_line(q.text, "zh")), generic(one_line(q.text, "en"))) for q in debrief.questions
                      if q.stage == stage] for stage in ("describe", "analyse", "apply")}
    findings = [(n.code, one_line(n.title, "zh"), one_line(n.title, "en")) for n in debrief.research_notes]
    every = cards(rules)
    variants = {v.id: v for v in rules.scenario.variants}
    seminar = variants.get("seminar")
    lab = [{"id": v.id, "title_en": one_line(v.title, "en"), "title_zh": one_line(v.title, "zh"),
            "summary_en": " ".join(one_line(v.summary, "en").split()) if v.summary else ""}
           for v in rules.scenario.variants if v.id.startswith("lab_")]
    return environment().get_template("facilitator.md.j2").render(
        seminar={"weeks": seminar.set.get("weeks", rules.weeks)} if seminar else None, lab=lab,
        core_cards=[one_line(e.model.title, "en") for e in rules.events if e.core],
        scenario_id=rules.id, title_zh=one_line(rules.scenario.info.title, "zh"),
        title_en=one_line(rules.scenario.info.title, "en"), weeks=rules.weeks, csv_columns=CSV_COLUMNS,
        stages=stages, findings=findings,
        sections=[("Event cards", [c for c in every if c["kind"] == "event"]),
                  ("Directives", [c for c in every if c["kind"] == "directive"]),
                  ("Resident requests", [c for c in every if c["kind"] == "request"])])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.workshop.guide",
                                     description="Write the facilitator's guide from the scenario's content.")
    parser.add_argument("scenario", nargs="?", help="scenario id or folder (default: the shipped default)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")
    parser.add_argument("--check", metavar="FILE", help="exit 1 when FILE differs from what would be written")
    args = parser.parse_args(argv)
    text = guide_markdown(args.scenario)
    if args.check:
        try:
            same = Path(args.check).read_text(encoding="utf-8") == text
        except OSError as err:
            print(f"guide: cannot read {args.check}: {err.strerror or err}", file=sys.stderr)
            return 1
        if not same:
            print(f"guide: {args.check} is out of date; run python -m game.workshop.guide -o {args.check}",
                  file=sys.stderr)
        return 0 if same else 1
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
