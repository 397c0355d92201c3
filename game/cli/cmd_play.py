"""`grassroots play`: start the terminal game (the only command that imports Textual)."""

from __future__ import annotations

import argparse
import os
import sys


EXAMPLES = [
    ("grassroots play", "the default scenario, from the title screen"),
    ("grassroots play --lang en --name Lin", "in English, saving as Lin"),
    ("grassroots play lianhe-town --seed 42", "start at once; the same seed gives the same draws"),
    ("grassroots play --load saves/Lin.save.json", "continue a saved game"),
    ("grassroots play --records-dir class-records/", "in a class: the finished game's record goes there"),
]


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("play", help="play the game in the terminal (default)",
                            description="Play the game in the terminal. With no scenario, plays the default one.")
    parser.add_argument("scenario", nargs="?", help="scenario id or folder (default: the shipped default)")
    parser.add_argument("--seed", type=int, help="random seed (same seed and choices give the same game)")
    parser.add_argument("--lang", choices=("zh", "en"), help="language")
    parser.add_argument("--name", help="player name (names the save)")
    parser.add_argument("--load", metavar="FILE", help="continue a saved game")
    parser.add_argument("--saves-dir", metavar="DIR", help="where saves go (default ./saves in a checkout)")
    parser.add_argument("--variant", metavar="NAME",
                        help="play a variant the scenario declares, e.g. seminar (see `grassroots scenarios`)")
    parser.add_argument("--records-dir", metavar="DIR",
                        help="where the finished game's record goes, e.g. a class's shared folder (default: "
                        "$GRASSROOTS_RECORDS_DIR, else records/ in the saves folder)")
    parser.set_defaults(run=run)


def terminal_problem() -> str | None:
    """Why the game cannot be drawn here (standard input or output is not a terminal), or None.

    A full-screen game in a file or a pipe would write screen codes into it and wait for keys that never
    come. A Textual driver chosen in the environment (e.g. textual-serve's web driver, which talks over
    pipes) means the caller knows, and is trusted.
    """
    if os.environ.get("TEXTUAL_DRIVER"):
        return None
    for name, stream in (("output", sys.stdout), ("input", sys.stdin)):
        if stream is None or not stream.isatty():
            return (f"play needs a terminal, but standard {name} is not one; run it in a terminal window "
                    "(to read a game as text, use `grassroots replay FILE`)")
    return None


def run(args: argparse.Namespace) -> int:
    from game.cli.main import UsageError

    if args.seed is not None:  # refused before play: a save could not hold it
        from game.saves.schema import seed_problem  # (only then: the saves package imports the engine)

        if seed_problem(args.seed):
            raise UsageError(f"--seed: {seed_problem(args.seed)}")
    if args.scenario is not None:  # a scenario that does not exist is said, not a silent title screen
        from game.cli.usage import scenario_argument

        scenario_argument(args.scenario)
    if getattr(args, "records_dir", None):
        _use_records_dir(args.records_dir)
    try:
        from game.tui.launch import prepare_start, run_game
        from game.tui.start import error_line
    except ImportError:
        raise UsageError("the terminal game is not available in this build") from None
    try:
        start = prepare_start(args.scenario, args.seed, args.lang, args.name, getattr(args, "saves_dir", None),
                              args.load, variant=getattr(args, "variant", None), ask_intention=True)
    except Exception as err:  # every start-up problem is one line on stderr (exit 1), never a traceback
        from game.scenario.catalog import UnknownScenario
        from game.scenario.variants import UnknownVariant

        if isinstance(err, (UnknownScenario, UnknownVariant)):
            raise UsageError(str(err)) from None
        print(f"grassroots: {error_line(err)}", file=sys.stderr)
        return 1
    problem = terminal_problem()  # after the arguments and files are checked, before Textual
    if problem:
        raise UsageError(problem)
    return run_game(start)


def _use_records_dir(folder: str) -> None:
    """Check the records folder before the game starts (a class should not learn at the end of a game that
    its record could not be written), then hand it to the game as $GRASSROOTS_RECORDS_DIR."""
    import os
    from pathlib import Path

    from game.cli.main import UsageError
    from game.saves import SaveError
    from game.saves.paths import RECORDS_ENV_VAR, records_dir

    try:
        path = records_dir(Path("."), folder)
    except SaveError as err:
        raise UsageError(f"--records-dir {folder}: {err.problem}") from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise UsageError(f"--records-dir {folder}: the folder is not writable; choose another folder")
    os.environ[RECORDS_ENV_VAR] = str(path.resolve())
