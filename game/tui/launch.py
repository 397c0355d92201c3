"""`grassroots play`: build the app from the command line (or a test) and run it."""

from __future__ import annotations

import argparse
import sys

from typing import TYPE_CHECKING

from game.settings import read_settings
from game.tui.start import DEFAULT_THEME, Start, default_language, error_line

if TYPE_CHECKING:
    from game.tui.app import GrassrootsApp


def make_app(scenario: str | None = None, seed: int | None = None, lang: str | None = None, name: str | None = None,
             saves_dir: str | None = None, load: str | None = None, theme: str | None = None) -> GrassrootsApp:
    """The app, used by the CLI and the tests. With `load` or `seed` the game starts at once (loading
    happens here, so a bad file or scenario raises before any screen is drawn); otherwise the title.

    Language, theme and player name not given here come from the settings file (game/settings.py), else
    from the locale and the defaults; a language in the settings file counts as chosen, like `--lang`."""
    from game.tui.app import GrassrootsApp

    return GrassrootsApp(prepare_start(scenario, seed, lang, name, saves_dir, load, theme))


def prepare_start(scenario: str | None = None, seed: int | None = None, lang: str | None = None,
                  name: str | None = None, saves_dir: str | None = None, load: str | None = None,
                  theme: str | None = None) -> Start:
    """What the app starts with, the save or game loaded (raises the loaders' errors); imports no Textual."""
    stored, problems = read_settings()
    start = Start(scenario=scenario, seed=seed, lang=lang or stored.lang or default_language(),
                  player=name or stored.player or "", saves_dir=saves_dir, load=load,
                  theme=theme or stored.theme or DEFAULT_THEME, settings=stored, settings_problems=problems)
    start.prepare(lang_given=lang is not None or stored.lang is not None)
    return start


def launch(args: argparse.Namespace) -> int:
    """Run the game; return the exit code (1 for a bad scenario or save, 2 for an unknown scenario)."""
    from game.cli import cmd_play
    from game.cli.main import UsageError

    try:
        start = prepare_start(args.scenario, args.seed, args.lang, args.name, getattr(args, "saves_dir", None),
                              args.load)
    except Exception as err:  # every start-up problem is one line on stderr, never a traceback
        from game.scenario.catalog import UnknownScenario

        if isinstance(err, UnknownScenario):
            raise UsageError(str(err)) from None
        print(f"grassroots: {error_line(err)}", file=sys.stderr)
        return 1
    problem = cmd_play.terminal_problem()  # after the arguments and files are checked, before Textual
    if problem:
        raise UsageError(problem)
    from game.tui.app import GrassrootsApp

    app = GrassrootsApp(start)
    app.run()
    return app.return_code or 0
