"""The new-game form lists scenarios by title, in the player's language, and starts the one chosen."""

from __future__ import annotations

from textual.widgets import OptionList

from tui_helpers import FIXTURE, SIZE, new_app, screen_name


def listed(app) -> list[str]:
    return [str(option.prompt) for option in app.screen.query_one("#scenario", OptionList).options]


async def test_scenarios_are_listed_by_title_in_either_language(saves):
    app = new_app(saves, "en", seed=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.show_new_game("tester")
        await pilot.pause()
        assert screen_name(app) == "NewGameScreen"
        # shipped scenarios by title and id; the one named on the command line by title and its path
        # the default scenario first, whatever ids sort before it (issue 16)
        assert listed(app) == ["( ) A Quarter in Lianhe Town  lianhe-town", "( ) Eight Weeks on Hexi Street  hexi-street",
                               f"(*) Twelve Weeks in a Small Town  {FIXTURE}"]
        assert app.screen.query_one("#scenario", OptionList).highlighted == 2  # the one asked for
        await pilot.press("f2")
        await pilot.pause()
        assert listed(app) == ["( ) 联和镇的一个季度  lianhe-town", "( ) 河西街道的八周  hexi-street", f"(*) 小镇的十二周  {FIXTURE}"]
        assert app.screen.query_one("#scenario", OptionList).highlighted == 2  # kept across the switch


async def test_a_scenario_without_a_readable_title_is_listed_by_its_folder_name(saves, tmp_path):
    broken = tmp_path / "odd-town"
    broken.mkdir()
    (broken / "scenario.yaml").write_text("scenario: [not, a, header]\n", encoding="utf-8")
    app = new_app(saves, "en", scenario=broken, seed=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.show_new_game("tester")
        await pilot.pause()
        assert listed(app)[-1] == f"(*) odd-town  {broken}"


async def test_with_no_scenario_named_the_default_scenario_is_listed_first_and_highlighted(saves):
    from game.scenario.catalog import DEFAULT_SCENARIO
    from game.tui.launch import make_app

    app = make_app(None, lang="en", saves_dir=str(saves))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.show_new_game("tester")
        await pilot.pause()
        first = listed(app)[0]
        assert first.endswith(f"  {DEFAULT_SCENARIO}")
        assert app.screen.query_one("#scenario", OptionList).highlighted == 0
