"""The week ledger and `replay` tell the same happenings with the same sentences, cleanly, in both languages."""

from __future__ import annotations

import pytest

from game.engine import END_WEEK, Rules, apply, new_game, options
from game.narrate.ledger import week_summary
from game.narrate.replay import narrate, summary
from game.narrate.words import hours, labelled, run_on, whole
from game.scenario import load_scenario
from narrate_kit import SCENARIOS, faults

LANGS = ("zh", "en")


@pytest.fixture(scope="module", params=sorted(SCENARIOS))
def played(request):
    """A scenario's rules, and a game of it played with first-available moves, with every step's happenings."""
    rules = Rules(load_scenario(SCENARIOS[request.param]))
    state, _ = new_game(rules, 3)
    decisions, steps = [], []
    turn = 0
    while not state.ended and len(decisions) < 400:
        acts = [o for o in options(rules, state) if not o.locked and o.action is not None]
        turn += 1
        decision = acts[turn % len(acts)].decision if acts and (state.pending or turn % 4) else END_WEEK
        before = state
        state, happened = apply(rules, state, decision)
        decisions.append(decision)
        steps.append((before, decision, state, happened))
    return rules, decisions, steps, state


@pytest.mark.parametrize("lang", LANGS)
def test_every_replay_line_is_clean(played, lang):
    rules, decisions, _, state = played
    lines = list(narrate(rules, 3, decisions, lang)) + list(summary(rules, state, lang))
    assert len(lines) > 20
    for line in lines:
        assert not faults(line), (faults(line), line)


@pytest.mark.parametrize("lang", LANGS)
def test_the_ledger_and_the_replay_say_the_same_thing(played, lang):
    from game.i18n import t

    rules, decisions, steps, _ = played
    replay = {line.strip() for line in narrate(rules, 3, decisions, lang)}
    same = 0
    for before, decision, after, happened in steps:
        if decision is not END_WEEK:
            continue
        for section in week_summary(rules, before.week, after, happened, lang).sections:
            for line in section.lines:
                assert not faults(line.text), (faults(line.text), line.text)
                if section.heading == t("say.h.deadlines", lang) and "：" not in line.text[-1:]:
                    told = line.text in replay or any(line.text in r for r in replay)
                    assert told, line.text  # a deadline reads word for word the same in the replay
                    same += 1
    assert same


@pytest.mark.parametrize(("value", "shown"), [(52.4, "52"), (52.5, "53"), (-2.5, "-3"), (0.49, "0")])
def test_meters_read_as_whole_numbers(value, shown):
    assert whole(value) == shown


@pytest.mark.parametrize(("value", "shown"), [(2.24, "2"), (2.25, "2.5"), (2.3, "2.5"), (0.74, "0.5"), (39.9, "40"), (0.2, "0.5"), (0, "0")])
def test_hours_read_to_the_half_hour(value, shown):
    assert hours(value) == shown


@pytest.mark.parametrize(("parts", "lang", "joined"), [
    (["区里下调了指标。", "群众信任 -2"], "zh", "区里下调了指标。群众信任 -2。"),
    (["The night passes without incident.", "assessment +1"], "en", "The night passes without incident. Assessment +1."),
    (["说明被归进了“意见建议汇总表”。", "", "与区里的关系 -1；"], "zh", "说明被归进了“意见建议汇总表”。与区里的关系 -1。"),
    (['The reply: "The template is uniform."', "Ties -1"], "en", 'The reply: "The template is uniform." Ties -1.'),
    ([], "en", ""),
])
def test_fragments_join_without_doubled_punctuation(parts, lang, joined):
    assert run_on(parts, lang) == joined


@pytest.mark.parametrize(("label", "text", "lang", "joined"), [
    ("要不要层层签到村？", "照样签", "zh", "要不要层层签到村？ 照样签"),
    ("标题：", "内容", "zh", "标题：内容"),
    ("Title", "", "en", "Title"),
    ("Title", "body", "en", "Title: body"),
])
def test_a_label_and_its_text_never_double_a_colon(label, text, lang, joined):
    assert labelled(label, text, lang) == joined


def _titles():
    from game.scenario import load_scenario
    from game.scenario.text import localize

    found = set()
    for path in SCENARIOS.values():
        scenario = load_scenario(path)
        for group in (scenario.directives, scenario.requests, scenario.events, scenario.inspections, scenario.endings):
            for item in group:
                found.update((lang, localize(item.title, lang)) for lang in LANGS)
    return sorted(found)


def test_no_ui_template_doubles_punctuation_with_any_content_title():
    """Every UI string that takes a {title}, filled with every title of both scenarios (some end in '？' or
    'p.m.'), in both languages: no doubled punctuation reaches the player."""
    import re
    import string

    from game.i18n import STRINGS, t

    doubled = re.compile(r"[。！？；：，、;,]\s*[。；;：:，,]|[!?]\s*[:;,]|(?<!\d)\.\s*[:;,]")
    checked = 0
    titles = _titles()  # both scenarios loaded once, not once per template
    for key, pair in STRINGS.items():
        for lang, text in zip(LANGS, pair):
            fields = {name for _, name, _, _ in string.Formatter().parse(text) if name}
            if "title" not in fields:
                continue
            for title_lang, title in titles:
                if title_lang == lang:
                    filled = t(key, lang, **{name: (title if name == "title" else "1") for name in fields})
                    assert not doubled.search(filled), (key, filled)
                    checked += 1
    assert checked > 100


@pytest.mark.parametrize(("raw", "tidied"), [
    ("要不要层层签到村？：完成", "要不要层层签到村？完成"),
    ("说明被归档。；与区里的关系 -1", "说明被归档。与区里的关系 -1"),
    ("by 5 p.m.: met", "by 5 p.m. met"),
    ('The reply: "Uniform.": noted', 'The reply: "Uniform." noted'),
    ("ratio 3.5: fine", "ratio 3.5: fine"),
    ("plain: text, here", "plain: text, here"),
])
def test_tidy_removes_glue_after_a_closed_sentence(raw, tidied):
    from game.i18n import tidy

    assert tidy(raw) == tidied
