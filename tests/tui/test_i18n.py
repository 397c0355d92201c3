"""Every UI string exists in both languages with the same placeholders."""

from __future__ import annotations

import string

import pytest

from game.i18n import STRINGS, t


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_both_languages_with_same_placeholders(key):
    zh, en = STRINGS[key]
    assert zh.strip() and en.strip()
    assert fields(zh) == fields(en)


def test_format_and_fallback():
    assert t("week_of", "zh", n=3, total=12) == "第3/12周"
    assert t("week_of", "en", n=3, total=12) == "Week 3/12"
    assert t("week_of", "fr", n=1, total=2) == "Week 1/2"


def test_ui_strings_hold_no_markup():
    for zh, en in STRINGS.values():
        for text in (zh, en):
            assert "[" not in text and "]" not in text, text


def test_ui_strings_avoid_ambiguous_width_glyphs():
    import unicodedata

    for key, pair in STRINGS.items():
        for text in pair:
            assert not [c for c in text if unicodedata.east_asian_width(c) == "A"], key
