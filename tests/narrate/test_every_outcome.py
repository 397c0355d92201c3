"""Every outcome of every action, in both shipped content and the fixture, told in both languages, reads true.

Table test over the content: each action is taken with its chance forced both ways, and each delayed
consequence is made to come due; the result line and the week's ledger must carry no verdict word, no key
name, no id, no doubled punctuation and no unrounded number, and the author's message for the branch that
happened (and only that one) must be in the text.
"""

from __future__ import annotations

import pytest

from game.engine import Rules
from game.narrate.ledger import action_result, week_summary
from game.scenario import load_scenario
from game.scenario.text import localize
from narrate_kit import SCENARIOS, delayed, faults, forced, later_effects

LANGS = ("zh", "en")


@pytest.fixture(scope="module", params=sorted(SCENARIOS))
def rules(request):
    return Rules(load_scenario(SCENARIOS[request.param]))


def _branches(action):
    return ("then", "otherwise") if action.chance is not None else (None,)


def _message(effect, lang):
    model = getattr(effect, "message", None)
    return " ".join(localize(model, lang).split()) if model is not None else ""


@pytest.mark.parametrize("lang", LANGS)
def test_every_chance_outcome_is_told_by_what_happened(rules, lang, monkeypatch):
    checked = 0
    for action in rules.actions:
        for branch in _branches(action):
            text = action_result(rules, forced(rules, action, branch, monkeypatch), lang).text
            assert not faults(text), (action.ref, branch, faults(text), text)
            if branch is not None:
                taken = getattr(action.model, branch)
                other = getattr(action.model, "otherwise" if branch == "then" else "then")
                if taken is not None and taken.message is not None:
                    assert _message(taken, lang).rstrip("。.") in text, (action.ref, branch, text)
                if other is not None and other.message is not None and _message(other, lang) != _message(taken, lang):
                    assert _message(other, lang) not in text, (action.ref, branch, "tells the branch not taken")
                checked += 1
    assert checked or not any(a.chance is not None for a in rules.actions)


@pytest.mark.parametrize("lang", LANGS)
def test_every_delayed_consequence_reads_as_one_clean_line(rules, lang):
    for action in rules.actions:
        for later in later_effects(action):
            happened = delayed(rules, action, later)
            from game.engine import new_game

            state, _ = new_game(rules, 1)
            summary = week_summary(rules, 1, state, happened, lang)
            lines = [line.text for section in summary.sections for line in section.lines]
            for text in lines + [s.heading for s in summary.sections]:
                assert not faults(text), (action.ref, later, faults(text), text)


@pytest.mark.parametrize("lang", LANGS)
def test_a_hidden_cost_is_never_shown_as_only_its_visible_side(rules, lang):
    """Every action that moves a hidden meter says so in the approach list ('Trust +1' never alone when
    'entanglement +8' is hidden), and never shows the hidden meter's name or number."""
    from game.i18n import t
    from game.tui.present.approaches import foreseeable

    hidden = {m.id for m in rules.scenario.meters if m.hidden}
    names = {localize(m.short or m.label, lang) for m in rules.scenario.meters if m.hidden}
    checked = 0
    for action in rules.actions:
        effects = foreseeable(rules, action.model, lang)
        moves_hidden = any(m in hidden and (not isinstance(d, (int, float)) or d) for m, d in action.model.meters.items())
        assert (t("fx.hidden", lang) in effects) == moves_hidden, action.ref
        assert not any(name in effect for name in names for effect in effects), action.ref
        checked += moves_hidden
    assert checked or not hidden
