"""Where a line of Chinese (or English) may break, and where it breaks at a given width.

Chinese line breaking (GB/T 15834 punctuation rules, as in the W3C "Requirements for Chinese Text
Layout", clq-req §3.1.7): closing marks and pause marks never start a line (，。；：）」’ and the like),
opening marks never end one (（「‘). Unicode's line-breaking algorithm (UAX #14, from the `uniseg`
library) already forbids both; on top of it a number stays with its unit (98%, 2.5小时, 第3周) and a
short leading number (an approach's "1 ") stays with the word after it, so a label never leaves its
number alone on a row. A short word set apart by spaces, or a label before its number ("实际 0", "一票否决"),
never breaks inside: Chinese has no spaces between words, so where the UI puts them they mark words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rich.cells import cell_len

# units of two characters; otherwise a number keeps the one character after it (个, 岁, 周, 元, 户 ...)
TWO_CHAR_UNITS = ("小时", "分钟", "公里", "公斤", "万元", "亿元", "个月", "平方", "人次", "户次", "星期")
_NUMBER = r"[0-9０-９]+(?:[.,/:][0-9０-９]+)*"
# a unit may follow after a space when it is a word of its own ("2.5 小时", "3 h"); a one-character unit only
# directly ("3周", "98%"): after a space a Chinese character starts the next word ("0/1200 实际 0")
_SPACED_UNIT = "(?:" + "|".join(TWO_CHAR_UNITS) + r"|(?:[hH]|min)\b)"
_UNIT = rf"(?:\s?{_SPACED_UNIT}|[\u3400-\u9fff%％‰℃])"
_WORD = r"(?:[\u3400-\u9fff]{1,4}|[^\s\u3400-\u9fff，。；：、,;:]+)"  # a label: a latin word, or 1-4 Han
_HAN = r"[\u3400-\u9fff]"
# Compiled on first use (a screen whose texts all fit never needs them; compiling cost the first frame ~5 ms).
# NUMBER_WITH_UNIT: a number with what belongs to it, 第 before, a unit after; ONLY_A_NUMBER: a bare number,
# a row of its own; SHORT_WORD: a short Chinese word that is a label or a word set apart by spaces ("实际 0",
# "上报+30", "本周截止 一票否决"): it never breaks inside (prose, between punctuation marks, still breaks
# anywhere). `from game.tui.linebreak import NUMBER_WITH_UNIT` works as for a plain constant.
_PATTERNS = {
    "NUMBER_WITH_UNIT": rf"(?:第\s?)?[-+−]?{_NUMBER}{_UNIT}?",
    "LEADING_NUMBER": rf"^\s*{_NUMBER}[.)、]?\s+(?=\S)",
    "TRAILING_NUMBER": rf"{_WORD}\s+[-+−]?{_NUMBER}\S{{0,3}}\s*$",
    "LABEL_THEN_NUMBER": rf"(?<=\S)(?:\s+|(?<=[\u3400-\u9fff])(?=[-+−]))[-+−]?{_NUMBER}",
    "SHORT_WORD": rf"(?<!{_HAN}){_HAN}{{2,4}}(?=\s*[-+−]?[0-9０-９])|(?:^|(?<=\s)){_HAN}{{2,4}}(?=\s|$)",
    "ONLY_A_NUMBER": rf"^\s*[-+−]?{_NUMBER}[%％]?[，。；、,.;)）]?\s*$",
}


@lru_cache(maxsize=None)
def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(_PATTERNS[name])


def __getattr__(name: str) -> re.Pattern[str]:
    if name in _PATTERNS:
        return _pattern(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


LINE_CANNOT_START = set("，。、；：？！）」』】》〉’”…—·,.;:?!)]}%|")  # "|" separates facts: it ends a line
LINE_CANNOT_END = set("（「『【《〈‘“([{")


@lru_cache(maxsize=4096)
def break_points(text: str) -> frozenset[int]:
    """Offsets (0 < i < len) at which a new line may start; independent of the width."""
    from uniseg.linebreak import line_break_units  # here: a screen whose texts all fit never needs it

    points: set[int] = set()
    position = 0
    for unit in line_break_units(text):
        position += len(unit)
        points.add(position)
    points.discard(len(text))
    for match in _pattern("NUMBER_WITH_UNIT").finditer(text):
        points.difference_update(range(match.start() + 1, match.end()))
    leading = _pattern("LEADING_NUMBER").match(text)
    if leading:
        points.difference_update(range(1, leading.end() + 1))
    trailing = _pattern("TRAILING_NUMBER").search(text)
    if trailing:
        points.difference_update(range(trailing.start() + 1, trailing.end()))
    # "实际 60", "群众信任 -2", "实际+60": a label keeps its number
    for match in _pattern("LABEL_THEN_NUMBER").finditer(text):
        points.difference_update(range(match.start(), match.end()))
    for match in _pattern("SHORT_WORD").finditer(text):  # "实际", "本周截止": a word stays whole
        points.difference_update(range(match.start() + 1, match.end()))
    # UAX #14 allows a break after a space even before a pause mark ("好 ；"); the marks' rules hold anyway
    return frozenset(p for p in points if text[p:].lstrip()[:1] not in LINE_CANNOT_START
                     and text[:p].rstrip()[-1:] not in LINE_CANNOT_END)


def wrap_offsets(text: str, width: int) -> list[int]:
    """Where each new line starts when `text` (one paragraph) is wrapped to `width` cells.

    Lines are filled greedily at allowed break points; spaces at the end of a line take no room. A run
    that cannot break and is wider than a line is cut by cells (nothing else fits)."""
    if width <= 0 or cell_len(text) <= width:
        return []
    ends = sorted(break_points(text)) + [len(text)]
    cuts: list[int] = []
    start, used = 0, 0
    for end in ends:
        piece = text[start:end]
        need = cell_len(piece.rstrip())
        if used and used + need > width:
            cuts.append(start)
            used = 0
        if need > width:  # an unbreakable run wider than the line: cut it by cells
            for offset, char in enumerate(piece):
                char_width = cell_len(char)
                if used + char_width > width and used:
                    if char == " ":
                        continue  # spaces at a cut end the line above (and take no room there)
                    cut = start + offset
                    if char in LINE_CANNOT_START and offset > 1 and cut - 1 > (cuts[-1] if cuts else 0):
                        cut -= 1  # "）" does not start the line: the character before it comes down too
                    cuts.append(cut)
                    used = cell_len(text[cut:start + offset])
                used += char_width
        else:
            used += cell_len(piece)
        start = end
    ends_at = [*cuts[1:], len(text)]
    for index, (cut, end) in enumerate(zip(cuts, ends_at)):  # a number alone on a row takes a word with it
        if _pattern("ONLY_A_NUMBER").match(text[cut:end]):
            earlier = [p for p in break_points(text) if (cuts[index - 1] if index else 0) < p < cut]
            if earlier and cell_len(text[max(earlier):end].rstrip()) <= width:
                cuts[index] = max(earlier)
    return cuts


def wrap(text: str, width: int) -> list[str]:
    """The lines of one paragraph wrapped to `width` (trailing spaces of a line dropped)."""
    cuts = [0, *wrap_offsets(text, width), len(text)]
    return [text[a:b].rstrip() if i < len(cuts) - 2 else text[a:b] for i, (a, b) in enumerate(zip(cuts, cuts[1:]))]
