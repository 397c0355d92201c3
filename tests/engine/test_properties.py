"""Properties of the engine over arbitrary play: determinism across processes, legal moves, invariants.

Two scenarios: the mini-town fixture, and `edge` below, built to reach the corners (vetoes, end_game,
unaffordable cards, chained cards, items issued as a week ends, modifiers, expressions everywhere).
"""

from __future__ import annotations

import copy
import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from engine_kit import write_scenario
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import END_WEEK, Decision, GameState, IllegalDecision, Rules, apply, legal, new_game, options, outcome
from game.scenario import load_scenario

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "scenarios" / "mini-town"

EDGE = dict(
    scenario="""
        weeks: 6
        hours_per_week: "10 + a / 10"
        events_per_week: "2 if turn % 2 == 0 else 1"
        start_flags: [fresh]
        scoring: {upward: "a + reported_share() * 10", downward: "b * 5 - idle_index() * 10"}
        settlement:
          met: {meters: {a: "weight"}}
          missed: {meters: {a: "-weight * (1 - progress)"}}
          veto_missed: {meters: {a: -25}}
        urgency:
          high: {ignored_each_week: {a: -3}, escalates_after_weeks: 1,
                 escalation: {meters: {a: -2}, event: complaint, directive: rectify}}
          low: {ignored_each_week: {b: -0.5}, expires_after_weeks: 2}
        weekly:
          - effect: {meters: {b: 1}}
          - when: "flag.reformed"
            effect: {meters: {a: 1}}
    """,
    meters="""
        - {id: a, label: A, start: 40, ends_game_at: {min: collapse, max: triumph}}
        - {id: b, label: B, start: 8, range: [0, 20]}
    """,
    directives="""
        - id: big
          title: Big
          level: province
          unit: u
          quota: 30
          arrives: 1
          due_in_weeks: 3
          weight: 6
          veto: true
          approaches:
            - {id: fake, kind: trace, label: Fake, hours: 2, reported: 12, max_per_week: 3, crosses_line: true}
            - {id: real, kind: service, label: Real, hours: 6, reported: 8, actual: 8, costs: {b: 2}}
            - id: ask
              kind: feedback
              label: Ask
              hours: 1
              max_total: 2
              chance: "0.5 if flag.fresh else 0"
              then: {quota: -20, clear: [fresh]}
              otherwise: {meters: {a: -1}}
            - id: shelve
              kind: set_aside
              label: Shelve
              hours: 0
              closes: true
              requires: "turn >= 2"
              later: [{in_weeks: 2, chance: 0.5, end_game: exposed, unless: "a > 60"}]
        - id: rectify
          title: Rectify
          level: district
          unit: u
          quota: 5
          due_in_weeks: 1
          approaches:
            - {id: do, kind: service, label: Do, hours: "quota - reported", reported: 5, actual: 5}
        - id: pilot
          title: Pilot
          level: city
          unit: u
          quota: 4
          when: "flag.reformed"
          due_in_weeks: 2
          on_met: {meters: {b: 3}, set: [piloted]}
          approaches:
            - {id: step, kind: reform, label: Step, hours: 1, reported: 1, actual: 1, max_per_week: 4}
    """,
    requests="""
        - id: urgent
          title: Urgent
          urgency: high
          arrives: 1
          approaches:
            - {id: help, kind: service, label: Help, hours: 4, meters: {a: 4}}
            - {id: stall, kind: other, label: Stall, hours: 0, closes: false, max_per_week: 2, meters: {a: -1}}
        - id: minor
          title: Minor
          urgency: low
          when: "turn >= 2"
          approaches:
            - {id: fix, kind: service, label: Fix, hours: 2, costs: {b: "turn"}, meters: {a: 2}}
    """,
    inspections="""
        - {id: ledgers, title: L, kind: traces, weeks: [3, 6], effect: {meters: {a: "10 * score - 5"}}}
        - {id: visit, title: V, kind: reality, when: "turn >= 2", chance: "0.3 + 0.1 * turn",
           effect: {meters: {a: "-20 * score"}}}
    """,
    events="""
        - id: storm
          title: Storm
          text: Storm
          once: false
          cooldown: 1
          choices:
            - {id: all_in, kind: service, label: All in, hours: 100, meters: {a: 5}}
            - {id: rich, kind: other, label: Rich, costs: {b: 15}, meters: {a: 1}}
        - id: reform
          title: Reform
          text: Reform
          weight: "2 if not flag.reformed else 0"
          choices:
            - {id: start, kind: reform, label: Start, hours: 3, set: [reformed], event: follow_up}
            - {id: skip, kind: other, label: Skip}
        - id: follow_up
          title: Follow-up
          text: Follow-up
          draw: false
          choices:
            - {id: push, kind: reform, label: Push, requires: "b >= 8", meters: {b: -2}, request: minor}
            - {id: stop, kind: other, label: Stop, clear: [reformed]}
        - id: complaint
          title: Complaint
          text: Complaint
          draw: false
          once: false
          choices:
            - {id: apologise, kind: service, label: Apologise, hours: 2, meters: {a: 1}}
            - {id: blame, kind: trace, label: Blame, requires: "a > 45", end_game: exposed}
            - {id: gamble, kind: other, label: Gamble, chance: 0.5, then: {meters: {a: 30}},
               otherwise: {meters: {a: -30}}}
    """,
    modifiers="""
        - {id: lean, label: Lean, when: "flag.reformed", kinds: [trace, reform], hours_factor: 0.5}
        - {id: tired, label: Tired, when: "a < 30", hours: 1, items: [big, urgent]}
    """,
    endings="""
        - {id: collapse, title: C, text: C, priority: 50}
        - {id: triumph, title: T, text: T, priority: 40}
        - {id: exposed, title: E, text: E, priority: 60}
        - {id: reformer, title: R, text: R, when: "flag.reformed and b >= 10", priority: 10}
        - {id: fallback, title: F, text: F}
    """,
)

SCENARIOS = ["mini-town", "edge"]


@pytest.fixture(scope="module")
def scenario_paths(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return {"mini-town": FIXTURE, "edge": write_scenario(tmp_path_factory.mktemp("edge") / "edge", **EDGE)}


@pytest.fixture(scope="module")
def all_rules(scenario_paths: dict[str, Path]) -> dict[str, Rules]:
    return {name: Rules(load_scenario(path)) for name, path in scenario_paths.items()}


PROPERTY = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
seeds = st.integers(min_value=-(2**63), max_value=2**64)
picks = st.lists(st.integers(min_value=0, max_value=10_000), max_size=120)


def play(rules: Rules, seed: int, choices: list[int], avoid_end: bool = False) -> list[tuple[GameState, Decision]]:
    """Play a whole game picking legal[choice % n]; once the choices run out, end weeks (or answer cards).

    With avoid_end, never end the week while anything else is legal (the longest games possible).
    Returns each state with the decision taken in it; the final state comes last with END_WEEK.
    """
    state, _ = new_game(rules, seed)
    path: list[tuple[GameState, Decision]] = []
    turn = 0
    while not state.ended:
        moves = legal(rules, state)
        assert moves, "a game that is not over always has a legal decision"
        if avoid_end and len(moves) > 1 and END_WEEK in moves:
            moves = [m for m in moves if m != END_WEEK]
        if turn < len(choices):
            decision = moves[choices[turn] % len(moves)]
        else:
            decision = END_WEEK if END_WEEK in moves else moves[0]
        path.append((state, decision))
        state, _ = apply(rules, state, decision, record=False)
        turn += 1
        assert turn <= 5000, "a game that never ends"
    path.append((state, END_WEEK))
    return path


def snapshot(state: GameState) -> dict:
    """Every field of a state except the cache of derived values, deep-copied."""
    return {f.name: copy.deepcopy(getattr(state, f.name)) for f in dataclasses.fields(state) if f.name != "derived"}


REPLAY = """
import json, sys
from pathlib import Path
from game.engine import Decision, Rules, apply, new_game, outcome
from game.scenario import load_scenario
job = json.load(sys.stdin)
rules = Rules(load_scenario(Path(job["path"])))
out = []
for game in job["games"]:
    state, _ = new_game(rules, game["seed"])
    for raw in game["decisions"]:
        state, _ = apply(rules, state, Decision.from_json(raw))
    out.append({"fingerprint": state.fingerprint(), "outcome": outcome(rules, state).to_json()})
print(json.dumps(out))
"""


@pytest.mark.parametrize("name", SCENARIOS)
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(games=st.lists(st.tuples(seeds, picks), min_size=1, max_size=3))
def test_same_seed_and_decisions_same_game_in_another_process(name, scenario_paths, all_rules, games):
    rules = all_rules[name]
    job = {"path": str(scenario_paths[name]), "games": []}
    here = []
    for seed, choices in games:
        path = play(rules, seed, choices)
        final = path[-1][0]
        job["games"].append({"seed": seed, "decisions": [d.to_json() for _, d in path[:-1]]})
        here.append({"fingerprint": final.fingerprint(), "outcome": outcome(rules, final).to_json()})
    env = {**os.environ, "PYTHONHASHSEED": str(len(str(games)) % 1000 + 1)}  # another string-hash order
    done = subprocess.run([sys.executable, "-c", REPLAY], input=json.dumps(job), capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    there = json.loads(done.stdout)
    assert there == json.loads(json.dumps(here))
    assert all(game["outcome"]["ending"] for game in there)


@pytest.mark.parametrize("name", SCENARIOS)
@PROPERTY
@given(seed=seeds, choices=picks)
def test_legal_options_and_apply_agree(name, all_rules, seed, choices):
    rules = all_rules[name]
    for state, _ in play(rules, seed, choices):
        moves = legal(rules, state)
        fresh = dataclasses.replace(state, derived=None)
        assert legal(rules, fresh) == moves == legal(rules, state)  # remembered or computed, the same
        offered = options(rules, fresh)
        assert [o.decision for o in offered if o.available] == moves
        assert all(o.locked in ("requires", "hours", "costs", "used_this_week", "used_up") for o in offered
                   if not o.available)
        for decision in moves:
            recorded, _ = apply(rules, state, decision)  # never raises for a legal decision
            quiet, nothing = apply(rules, fresh, decision, record=False)
            assert recorded.fingerprint() == quiet.fingerprint() and nothing == []
            assert recorded.decisions == state.decisions + [decision]


def all_decisions(rules: Rules) -> list[Decision]:
    """Every id combination, valid or not, for any kind (and a few that name nothing)."""
    targets = rules.item_ids + [e.id for e in rules.events] + ["", "nobody"]
    opts = sorted({a.id for a in rules.actions}) + ["", "nothing"]
    return [Decision(k, t, o) for k in ("act", "choose", "end_week", "jump") for t in targets for o in opts]


@pytest.mark.parametrize("name", SCENARIOS)
@PROPERTY
@given(seed=seeds, choices=picks, data=st.data())
def test_only_offered_decisions_are_accepted(name, all_rules, seed, choices, data):
    rules = all_rules[name]
    universe = all_decisions(rules)
    for state, _ in play(rules, seed, choices):
        moves = set(legal(rules, state))
        tried = data.draw(st.lists(st.sampled_from(universe), min_size=5, max_size=5)) + list(moves)
        for decision in tried:
            if decision in moves:
                apply(rules, state, decision)
            else:
                with pytest.raises(IllegalDecision):
                    apply(rules, state, decision)


@pytest.mark.parametrize("name", SCENARIOS)
@PROPERTY
@given(seed=seeds, choices=picks)
def test_meters_stay_in_range(name, all_rules, seed, choices):
    rules = all_rules[name]
    for state, _ in play(rules, seed, choices):
        for value, low, high in zip(state.meters, rules.lows, rules.highs):
            assert low <= value <= high
        for row in state.history:
            assert all(low <= v <= high for v, low, high in zip(row, rules.lows, rules.highs))
        assert 0 <= state.hours_left <= state.hours_week
        assert all(0 <= i.reported <= i.quota and 0 <= i.actual <= i.quota for i in state.items
                   if i.status != "pending")


@pytest.mark.parametrize("name", SCENARIOS)
@PROPERTY
@given(seed=seeds, choices=picks)
def test_games_end_by_the_last_week_within_bounded_decisions(name, all_rules, seed, choices):
    """Even a player who never ends a week early finishes: actions run out of hours and uses."""
    rules = all_rules[name]
    per_week = sum(a.max_per_week for item in rules.items for a in item.actions) + 2 * len(rules.events) + 1
    path = play(rules, seed, choices, avoid_end=True)
    final = path[-1][0]
    assert final.ended and final.end_reason in ("final", "threshold", "effect")
    assert all(state.week <= rules.weeks for state, _ in path)
    assert final.week <= rules.weeks and (final.end_reason != "final" or final.week == rules.weeks)
    assert len(path) - 1 <= rules.weeks * per_week
    assert outcome(rules, final).ending == final.ended


@pytest.mark.parametrize("name", SCENARIOS)
@PROPERTY
@given(seed=seeds, choices=picks)
def test_apply_never_changes_its_input(name, all_rules, seed, choices):
    rules = all_rules[name]
    for state, decision in play(rules, seed, choices)[:-1]:
        before, fingerprint = snapshot(state), state.fingerprint()
        for move in legal(rules, state):
            apply(rules, state, move)
            apply(rules, state, move, record=False)
        options(rules, state)
        assert snapshot(state) == before and state.fingerprint() == fingerprint
