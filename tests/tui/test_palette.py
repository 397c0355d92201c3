"""The command palette speaks the player's language: its prompt, every entry (ours and the Textual ones
the game keeps), its "no matches" line, its key's label, and the screenshot note. Plus an SVG snapshot of
it in Chinese; update that after a deliberate change with:
pytest tests/tui/test_palette.py --snapshot-update"""

from __future__ import annotations

import re

import pytest
from textual.command import CommandInput, CommandList

from game.i18n import t
from game.tui.launch import make_app
from game.tui.palette import SCREENSHOT, screenshot_note
from tui_helpers import SIZE, new_app

HAN = re.compile(r"[\u4e00-\u9fff]")


async def open_palette(pilot) -> CommandList:
    """Open the palette and wait until every entry has arrived (the search runs in the background)."""
    app = pilot.app
    expected = sum(1 for command in app.get_system_commands(app.screen) if command.discover)
    await pilot.press("ctrl+p")
    commands = app.screen.query_one(CommandList)
    for _ in range(200):
        await pilot.pause(0.02)
        if commands.option_count >= expected and not app.screen.query_one("LoadingIndicator").display:
            break
    return commands


def entries(commands: CommandList) -> list[str]:
    return [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]


async def wait_for_palette(pilot) -> None:
    await open_palette(pilot)
    pilot.app.screen.query_one(CommandInput).cursor_blink = False  # a steady cursor: no flaky snapshot
    await pilot.pause(0.1)


def test_the_palette_in_chinese(snap_compare, saves):
    assert snap_compare(make_app(None, lang="zh", saves_dir=str(saves)), run_before=wait_for_palette,
                        terminal_size=SIZE)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("where", ["title", "week"])
async def test_every_entry_and_the_prompt_are_in_the_language(saves, lang, where):
    app = make_app(None, lang=lang, saves_dir=str(saves)) if where == "title" else new_app(saves, lang)
    async with app.run_test(size=SIZE) as pilot:
        if where == "week":
            await pilot.press("enter")  # past the intro, to a screen with a game (and a save command)
        commands = await open_palette(pilot)
        shown = entries(commands)
        placeholder = app.screen.query_one(CommandInput).placeholder
    assert placeholder == t("palette.placeholder", lang)
    assert len(shown) >= 7
    titles = [entry.split("\n", 1)[0] for entry in shown]
    if lang == "zh":
        assert all(HAN.search(entry) for entry in shown), shown
    else:
        assert not any(HAN.search(title) for title in titles if title != t("cmd.lang", "en")), shown
    assert t("cmd.screenshot", lang) in titles
    assert (t("cmd.save", lang) in titles) == (where == "week")
    assert not {"Keys", "Theme", "Quit"} & set(titles)


async def test_no_matches_in_chinese(saves):
    app = make_app(None, lang="zh", saves_dir=str(saves))
    async with app.run_test(size=SIZE) as pilot:
        commands = await open_palette(pilot)
        await pilot.press(*"qqqzzz")
        for _ in range(100):
            await pilot.pause(0.02)
            if t("palette.no_matches", "zh") in "".join(entries(commands)):
                break
        assert t("palette.no_matches", "zh") in "".join(entries(commands))
        assert "No matches" not in "".join(entries(commands))


async def test_the_screenshot_note_is_in_the_language(saves, tmp_path):
    from textual import events

    assert screenshot_note(events.DeliveryComplete(key="k", path=tmp_path / "a.svg", name=SCREENSHOT), "zh") \
        == f"截图已保存：{tmp_path / 'a.svg'}"
    assert screenshot_note(events.DeliveryFailed(key="k", exception=OSError(), name=SCREENSHOT), "zh") == "截图保存失败"
    assert screenshot_note(events.DeliveryComplete(key="k", path=None, name="other"), "zh") is None


async def test_the_screenshot_command_reports_in_the_language(saves, tmp_path, monkeypatch):
    monkeypatch.setattr("textual.app.user_downloads_path", lambda: tmp_path)  # Textual saves there
    app = make_app(None, lang="zh", saves_dir=str(saves))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_palette(pilot)
        await pilot.press(*"截图")
        await pilot.pause(0.6)
        await pilot.press("enter")
        for _ in range(100):
            await pilot.pause(0.05)
            if app._notifications:
                break
        notes = [n.message for n in app._notifications]
    shots = list(tmp_path.glob("*.svg"))
    assert len(shots) == 1 and notes == [f"截图已保存：{shots[0]}"]


async def test_the_palette_key_is_labelled_in_the_language(saves):
    app = make_app(None, lang="zh", saves_dir=str(saves))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        labels = []
        for _ in range(2):
            active = app.screen.active_bindings[app.COMMAND_PALETTE_BINDING].binding
            labels.append((app.lang, active.description, active.tooltip))
            await pilot.press("f2")
            await pilot.pause()
    assert labels == [("zh", "命令", "打开命令面板"), ("en", "commands", "Open the command palette")]
