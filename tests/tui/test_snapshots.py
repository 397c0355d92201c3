"""SVG snapshots of each screen in both languages (fixed size and seed; no clock, no blinking cursor).

Update after a deliberate change with: pytest tests/tui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

import pytest

from game.tui.launch import make_app
from tui_helpers import FIXTURE, finish, new_app, saved_game

SIZE = (100, 32)
LANGS = ["en", "zh"]


@pytest.mark.parametrize("lang", LANGS)
def test_title(snap_compare, saves, lang):
    assert snap_compare(make_app(None, lang=lang, saves_dir=str(saves)), terminal_size=SIZE)


@pytest.mark.parametrize("lang", LANGS)
def test_event_card(snap_compare, saves, lang):
    assert snap_compare(new_app(saves, lang), press=["enter"], terminal_size=SIZE)


@pytest.mark.parametrize("lang", LANGS)
def test_week(snap_compare, saves, lang):
    assert snap_compare(new_app(saves, lang), press=["enter", "1", "down"], terminal_size=SIZE)


@pytest.mark.parametrize("lang", LANGS)
def test_week_summary(snap_compare, saves, lang):
    assert snap_compare(new_app(saves, lang), press=["enter", "1", "1", "y", "e", "enter"], terminal_size=SIZE)


@pytest.mark.parametrize("lang", LANGS)
def test_debrief(snap_compare, saves, lang):
    session = finish(saved_game(saves, "snap", weeks=0, lang=lang))
    path = session.save()
    app = make_app(str(FIXTURE), lang=lang, saves_dir=str(saves), load=str(path))
    assert snap_compare(app, terminal_size=SIZE)
