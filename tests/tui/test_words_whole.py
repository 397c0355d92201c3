"""A word never breaks in the middle: "实际"/"Actual", "上报"/"Reported", "一票否决" stay whole on one row,
and a label keeps its number, in every widget that composes "label number" pairs, at every width and
terminal size, in both languages. (Found by a player: `上报 0/1200 实` / `际 0` at 80x24 and 120x36.)"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.style import Style
from textual.visual import RenderOptions
from textual.widgets import OptionList, Static

from game.i18n import t
from game.tui.linebreak import break_points, wrap
from game.tui.present.fmt import num
from game.tui.present.items import ItemView, open_items
from game.tui.session import Session
from game.tui.widgets.item_list import directive_prompt, request_prompt
from tui_helpers import ROOT, answer_cards, new_app, screen_name
import pytest

LABEL_KEYS = ("item.reported", "item.actual", "item.veto", "item.due_now", "item.new", "item.escalated",
              "item.level.province", "item.level.city", "item.level.district", "item.level.township",
              "item.urgency.low", "item.urgency.medium", "item.urgency.high")
SCENARIOS = ("hexi-street", "lianhe-town")


def words(lang: str) -> set[str]:
    """The UI's label words in `lang`, each word of a several-word English label on its own."""
    labels = [t(key, lang) for key in LABEL_KEYS]
    return {word for label in labels for word in label.split() if len(word) > 1}


def split_word(lines: list[str], vocabulary: set[str]) -> tuple[str, str, str] | None:
    """(word, line above, line below) for a word that ends one line and goes on at the start of the next."""
    for above, below in zip(lines, lines[1:]):
        end, start = above.rstrip(), below.lstrip()
        for word in vocabulary:
            for cut in range(1, len(word)):
                if end.endswith(word[:cut]) and start.startswith(word[cut:]) and not end.endswith(word):
                    if word[:cut].isascii() and end[-cut - 1:-cut].isalpha():
                        continue  # "Proactual": another word ends here
                    return word, above, below
    return None


@pytest.mark.parametrize(("text", "width", "expected"), [
    ("市级 | 上报 0/1200 实际 0 | 本周截止", 14, ["市级 |", "上报 0/1200", "实际 0 |", "本周截止"]),
    ("市级 | 上报 0/1200 实际 0 | 本周截止", 20, ["市级 | 上报 0/1200", "实际 0 | 本周截止"]),
    ("区级 | 上报 0/98 实际 0 | 1周 一票否决 新", 16, ["区级 | 上报 0/98", "实际 0 | 1周", "一票否决 新"]),
    ("上报+30，实际+8，数据 -5，信任 -1", 10, ["上报+30，", "实际+8，", "数据 -5，", "信任 -1"]),
    ("区级 | 上报 0/8 实际 0 | 1周 一票否决 新", 12, ["区级 |", "上报 0/8", "实际 0 | 1周", "一票否决 新"]),  # "|" ends a line
    ("请在2.5 小时内完成", 8, ["请在", "2.5 小时", "内完成"]),  # a two-character unit after a space stays
])
def test_table_of_label_rows(text, width, expected):
    assert wrap(text, width) == expected


PAIRS = st.tuples(st.sampled_from(("zh", "en")), st.lists(st.tuples(st.sampled_from(LABEL_KEYS),
                                                                   st.sampled_from(("0", "0/1200", "+30", "-2.5", "98%", "12"))),
                                                         min_size=1, max_size=8),
                  st.sampled_from((" ", " | ", "，", ", ")))


@settings(max_examples=300, deadline=None)
@given(PAIRS, st.integers(min_value=4, max_value=60))
def test_property_label_number_rows_keep_words_whole(pairs, width):
    lang, items, separator = pairs
    text = separator.join(f"{t(key, lang)} {number}" for key, number in items)
    lines = wrap(text, width)
    cuts = sorted(break_points(text))
    widest = max(cell_len(text[a:b].strip()) for a, b in zip([0, *cuts], [*cuts, len(text)]))
    if widest <= width:  # (a label and its number wider than the line must be cut somewhere)
        assert split_word(lines, words(lang)) is None, (text, width, lines)
        for key, number in items:
            label_end = t(key, lang).split()[-1]  # (an English label of two words may wrap between them)
            assert any(f"{label_end} {number}" in line for line in lines), (key, number, lines)


def item_views(lang: str, saves) -> list[ItemView]:
    views: list[ItemView] = []
    for name in SCENARIOS:
        session = Session.new(ROOT / "content" / "scenarios" / name, 3, "t", lang, saves)
        for view in open_items(session.rules, session.state, lang):
            views.append(view)
            for figure in (1200.0, 123456.0):
                views.append(ItemView(**{**view.__dict__, "quota": figure, "reported": figure - 1, "actual": 7.5,
                                         "weeks_left": 1, "veto": True, "new": True, "age": 3, "escalated": True}))
    return views


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_item_prompts_keep_words_whole_at_every_width(lang, saves):
    options = RenderOptions(lambda *_: None, {})
    vocabulary = words(lang)
    widest = max(cell_len(word) for word in vocabulary)
    for view in item_views(lang, saves):
        prompt = directive_prompt(view, lang) if view.is_directive else request_prompt(view, lang)
        for width in range(widest + 14, 81):  # room for the indent, the word and its number (0/123456)
            lines = [strip.text for strip in prompt.render_strips(width, None, Style(), options)]
            assert split_word(lines[1:], vocabulary) is None, (view.id, width, lines)
            if view.is_directive:  # and a label keeps its number: "Actual" / "0" on two rows is a fault too
                for pair in (f"{t('item.reported', lang)} {num(view.reported)}", f"{t('item.actual', lang)} {num(view.actual)}"):
                    assert any(pair in line for line in lines), (view.id, width, pair, lines)


def widget_lines(app, widget) -> list[str]:
    """What one widget draws, cropped from the screen by its region (cells, so Chinese crops right)."""
    region = widget.content_region.intersection(app.screen.region)
    strips = app.screen._compositor.render_strips()
    return [strip.crop(region.x, region.right).text for strip in strips[region.y:region.bottom]]


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_week_screen_keeps_words_whole_at_every_size(saves, lang):
    """Both shipped scenarios (one has a quota of 1200), at the sizes players use, every text widget."""
    for name in SCENARIOS:
        app = new_app(saves, lang, scenario=ROOT / "content" / "scenarios" / name)
        async with app.run_test(size=(80, 24)) as pilot:
            for _ in range(5):  # the intro, the intention (skipped), then any event card answered
                await pilot.press("escape" if screen_name(app) == "IntentionDialog" else "enter")
                await answer_cards(app, pilot)
                if screen_name(app) == "WeekScreen":
                    break
            assert screen_name(app) == "WeekScreen"
            vocabulary = words(lang) | {view.short for view in app.screen.query_one("#meters").views}
            for size in ((80, 24), (90, 28), (100, 30), (120, 36), (160, 48)):
                await pilot.resize_terminal(*size)
                await pilot.pause()
                label = app.screen.query_one("#week-label")
                shown = widget_lines(app, label)[0].rstrip()
                assert shown == str(label.content).rstrip() or shown.endswith("…"), (name, size, shown)  # marked
                for widget in app.screen.query("*"):
                    if isinstance(widget, (Static, OptionList)) and widget.display and widget.region:
                        found = split_word(widget_lines(app, widget), vocabulary)
                        assert found is None, (name, size, widget, found)
