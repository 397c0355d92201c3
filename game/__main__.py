"""`python -m game` is the same program as `grassroots`."""

from game.cli.main import run

raise SystemExit(run())
