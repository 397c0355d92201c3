"""Every dialog is drawn over the screen below, never merged with it: its box lies inside the terminal and
a blank ring (a row above and below, two columns each side) keeps every border below from touching its
own (at 120x36 the end-of-week dialog's corner ran into the left panel's: `╭──╭`). At several sizes, both
languages, every dialog a player can reach."""

from __future__ import annotations

import ast

import pytest

from game.tui.launch import make_app
from test_language_everywhere import WHERE
from tui_helpers import ROOT, new_app, screen_name

SIZES = ((80, 24), (100, 30), (120, 36))
DIALOGS = {name: where for name, where in WHERE.items() if where[2].endswith(("Dialog", "Card"))}
DIALOGS["intention"] = (lambda s: new_app(s, "zh", ask_intention=True), ["enter"], "IntentionDialog")
DIALOGS["results"] = (lambda s: new_app(s, "zh"), ["enter", "1", "l"], "ResultsDialog")
DIALOGS["hexi-summary"] = (lambda s: make_app(str(ROOT / "content" / "scenarios" / "hexi-street"), seed=3, lang="zh",
                                              saves_dir=str(s)), ["enter", "1", "e", "y"], "WeekSummaryDialog")


def ring_faults(app) -> list[tuple[int, int, str]]:
    """(x, y, text) of every cell in the ring around the dialog's box that is not blank, and of the box's
    corners when the box is not wholly on the screen."""
    box = app.screen.query_one(".dialog").region
    screen = app.screen.region
    faults = [(x, y, "off-screen") for x, y in ((box.x, box.y), (box.right - 1, box.bottom - 1))
              if not screen.contains(x, y)]
    strips = app.screen._compositor.render_strips()
    ring = {(x, y) for y in range(box.y - 1, box.bottom + 1) for x in range(box.x - 2, box.right + 2)
            if not box.contains(x, y)}
    for x, y in sorted(ring):
        if screen.contains(x, y):
            text = strips[y].crop(x, x + 1).text
            if text.strip():
                faults.append((x, y, text))
    return faults


@pytest.mark.parametrize("where", list(DIALOGS))
async def test_every_dialog_is_drawn_over_the_screen_below(saves, where):
    factory, keys, name = DIALOGS[where]
    app = factory(saves)
    async with app.run_test(size=SIZES[0]) as pilot:
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
        for size, lang in [*((size, "zh") for size in SIZES), (SIZES[0], "en")]:  # back to 80x24, in English
            await pilot.resize_terminal(*size)
            app.lang = lang
            await pilot.pause()
            assert screen_name(app) == name, size
            assert ring_faults(app) == [], (size, lang)


def test_every_dialog_class_puts_its_box_in_a_frame():
    """The kind: each dialog of the game composes its `.dialog` box inside a DialogFrame."""
    for path in sorted((ROOT / "game" / "tui" / "dialogs").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and any(getattr(b, "id", getattr(getattr(b, "value", None), "id", ""))
                                                      == "GameDialog" for b in node.bases):
                source = ast.get_source_segment(path.read_text(encoding="utf-8"), node) or ""
                assert "DialogFrame()" in source, f"{path.name}: {node.name}"
