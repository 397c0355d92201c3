"""Chinese wraps by the rules of Chinese line breaking: a table of cases, a property, and every Chinese
text of the shipped scenarios at every width from 8 to 60 cells."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.content import Content

from game.tui.linebreak import (LINE_CANNOT_END, LINE_CANNOT_START, NUMBER_WITH_UNIT, ONLY_A_NUMBER, break_points,
                                wrap)
from game.tui.widgets.broken import broken_lines

ROOT = Path(__file__).resolve().parents[2]
STARTS = set("，。；：）」’")  # the issue's list; the module's sets are wider
ENDS = set("（「‘")


def check_lines(text: str, lines: list[str], width: int, numbers: bool = True) -> None:
    assert "".join(lines).replace(" ", "") == text.replace(" ", ""), "nothing lost, nothing added"
    for line in lines:
        assert cell_len(line.rstrip()) <= width, (line, width)
    for above, below in zip(lines, lines[1:]):
        assert below[:1] not in STARTS, (above, below)
        assert above.rstrip()[-1:] not in ENDS, (above, below)
        assert not numbers or not ONLY_A_NUMBER.match(below), ("a number alone on a row", above, below)


@pytest.mark.parametrize(("text", "width", "expected"), [
    ("请在2.5小时内完成，谢谢", 8, ["请在", "2.5小时", "内完成，", "谢谢"]),
    ("安装率达到98%，还差一点", 10, ["安装率达到", "98%，还差", "一点"]),
    ("他说：「今天不行」，明天吧", 8, ["他说：", "「今天不", "行」，明", "天吧"]),
    ("工时 35/40", 8, ["工时 35/", "40"]),  # too narrow for the whole label: cut by cells, never "35/40" alone
    ("工时 35/40", 10, ["工时 35/40"]),
    ("1 让村干部收集截图凑数", 6, ["1 让村", "干部收", "集截图", "凑数"]),
    ("第3周要完成", 6, ["第3周", "要完成"]),
    ("好 ；不好", 6, ["好 ；", "不好"]),
])
def test_table_of_breaks(text, width, expected):
    assert wrap(text, width) == expected


def test_numbers_with_units_have_no_break_inside():
    for text in ("98%", "2.5小时", "第3周", "82岁", "40/40", "+400", "3万元"):
        match = NUMBER_WITH_UNIT.search(text)
        assert match and match.group() == text
        assert not break_points(f"共{text}吧") & set(range(2, 1 + len(text)))


PIECES = ["我们", "村里", "老人", "服务", "，", "。", "；", "：", "）", "（", "「", "」", "‘", "’", "、",
          "98%", "2.5小时", "第3周", "40个", "APP", " ", "台账", "留痕", "实际 60", "群众信任 -2", "+400", "工时 35/40"]


@settings(max_examples=300, deadline=None)
@example(["工时 35/40", " ", "（"], 10)  # found by the property: a number's match took the space after it
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=30), st.integers(min_value=10, max_value=40))
def test_property_no_line_starts_or_ends_wrongly(pieces, width):
    text = "".join(pieces).strip()
    assume(text)
    # runs that cannot break (e.g. many closing marks in a row) wider than a line must be cut anyway
    widest = max(cell_len(text[a:b]) for a, b in zip([0, *sorted(break_points(text))],
                                                     [*sorted(break_points(text)), len(text)]))
    assume(widest <= width)
    lines = wrap(text, width)
    check_lines(text, lines, width)
    for match in NUMBER_WITH_UNIT.finditer(text):  # a number with its unit is on one line
        assert any(match.group() in line for line in lines), (match.group(), lines)


def chinese_texts() -> list[str]:
    found: list[str] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("zh"), str):
                found.append(node["zh"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted((ROOT / "content" / "scenarios").rglob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return [line for text in found for line in text.splitlines() if re.search(r"[\u4e00-\u9fff]", line)]


def test_every_shipped_chinese_text_at_every_width():
    texts = chinese_texts()
    assert len(texts) > 100
    for text in texts:
        for width in range(8, 61, 4):
            lines = broken_lines(Content(text), width).plain.split("\n")
            breaks = sorted(break_points(text))
            widest = max(cell_len(text[a:b]) for a, b in zip([0, *breaks], [*breaks, len(text)]))
            if widest <= width:  # (a number mid-sentence may be alone when the word before it cannot come down)
                check_lines(text, lines, width, numbers=False)


def test_the_sets_cover_the_issues_marks():
    assert STARTS <= LINE_CANNOT_START and ENDS <= LINE_CANNOT_END
