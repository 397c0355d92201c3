"""The engine and the simulator import neither Textual nor Rich (checked in a fresh interpreter)."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import game.engine
import game.sim

PROBE = """
import importlib, json, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich"))))
"""


def modules(package) -> list[str]:
    return [f"{package.__name__}.{m.name}" for m in pkgutil.iter_modules(package.__path__)]


def test_engine_and_sim_modules_are_found():
    assert {"game.engine.state", "game.engine.week", "game.engine.actions"} <= set(modules(game.engine))
    assert {"game.sim.bots", "game.sim.runner", "game.sim.summary"} <= set(modules(game.sim))


def test_engine_and_sim_import_neither_textual_nor_rich():
    names = modules(game.engine) + modules(game.sim)
    done = subprocess.run([sys.executable, "-c", PROBE, *names], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def test_the_probe_would_notice_rich():
    done = subprocess.run([sys.executable, "-c", PROBE, "game.engine", "rich.text"], capture_output=True,
                          text=True, timeout=60)
    assert "rich.text" in json.loads(done.stdout)
