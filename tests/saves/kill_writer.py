"""Helper process for test_saves_kill.py (not a test): forks writers that save in a loop until killed.

Protocol (every line is written with one `os.write` of a few bytes, so lines from the parent and its
child never interleave): prints "ready N"; then for each folder read from stdin, forks a child that saves
the game after 1, 2, 3, ... decisions (wrapping around) into FOLDER/kill.save.json and prints the count
after each save returns; the parent prints "started", and on the next stdin line ("kill") sends SIGKILL to
its own child (not yet reaped, so its pid cannot have been reused), reaps it and prints "reaped". The test
signals nothing itself. Forking saves the interpreter start-up on every one of the many kills.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from game.engine import Rules, apply, new_game
from game.saves import write_save
from game.scenario import load_scenario
from game.sim.runner import play


def main() -> None:
    rules = Rules(load_scenario(Path(sys.argv[1])))
    final = play(rules, "random", 11, "kill")
    states, (state, _) = [], new_game(rules, 11)
    for decision in final.decisions:
        state, _ = apply(rules, state, decision)
        states.append(state)
    say(f"ready {len(states)}")
    lines = iter(sys.stdin.readline, "")
    for line in lines:
        folder = Path(line.strip())
        pid = os.fork()
        if pid == 0:
            try:
                count = 0
                while True:
                    count = count % len(states) + 1
                    write_save(folder / "kill.save.json", rules, states[count - 1], player="kill", lang="en")
                    os.write(1, f"{count}\n".encode())
            finally:
                os._exit(1)
        say("started")
        command = next(lines, "").strip()
        if command == "kill":
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        say("reaped")


def say(line: str) -> None:
    """One protocol line in one write (pipes keep writes under PIPE_BUF whole)."""
    os.write(1, f"{line}\n".encode())


if __name__ == "__main__":
    main()
