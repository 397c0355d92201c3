"""Meter amounts read the same everywhere a player meets them: on the meters' own scale (whole points, rounded
as the meter panel rounds a reading), with a real change too small for a whole point shown as <1, never as
+0 (which would say "no effect") and never as a half point the meters never show. The class: the preview of an
approach or a card's choice (effects and costs), the result line of a decision, and the replay's costs."""

from __future__ import annotations

import shutil

import pytest

from game.engine import Decision, Rules, apply, new_game, options
from game.narrate.replay import narrate
from game.narrate.words import meter_amount, meter_delta
from game.scenario import load_scenario
from game.tui.present.approaches import approach_views, options_of_item
from game.tui.present.ledger import action_result
from narrate_kit import SCENARIOS

# change -> (as a signed change, as an amount)
AMOUNTS = [
    (0.4, "+<1", "<1"),
    (0.5, "+1", "1"),
    (1.5, "+2", "2"),
    (-0.5, "-1", "1"),
    (2, "+2", "2"),
    (-3.25, "-3", "3"),
    (-0.4, "-<1", "<1"),
    (0.06, "+<1", "<1"),
    (2.5, "+3", "3"),
]


@pytest.mark.parametrize(("value", "signed", "amount"), AMOUNTS)
def test_a_meter_amount_is_whole_points_and_a_small_one_stays_visible(value, signed, amount):
    assert meter_delta(value) == signed
    assert meter_amount(value) == amount


@pytest.mark.parametrize("value", [0, 0.0, 0.04, -0.04, 1e-12])
def test_no_change_reads_as_nothing(value):
    assert meter_delta(value) == "" and meter_amount(value) == ""


def _rules_with(tmp_path, trust: float, budget_cost: float) -> Rules:
    """mini-town with the screenshots approach moving trust by `trust` and the help desks costing `budget_cost`."""
    folder = tmp_path / "mini-town"
    shutil.copytree(SCENARIOS["mini-town"], folder)
    path = folder / "directives.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in (("meters: {trust: -2, energy: -3}", f"meters: {{trust: {trust}, energy: -3}}"),
                     ("costs: {budget: 2}", f"costs: {{budget: {budget_cost}}}")):
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return Rules(load_scenario(folder))


def _fresh(rules: Rules):
    state, _ = new_game(rules, 3)
    while state.pending:  # answer the cards waiting at the start
        state, _ = apply(rules, state, options(rules, state)[0].decision)
    return state


NAMES = {"zh": ("群众信任", "经费"), "en": ("Public trust", "Budget")}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("value", "signed", "amount"), AMOUNTS)
def test_previews_results_and_replays_agree(tmp_path, lang, value, signed, amount):
    rules = _rules_with(tmp_path, value, abs(value))
    trust, budget = NAMES[lang]
    state = _fresh(rules)
    views = {v.decision.option: v for v in approach_views(rules, options_of_item(options(rules, state), "app_quota"),
                                                          lang)}
    assert f"{trust} {signed}" in views["screenshots"].effects  # the preview
    gap = "" if lang == "zh" else " "
    assert views["help_desks"].costs == (f"{budget}{gap}-{amount}",)  # the cost in the preview
    after, happened = apply(rules, state, Decision("act", "app_quota", "screenshots"))
    result = action_result(rules, happened, lang).text
    assert f"{trust} {signed}" in result, result  # the result line
    decisions = [*after.decisions, Decision("act", "app_quota", "help_desks")]
    told = "\n".join(narrate(rules, 3, decisions, lang))
    assert f"{budget} {amount}" in told, told  # the replay's costs
    for text in (*views["screenshots"].effects, result, told):
        assert ".5" not in text and "+0" not in text and "-0" not in text
