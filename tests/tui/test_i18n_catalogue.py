"""The UI strings' gettext catalogue: complete, standard (stdlib gettext reads it), plurals by rule."""

from __future__ import annotations

import gettext
import string
from pathlib import Path

import polib
import pytest

from game.i18n import CATALOGUE, PENDING, PLURALS, STRINGS, tn


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_no_string_waits_outside_the_catalogue() -> None:
    paste = "\n".join(str(polib.POEntry(msgctxt=key, msgid=en, msgstr=zh)) for key, (zh, en) in PENDING.items())
    assert not PENDING, f"move these entries from PENDING in game/i18n.py into game/locale/zh.po:\n{paste}"


def test_the_catalogue_is_complete_and_clean() -> None:
    po = polib.pofile(str(CATALOGUE))
    contexts = [entry.msgctxt for entry in po]
    assert len(contexts) == len(set(contexts)) and all(contexts)
    assert not [e.msgctxt for e in po if e.fuzzy or e.obsolete]
    assert po.percent_translated() == 100
    assert po.metadata["Language"] == "zh" and po.metadata["Plural-Forms"] == "nplurals=1; plural=0;"


def test_stdlib_gettext_reads_the_same_strings(tmp_path: Path) -> None:
    mo = tmp_path / "zh.mo"
    polib.pofile(str(CATALOGUE)).save_as_mofile(str(mo))
    with mo.open("rb") as handle:
        zh = gettext.GNUTranslations(handle)
    for key, (chinese, english) in STRINGS.items():
        assert zh.pgettext(key, english) == chinese, key
    for key, (forms, (one, many)) in PLURALS.items():
        assert zh.npgettext(key, one, many, 5) == forms[0], key


@pytest.mark.parametrize("key", sorted(PLURALS))
def test_plural_forms_keep_their_placeholders(key: str) -> None:
    zh, (one, many) = PLURALS[key]
    assert all(form.strip() for form in (*zh, one, many))
    assert all(fields(form) <= fields(many) | {"n"} for form in (*zh, one))


@pytest.mark.parametrize("n, lang, expected", [
    (1, "en", " (once)"), (2, "en", " (2 times)"), (0, "en", " (0 times)"),
    (1, "zh", "（1次）"), (7, "zh", "（7次）"),
])
def test_counted_strings_follow_the_language_rule(n: int, lang: str, expected: str) -> None:
    assert tn("times_paren", n, lang) == expected
