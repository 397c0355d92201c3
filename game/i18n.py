"""UI strings in Chinese and English, for the game and for `replay` (scenario text is content).

The strings live in a gettext catalogue a translator can open (Poedit, Lokalize, Weblate):
`game/locale/zh.po`, one entry per key, with msgctxt = the key, msgid = the English text and msgstr = the
Chinese text; counted strings have plural forms (`tn`). `t("key", lang, **values)` formats a string
for a language with named placeholders. Every key has both languages; a test checks it. Strings here are
ours, never the author's, so they may use `{}` placeholders but hold no markup.
"""

from __future__ import annotations

from pathlib import Path

LANGUAGES = ("zh", "en")
CATALOGUE = Path(__file__).resolve().parent / "locale" / "zh.po"

# Strings not yet in the catalogue (e.g. added on a branch that predates it): used like catalogue entries,
# and a test lists them as ready-to-paste PO entries until they are moved into game/locale/zh.po.
PENDING: dict[str, tuple[str, str]] = {
    # counterfactual replay (replay --branch, the debrief's "had you ..." line)
    "branch.title": ("第{week}周改一个决定：“{was}”改为“{now}”，同一个种子重玩。",
                     "Week {week}, one decision changed: \"{was}\" became \"{now}\", replayed on the same seed."),
    "branch.measure": ("", ""),
    "branch.played": ("实际这一局", "As played"),
    "branch.branched": ("改一个决定后", "With the change"),
    "branch.ending": ("结局", "Ending"),
    "branch.upward": ("向上得分", "Upward score"),
    "branch.downward": ("向下得分", "Downward score"),
    "branch.idle": ("空转指数", "Idle index"),
    "branch.crossed": ("越过的底线", "Lines crossed"),
    "branch.weeks": ("周数", "Weeks"),
    "branch.only_played": ("只在实际这一局出现的卡：{cards}", "Cards met only as played: {cards}"),
    "branch.only_branched": ("只在改动后出现的卡：{cards}", "Cards met only with the change: {cards}"),
    "branch.adjusted": ("（改动后有{skipped}个原决定不再可行而跳过，{answered}张新卡按第一个选项作答。）",
                        "({skipped} logged decisions were no longer open and were skipped; {answered} new cards were "
                        "answered with their first choice.)"),
    "branch.had_you": ("如果第{week}周你选了“{choice}”而不是“{was}”，这一局会以“{ending}”收场：向上得分{up}（实际{up0}），"
                       "向下得分{down}（实际{down0}），空转指数{idle}（实际{idle0}）。",
                       "Had you chosen \"{choice}\" instead of \"{was}\" in week {week}, the game would have ended in "
                       "\"{ending}\": upward {up} (you got {up0}), downward {down} ({down0}), idle index {idle} ({idle0})."),
}


def _load() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[tuple[str, ...], tuple[str, ...]]]]:
    """(key -> (zh, en)) and, for counted strings, (key -> (zh forms, en forms)) from the catalogue."""
    import polib

    singular, plural = {}, {}
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
    """The UI string `key` in `lang` (English when the language is unknown), formatted with values."""
    pair = STRINGS[key]
    text = pair[0] if lang == "zh" else pair[1]
    return text.format(**values) if values else text


def tn(key: str, n: int, lang: str, **values: object) -> str:
    """The counted UI string `key` for `n` in `lang` (the language's plural rule picks the form), with
    `n` and `values` filled in. Chinese has one form; English has one for 1 and one for the rest."""
    zh, en = PLURALS[key]
    forms, index = (zh, 0) if lang == "zh" else (en, 0 if n == 1 else 1)
    return forms[min(index, len(forms) - 1)].format(n=n, **values)


def other_language(lang: str) -> str:
    """The language a toggle switches to."""
    return "en" if lang == "zh" else "zh"
