"""Text reads as the player should see it: Chinese lines fold without a space, block scalars end cleanly."""

from __future__ import annotations

import pytest

from game.scenario.yamlevents import build_fast, build_marked
from game.scenario.yamlread import read_yaml


@pytest.mark.parametrize(("yaml_text", "expected"), [
    ("v: >\n  让村干部\n  收集截图凑数\n", "让村干部收集截图凑数"),                 # folded
    ("v: 让村干部\n  收集截图凑数\n", "让村干部收集截图凑数"),                     # plain over two lines
    ('v: "让村干部\n  收集截图凑数"\n', "让村干部收集截图凑数"),                  # double-quoted over two lines
    ("v: '让村干部\n  收集截图凑数'\n", "让村干部收集截图凑数"),                  # single-quoted over two lines
    ("v: >\n  第一行，\n  第二行。\n", "第一行，第二行。"),                        # punctuation is Chinese too
    ("v: >\n  让村干部\n  collect screenshots\n", "让村干部 collect screenshots"),  # a space next to Latin stays
    ("v: >\n  Get the\n  cadres\n", "Get the cadres"),
    ("v: 让村 干部\n", "让村 干部"),                                              # one line: as written
    ("v: |\n  第一行\n  第二行\n", "第一行\n第二行"),                             # literal: line breaks kept
    ("v: |\n  one\n  two\n", "one\ntwo"),                                        # no trailing blank row
    ("v: >\n  one\n  two\n\n", "one two"),
    ("v: |+\n  one\n\n", "one"),
    ("v: |-\n  one\n", "one"),
    ("v: '  spaced  '\n", "  spaced  "),                                        # quoted text is kept exactly
])
def test_text_is_laid_out_for_the_screen(yaml_text: str, expected: str) -> None:
    document, errors = read_yaml(yaml_text.encode(), "layout.yaml")
    assert errors == [] and document.data["v"] == expected
    assert build_fast(yaml_text.encode())["v"] == build_marked(yaml_text.encode())[0]["v"] == expected
