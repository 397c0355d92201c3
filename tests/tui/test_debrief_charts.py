"""The debrief's Charts page draws its charts in glyphs that a captured screen shows (tmux capture-pane, a
text export, a monochrome terminal), at 80x24 and 120x36, in both languages: each meter's columns read back
as its weekly values, and each bar (hours by kind, the scores) as its share. They were coloured spaces,
which a captured screen showed as nothing."""

from __future__ import annotations

import pytest

from game.tui.widgets.level_bar import FULL, LevelBar
from game.tui.widgets.week_chart import EIGHTHS, WeekChart, column_eighths
from test_language_everywhere import debrief_app
from tui_helpers import screen_name


def drawn(app, widget) -> list[str]:
    region = widget.content_region
    strips = app.screen._compositor.render_strips()
    return [strip.crop(region.x, region.right).text for strip in strips[region.y:region.bottom]]


def read_columns(lines: list[str]) -> list[int]:
    """The eighths each drawn column fills, read from the glyphs, left to right (a column of zero is blank
    and not read: columns are runs of cells with a glyph, one blank cell apart)."""
    width = max(len(line) for line in lines)
    sums = [sum(EIGHTHS.index(line[x]) for line in lines if x < len(line) and line[x] in EIGHTHS) for x in range(width)]
    runs: list[int] = []
    for x, total in enumerate(sums):
        if total and (x == 0 or not sums[x - 1]):
            runs.append(total)
    return runs


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_charts_page_draws_every_meter_and_bar(saves, lang):
    app = debrief_app(saves)
    async with app.run_test(size=(80, 24)) as pilot:
        app.lang = lang
        await pilot.press("2")
        assert screen_name(app) == "DebriefScreen"
        for size in ((80, 24), (120, 36)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            charts = list(app.screen.query(WeekChart))
            assert len(charts) >= 4
            body = app.screen.query_one("#tab-charts-body")
            for chart in charts:
                body.scroll_to_widget(chart, animate=False, immediate=True)
                await pilot.pause()
                lines = drawn(app, chart)
                assert len(lines) == chart.content_size.height == 4, (size, lang)
                shown = chart.values[-min(len(chart.values), (chart.content_size.width + 1) // 2):]
                expected = [e for e in column_eighths(shown, chart.low, chart.high, 4) if e]
                assert read_columns(lines) == expected and expected, (size, lang, lines)
            for bar in app.screen.query_one("#tab-charts").query(LevelBar):
                body.scroll_to_widget(bar, animate=False, immediate=True)
                await pilot.pause()
                width = bar.content_size.width
                share = (bar.value - bar.low) / ((bar.high - bar.low) or 1)
                filled = drawn(app, bar)[0].count(FULL)
                assert abs(filled - share * width) <= 1 and (share <= 0 or filled > 0), (size, lang)
