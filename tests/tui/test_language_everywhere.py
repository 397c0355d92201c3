"""F2 on every screen and every dialog, both directions (zh -> en -> zh), once and in quick succession.

Each switch re-renders the screen in the other language, and switching back gives exactly the text shown
before: nothing duplicated, nothing lost, nothing left in the first language."""

from __future__ import annotations

import pytest

from game.i18n import t
from game.tui.launch import make_app
from tui_helpers import FIXTURE, SIZE, finish, new_app, saved_game, screen_name, screen_text

# texts that are in Chinese on purpose in English (the game's Chinese title; the key that switches to Chinese)
BILINGUAL = (t("game.title", "zh"), t("key.lang", "en"))


def chinese_chars(text: str) -> int:
    for kept in BILINGUAL:
        text = text.replace(kept, "")
    return sum("\u4e00" <= c <= "\u9fff" for c in text)


def title_app(saves, player: str = ""):
    return make_app(None, lang="zh", saves_dir=str(saves), name=player or None)


def debrief_app(saves):
    session = finish(saved_game(saves, "f2", weeks=0, lang="zh"))
    return make_app(str(FIXTURE), lang="zh", saves_dir=str(saves), load=str(session.save()))


def save_then_title(saves):
    saved_game(saves, "lin", weeks=1, lang="zh")
    return title_app(saves)


# where: (app factory, keys that reach it, the screen's class name)
WHERE = {
    "title": (title_app, [], "TitleScreen"),
    "new-game": (title_app, ["enter"], "NewGameScreen"),
    "help": (title_app, ["f1"], "HelpDialog"),
    "quit": (title_app, ["q"], "ConfirmDialog"),
    "load": (save_then_title, ["down", "down", "enter"], "LoadDialog"),
    "intro": (lambda s: new_app(s, "zh"), [], "IntroScreen"),
    "card": (lambda s: new_app(s, "zh"), ["enter"], "EventCard"),
    "week": (lambda s: new_app(s, "zh"), ["enter", "1"], "WeekScreen"),
    "cross-line": (lambda s: new_app(s, "zh"), ["enter", "1", "1"], "ConfirmDialog"),
    "end-week": (lambda s: new_app(s, "zh"), ["enter", "1", "e"], "ConfirmDialog"),
    "summary": (lambda s: new_app(s, "zh"), ["enter", "1", "e", "enter"], "WeekSummaryDialog"),
    "week-help": (lambda s: new_app(s, "zh"), ["enter", "1", "f1"], "HelpDialog"),
    "debrief": (debrief_app, [], "DebriefScreen"),
    "debrief-charts": (debrief_app, ["2"], "DebriefScreen"),
    "debrief-discuss": (debrief_app, ["4"], "DebriefScreen"),
}


async def settle(pilot, rounds: int = 4) -> None:
    for _ in range(rounds):
        await pilot.pause()


@pytest.mark.parametrize("where", list(WHERE))
async def test_f2_switches_every_screen_both_ways(saves, where):
    factory, keys, name = WHERE[where]
    app = factory(saves)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
        await settle(pilot)
        assert screen_name(app) == name
        chinese = screen_text(app.screen)
        assert chinese_chars(chinese) > 4
        await pilot.press("f2")
        await settle(pilot)
        assert app.lang == "en" and screen_name(app) == name
        english = screen_text(app.screen)
        assert chinese_chars(english) == 0, english
        await pilot.press("f2")
        await settle(pilot)
        assert app.lang == "zh" and screen_text(app.screen) == chinese
        await pilot.press("f2", "f2", "f2", "f2", "f2")  # quick succession: five switches end in English
        await settle(pilot)
        assert app.lang == "en" and screen_name(app) == name and screen_text(app.screen) == english


async def test_f2_on_the_too_small_cover_keeps_both_languages(saves):
    app = new_app(saves, "zh")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert screen_name(app) == "TooSmall"
        before = screen_text(app.screen)
        await pilot.press("f2", "f2", "f2")
        await settle(pilot)
        assert screen_name(app) == "TooSmall" and screen_text(app.screen) == before
        await pilot.resize_terminal(*SIZE)
        await settle(pilot)
        assert screen_name(app) == "IntroScreen" and app.lang == "zh"  # the cover, in both, takes no F2
        await pilot.press("f2")
        await settle(pilot)
        assert app.lang == "en" and chinese_chars(screen_text(app.screen)) == 0
