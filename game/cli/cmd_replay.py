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
    parser.add_argument("--branch", metavar="WEEK:CARD.CHOICE",
                        help="counterfactual replay: change one decision at that week (a card's choice or a task's "
                        "approach, e.g. 3:liaison_hint.take_hint), replay the same seed and show both games side by side")
    parser.add_argument("--scenario", metavar="SCENARIO",
                        help="scenario id or folder to replay with (default: found by the file's scenario id)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.cli.main import UsageError
    from game.saves import SaveError, read_game, verify_record
    from game.cli.usage import scenario_argument

    scenario = scenario_argument(args.scenario)
    if args.branch and args.verify:
        raise UsageError("--branch and --verify do not go together")
    if args.branch and args.format == "json":
        raise UsageError("--branch shows the two games side by side as text; it does not go with --format json")
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
        elif args.branch:
            if position:
                print()
            failed += _branch(loaded, args.branch, args.lang or loaded.lang)
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


def _branch(loaded, text: str, lang: str) -> int:
    """Print the game as played and the branched one side by side; 1 when the branch cannot be made."""
    from game.cli.main import UsageError
    from game.saves.branch import Branch, BranchError, branch_game
    from game.saves.branch_view import had_you, side_by_side

    try:
        branch = Branch.parse(text, loaded.rules)
    except BranchError as err:
        raise UsageError(str(err)) from None
    try:
        result = branch_game(loaded.rules, loaded.seed, loaded.decisions, branch)
    except BranchError as err:
        print(f"grassroots: {loaded.path}: {err}", file=sys.stderr)
        return 1
    for line in side_by_side(loaded.rules, result, lang):
        print(line)
    print()
    print(had_you(loaded.rules, result, lang))
    return 0


def _verified(name: str, loaded) -> str:
    state = loaded.state
    ending = state.ended or "not finished"
    variant = f" (variant {loaded.variant})" if loaded.variant else ""
    return (f"ok: {name}: {loaded.rules.id}, seed {loaded.seed}, {len(loaded.decisions)} decisions{variant}, "
            f"week {state.week}, ending {ending}: reproduces exactly")


def _tell(loaded, lang: str) -> None:
    from game.narrate.replay import heading, narrate, summary

    print(heading(loaded.rules, lang, player=loaded.player, seed=loaded.seed, decisions=len(loaded.decisions),
                  kind=loaded.kind))
    for line in narrate(loaded.rules, loaded.seed, loaded.decisions, lang):
        print(line)
    print()
    for line in summary(loaded.rules, loaded.state, lang):
        print(line)
