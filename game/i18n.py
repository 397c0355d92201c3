"""UI strings in Chinese and English, for the game and for `replay` (scenario text is content).

The strings live in a gettext catalogue a translator can open (Poedit, Lokalize, Weblate):
`game/locale/zh.po`, one entry per key, with msgctxt = the key, msgid = the English text and msgstr = the
Chinese text; counted strings have plural forms (`tn`). `t("key", lang, **values)` formats a string
for a language with named placeholders. Every key has both languages; a test checks it. Strings here are
ours, never the author's, so they may use `{}` placeholders but hold no markup.
"""

from __future__ import annotations

import marshal
import re
import sys
from pathlib import Path

LANGUAGES = ("zh", "en")
CATALOGUE = Path(__file__).resolve().parent / "locale" / "zh.po"

# Strings not yet in the catalogue (e.g. added on a branch that predates it): used like catalogue entries,
# and a test lists them as ready-to-paste PO entries until they are moved into game/locale/zh.po.
PENDING: dict[str, tuple[str, str]] = {
}


Catalogue = tuple[dict[str, tuple[str, str]], dict[str, tuple[tuple[str, ...], tuple[str, ...]]]]


def _load() -> Catalogue:
    """(key -> (zh, en)) and, for counted strings, (key -> (zh forms, en forms)) from the catalogue.

    Parsing the PO file (and importing polib) cost about a tenth of the game's start-up, so the parsed
    catalogue is kept beside it in __pycache__ (as Python keeps compiled modules: not when bytecode
    writing is off, and silently not where the folder is read-only), named by the file's size and
    modification time so that an edited catalogue is parsed again."""
    cache = _cache_path()
    try:
        with open(cache, "rb") as handle:
            kept = marshal.load(handle)
        if isinstance(kept, tuple) and len(kept) == 2 and all(isinstance(part, dict) for part in kept):
            return kept
    except (OSError, EOFError, ValueError, TypeError):
        pass
    catalogue = _parse()
    if not sys.dont_write_bytecode:
        _write_cache(cache, catalogue)
    return catalogue


def _cache_path() -> Path:
    try:
        stat = CATALOGUE.stat()
    except OSError:
        return CATALOGUE.parent / "__pycache__" / "missing"
    return CATALOGUE.parent / "__pycache__" / f"{CATALOGUE.name}.{stat.st_size}-{stat.st_mtime_ns}.marshal"


def _write_cache(cache: Path, catalogue: Catalogue) -> None:
    import contextlib
    import os

    temp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
    with contextlib.suppress(OSError):
        cache.parent.mkdir(exist_ok=True)
        for old in cache.parent.glob(f"{CATALOGUE.name}.*.marshal"):  # those of earlier versions of the file
            old.unlink()
        temp.write_bytes(marshal.dumps(catalogue))
        os.replace(temp, cache)  # whole or not at all, also when two games start at once
    with contextlib.suppress(OSError):
        temp.unlink()


def _parse() -> Catalogue:
    """The catalogue read from the PO file with polib."""
    import polib

    singular: dict[str, tuple[str, str]] = {}
    plural: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for entry in polib.pofile(str(CATALOGUE), wrapwidth=0):
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            zh = tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
            plural[entry.msgctxt] = (zh, (entry.msgid, entry.msgid_plural))
        else:
            singular[entry.msgctxt] = (entry.msgstr, entry.msgid)  # an empty msgstr fails the tests
    return singular, plural


_SINGULAR, PLURALS = _load()
STRINGS: dict[str, tuple[str, str]] = {**_SINGULAR, **PENDING}


def t(key: str, lang: str, **values: object) -> str:
    """The UI string `key` in `lang` (English when the language is unknown), formatted with values.

    Filled-in strings are tidied: a value that ends a sentence ("…村？", "5 p.m.") followed by the
    template's own colon or comma gives no doubled punctuation ("？：" becomes "？").
    """
    pair = STRINGS[key]
    text = pair[0] if lang == "zh" else pair[1]
    return tidy(text.format(**values)) if values else text


_DOUBLED = re.compile(r"([。！？!?]|(?<![.\d])\.)([”\"」』）)]?)\s*[：:；;，,、]\s*")


def tidy(text: str) -> str:
    """Drop a colon, semicolon or comma that directly follows the end of a sentence (a space stays after
    Western punctuation)."""
    return _DOUBLED.sub(lambda m: m.group(1) + m.group(2) + ("" if m.group(1) in "。！？" else " "), text)


def tn(key: str, n: int, lang: str, **values: object) -> str:
    """The counted UI string `key` for `n` in `lang` (the language's plural rule picks the form), with
    `n` and `values` filled in. Chinese has one form; English has one for 1 and one for the rest."""
    zh, en = PLURALS[key]
    forms, index = (zh, 0) if lang == "zh" else (en, 0 if n == 1 else 1)
    return forms[min(index, len(forms) - 1)].format(n=n, **values)


def other_language(lang: str) -> str:
    """The language a toggle switches to."""
    return "en" if lang == "zh" else "zh"
