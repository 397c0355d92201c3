"""At 80x24, the stated minimum, every screen is usable; after shrinking, the layout is computed again."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from textual.containers import VerticalScroll

from game.tui.launch import make_app
from game.tui.present.approaches import approach_views, options_of_item
from tui_helpers import FIXTURE, ROOT, answer_cards, finish, new_app, rendered, saved_game, screen_name

SHIPPED = ROOT / "content" / "scenarios" / "lianhe-town"
SMALL = (80, 24)
SCENARIOS = {"fixture": FIXTURE, "shipped": SHIPPED}


def shown(app, text: str) -> bool:
    """Whether the text is drawn (spaces may be where a line wrapped, so compare without them)."""
    return text.replace(" ", "") in rendered(app).replace(" ", "").replace("\n", "")


def cells(line: str, start: int, end: int) -> str:
    """The characters of a drawn line between two cell columns (Chinese characters take two cells)."""
    out, column = [], 0
    for char in line:
        if start <= column < end:
            out.append(char)
        column += cell_len(char)
    return "".join(out)


def approach_heads(app) -> list[tuple[str, str]]:
    """(label, first cost) of the approaches of the item the week screen shows."""
    screen = app.screen
    options = options_of_item(app.session.options(), screen.shown_item)
    views = approach_views(app.session.rules, options, app.lang)
    return [(v.label, f"{v.hours:g}") for v in views]


async def two_approaches_with_costs_in_view(app) -> None:
    heads = approach_heads(app)
    assert len(heads) >= 2
    approaches = app.screen.query_one("#approaches")
    assert approaches.region.height >= 4 and approaches.region.bottom <= SMALL[1]
    region = approaches.content_region
    inside = "".join(cells(line, region.x, region.right) for line in rendered(app).splitlines()[region.y:region.bottom])
    inside = "".join(c for c in inside if c != " " and not "▁" <= c <= "█")  # no spaces, no scrollbar
    for label, hours in heads[:2]:
        assert f"{label}".replace(" ", "") in inside, (label, inside)
        after = inside[inside.index(label.replace(" ", "")):]
        assert after[len(label.replace(" ", "")):][:6].lstrip("(（").startswith(hours), (label, hours, inside)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("where", list(SCENARIOS))
async def test_week_at_80x24_shows_two_approaches_with_costs(saves, where, lang):
    app = new_app(saves, lang, scenario=SCENARIOS[where])
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await answer_cards(app, pilot)
        assert screen_name(app) == "WeekScreen"
        await two_approaches_with_costs_in_view(app)


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_shrinking_below_the_breakpoint_lays_the_week_out_again(saves, lang):
    app = new_app(saves, lang, scenario=SHIPPED)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await answer_cards(app, pilot)
        for size in ((100, 34), (100, 33), (90, 30), SMALL):
            await pilot.resize_terminal(*size)
            await pilot.pause()
        await pilot.pause()
        assert screen_name(app) == "WeekScreen"
        await two_approaches_with_costs_in_view(app)


async def test_a_cut_last_result_is_marked_and_shown_in_full_with_l(saves):
    app = new_app(saves, "zh")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("enter", "1", "1", "y")  # the card's answer, then an approach: three lines of results
        await pilot.pause()
        await pilot.pause()
        more = app.screen.query_one("#last-more")
        assert more.display and shown(app, "(l全文)")
        await pilot.press("l")
        await pilot.pause()
        assert screen_name(app) == "ResultsDialog"
        assert shown(app, "工作群打卡") and shown(app, "让村干部收集截图凑数")
        await pilot.press("escape")
        await pilot.resize_terminal(160, 40)  # room enough: no mark
        await pilot.pause()
        await pilot.pause()
        assert not app.screen.query_one("#last-more").display


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_help_at_80x24_keeps_its_close_button(saves, lang):
    app = new_app(saves, lang, scenario=SHIPPED)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        close = app.screen.query_one("#close")
        dialog = app.screen.query_one(".dialog")
        assert close.region.height >= 1 and dialog.region.contains_region(close.region)
        for scroll in app.screen.query(VerticalScroll):  # read from the top: the button stays in view
            scroll.scroll_home(animate=False)
        await pilot.pause()
        assert dialog.region.contains_region(app.screen.query_one("#close").region)
        assert shown(app, "F1")  # the keys, at the top of the text, are in view too


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_debrief_scores_at_80x24_without_scrolling(saves, lang):
    session = finish(saved_game(saves, "small", weeks=0, lang=lang, scenario=SHIPPED))
    app = make_app(str(SHIPPED), lang=lang, saves_dir=str(saves), load=str(session.save()))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.pause()
        scores = app.screen.query_one("#scores")
        assert scores.region.height >= 3 and scores.region.bottom <= SMALL[1] - 1
        outcome = app.session.outcome()
        assert shown(app, f"{outcome.upward:.1f}".rstrip("0").rstrip(".")) or shown(app, f"{outcome.upward:g}")


async def test_week_ledger_at_80x24_uses_the_height_it_has(saves):
    app = new_app(saves, "zh", scenario=SHIPPED)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await answer_cards(app, pilot)
        await pilot.press("e", "enter")
        await pilot.pause()
        assert screen_name(app) == "WeekSummaryDialog"
        body = app.screen.query_one("#summary-body")
        needed = sum(child.outer_size.height for child in body.children)
        assert body.region.height >= min(needed, 14)  # 24 rows less the dialog's frame, title, save line, button
        room = body.styles.max_height.resolve(app.screen.size, app.size)
        assert room >= 14, "a long ledger may use the rows the dialog has"
        assert app.screen.query_one("#close").region.bottom <= SMALL[1]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("weeks", [2, 3])
async def test_week_at_80x24_later_in_the_game(saves, lang, weeks):
    """Later weeks hold more (a long "coming up" list, long English labels): two approaches still show."""
    session = saved_game(saves, f"later{weeks}", weeks=weeks, lang=lang, scenario=SHIPPED)
    app = make_app(str(SHIPPED), lang=lang, saves_dir=str(saves), load=str(session.save()))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await answer_cards(app, pilot)
        await pilot.pause()
        assert screen_name(app) == "WeekScreen"
        if len(approach_heads(app)) < 2:  # the first item may offer one approach: take the next item
            await pilot.press("down")
            await pilot.pause()
        await two_approaches_with_costs_in_view(app)


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_every_debrief_page_reaches_its_end_from_the_keyboard_at_80x24(saves, lang):
    """A long page (the reflection) is read to its end with End / PageDown, and back with Home: no mouse."""
    session = finish(saved_game(saves, "keys", weeks=0, lang=lang, scenario=SHIPPED))
    app = make_app(str(SHIPPED), lang=lang, saves_dir=str(saves), load=str(session.save()))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        scrolled = 0
        for page in "12345":
            await pilot.press(page)
            await pilot.pause()
            body = app.screen.query_one(f"#{app.screen.query_one('#debrief-tabs').active}-body")
            if body.max_scroll_y == 0:
                continue
            await pilot.press("end")
            await pilot.pause()
            assert body.scroll_y == body.max_scroll_y, page
            await pilot.press("home", "pagedown")
            await pilot.pause()
            assert 0 < body.scroll_y <= body.max_scroll_y, page
            await pilot.press("home")
            await pilot.pause()
            assert body.scroll_y == 0, page
            scrolled += 1
        assert scrolled, "at 80x24 at least one debrief page is longer than the screen"


async def _open_summary(app, pilot) -> None:
    await answer_cards(app, pilot)
    await pilot.press("e", "enter")


async def _open_results(app, pilot) -> None:
    await answer_cards(app, pilot)
    for _ in range(8):  # a decision on each of several items: a list of results longer than the dialog
        await pilot.press("1")
        await pilot.pause()
        if screen_name(app) == "ConfirmDialog":
            await pilot.press("y")
            await pilot.pause()
        await answer_cards(app, pilot)
        await pilot.press("down")
        await pilot.pause()
    await pilot.press("l")


async def _open_help(app, pilot) -> None:
    await answer_cards(app, pilot)
    await pilot.press("f1")


LONG_DIALOGS = {"WeekSummaryDialog": _open_summary, "ResultsDialog": _open_results, "HelpDialog": _open_help}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("dialog", list(LONG_DIALOGS))
async def test_a_long_dialog_reaches_its_end_from_the_keyboard_at_80x24(saves, lang, dialog):
    """With its button focused (Enter presses it), a dialog's text longer than the screen is read to its end
    with End / PageDown / down and back with Home / PageUp / up: no mouse (the debrief's page does the same)."""
    session = saved_game(saves, f"long{dialog}", weeks=2, lang=lang, scenario=SHIPPED)
    app = make_app(str(SHIPPED), lang=lang, saves_dir=str(saves), load=str(session.save()))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await LONG_DIALOGS[dialog](app, pilot)
        await pilot.pause()
        await pilot.pause()
        assert screen_name(app) == dialog
        assert app.focused is app.screen.query_one("#close")
        body = next(scroll for scroll in app.screen.query(VerticalScroll))
        assert body.max_scroll_y > 0, "the content is longer than the dialog at 80x24"
        for down, up in (("end", "home"), ("pagedown", "pageup"), ("down", "up")):
            for _ in range(body.max_scroll_y if down == "down" else 1 if down == "end" else 20):
                await pilot.press(down)
            await pilot.pause()
            assert body.scroll_y == body.max_scroll_y, down
            for _ in range(body.max_scroll_y if up == "up" else 1 if up == "home" else 20):
                await pilot.press(up)
            await pilot.pause()
            assert body.scroll_y == 0, up
        assert screen_name(app) == dialog and app.focused is app.screen.query_one("#close")
        await pilot.press("enter")  # Enter still presses the focused button
        await pilot.pause()
        assert screen_name(app) != dialog
