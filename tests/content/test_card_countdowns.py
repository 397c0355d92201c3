"""A card that counts the weeks to a fixed date ("two weeks to the year-end assessment") says so only if it can
come in one week alone: a card open over several weeks names no count (issue 10: texts that read true).

The weeks each card can come in are read from played games (every shipped strategy, a few seeds each), so a
window widened by a later content change is seen here.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from game.engine import Rules
from game.scenario import load_scenario
from game.scenario.catalog import resolve
from game.scenario.text import localize
from game.sim.runner import play
from game.sim.strategy import applies_to, shipped

COUNTDOWN = {
    "zh": re.compile(r"还有[一二两三四五六七八九十\d]+(?:个)?(?:周|星期)"),
    "en": re.compile(r"\b(?:one|two|three|four|five|six|\d+) weeks? (?:to|until|before|left)\b", re.IGNORECASE),
}


@pytest.fixture(scope="module")
def drawn_weeks():
    rules = Rules(load_scenario(resolve("lianhe-town")))
    weeks: dict[str, set[int]] = defaultdict(set)
    for name, strategy in shipped().items():
        if not applies_to(strategy, rules.id):
            continue
        for seed in range(6):
            happened: list = []
            play(rules, name, seed, f"countdown:{name}:{seed}", happened)
            for h in happened:
                if h.kind == "event_drawn":
                    weeks[h.subject].add(h.week)
    return rules, weeks


def test_the_countdown_patterns_find_what_they_are_for():
    assert COUNTDOWN["zh"].search("离年终考核还有两周。") and COUNTDOWN["en"].search("Two weeks to the assessment")
    assert not COUNTDOWN["zh"].search("两周后省考察团到三村") and not COUNTDOWN["en"].search("in two weeks")


def test_a_card_counting_weeks_to_a_date_comes_in_one_week_only(drawn_weeks):
    rules, weeks = drawn_weeks
    assert weeks, "no card was drawn"
    wrong = []
    for event in rules.events:
        for lang, pattern in COUNTDOWN.items():
            text = localize(event.model.text, lang)
            if pattern.search(text) and len(weeks.get(event.id, set())) > 1:
                wrong.append(f"{event.id} ({lang}) counts weeks but came in weeks {sorted(weeks[event.id])}")
    assert wrong == []
