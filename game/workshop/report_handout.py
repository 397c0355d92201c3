"""A printable one-page handout per player, and the bilingual glossary page.

A handout shows the player's scores beside the class means, the lines they crossed, the reflections whose
conditions their game met (the engine's `outcome.reflections`), and the research findings their own
decisions illustrate (by the debrief's rule, `codes_of`: a choice's own findings, or its item's or card's by kind).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from game.engine import Rules
from game.i18n import t, tn
from game.narrate.debrief_text import ending_words, reflection_words
from game.narrate.research import codes_of
from game.workshop.words import one_line
from game.workshop.report_build import Report
from game.workshop.report_html import environment, render
from game.workshop.report_model import Group
from game.workshop.report_records import Game

MAX_FINDINGS = 6  # a handout fits on one page
MAX_CROSSED = 5  # distinct lines listed; the rest are counted



def action_label(rules: Rules, ref: str, lang: str) -> str:
    """'Card or item title: choice label' for an action reference 'owner.action'."""
    owner, _, action_id = ref.partition(".")
    if owner in rules.event_index:
        event = rules.events[rules.event_index[owner]]
        owner_title, actions = event.model.title, event.choices
    elif owner in rules.item_index:
        item = rules.items[rules.item_index[owner]]
        owner_title, actions = item.model.title, item.actions
    else:
        return ref
    action = next((a for a in actions if a.id == action_id), None)
    label = one_line(action.model.label, lang) if action else action_id
    return f"{one_line(owner_title, lang)}{t('colon', lang)}{label}"


def findings_of(game: Game) -> Counter:
    """How many of the player's decisions illustrate each finding code (the debrief's rule: `codes_of`)."""
    rules, counts = game.rules, Counter[str]()
    for decision in game.decisions:
        action = rules.action_of(decision)
        if action is not None:
            counts.update(codes_of(rules, action))
    return counts


def handout_data(game: Game, group: Group, lang: str) -> dict:
    """What one handout shows, as plain values (texts already in `lang`)."""
    rules, m = game.rules, game.measures
    debrief = rules.scenario.debrief
    ending = rules.ending_by_id.get(str(m.get("ending") or ""))
    mean = group.means()
    reflections = {r.id: r for r in debrief.reflections}
    notes = {n.code: n for n in debrief.research_notes}
    refs = list(m.get("crossed", []))
    crossed = [action_label(rules, ref, lang) + (tn("times_paren", n, lang) if n > 1 else "")
               for ref, n in Counter(refs).most_common(MAX_CROSSED)]
    if len(set(refs)) > MAX_CROSSED:
        crossed.append(t("handout.more", lang, n=len(set(refs)) - MAX_CROSSED))
    return {
        "player": game.player, "scenario": one_line(rules.scenario.info.title, lang), "seed": game.seed,
        "weeks": m["weeks_played"], "decisions": len(game.decisions),
        "ending_title": one_line(ending.title, lang) if ending else str(m.get("ending") or ""),
        "ending_text": one_line(ending_words(rules, game.state, ending.id, lang)[0], lang) if ending else "",
        "scores": [
            (t("report.upward", lang), f"{m.get('upward', 0):.1f}", f"{mean['upward']:.1f}"),
            (t("report.downward", lang), f"{m.get('downward', 0):.1f}", f"{mean['downward']:.1f}"),
            (t("report.idle", lang), f"{m.get('idle_index', 0):.2f}", f"{mean['idle_index']:.2f}"),
            (t("report.crossed", lang), str(len(refs)), f"{mean['lines_crossed']:.1f}"),
        ],
        "crossed": crossed,
        "reflections": [one_line(reflection_words(rules, game.state, reflections[r], lang), lang)
                        for r in m.get("reflections", []) if r in reflections],
        "findings": [(code, one_line(notes[code].title, lang) if code in notes else "", n)
                     for code, n in sorted(findings_of(game).items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_FINDINGS]],
    }


def handout_name(number: int, player: str) -> str:
    """A safe, unique file name: handout-03-zhang_san.html (the number keeps equal names apart)."""
    from game.saves import save_name

    return f"handout-{number:02d}-{re.sub(r'[^0-9A-Za-z_一-鿿-]+', '_', save_name(player))[:40]}.html"


def handout_html(game: Game, group: Group, lang: str) -> str:
    return render("handout.html.j2", lang, h=handout_data(game, group, lang))


def glossary_html(rules: Rules) -> str:
    """The bilingual glossary: the report's measures, the scenario's meters, its research findings and its
    glossary of terms (`debrief.glossary`)."""
    scenario = rules.scenario
    meters = [{"zh_label": one_line(m.label, "zh"), "en_label": one_line(m.label, "en"),
               "zh": one_line(m.description, "zh") if m.description else "",
               "en": one_line(m.description, "en") if m.description else ""} for m in scenario.meters]
    findings = [{"code": n.code, "zh_title": one_line(n.title, "zh"), "en_title": one_line(n.title, "en"),
                 "zh": one_line(n.text, "zh"), "en": one_line(n.text, "en")} for n in scenario.debrief.research_notes]
    terms = [{"zh": one_line(g.term, "zh"), "en": one_line(g.term, "en"), "zh_gloss": one_line(g.gloss, "zh"),
              "en_gloss": one_line(g.gloss, "en")} for g in scenario.debrief.glossary]
    return environment().get_template("glossary.html.j2").render(t=t, meters=meters, findings=findings, terms=terms)


def write_handouts(report: Report, folder: Path, lang: str | None = None) -> list[Path]:
    """Write one handout per accepted game (in `lang`, else the player's own language) and one glossary
    per scenario into `folder` (created if missing); return the files written. Raises OSError."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    number = 0
    glossaries: dict[str, Rules] = {}
    for group in report.groups:
        for game in group.games:
            number += 1
            path = folder / handout_name(number, game.player)
            path.write_text(handout_html(game, group, lang or game.lang), encoding="utf-8")
            written.append(path)
            glossaries.setdefault(game.scenario_id, game.rules)
    for scenario_id, rules in glossaries.items():
        name = "glossary.html" if len(glossaries) == 1 else f"glossary-{scenario_id}.html"
        path = folder / name
        path.write_text(glossary_html(rules), encoding="utf-8")
        written.append(path)
    return written
