"""Ending, reflection and question texts read true in the game where they are shown, in both languages.

Property checks over many played games (every text shown: no unfilled placeholder or glue fault, no "twelve
weeks" after a shorter game, the city brain only when linked, the liaison question only after the liaison's
call, feedback counts that are the game's own), and table checks that force each variant's branch.
"""

from __future__ import annotations

import re

import pytest

from game.engine import Rules, outcome
from game.engine.context import weeks_played
from game.narrate.debrief_text import ending_words, questions, reflection_words
from game.narrate.research import findings_table
from game.scenario import load_scenario
from narrate_kit import SCENARIOS, faults, random_game, value

LANGS = ("zh", "en")


@pytest.fixture(scope="module")
def lianhe():
    return Rules(load_scenario(SCENARIOS["lianhe-town"]))


@pytest.fixture(scope="module")
def games(lianhe):
    styles = [(), ("service",), ("service", "feedback", "reform"), ("trace",), ("delegate", "set_aside", "trace")]
    return [random_game(lianhe, seed, styles[seed % len(styles)]) for seed in range(1, 26)]


def shown(rules, state, lang):
    """Every debrief text this game shows: ending text and debrief, reflections (by id), questions."""
    result = outcome(rules, state)
    text, debrief = ending_words(rules, state, state.ended, lang)
    reflections = {r.id: reflection_words(rules, state, r, lang) for r in rules.scenario.debrief.reflections
                   if r.id in result.reflections}
    return text, debrief, reflections, [q for _, q in questions(rules, state, lang)]


@pytest.mark.parametrize("lang", LANGS)
def test_every_text_shown_in_played_games_reads_true(lianhe, games, lang):
    endings = set()
    for state in games:
        text, debrief, reflections, asked = shown(lianhe, state, lang)
        endings.add(state.ended)
        everything = [text, debrief, *reflections.values(), *asked]
        for item in everything:
            assert not faults(item), (state.seed, faults(item), item)
        if state.week != 12:
            assert not any(re.search(r"[Tt]welve weeks|十二周", item) for item in everything), state.seed
        if "city_brain" not in state.flags:
            assert "city brain" not in text and "城市大脑" not in text
        liaison = "let it rest" if lang == "en" else "放一放"
        assert any(liaison in q for q in asked) == (value(lianhe, state, "fired('liaison_hint')") is True)
        if "feedback_tried" in reflections:
            said = reflections["feedback_tried"]
            numbers = [int(n) for n in re.findall(r"\d+", said)]
            assert value(lianhe, state, "count_kind('feedback')") in numbers
            assert value(lianhe, state, "chances('feedback')") in numbers
            tried, answered = value(lianhe, state, "chances('feedback')"), value(lianhe, state, "chances_then('feedback')")
            assert ("Most went unanswered" in said) == (lang == "en" and answered >= 1 and 2 * answered < tried)
    assert len(endings) >= 2  # the property ran over more than one ending


def _finished(rules, games, ending):
    state = games[0].clone()
    state.ended = ending
    return state


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("tried", "answered", "says"), [
    (3, 0, {"en": "none was taken up", "zh": "没有一次被采纳"}),
    (5, 1, {"en": "Most went unanswered", "zh": "大多数没有回音"}),
    (4, 3, {"en": "more than the", "zh": "所描述的要多"}),
    (2, 1, {"en": "more than the", "zh": "所描述的要多"}),
])
def test_the_feedback_reflection_says_what_the_counts_say(lianhe, games, lang, tried, answered, says):
    state = games[0].clone()
    state.kind_counts["feedback"] = tried + 1
    state.counters["tried:feedback"], state.counters["won:feedback"] = tried, answered
    reflection = next(r for r in lianhe.scenario.debrief.reflections if r.id == "feedback_tried")
    text = reflection_words(lianhe, state, reflection, lang)
    assert says[lang] in text and str(tried + 1) in text and str(tried) in text
    for other in ({"en": "Most went unanswered", "zh": "大多数没有回音"}, {"en": "none was taken up", "zh": "没有一次被采纳"}):
        if other != says:
            assert other[lang] not in text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("flags", [set(), {"standardised"}, {"one_form"}, {"standardised", "one_form"},
                                   {"standardised", "one_form", "city_brain"}, {"city_brain"},
                                   {"standardised", "city_brain"}, {"one_form", "city_brain"}])
def test_the_reform_ending_names_only_the_reforms_the_player_made(lianhe, games, lang, flags):
    state = _finished(lianhe, games, "reform_pioneer")
    state.flags = (state.flags - {"standardised", "one_form", "city_brain"}) | flags
    text, _ = ending_words(lianhe, state, "reform_pioneer", lang)
    brain, form, standard = {"en": ("city brain", "one shared form", "standardised"),
                             "zh": ("城市大脑", "同一张表", "标准化")}[lang]
    assert (brain in text) == ("city_brain" in flags)
    assert (form in text) == ("one_form" in flags)
    assert (standard in text) == ("standardised" in flags)


@pytest.mark.parametrize("lang", LANGS)
def test_counts_in_endings_are_the_games_own(lianhe, games, lang):
    for state in games[:8]:
        for ending in ("honest_middle", "trusted_ranked_low", "veto_struck"):
            finished = state.clone()
            finished.ended = ending
            text, _ = ending_words(lianhe, finished, ending, lang)
            assert not faults(text)
            if ending == "honest_middle":
                numbers = [int(n) for n in re.findall(r"\d+", text)]
                assert numbers[:3] == [weeks_played(finished), value(lianhe, finished, "met_count()"),
                                       value(lianhe, finished, "missed_count()")]
            if ending == "trusted_ranked_low" and value(lianhe, finished, "missed_count()") == 0:
                assert ("every deadline" in text) if lang == "en" else ("每个期限" in text)
            if ending == "veto_struck" and value(lianhe, finished, "vetoes_missed()") >= 2:
                assert str(value(lianhe, finished, "vetoes_missed()")) in text


@pytest.mark.parametrize("lang", LANGS)
def test_your_game_in_the_research_lists_only_choices_taken(lianhe, games, lang):
    for state in games[:6]:
        rows = findings_table(lianhe, state, lang)
        taken = sum(state.took.values())
        assert rows or not taken
        for row in rows:
            assert row.choices and all(count >= 1 for _, count in row.choices) and len(row.choices) <= 5
            assert row.more == 0 or len(row.choices) == 5
            assert not faults(row.title) and all(not faults(label) for label, _ in row.choices)


@pytest.mark.parametrize("name", sorted(SCENARIOS))
@pytest.mark.parametrize("lang", LANGS)
def test_every_ending_and_reflection_renders_cleanly_in_any_game(name, lang):
    """Each ending and each reflection (all their variants' branches) as if reached in several played games."""
    rules = Rules(load_scenario(SCENARIOS[name]))
    states = [random_game(rules, seed, prefer) for seed, prefer in ((2, ()), (3, ("service",)), (4, ("trace",)))]
    for state in states:
        for ending in rules.scenario.endings:
            finished = state.clone()
            finished.ended = ending.id
            for text in ending_words(rules, finished, ending.id, lang):
                assert not faults(text), (ending.id, faults(text), text)
        for reflection in rules.scenario.debrief.reflections:
            text = reflection_words(rules, state, reflection, lang)
            assert text and not faults(text), (reflection.id, faults(text), text)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("flags", "says"), [
    ({"one_form", "standardised"}, {"en": "both took root", "zh": "都落了地"}),
    ({"one_form"}, {"en": "The shared one form you pushed", "zh": "你推动的“一表通”落了地"}),
    ({"standardised"}, {"en": "The standardisation you pushed", "zh": "你推动的事项标准化落了地"}),
])
def test_the_reform_reflection_names_only_the_reform_made(lianhe, games, lang, flags, says):
    state = games[0].clone()
    state.flags = (state.flags - {"one_form", "standardised"}) | flags
    reflection = next(r for r in lianhe.scenario.debrief.reflections if r.id == "reform_paid_off")
    assert says[lang] in reflection_words(lianhe, state, reflection, lang)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("assessment", "trust"), [(50, 45), (82, 77), (80, 40), (55, 70)])
def test_the_middle_ending_describes_the_scores_it_ended_with(lianhe, games, lang, assessment, trust):
    state = _finished(lianhe, games, "honest_middle")
    state.meters[lianhe.meter_index["assessment"]] = assessment
    state.meters[lianhe.meter_index["trust"]] = trust
    text, _ = ending_words(lianhe, state, "honest_middle", lang)
    went_well = {"en": "The assessment went well", "zh": "考核成绩不错"}[lang]
    mixed_assessment = {"en": "neither good nor bad", "zh": "不好不坏"}[lang]
    praised = {"en": "speak well of you", "zh": "对你的评价"}[lang]
    assert (went_well in text) == (assessment >= 70)
    assert (mixed_assessment in text) == (assessment < 70 and trust < 60)
    if trust >= 60:
        assert praised in text and {"en": "mixed things", "zh": "有褒有贬"}[lang] not in text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("took", "shown_as"), [
    ({"flood_danger_points.walk_the_points": 1}, "right"),
    ({"typhoon_landfall.door_to_door": 1}, "right"),
    ({"flood_danger_points.walk_the_points": 1, "flood_danger_points.copy_last_year": 1}, "mixed"),
    ({"typhoon_landfall.door_to_door": 1, "typhoon_landfall.planned_figure": 1}, "mixed"),
    ({"flood_danger_points.copy_last_year": 1}, None),
])
def test_the_good_trace_reflection_is_not_unqualified_when_the_same_game_also_faked(lianhe, lang, took, shown_as):
    """Praise for the three-prevention records ("had anything gone wrong they would have shown what you did")
    is true only of a game that kept no copied list or planned figure beside them."""
    state = random_game(lianhe, 1, ()).clone()
    state.took = dict(took)
    reflection = next(r for r in lianhe.scenario.debrief.reflections if r.id == "logs_that_matter")
    when = lianhe.reflections[[r.id for r, _ in lianhe.reflections].index("logs_that_matter")][1]
    from game.engine.context import Ctx

    assert bool(when(Ctx(lianhe, state))) == (shown_as is not None)
    if shown_as is None:
        return
    text = reflection_words(lianhe, state, reflection, lang)
    praise = {"zh": "万一出事，它们也能说明", "en": "had anything gone wrong they would have shown"}[lang]
    admits = {"zh": "照抄", "en": "copied"}[lang]
    assert (praise in text, admits in text) == ((True, False) if shown_as == "right" else (False, True))
