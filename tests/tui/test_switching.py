"""Language and theme switch at any time; help and the command palette offer the game's commands."""

from __future__ import annotations

from game.tui.dialogs.help import HelpDialog
from game.tui.themes import THEMES
from tui_helpers import SIZE, new_app, screen_name, screen_text


async def test_language_switch_rerenders_every_screen_in_the_stack(saves):
    app = new_app(saves, "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "EventCard"
        assert "Work-group check-ins" in screen_text(app.screen)
        await pilot.press("f2")
        await pilot.pause()
        assert app.lang == "zh" and app.session.lang == "zh"
        card = screen_text(app.screen)
        assert "工作群打卡" in card and "安排人专门回复" in card and "Work-group" not in card
        await pilot.press("1")
        await pilot.pause()
        week = screen_text(app.screen)
        assert "工时" in week and "反诈APP安装率达到90%" in week and "Hours" not in week
        await pilot.press("f2")
        await pilot.pause()
        week = screen_text(app.screen)
        assert "Hours" in week and "Anti-fraud app on 90% of phones" in week and "工时" not in week
        # what the last decision did is re-worded too, not kept in the language it was first shown in
        assert "Assign a clerk to reply to all" in week and "安排人专门回复" not in week


async def test_theme_cycles_through_dark_light_and_high_contrast(saves):
    app = new_app(saves, "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "grassroots-contrast" in app.available_themes
        seen = [app.theme]
        for _ in range(3):
            await pilot.press("f3")
            await pilot.pause()
            seen.append(app.theme)
        assert seen == ["textual-dark", "textual-light", "grassroots-contrast", "textual-dark"]
        assert set(seen) == set(THEMES)


async def test_help_on_every_screen_names_that_screens_keys(saves):
    app = new_app(saves, "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for expected, then in (("Enter: begin week 1", "enter"), ("1-4: take that choice", "1")):
            await pilot.press("f1")
            await pilot.pause()
            assert isinstance(app.screen, HelpDialog)
            text = screen_text(app.screen)
            assert expected in text and "How to play" in text and "REPORTED" in text
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press(then)
            await pilot.pause()
        assert screen_name(app) == "WeekScreen"
        await pilot.press("question_mark")
        await pilot.pause()
        assert "e: end the week (asks first)" in screen_text(app.screen)


async def test_command_palette_has_game_commands(saves):
    app = new_app(saves, "zh")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for title in ("保存游戏", "切换语言：English", "配色：深色", "配色：浅色", "配色：高对比度", "帮助", "退出"):
            assert title in titles
        assert "Quit" not in titles  # Textual's instant quit is replaced by the saving one
        switch = next(c for c in app.get_system_commands(app.screen) if c.title == "切换语言：English")
        switch.callback()
        await pilot.pause()
        assert app.lang == "en"
        contrast = next(c for c in app.get_system_commands(app.screen) if c.title == "Theme: high contrast")
        contrast.callback()
        await pilot.pause()
        assert app.theme == "grassroots-contrast"
