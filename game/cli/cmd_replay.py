"""`grassroots replay FILE [--verify]`: tell a saved game or record week by week, or check it reproduces."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


EXAMPLES = [
    ("grassroots replay saves/records/*Lin*.record.json", "Lin's finished games, week by week"),
    ("grassroots replay saves/Lin.save.json --lang en", "a game in progress, labels in English"),
    ("grassroots replay saves/records/*.record.json --verify", "check that records reproduce exactly"),
    ("grassroots replay saves/Lin.save.json --format json", "the same game as data"),
]


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "replay", help="replay a save or game record, or verify that it reproduces",
        description="Replay a save or game record from its seed and decision log. Without --verify, print the "
        "game week by week: decisions with their kind and hours, arrivals, event cards, deadlines, inspections, "
        "escalations, delayed consequences and the meters at each week's end. With --verify, exit 0 when the "
        "file reproduces its snapshot and outcome exactly and 1 when it does not or is damaged.")
    parser.add_argument("files", nargs="+", metavar="FILE", help="a .save.json or .record.json file")
    parser.add_argument("--verify", action="store_true", help="only check that the game reproduces exactly")
    parser.add_argument("--lang", choices=("zh", "en"), help="language of the labels (default: the file's)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="output format: json gives decisions and happenings week by week as data")
    parser.add_argument("--scenario", metavar="SCENARIO",
                        help="scenario id or folder to replay with (default: found by the file's scenario id)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.cli.main import UsageError
    from game.saves import SaveError, read_game, verify_record
    from game.scenario.catalog import UnknownScenario, resolve

    scenario = None
    if args.scenario:
        try:
            scenario = resolve(args.scenario)
        except UnknownScenario as err:
            raise UsageError(str(err)) from None
    failed, games = 0, []
    for position, name in enumerate(args.files):
        try:
            if args.verify:
                loaded = verify_record(Path(name), scenario)
            else:
                loaded = read_game(Path(name), scenario)
        except SaveError as err:
            print(f"grassroots: {err}", file=sys.stderr)
            failed += 1
            continue
        for warning in loaded.warnings:
            print(f"grassroots: warning: {warning}", file=sys.stderr)
        if args.format == "json":
            games.append({"path": name, **(_verified_data(loaded) if args.verify else _story(loaded, args.lang))})
        elif args.verify:
            print(_verified(name, loaded))
        else:
            if position:
                print()
            _tell(loaded, args.lang or loaded.lang)
    if args.format == "json" and games:
        payload = games[0] if len(args.files) == 1 else {"ok": not failed, "results": games}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    return 1 if failed else 0


def _story(loaded, lang: str | None) -> dict:
    from game.saves.story import story

    return story(loaded, lang or loaded.lang)


def _verified_data(loaded) -> dict:
    state = loaded.state
    return {"ok": True, "scenario": loaded.rules.id, "seed": loaded.seed, "decisions": len(loaded.decisions),
            "week": state.week, "ending": state.ended or None, "reproduces": True}


def _verified(name: str, loaded) -> str:
    state = loaded.state
    ending = state.ended or "not finished"
    return (f"ok: {name}: {loaded.rules.id}, seed {loaded.seed}, {len(loaded.decisions)} decisions, "
            f"week {state.week}, ending {ending}: reproduces exactly")


def _tell(loaded, lang: str) -> None:
    from game.saves.narrate import heading, narrate, summary

    print(heading(loaded.rules, lang, player=loaded.player, seed=loaded.seed, decisions=len(loaded.decisions),
                  kind=loaded.kind))
    for line in narrate(loaded.rules, loaded.seed, loaded.decisions, lang):
        print(line)
    print()
    for line in summary(loaded.rules, loaded.state, lang):
        print(line)
