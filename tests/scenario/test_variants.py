"""Scenario variants (issue 12): declared in content, applied by the loader, every one checked at load."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "engine"))
from engine_kit import action, directive, event, write_scenario  # noqa: E402

from game.engine import Rules  # noqa: E402
from game.scenario import ScenarioLoadError, load_scenario  # noqa: E402
from game.scenario.variants import UnknownVariant  # noqa: E402

CHOICES = [action("yes"), action("no", kind="other")]
BASE = {
    "scenario": {"weeks": 6, "events_per_week": 1},
    "directives": [directive("task", [action("work")], arrives=1, due=3, veto=True),
                   directive("extra", [action("work")], arrives=2)],
    "events": [event("card", CHOICES, core={"from_week": 2, "by_week": 5}), event("other", CHOICES)],
    "modifiers": [{"id": "card", "label": "shares an id with the event", "when": "a > 0", "hours": 1}],
}


def scenario_with(tmp_path: Path, variants: list[dict]) -> Path:
    return write_scenario(tmp_path / "s", **BASE, variants=variants)


def test_a_variant_changes_what_it_says_and_nothing_else(tmp_path):
    folder = scenario_with(tmp_path, [{
        "id": "short", "title": {"zh": "短", "en": "Short"},
        "set": {"weeks": 4}, "start_flags": ["from_week_one"], "meters": {"a": {"start": 70}},
        "change": {"task": {"veto": False}, "events.card": {"core": {"from_week": 1, "by_week": 3}}},
        "remove": ["extra"],
        "add": {"events": [event("new_card", CHOICES)], "weekly": [{"effect": {"meters": {"b": 1}}}]},
    }])
    base, short = load_scenario(folder), load_scenario(folder, "short")
    assert (base.variant, short.variant) == ("", "short")
    assert (base.info.weeks, short.info.weeks) == (6, 4)
    assert short.info.start_flags == ["from_week_one"] and len(short.info.weekly) == 1
    assert [m.start for m in short.meters] == [70, 50]
    assert [d.id for d in short.directives] == ["task"] and not short.directives[0].veto
    assert base.directives[0].veto  # the base is untouched
    assert [e.id for e in short.events] == ["card", "other", "new_card"]
    assert short.events[0].core.by_week == 3 and base.events[0].core.by_week == 5
    rules = Rules(short)
    assert rules.variant == "short" and rules.weeks == 4 and rules.content_hash == Rules(base).content_hash


@pytest.mark.parametrize(("variant", "message"), [
    ({"remove": ["nothing"]}, "`remove` names no item 'nothing'"),
    ({"change": {"card": {"weight": 2}}}, "'card' is the id of items in events and modifiers"),
    ({"change": {"directives.card": {"weight": 2}}}, "names no item 'card' in directives"),
    ({"change": {"task": {"quota": -1}}}, "quota"),
    ({"set": {"weeks": 3}}, "week 5 is after the last week (3)"),  # the core window no longer fits
    ({"remove": ["task"], "add": {"events": [event("x", [action("y", directive="task"), action("z")])]}},
     "unknown directive 'task'"),
    ({"meters": {"nope": {"start": 1}}}, "no meter 'nope'"),
])
def test_a_bad_variant_is_refused_at_load_with_its_reason(tmp_path, variant, message):
    folder = scenario_with(tmp_path, [{"id": "bad", "title": "Bad", **variant}])
    with pytest.raises(ScenarioLoadError) as err:
        load_scenario(folder)
    found = [e.format() for e in err.value.errors]
    assert any(message in line and "variant 'bad'" in line and "scenario.yaml" in line for line in found), found


def test_duplicate_and_unknown_variants(tmp_path):
    folder = scenario_with(tmp_path, [{"id": "v", "title": "V"}, {"id": "v", "title": "V again"}])
    with pytest.raises(ScenarioLoadError) as err:
        load_scenario(folder)
    assert any("duplicate variant id 'v'" in e.message for e in err.value.errors)
    folder = write_scenario(tmp_path / "ok", **BASE, variants=[{"id": "v", "title": "V"}])
    with pytest.raises(UnknownVariant, match="has no variant 'w' \\(variants: v\\)"):
        load_scenario(folder, "w")
