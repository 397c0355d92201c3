"""Showing a counterfactual replay: both games side by side, and the debrief's "had you ..." line."""

from __future__ import annotations

from game.engine import Decision, Rules
from game.i18n import t
from game.saves.branch import Branch, BranchError, BranchResult, branch_game
from game.scenario.text import localize


def choice_label(rules: Rules, decision: Decision | None, lang: str) -> str:
    """The label of a choice or approach as the player saw it (its id if it has none)."""
    if decision is None:
        return "-"
    action = rules.action_of(decision)
    return (localize(action.model.label, lang) if action is not None else "") or decision.option


def side_by_side(rules: Rules, result: BranchResult, lang: str) -> list[str]:
    """Rows of `measure | as played | branched` for the ending, scores, idle index, visible meters, lines crossed
    and weeks; then the cards met in only one of the two games."""
    played, branched = result.outcomes(rules)

    def ending(done) -> str:
        found = rules.ending_by_id.get(done.ending)
        return localize(found.title, lang) if found is not None else done.ending

    rows = [(t("branch.ending", lang), ending(played), ending(branched)),
            (t("branch.upward", lang), f"{played.upward:.0f}", f"{branched.upward:.0f}"),
            (t("branch.downward", lang), f"{played.downward:.0f}", f"{branched.downward:.0f}"),
            (t("branch.idle", lang), f"{played.idle_index:.2f}", f"{branched.idle_index:.2f}")]
    for meter in rules.scenario.meters:
        if not meter.hidden:
            rows.append((localize(meter.label, lang), f"{played.meters[meter.id]:.0f}", f"{branched.meters[meter.id]:.0f}"))
    rows.append((t("branch.crossed", lang), str(len(played.crossed)), str(len(branched.crossed))))
    rows.append((t("branch.weeks", lang), str(played.weeks_played), str(branched.weeks_played)))
    header = (t("branch.measure", lang), t("branch.played", lang), t("branch.branched", lang))
    widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(3)]
    lines = [t("branch.title", lang, week=result.branch.week, was=choice_label(rules, result.replaced, lang),
               now=choice_label(rules, result.branch.decision, lang)), ""]
    for row in [header, *rows]:
        lines.append("  ".join(_pad(cell, width) for cell, width in zip(row, widths)).rstrip())
    only_played = sorted(rules.events[i].id for i in set(result.original.fired) - set(result.branched.fired))
    only_branched = sorted(rules.events[i].id for i in set(result.branched.fired) - set(result.original.fired))
    lines += ["", t("branch.only_played", lang, cards=", ".join(only_played) or "-"),
              t("branch.only_branched", lang, cards=", ".join(only_branched) or "-")]
    if result.skipped or result.answered:
        lines.append(t("branch.adjusted", lang, skipped=len(result.skipped), answered=len(result.answered)))
    return lines


def had_you(rules: Rules, result: BranchResult, lang: str) -> str:
    """One sentence: what the branch would have changed."""
    played, branched = result.outcomes(rules)
    found = rules.ending_by_id.get(branched.ending)
    return t("branch.had_you", lang, week=result.branch.week, choice=choice_label(rules, result.branch.decision, lang),
             was=choice_label(rules, result.replaced, lang),
             ending=localize(found.title, lang) if found is not None else branched.ending,
             up=f"{branched.upward:.0f}", up0=f"{played.upward:.0f}", down=f"{branched.downward:.0f}",
             down0=f"{played.downward:.0f}", idle=f"{branched.idle_index:.2f}", idle0=f"{played.idle_index:.2f}")


def suggest_branch(rules: Rules, decisions: list[Decision]) -> Branch | None:
    """The branch the debrief offers: the first decision that crossed a line, made without crossing it; else
    the first card answered, answered another way. None when the game offers neither."""
    week, firsts = 1, []  # type: tuple[int, list[Branch]]
    for decision in decisions:
        if decision.kind == "end_week":
            week += 1
            continue
        action = rules.action_of(decision)
        if action is None:
            continue
        siblings = _siblings(rules, decision)
        if action.crosses_line:
            other = next((s for s in siblings if not s.crosses_line), None)
            if other is not None:
                return Branch(week, other.decision)
        elif decision.kind == "choose" and siblings and not firsts:
            firsts.append(Branch(week, siblings[0].decision))
    return firsts[0] if firsts else None


def _siblings(rules: Rules, decision: Decision) -> list:
    if decision.kind == "choose":
        event = rules.events[rules.event_index[decision.target]]
        return [c for c in event.choices if c.id != decision.option]
    item = rules.items[rules.item_index[decision.target]]
    return [a for a in item.actions if a.id != decision.option]


def debrief_line(rules: Rules, seed: int, decisions: list[Decision], lang: str) -> str:
    """The debrief's "had you ..." line for a finished game, or "" when no branch can be made."""
    branch = suggest_branch(rules, decisions)
    if branch is None:
        return ""
    try:
        return had_you(rules, branch_game(rules, seed, decisions, branch), lang)
    except BranchError:
        return ""


def _width(text: str) -> int:
    from unicodedata import east_asian_width

    return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
