"""Inspections: traces checks score ledger completeness, reality checks the unbacked share; when they run."""

from __future__ import annotations

import pytest
from engine_kit import act, action, directive, end, kinds, meter

from game.engine import END_WEEK, apply, new_game

METERS = [{"id": "a", "label": "A", "start": 0, "range": [-1000, 1000]}, {"id": "b", "label": "B", "start": 50}]
DIRECTIVES = [
    directive("d1", [action("fake", kind="trace", reported=5), action("real", reported=5, actual=5)], due=4),
    directive("d2", [action("fake", kind="trace", reported=20), action("real", reported=20, actual=20)],
              quota=20, due=4),
]


def inspection(kind: str, **extra):
    return {"id": f"check_{kind}", "title": kind, "kind": kind, "effect": {"meters": {"a": "score * 100"}}, **extra}


@pytest.mark.parametrize(("kind", "acts", "score"), [
    ("traces", [], 0.0),
    ("traces", ["d1.fake"], 0.25),                   # (0.5 + 0) / 2: the mean completeness of open ledgers
    ("traces", ["d1.real", "d2.fake"], 0.75),        # real or not, traces only read the reported ledger
    ("reality", [], 0.0),                            # nothing reported, no gap
    ("reality", ["d1.fake", "d2.real"], 0.5),        # per directive: d1 all unbacked, d2 none; equal weights
    ("reality", ["d1.fake", "d2.fake"], 1.0),
    ("reality", ["d1.real", "d2.real"], 0.0),
])
def test_inspection_scores(make_rules, kind, acts, score):
    rules = make_rules(meters=METERS, directives=DIRECTIVES, inspections=[inspection(kind)])
    state, _ = new_game(rules, 1)
    for ref in acts:
        state, _ = act(rules, state, ref)
    state, happened = apply(rules, state, END_WEEK)
    [inspected] = kinds(happened, "inspected")
    assert inspected.subject == f"check_{kind}"
    assert inspected.data == {"kind": kind, "score": pytest.approx(score)}
    assert meter(rules, state, "a") == pytest.approx(100 * score)


@pytest.mark.parametrize(("acts", "score"), [([], 1.0), (["d1.fake"], 0.5), (["d1.fake", "d1.fake"], 1.0)])
def test_traces_without_open_directives_read_those_settled_this_week(make_rules, acts, score):
    rules = make_rules(meters=METERS, inspections=[inspection("traces", weeks=[2])], directives=[
        directive("d1", [action("fake", kind="trace", reported=5, max_per_week=2)], due=2 if acts else 1)])
    state, _ = new_game(rules, 1)
    for ref in acts:
        state, _ = act(rules, state, ref)
    state, _ = end(rules, state)
    state, happened = end(rules, state)
    assert [h.data["score"] for h in kinds(happened, "inspected")] == [score]


@pytest.mark.parametrize(("extra", "weeks_run"), [
    ({"weeks": [2, 4]}, [2, 4]),
    ({"when": "turn >= 3"}, [3, 4]),
    ({"weeks": [1, 2, 3], "when": "turn != 2"}, [1, 3]),
    ({"chance": 0}, []),
    ({"chance": 1}, [1, 2, 3, 4]),
    ({"chance": "1 if turn == 3 else 0"}, [3]),
])
def test_when_inspections_run(make_rules, extra, weeks_run):
    rules = make_rules(meters=METERS, directives=DIRECTIVES, inspections=[inspection("traces", **extra)])
    state, _ = new_game(rules, 1)
    rng_before = state.rng
    state, happened = end(rules, state, 4)
    assert state.ended
    assert [h.week for h in kinds(happened, "inspected")] == weeks_run
    assert state.rng == rng_before  # certain and impossible checks draw no random number


def test_chance_inspections_are_random_but_seeded(make_rules):
    rules = make_rules(meters=METERS, directives=DIRECTIVES, inspections=[inspection("reality", chance=0.5)])

    def weeks_run(seed: int) -> list[int]:
        state, _ = new_game(rules, seed)
        _, happened = end(rules, state, 4)
        return [h.week for h in kinds(happened, "inspected")]

    runs = [weeks_run(seed) for seed in range(40)]
    assert runs == [weeks_run(seed) for seed in range(40)]
    total = sum(len(r) for r in runs)
    assert 40 < total < 120  # about 80 of 160 chances; far from all or none
