"""Author and player text full of square brackets renders literally on every screen and never crashes."""

from __future__ import annotations

from pathlib import Path

import yaml

from game.engine import END_WEEK, legal
from game.scenario import load_scenario
from tui_helpers import answer_cards, FIXTURE, SIZE, new_app, rendered, screen_name

NASTY = " [Tip] a [/] b [bold]x path [/tmp"
TOKENS = ("[Tip]", "[/]", "[bold]x", "[/tmp")
TEXT_KEYS = {"title", "summary", "intro", "label", "short", "description", "text", "hint", "locked_reason",
             "message", "speaker", "who", "issuer", "unit", "debrief", "upward_label", "downward_label"}


def nastify(node, key: str = ""):
    """Append brackets to every player-facing string (plain or {zh, en}); leave ids and expressions alone."""
    if isinstance(node, dict):
        if set(node) <= {"zh", "en"} and node:
            return {lang: value + NASTY for lang, value in node.items()}
        return {k: nastify(v, k) for k, v in node.items()}
    if isinstance(node, list):
        if key == "week_labels":
            return [nastify({"en": x}, "") if isinstance(x, str) else nastify(x, "") for x in node]
        return [nastify(x, key) for x in node]
    if isinstance(node, str) and key in TEXT_KEYS:
        return node + NASTY
    return node


def bracket_scenario(tmp_path: Path) -> Path:
    folder = tmp_path / "bracket-town"
    folder.mkdir()
    for source in FIXTURE.glob("*.yaml"):
        data = nastify(yaml.load(source.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
        (folder / source.name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return folder


def assert_literal(app, where: str) -> str:
    text = rendered(app)
    missing = [token for token in TOKENS if token not in text]
    assert not missing, f"{where}: {missing} not drawn literally"
    return text


async def test_brackets_render_literally_everywhere(tmp_path, saves):
    scenario = bracket_scenario(tmp_path)
    load_scenario(scenario)  # still a valid scenario
    app = new_app(saves, "en", scenario=scenario, name="[red]lin[/]")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Twelve Weeks in a Small Town [Tip]" in assert_literal(app, "intro")
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "EventCard"
        assert_literal(app, "event card")
        await pilot.press("1")
        await pilot.pause()
        week = assert_literal(app, "week")
        assert "Anti-fraud app on 90% of phones [Tip]" in week
        await pilot.press("down", "down", "down")  # the requests and their approaches
        await pilot.pause()
        assert_literal(app, "week, a request")
        await pilot.press("q")
        await pilot.pause()
        assert "'[red]lin[/]'" in rendered(app)  # the player's name, literally
        await pilot.press("escape", "e", "enter")
        await pilot.pause()
        assert screen_name(app) == "WeekSummaryDialog"
        # play on with the engine to the last week, then end it through the UI
        await pilot.press("enter")
        await pilot.pause()
        await answer_cards(app, pilot)
        session = app.session
        while session.state.week < session.rules.weeks or session.state.pending:
            choices = legal(session.rules, session.state)
            session.apply(choices[0] if session.state.pending else END_WEEK)
        app.screen.state = session.state
        await pilot.pause()
        while screen_name(app) != "DebriefScreen":
            await pilot.press("e" if screen_name(app) == "WeekScreen" else "enter")
            await pilot.pause()
        for page in "1234":
            await pilot.press(page)
            await pilot.pause()
            assert_literal(app, f"debrief page {page}")
