""""N weeks played" has one definition, and every place that says it agrees (issue 10).

A table of games that end in each way a game can end (at a week's start, mid-week, at a week's end, after
the last week, on removal) against the weeks the player really played; each is then read where players and
facilitators read it: the outcome, the ending text's `{{weeks_played()}}`, the debrief view, `replay`'s
summary, a class report's row and a handout.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "engine"))
from engine_kit import action, directive, request, write_scenario  # noqa: E402

from game.engine import END_WEEK, Decision, Rules, apply, new_game, outcome  # noqa: E402
from game.i18n import tn  # noqa: E402
from game.narrate.debrief_text import ending_words  # noqa: E402
from game.narrate.replay import summary  # noqa: E402
from game.scenario import load_scenario  # noqa: E402

WEEKS = 4
TEXT = {"zh": "{{weeks_played()}}周。", "en": "{{weeks_played()}} weeks."}
METERS = [{"id": "a", "label": "A", "start": 50, "ends_game_at": {"min": "crisis"}},
          {"id": "b", "label": "B", "start": 50}]
ENDINGS = [{"id": name, "title": name, "text": TEXT} for name in ("crisis", "removed", "walked_out", "fallback")]
MOVES = [
    action("quit", kind="other", hours=0, end_game="walked_out", closes=False),
    action("remove_later", kind="other", hours=0, closes=False, later=[{"in_weeks": 1, "end_game": "removed"}]),
    action("a_to_0", kind="other", hours=0, closes=False, meters={"a": -100}),
    action("note", kind="trace", hours=1, closes=False, max_per_week=5),
]

# (case, decisions as refs or "end", expected weeks played, expected ending)
CASES = [
    ("after the last week", ["r.note", "end"] * WEEKS, WEEKS, "fallback"),
    ("removal at the start of week 3", ["end", "r.remove_later", "end"], 2, "removed"),
    ("removal at the start of week 2, nothing done", ["r.remove_later", "end"], 1, "removed"),
    ("mid-week end in week 2", ["end", "r.note", "r.quit"], 2, "walked_out"),
    ("mid-week threshold in week 3", ["end", "end", "r.a_to_0"], 3, "crisis"),
    ("mid-week end in week 1", ["r.quit"], 1, "walked_out"),
    ("removal at week 2's settlement", ["end", "end"], 2, "removed"),
    ("threshold as week 3 opens", ["end", "end"], 2, "crisis"),
]


def _rules(tmp_path: Path, case: str) -> Rules:
    sections: dict = {"scenario": {**_header(), "languages": ["zh", "en"]}, "meters": METERS,
                      "endings": ENDINGS, "requests": [request("r", MOVES)]}
    if case == "removal at week 2's settlement":
        sections["directives"] = [directive("d", [action("x")], arrives=2, due=1,
                                            on_missed={"end_game": "removed"})]
    if case == "threshold as week 3 opens":
        sections["scenario"]["weekly"] = [{"when": "turn >= 3", "effect": {"meters": {"a": -100}}}]
    return Rules(load_scenario(write_scenario(tmp_path / "s", **sections)))


def _header() -> dict:
    return {"id": "weeks", "title": {"zh": "周数", "en": "Weeks"}, "weeks": WEEKS}


def _play(rules: Rules, refs: list[str]):
    state, _ = new_game(rules, 1)
    for ref in refs:
        assert not state.ended, f"the game ended before {ref}"
        if ref == "end":
            state, _ = apply(rules, state, END_WEEK)
        else:
            target, option = ref.split(".")
            state, _ = apply(rules, state, Decision("act", target, option))
    assert state.ended
    return state


@pytest.fixture(params=CASES, ids=[c[0] for c in CASES])
def game(request, tmp_path):
    case, refs, weeks, ending = request.param
    rules = _rules(tmp_path, case)
    return rules, _play(rules, refs), weeks, ending


def test_the_outcome_counts_the_weeks_really_played(game):
    rules, state, weeks, ending = game
    done = outcome(rules, state)
    assert (done.ending, done.weeks_played) == (ending, weeks)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_ending_text_debrief_and_replay_say_the_same_number(game, lang):
    rules, state, weeks, _ = game
    text, _ = ending_words(rules, state, state.ended, lang)
    assert text == TEXT[lang].replace("{{weeks_played()}}", str(weeks))
    assert tn("deb.weeks_played", weeks, lang) in list(summary(rules, state, lang))[0]
    from game.tui.present.debrief import debrief_view  # a view builder: no Textual widget is made

    assert debrief_view(rules, state, outcome(rules, state), lang).weeks_played == weeks


def test_records_report_and_handout_say_the_same_number(game, tmp_path):
    from game.saves.store import write_game_record
    from game.workshop.report_handout import handout_data
    from game.workshop.report_model import group_games, row_of
    from game.workshop.report_records import load_games

    rules, state, weeks, _ = game
    folder = tmp_path / "records"
    folder.mkdir()
    write_game_record(folder / "one.record.json", rules, state, player="p", durable=False)
    found = load_games([folder], scenario=tmp_path / "s")
    assert not found.refused, found.refused
    [played] = found.games
    assert played.measures["weeks_played"] == weeks
    assert row_of(played, "en").weeks == weeks
    [group] = group_games(found, "en")
    assert handout_data(played, group, "en")["weeks"] == weeks
