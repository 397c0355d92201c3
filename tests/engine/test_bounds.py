"""Numbers content computes at play time stay finite and bounded; no chain of cards locks a week.

Content that passes `validate` may still compute huge values (a quota multiplied week after week), divide
by tiny ones, or call round() on them; the engine must hold only finite numbers whatever it does.
"""

from __future__ import annotations

import math
from pathlib import Path

from engine_kit import action, directive, event, write_scenario
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from game.engine import END_WEEK, Rules, apply, legal, new_game, outcome
from game.engine.bounds import LIMIT, finite
from game.engine.effects import MAX_TRIGGERED_PER_WEEK
from game.engine.game import scores
from game.scenario import ScenarioLoadError, load_scenario
from game.scenario.loader import merge, parse_files

LEAVES = st.sampled_from(["0", "1", "2.5", "999999999999999", "1e14", "0.000001", "a", "b", "turn", "quota",
                          "reported", "hours_left", "count_kind('trace')"])


def _combine(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    binary = st.tuples(children, st.sampled_from(["+", "-", "*", "/", "%"]), children).map(
        lambda t: f"({t[0]} {t[1]} {t[2]})")
    call = st.tuples(st.sampled_from(["round", "floor", "ceil", "abs", "-"]), children).map(
        lambda t: f"{t[0]}({t[1]})")
    pair = st.tuples(st.sampled_from(["min", "max"]), children, children).map(lambda t: f"{t[0]}({t[1]}, {t[2]})")
    return st.one_of(binary, call, pair)


EXPRESSIONS = st.recursive(LEAVES, _combine, max_leaves=8)


def _scenario(folder: Path, grow: str, hours: str, chance: str) -> Path:
    grower = action("grow", hours=1, max_per_week=5, quota=grow, reported=grow, meters={"a": grow, "b": f"-({grow})"})
    risky = action("risky", kind="trace", hours=hours, chance=chance, then={"meters": {"a": grow}},
                   otherwise={"meters": {"b": grow}})
    return write_scenario(folder, scenario={"hours_per_week": f"max(8, {hours})", "events_per_week": 1,
                                            "scoring": {"upward": grow, "downward": f"b + {grow}"}},
                          directives=[directive("task", [grower, risky], quota=10, due=4)],
                          events=[event("card", [action("x", meters={"a": grow}), action("y")], weight=grow,
                                        once=False)])


def _finite_state(rules: Rules, state) -> None:
    numbers = [state.hours_week, state.hours_left, *state.meters, *state.kind_hours.values()]
    for item in state.items:
        numbers += [item.quota, item.reported, item.actual]
    assert all(isinstance(n, (int, float)) and math.isfinite(n) and abs(n) <= LIMIT for n in numbers), numbers
    assert all(math.isfinite(s) and 0 <= s <= 100 for s in scores(rules, state))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(grow=EXPRESSIONS, hours=EXPRESSIONS, chance=EXPRESSIONS, picks=st.lists(st.integers(0, 50), max_size=80))
def test_every_computed_value_is_finite_and_bounded(tmp_path_factory, grow: str, hours: str, chance: str,
                                                    picks: list[int]) -> None:
    folder = _scenario(tmp_path_factory.mktemp("bounds"), grow, hours, chance)
    try:
        rules = Rules(load_scenario(folder))
    except ScenarioLoadError:
        assume(False)  # refused at load (a value that must overflow): nothing reaches play
    state, _ = new_game(rules, 7)
    for pick in picks + [0] * 200:
        if state.ended:
            break
        options = legal(rules, state)
        state, _ = apply(rules, state, options[pick % len(options)] if pick else (END_WEEK if END_WEEK in options
                                                                                  else options[0]))
        _finite_state(rules, state)
    assert state.ended
    result = outcome(rules, state)
    assert math.isfinite(result.upward) and math.isfinite(result.downward)


def test_finite_turns_every_value_into_a_bounded_number() -> None:
    cases = [(math.inf, LIMIT), (-math.inf, -LIMIT), (math.nan, 0.0), (1e300, LIMIT), (-2e15, -LIMIT), (3, 3.0),
             (True, 1.0), ("text", 0.0), ((1, 2), 0.0), (None, 0.0), (-0.5, -0.5)]
    assert [finite(value) for value, _ in cases] == [expected for _, expected in cases]


def test_an_event_that_queues_itself_cannot_lock_the_week(tmp_path: Path) -> None:
    """Validation refuses the cycle; a scenario built without it still lets every week end."""
    loop = event("loop", [action("again", event="loop"), action("also", event="loop")], once=False)
    folder = write_scenario(tmp_path / "loop", scenario={"events_per_week": 1}, events=[loop])
    parsed, errors, content_hash = parse_files(folder)
    assert errors == []
    try:
        load_scenario(folder)
        raise AssertionError("a self-queuing event must not validate")
    except ScenarioLoadError as err:
        assert any("queues itself" in e.message for e in err.errors)
    rules = Rules(merge(parsed, content_hash, str(folder)))
    state, _ = new_game(rules, 1)
    cards = 0
    for _ in range(10_000):
        if state.ended:
            break
        decision = legal(rules, state)[0]
        cards += decision.kind == "choose"
        state, _ = apply(rules, state, decision)
    assert state.ended and cards <= rules.weeks * (MAX_TRIGGERED_PER_WEEK + 1)
