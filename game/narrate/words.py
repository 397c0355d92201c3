"""Numbers as players read them, and the one way fragments are glued into sentences.

Every template that joins fragments (an action's label and what it did, a consequence and its effects, the
parts of a replay line) goes through `run_on` or `labelled`, so no doubled punctuation ("。；", ".;", "：：")
and no empty fragment can reach a player, whatever punctuation an author ends a message with.
"""

from __future__ import annotations

import math

from game.i18n import t

_CLOSERS = ("。", "！", "？", "…", ".", "!", "?")
_SOFT_ENDS = ("；", "，", "：", ";", ",", ":", "、")


def half_up(value: float) -> int:
    """Round to the nearest whole number, halves away from zero (2.5 -> 3, -2.5 -> -3), as people do."""
    return int(math.copysign(math.floor(abs(value) + 0.5), value))


def whole(value: float) -> str:
    """A meter or a count as an integer: trust 52.6 reads 53."""
    return str(half_up(value))


def hours(value: float) -> str:
    """Hours to the half hour: 2.24 -> 2, 2.3 -> 2.5, 0.74 -> 0.5; some work never reads as none (0.2 -> 0.5)."""
    halves = half_up(float(value) * 2)
    if value > 0 and halves == 0:
        halves = 1
    return str(halves // 2) if halves % 2 == 0 else f"{halves / 2:.1f}"


NO_CHANGE = 0.05
"""A meter change smaller than this (one decimal place rounds it to 0.0) is no change."""

UNDER_ONE = "<1"
"""A meter amount that is real but reads as less than a whole point (the same in both languages)."""


def meter_amount(value: float) -> str:
    """A meter amount (a cost, a change's size) on the meters' own scale, whole numbers rounded as the meters
    are: 3.25 -> 3, 1.5 -> 2, 0.5 -> 1; an amount too small for a whole point still shows, as <1 (never as 0,
    which would say "no effect"); "" only for no amount at all (below NO_CHANGE)."""
    size = abs(float(value))
    if size < NO_CHANGE:
        return ""
    number = half_up(size)
    return str(number) if number else UNDER_ONE


def meter_delta(value: float) -> str:
    """A meter change with its sign, as `meter_amount` rounds it: +3, -2, +<1, -<1 ("" for no change)."""
    amount = meter_amount(value)
    return "" if not amount else ("-" if value < 0 else "+") + amount


def change(before: float, after: float) -> int:
    """The change players see between two rounded readings (so 50.4 -> 51.6 reads 50 -> 52, +2)."""
    return half_up(after) - half_up(before)


def quantity(value: float) -> str:
    """A ledger quantity (units of a quota): whole when whole, else one decimal."""
    rounded = round(float(value), 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"


def _trim(fragment: str) -> str:
    text = " ".join(str(fragment).split())
    while text and text.endswith(_SOFT_ENDS):
        text = text[:-1].rstrip()
    return text


def ends_sentence(text: str) -> bool:
    """Whether a fragment already closes a sentence (so no separator is glued after it)."""
    stripped = text.rstrip("”\"」』)）'")
    return stripped.endswith(_CLOSERS)


def run_on(parts: list[str], lang: str) -> str:
    """Fragments told as consecutive sentences: each is closed ('。' / '.') unless it already ends one,
    and they are joined with nothing (zh) or a space (en).

    Empty fragments are dropped and trailing soft punctuation (；，：) is trimmed first, so an author's
    message ending in '。' followed by another fragment gives '。X', never '。；X' or '。。'.
    """
    kept = [closed(part, lang) for part in parts]
    if lang != "zh":
        kept = [p[:1].upper() + p[1:] for p in kept]
    return ("" if lang == "zh" else " ").join(p for p in kept if p)


def listing(parts: list[str], lang: str) -> str:
    """Short items in a list: '，'/', ' between them (empty ones dropped)."""
    return t("comma", lang).join(p for p in (_trim(part) for part in parts) if p)


def labelled(label: str, text: str, lang: str) -> str:
    """'label：text' / 'label: text' without a doubled colon; just the label when the text is empty."""
    label, text = _trim(label), " ".join(str(text).split())
    if not text:
        return label
    if not label:
        return text
    if ends_sentence(label):  # "要不要…？" / "…villages?" takes no colon after it
        return f"{label} {text}"
    return f"{label}{t('colon', lang)}{text}"


def closed(text: str, lang: str) -> str:
    """A fragment made into a whole sentence (adds '。' or '.' unless it already ends one)."""
    text = _trim(text)
    if not text or ends_sentence(text):
        return text
    return text + ("。" if lang == "zh" else ".")
