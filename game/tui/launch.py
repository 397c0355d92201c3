"""`grassroots play`: build the app from the command line (or a test) and run it."""

from __future__ import annotations

import argparse
import sys

from game.tui.app import GrassrootsApp
from game.tui.start import Start, default_language, error_line


def make_app(scenario: str | None = None, seed: int | None = None, lang: str | None = None, name: str | None = None,
             saves_dir: str | None = None, load: str | None = None, theme: str = "textual-dark",
             variant: str | None = None, ask_intention: bool = False) -> GrassrootsApp:
    """The app, used by the CLI and the tests. With `load` or `seed` the game starts at once (loading
    happens here, so a bad file or scenario raises before any screen is drawn); otherwise the title."""
    start = Start(scenario=scenario, seed=seed, lang=lang or default_language(), player=name or "",
                  saves_dir=saves_dir, load=load, theme=theme, variant=variant or "", ask_intention=ask_intention)
    start.prepare(lang_given=lang is not None)
    return GrassrootsApp(start)


def launch(args: argparse.Namespace) -> int:
    """Run the game; return the exit code (1 for a bad scenario or save, 2 for an unknown scenario)."""
    try:
        app = make_app(args.scenario, args.seed, args.lang, args.name, getattr(args, "saves_dir", None), args.load,
                       variant=getattr(args, "variant", None), ask_intention=True)
    except Exception as err:  # every start-up problem is one line on stderr, never a traceback
        from game.cli.main import UsageError
        from game.scenario.catalog import UnknownScenario
        from game.scenario.variants import UnknownVariant

        if isinstance(err, (UnknownScenario, UnknownVariant)):
            raise UsageError(str(err)) from None
        print(f"grassroots: {error_line(err)}", file=sys.stderr)
        return 1
    app.run()
    return app.return_code or 0
