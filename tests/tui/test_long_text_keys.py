"""At 80x24 a text longer than its panel is read to its last line from the keyboard, in both languages, and
the keys that choose still choose: an event card's story (its choices keep focus: the page keys move the
story, the arrows the choices; Tab to the story and the arrows scroll it, Enter still takes the highlighted
choice) and the scenario's introduction (its button keeps Enter). The week summary, results and help
dialogs do the same (test_80x24.py), as does the debrief."""

from __future__ import annotations

import re
import shutil

import pytest

from game.tui.launch import make_app
from test_80x24 import cells
from tui_helpers import FIXTURE, ROOT, rendered, screen_name

SMALL = (80, 24)
LAST = {"zh": "这是故事的最后一行。", "en": "This is the last line of the story."}
SHIPPED = ROOT / "content" / "scenarios" / "lianhe-town"


def long_stories(tmp_path):
    """mini-town with every event's story thirty lines long, its last line LAST."""
    folder = tmp_path / "long-stories"
    shutil.copytree(FIXTURE, folder)
    path = folder / "events.yaml"
    zh = "".join(f"第{n}行：故事还在继续。\\n" for n in range(1, 31)) + LAST["zh"]
    en = "".join(f"Line {n}: the story goes on.\\n" for n in range(1, 31)) + LAST["en"]
    text, count = re.subn(r"(?m)^    text: \{zh: .*\}$", f'    text: {{zh: "{zh}", en: "{en}"}}',
                          path.read_text(encoding="utf-8"))
    assert count > 1
    path.write_text(text, encoding="utf-8")
    return folder


def shown(app, text: str, where) -> bool:
    """Whether the text is drawn inside the widget `where` (lines joined: it may wrap anywhere)."""
    region = where.content_region
    lines = rendered(app).splitlines()[region.y:region.bottom]
    inside = "".join(cells(line, region.x, region.right) for line in lines)
    return text.replace(" ", "") in inside.replace(" ", "")


async def settle(pilot, rounds: int = 3) -> None:
    for _ in range(rounds):
        await pilot.pause()


async def open_card(app, pilot):
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert screen_name(app) == "EventCard"
    card = app.screen
    box, choices = card.query_one("#event-text-box"), card.query_one("#event-choices")
    assert box.max_scroll_y > 0, "the story is longer than the card at 80x24"
    assert app.focused is choices
    return card, box, choices


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_long_card_story_reaches_its_last_line_and_enter_still_chooses(saves, tmp_path, lang):
    app = make_app(str(long_stories(tmp_path)), seed=3, lang=lang, saves_dir=str(saves))
    async with app.run_test(size=SMALL) as pilot:
        card, box, choices = await open_card(app, pilot)
        assert not shown(app, LAST[lang], box)
        assert "PgDn" in rendered(app).splitlines()[-1]  # the key bar says how
        first = choices.highlighted
        for down, up in (("end", "home"), ("pagedown", "pageup")):
            for _ in range(1 if down == "end" else 30):
                await pilot.press(down)
            await settle(pilot, 1)
            assert box.scroll_y == box.max_scroll_y and shown(app, LAST[lang], box), down
            for _ in range(1 if up == "home" else 30):
                await pilot.press(up)
            await settle(pilot, 1)
            assert box.scroll_y == 0, up
        assert choices.highlighted == first and app.focused is choices  # the page keys left the choices alone
        await pilot.press("tab")  # to the story: the arrows scroll it
        await settle(pilot, 1)
        assert app.focused is box
        for _ in range(box.max_scroll_y):
            await pilot.press("down")
        await settle(pilot, 1)
        assert box.scroll_y == box.max_scroll_y and shown(app, LAST[lang], box)
        chosen = card.choices()[first]
        await pilot.press("enter")  # Enter takes the highlighted choice
        await settle(pilot)
        if screen_name(app) == "ConfirmDialog":  # a choice that crosses a line is confirmed first
            await pilot.press("y")
            await settle(pilot)
        assert app.screen is not card
        assert app.session.state.decisions[-1] == chosen.decision


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_number_key_still_chooses_after_scrolling(saves, tmp_path, lang):
    app = make_app(str(long_stories(tmp_path)), seed=3, lang=lang, saves_dir=str(saves))
    async with app.run_test(size=SMALL) as pilot:
        card, box, _choices = await open_card(app, pilot)
        await pilot.press("end")
        await settle(pilot, 1)
        assert shown(app, LAST[lang], box)
        views = card.choices()
        second = views[1]
        await pilot.press("2")
        await settle(pilot)
        if screen_name(app) == "ConfirmDialog":
            await pilot.press("y")
            await settle(pilot)
        assert app.screen is not card
        assert app.session.state.decisions[-1] == second.decision


async def test_a_short_story_leaves_the_page_keys_to_the_choices(saves):
    app = make_app(str(FIXTURE), seed=3, lang="en", saves_dir=str(saves))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        card = app.screen
        choices = card.query_one("#event-choices")
        assert card.query_one("#event-text-box").max_scroll_y == 0
        assert "PgDn" not in rendered(app).splitlines()[-1]
        await pilot.press("end")
        await settle(pilot, 1)
        assert choices.highlighted == len(card.choices()) - 1  # End went to the last choice


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_introduction_reaches_its_last_line_and_keeps_its_button_whole(saves, lang):
    app = make_app(str(SHIPPED), seed=3, lang=lang, saves_dir=str(saves))
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen_name(app) == "IntroScreen"
        box, begin = screen.query_one("#intro-box"), screen.query_one("#begin")
        assert box.region.contains_region(begin.region) and box.max_scroll_y == 0, "nothing of the box is cut"
        body = screen.query_one("#intro-scroll")
        await pilot.press("end")
        await settle(pilot, 1)
        assert body.scroll_y == body.max_scroll_y
        last_words = str(screen.query_one("#intro-text").content).split()[-3:]
        assert shown(app, " ".join(last_words), body), last_words
        await pilot.press("home")
        await settle(pilot, 1)
        assert body.scroll_y == 0 and app.focused is begin
        await pilot.press("enter")  # Enter still begins
        await settle(pilot)
        assert screen_name(app) != "IntroScreen"
