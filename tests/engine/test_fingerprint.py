"""A state's fingerprint covers every part of the state, so replay checks miss no divergence."""

from __future__ import annotations

import pytest

from game.engine import Rules, new_game
from game.scenario import load_scenario


@pytest.fixture
def start(fixture_dir):
    rules = Rules(load_scenario(fixture_dir))
    return new_game(rules, 5)[0]


CHANGES = {
    "uses_total": lambda s: s.uses_total.__setitem__(0, 1),
    "uses_week": lambda s: s.uses_week.__setitem__(0, 1),
    "counters": lambda s: s.counters.__setitem__("served", 1),
    "kind_counts": lambda s: s.kind_counts.__setitem__("trace", 1),
    "kind_hours": lambda s: s.kind_hours.__setitem__("trace", 2.5),
    "took": lambda s: s.took.__setitem__("app_quota.screenshots", 1),
    "history": lambda s: s.history.append(tuple(s.meters)),
    "hours_week": lambda s: setattr(s, "hours_week", s.hours_week + 1),
    "order": lambda s: setattr(s, "order", s.order + 1),
    "end_reason": lambda s: setattr(s, "end_reason", "final"),
}


@pytest.mark.parametrize("field", sorted(CHANGES))
def test_a_change_anywhere_changes_the_fingerprint(start, field):
    changed = start.clone()
    CHANGES[field](changed)
    assert changed.fingerprint() != start.fingerprint()
    assert start.clone().fingerprint() == start.fingerprint()
