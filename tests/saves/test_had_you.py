"""The debrief's "had you ..." line changes the decision it names (issue 10: texts that read true).

A player may take two approaches on one item in one week, an honest one and then one that crosses a line. The
line offers the crossing one made another way; it must replace that decision, not the first on the item, or it
reads "had you chosen X instead of X" with the scores unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "engine"))
from engine_kit import action, request, write_scenario  # noqa: E402

from game.engine import END_WEEK, Decision, Rules  # noqa: E402
from game.saves.branch import branch_game  # noqa: E402
from game.saves.branch_view import debrief_line, suggest_branch  # noqa: E402
from game.scenario import load_scenario  # noqa: E402

WALK = Decision("act", "r", "walk")
FAKE = Decision("act", "r", "fake")
NOTE = Decision("act", "r", "note")


@pytest.fixture
def rules(tmp_path) -> Rules:
    moves = [action("walk", kind="service", hours=2, closes=False, max_per_week=3, meters={"b": 5}),
             action("note", kind="trace", hours=1, closes=False, max_per_week=3, meters={"a": 1}),
             action("fake", kind="trace", hours=1, closes=False, max_per_week=3, meters={"a": 10},
                    crosses_line=True)]
    return Rules(load_scenario(write_scenario(tmp_path / "s", scenario={"weeks": 2}, requests=[request("r", moves)])))


@pytest.mark.parametrize(("decisions", "replaced"), [
    ([FAKE, END_WEEK, END_WEEK], FAKE),                   # the crossing decision alone
    ([WALK, FAKE, END_WEEK, END_WEEK], FAKE),             # after an honest one on the same item
    ([NOTE, WALK, FAKE, FAKE, END_WEEK, END_WEEK], FAKE),  # the first of two crossings
    ([WALK, END_WEEK, WALK, FAKE, END_WEEK], FAKE),       # in the second week
])
def test_the_branch_replaces_the_decision_it_names(rules, decisions, replaced):
    branch = suggest_branch(rules, decisions)
    assert branch is not None and branch.replace == replaced and branch.decision != replaced
    result = branch_game(rules, 1, decisions, branch)
    assert result.replaced == replaced
    played, branched = result.outcomes(rules)
    assert played.meters["a"] - branched.meters["a"] >= 9  # the crossing move is the one undone
    line = debrief_line(rules, 1, decisions, "en")
    assert line and line.count('"fake"') == 1 and ('"walk"' in line or '"note"' in line)
