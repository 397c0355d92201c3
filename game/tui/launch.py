"""`grassroots play`: build the app from the command line (or a test) and run it."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from game.settings import read_settings
from game.tui.start import DEFAULT_THEME, Start, default_language

if TYPE_CHECKING:
    from game.tui.app import GrassrootsApp


def make_app(scenario: str | None = None, seed: int | None = None, lang: str | None = None, name: str | None = None,
             saves_dir: str | None = None, load: str | None = None, theme: str | None = None,
             variant: str | None = None, ask_intention: bool = False) -> GrassrootsApp:
    """The app, used by the CLI and the tests. With `load` or `seed` the game starts at once (loading
    happens here, so a bad file or scenario raises before any screen is drawn); otherwise the title.

    Language, theme and player name not given here come from the settings file (game/settings.py), else
    from the locale and the defaults; a language in the settings file counts as chosen, like `--lang`."""
    from game.tui.app import GrassrootsApp

    return GrassrootsApp(prepare_start(scenario, seed, lang, name, saves_dir, load, theme, variant, ask_intention))


def prepare_start(scenario: str | None = None, seed: int | None = None, lang: str | None = None,
                  name: str | None = None, saves_dir: str | None = None, load: str | None = None,
                  theme: str | None = None, variant: str | None = None, ask_intention: bool = False) -> Start:
    """What the app starts with, the save or game loaded (raises the loaders' errors); imports no Textual."""
    stored, problems = read_settings()
    start = Start(scenario=scenario, seed=seed, lang=lang or stored.lang or default_language(),
                  player=name or stored.player or "", saves_dir=saves_dir, load=load,
                  theme=theme or stored.theme or DEFAULT_THEME, settings=stored, settings_problems=problems,
                  variant=variant or "", ask_intention=ask_intention)
    start.prepare(lang_given=lang is not None or stored.lang is not None)
    return start


def run_game(start: Start) -> int:
    """Run the app on a prepared start until the player quits; return its exit code (0, or 128 + a signal's
    number after a hang-up). Mapping start-up problems to exit codes is the command line's business.

    The cyclic collector is paused from here until the first frame is drawn (see `pause_collector`)."""
    pause_collector()
    from game.tui.app import GrassrootsApp

    app = GrassrootsApp(start)
    try:
        app.run()
    finally:
        resume_collector()  # (if the app ended before its first frame)
    return app.return_code or 0


_collector_paused = False


def pause_collector() -> None:
    """Pause the cyclic garbage collector until `resume_collector` (the app calls it once its first frame is
    drawn). Starting creates tens of thousands of objects that live as long as the game (Textual, its
    stylesheets, the first screen) and almost no garbage; the collector's passes over them were about a
    tenth of the time to the first frame (issue 15, bench/README.md). Reference counting still frees
    garbage meanwhile."""
    global _collector_paused
    if gc.isenabled():
        gc.disable()
        _collector_paused = True


def resume_collector() -> bool:
    """Let the collector run again, if `pause_collector` paused it. What start-up built is frozen first, so
    that the next collections do not walk it all at once, just after the first frame; it is handed back to
    the collector (as its oldest generation) a moment later, by `unfreeze_collector`. True when it was
    paused."""
    global _collector_paused
    if not _collector_paused:
        return False
    _collector_paused = False
    gc.freeze()
    gc.enable()
    return True


def unfreeze_collector() -> None:
    """Hand what start-up built back to the collector (the title screen's widgets, say, become garbage when
    the player leaves it)."""
    gc.unfreeze()
