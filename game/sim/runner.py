"""Monte Carlo runs of bots over the engine, in one process or several, with identical results."""

from __future__ import annotations

import multiprocessing
import random
import signal
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence, TypeVar

from game.engine import Rules, apply, legal, new_game, outcome
from game.engine.fast import FastGame
from game.engine.game import Outcome
from game.engine.state import GameState
from game.scenario.loader import load_scenario
from game.sim.bots import BOTS, make_bot
from game.sim.strategy import Strategy

CHUNK = 200


def cpu_seconds() -> float:
    """CPU time (user + system) used so far by this process and its finished child processes (simulation
    workers), in seconds; this process's alone where the platform does not count children."""
    try:
        import resource
    except ImportError:  # not on Unix
        return time.process_time()
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def game_seed(base: int, run: int) -> int:
    """The seed of run `run`; every strategy plays the same seeds, so they are compared fairly."""
    return (base * 1_000_003 + run) & 0x7FFFFFFF


StrategyRef = str | Strategy  # a shipped strategy's id, or a strategy read from a file


def strategy_id(strategy: StrategyRef) -> str:
    return strategy if isinstance(strategy, str) else strategy.id


def play(rules: Rules, strategy: StrategyRef, seed: int, bot_seed: str, happenings: list | None = None) -> GameState:
    """Play one whole game with a bot; return the final state (and extend `happenings`, when given, with
    everything that happened: coverage counts them).

    Without `happenings` the game runs on the engine's fast path (`game.engine.fast`: one state changed in
    place, legal moves kept up to date incrementally), which gives the same final state as the reference
    path (`play_reference`); tests/sim/test_fast_path.py checks that for every shipped strategy."""
    if happenings is not None:
        return play_reference(rules, strategy, seed, bot_seed, happenings)
    bot = BOTS[strategy] if isinstance(strategy, str) else make_bot(strategy)
    rng = random.Random(bot_seed)
    game = FastGame(rules, seed)
    state, legal_now, apply_now = game.state, game.legal, game.apply
    guard = rules.weeks * 400
    while not state.ended and guard:
        apply_now(bot(rules, state, legal_now(), rng))
        guard -= 1
    return state


def play_reference(rules: Rules, strategy: StrategyRef, seed: int, bot_seed: str,
                   happenings: list | None = None) -> GameState:
    """`play` on the reference path: the public `legal` and `apply`, a new state per decision."""
    bot = BOTS[strategy] if isinstance(strategy, str) else make_bot(strategy)
    rng = random.Random(bot_seed)
    state, first = new_game(rules, seed)
    record = happenings is not None
    if happenings is not None:
        happenings.extend(first)
    guard = rules.weeks * 400
    while not state.ended and guard:
        state, out = apply(rules, state, bot(rules, state, legal(rules, state), rng), record=record)
        if happenings is not None:
            happenings.extend(out)
        guard -= 1
    return state


@dataclass
class ChunkResult:
    """What one batch of runs of one strategy produced."""

    strategy: str
    start: int
    outcomes: list[Outcome]
    fired: set[str] = field(default_factory=set)
    taken: set[str] = field(default_factory=set)
    fired_counts: Counter = field(default_factory=Counter)  # event id -> games of this chunk it fired in
    drawn: list[frozenset[str]] = field(default_factory=list)  # per run: the drawable cards that came
    decisions: list[int] = field(default_factory=list)  # per run: how many decisions the bot made


T = TypeVar("T")

_WORKER: dict[tuple[str, str], Rules] = {}


def remember_rules(path: Path | str, rules: Rules) -> None:
    """Let this process (and worker processes forked from it) use `rules` for `path` instead of loading the
    scenario again (`rules.variant` says which variant they are)."""
    _WORKER[str(path), rules.variant] = rules


def _rules_for(path: str, variant: str = "") -> Rules:
    if (path, variant) not in _WORKER:
        _WORKER[path, variant] = Rules(load_scenario(Path(path), variant or None))
    return _WORKER[path, variant]


def run_chunk(path: str, strategy: StrategyRef, base_seed: int, start: int, stop: int,
              records: str | None, variant: str = "") -> ChunkResult:
    """Play runs start..stop-1 of one strategy (also the unit of work sent to worker processes)."""
    rules = _rules_for(path, variant)
    name = strategy_id(strategy)
    result = ChunkResult(name, start, [])
    for run in range(start, stop):
        seed = game_seed(base_seed, run)
        state = play(rules, strategy, seed, f"{base_seed}:{run}:{name}")
        done = outcome(rules, state)
        result.outcomes.append(done)
        result.fired.update(rules.events[i].id for i in state.fired)
        result.fired_counts.update(rules.events[i].id for i in state.fired)
        result.taken.update(state.took)
        result.drawn.append(frozenset(rules.events[i].id for i in state.fired if rules.events[i].draw))
        result.decisions.append(len(state.decisions))
        if records:
            write_record(Path(records), rules, state, done, name, run)
    return result


def write_record(folder: Path, rules: Rules, state: GameState, done: Outcome, strategy: str, run: int) -> Path:
    """One game record per run, in the saves module's format (`grassroots replay --verify` checks it).

    Not fsynced one by one: a crash mid-simulation is redone by running again, and syncing thousands of
    small files would dominate the run time."""
    from game.saves import write_game_record

    name = f"{rules.id}-{rules.variant + '-' if rules.variant else ''}{strategy}-{run:06d}-s{state.seed}.json"  # the seed: runs of other --seed never collide
    return write_game_record(folder / name, rules, state, player=f"bot:{strategy}", durable=False)


def _ignore_interrupts() -> None:
    """Workers leave Ctrl+C to the parent, which stops them all at once (no traceback from each)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_task(task: tuple) -> ChunkResult:
    return run_chunk(*task)


def in_workers(function: Callable[[tuple], T], tasks: list[tuple], jobs: int,
               progress: Callable[[T], None] | None = None) -> list[T]:
    """`function(task)` for every task in `jobs` worker processes, results in task order. Ctrl+C
    (KeyboardInterrupt in this process) terminates every worker at once and is raised again; no worker
    outlives the call. SIGINT is held back while the workers are forked (they inherit the block and then
    ignore it), so a Ctrl+C in that moment is delivered once the pool exists and can be stopped, never to a
    worker that has not yet learnt to ignore it nor to a parent that has no pool to terminate."""
    results: list[T] = []
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pool = multiprocessing.Pool(processes=jobs, initializer=_ignore_interrupts)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)  # a Ctrl+C held back arrives here
    try:
        for result in pool.imap(function, tasks):
            results.append(result)
            if progress:
                progress(result)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
    return results


def simulate(path: Path, strategies: Sequence[StrategyRef], runs: int, seed: int, jobs: int = 1,
             records: Path | None = None, progress: Callable[[int], None] | None = None,
             variant: str = "", rules: Rules | None = None) -> list[ChunkResult]:
    """Run every strategy `runs` times (in `variant` of the scenario, if given); results come back in a fixed
    order whatever `jobs` is. Given the `rules` already loaded for `path` and `variant`, this process and the
    workers it forks use them instead of loading the scenario again."""
    if rules is not None:
        remember_rules(path, rules)
    tasks = [(str(path), s, seed, start, min(runs, start + CHUNK), str(records) if records else None, variant)
             for s in strategies for start in range(0, runs, CHUNK)]
    results: list[ChunkResult] = []
    if jobs <= 1 or len(tasks) == 1:
        for task in tasks:
            results.append(run_chunk(*task))
            if progress:
                progress(task[4] - task[3])
    else:
        results = in_workers(_run_task, tasks, jobs,
                             (lambda chunk: progress(len(chunk.outcomes))) if progress else None)
    order = {strategy_id(s): i for i, s in enumerate(strategies)}
    results.sort(key=lambda r: (order[r.strategy], r.start))
    return results
