"""`grassroots serve`: the game in the browsers of a workshop room (needs the optional extra `web`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXTRA_MISSING = ("serve needs the optional web extra: pip install 'grassroots-game[web]' "
                 "(in a checkout: pip install -e '.[web]')")


EXAMPLES = [
    ("grassroots serve --class-dir class-records", "this computer only"),
    ("grassroots serve --host 0.0.0.0 --class-dir class --seed 7", "the room's network, one seed for all"),
    ("grassroots serve --class-dir seminar --variant seminar", "every player plays the 8-week seminar variant"),
]


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "serve", help="serve the game to the browsers of a workshop room",
        description="Serve the game to web browsers: each browser tab is one player (a name and team asked "
        "once), with its own saves in the class folder and its record where `grassroots report` reads it. "
        "A reload continues that player's game; closing the tab saves it. Needs the extra: "
        "pip install 'grassroots-game[web]'. Exit 0 after Ctrl+C, 1 when the address cannot be used or the "
        "scenario has errors, 2 on a usage error (an unknown scenario or variant) or without the extra.\n\n"
        "The default address, 127.0.0.1, is reachable from this computer only. With --host 0.0.0.0 (or "
        "this machine's LAN address) anyone who can reach this machine can play and read any player's "
        "game page; there are no passwords, only the facilitator page needs the key printed at start. "
        "Use it on the room's own network.")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1: this computer only; 0.0.0.0: the room)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    parser.add_argument("--public-url", metavar="URL",
                        help="the address players type, when a reverse proxy serves the game (e.g. "
                        "https://class.example.org/game); default: whatever address the browser used")
    parser.add_argument("--class-dir", metavar="DIR", default="class",
                        help="the class folder: players, saves/, records/ (default ./class; may be shared by "
                        "several serve hosts)")
    parser.add_argument("--max-sessions", type=int, default=40, metavar="N",
                        help="at most N games at once; others see a 'room is full' page (default 40)")
    parser.add_argument("--idle-minutes", type=float, default=30.0, metavar="M",
                        help="end (and save) a game after M minutes without a key (default 30)")
    parser.add_argument("--seed", type=int, help="the class's seed, the same for every player (default: one "
                        "chosen at start and printed)")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the game (default zh)")
    parser.add_argument("--variant", metavar="NAME", default="",
                        help="every player plays this variant of the scenario, e.g. seminar (see `grassroots "
                        "scenarios`); default: the scenario as written")
    parser.add_argument("scenario", nargs="?", help="scenario id or folder (default: the shipped default)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import secrets  # here, not at the top: every command's start-up imports this module

    from game.cli.main import UsageError

    try:
        from game.web.classroom import ClassFolder
        from game.web.server import ServeConfig, serve
    except ImportError:
        raise UsageError(EXTRA_MISSING) from None
    problem = _check(args)
    if problem:
        raise UsageError(problem)
    about = _scenario(args)  # loaded (and checked) once here, before the port is opened
    if isinstance(about, int):
        return about
    seed = args.seed if args.seed is not None else secrets.randbelow(1_000_000)
    try:
        config = ServeConfig(class_dir=Path(args.class_dir).resolve(), host=args.host, port=args.port,
                             public_url=args.public_url, max_sessions=args.max_sessions, seed=seed, lang=args.lang,
                             idle_minutes=args.idle_minutes, facilitator_key=secrets.token_urlsafe(12),
                             scenario=args.scenario, variant=args.variant, about={**about, "seed": seed},
                             content_dirs=[str(Path(d).resolve()) for d in args.content_dir or []])
        ClassFolder(config.class_dir)  # made (and checked) before the port is opened
    except OSError as err:
        print(f"grassroots: --class-dir {args.class_dir}: {err.strerror}", file=sys.stderr)
        return 1
    import asyncio

    def announce(port: int) -> None:
        base = (args.public_url or f"http://{_url_host(args.host)}:{port}").rstrip("/")
        print(f"grassroots serve: players open {base}/", flush=True)
        print(f"  facilitator (keep private): {base}/facilitator?key={config.facilitator_key}", flush=True)
        print(f"  class folder: {config.class_dir}  seed: {seed}  at most {config.max_sessions} games", flush=True)
        variant = f", variant {args.variant} ({about['variant_title']['en']})" if args.variant else ""
        print(f"  scenario: {about['scenario']}{variant}, {about['weeks']} weeks, in {args.lang}", flush=True)
        if not _loopback(args.host):
            print("  warning: listening beyond this computer; no passwords: anyone on the network can play",
                  flush=True)
        print("  Ctrl+C saves every game and stops.", flush=True)

    try:
        asyncio.run(serve(config, announce))
    except OSError as err:
        print(f"grassroots: cannot serve on {args.host}:{args.port}: {err.strerror or err}", file=sys.stderr)
        return 1
    print("grassroots serve: stopped; every game saved", flush=True)
    return 0


def _check(args: argparse.Namespace) -> str | None:
    if not 0 <= args.port <= 65535:
        return f"--port {args.port}: a port is 0-65535"
    if args.max_sessions < 1:
        return "--max-sessions: at least 1"
    if not args.idle_minutes > 0:
        return "--idle-minutes: more than 0"
    if args.public_url and not args.public_url.startswith(("http://", "https://")):
        return f"--public-url {args.public_url}: an http:// or https:// address"
    if args.seed is not None:
        from game.saves import schema

        seed_problem = getattr(schema, "seed_problem", None)  # from the saves' own rule, where it exists
        if seed_problem and seed_problem(args.seed):
            return f"--seed: {seed_problem(args.seed)}"
    if args.scenario is not None:
        from game.scenario.catalog import UnknownScenario, resolve

        try:
            resolve(args.scenario)
        except UnknownScenario as err:
            return str(err)
    return None


def _scenario(args: argparse.Namespace) -> dict | int:
    """What the room plays, for the pages: {"scenario", "title", "variant", "variant_title", "weeks"} (titles
    {zh, en}); or the exit code 1 after one line when the scenario has errors. Raises UsageError for a
    variant the scenario does not declare."""
    from game.cli.main import UsageError
    from game.scenario import ScenarioLoadError, load_scenario
    from game.scenario.catalog import resolve
    from game.scenario.variants import UnknownVariant, find_variant

    try:
        scenario = load_scenario(resolve(args.scenario), args.variant or None)
    except UnknownVariant as err:
        raise UsageError(str(err)) from None
    except ScenarioLoadError as err:
        print(f"grassroots: the scenario has errors: {err.summary()}", file=sys.stderr)
        return 1
    titles = find_variant(scenario, args.variant).title if args.variant else None
    return {"scenario": scenario.id, "title": _texts(scenario.info.title), "variant": args.variant,
            "variant_title": _texts(titles) if titles else None, "weeks": scenario.info.weeks}


def _texts(text) -> dict:
    from game.scenario.text import localize

    return {lang: localize(text, lang) for lang in ("zh", "en")}


def _loopback(host: str) -> bool:
    import ipaddress

    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def _url_host(host: str) -> str:
    if host in ("0.0.0.0", "::", ""):
        return "127.0.0.1"
    return f"[{host}]" if ":" in host else host
