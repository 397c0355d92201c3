"""Every drawing of ours at every width from 0 up: no width makes a widget raise (a terminal can be 1x1)."""

from __future__ import annotations

import pytest
from textual.content import Content
from textual.style import Style
from textual.visual import RenderOptions

from game.tui.widgets.stack import Stack, fitted_indent

WIDTHS = range(-2, 61)


def prompts() -> list[Stack]:
    long = Content("Have village cadres collect screenshots of installs, 400 more reported, crosses a line")
    chinese = Content("让村干部收集截图凑数，上报进度+400，实际进度+0，越线")
    return [Stack((Content("1 Label"), 0), (long, 3)), Stack((chinese, 0), (chinese, 2), (Content(""), 3)),
            Stack((Content("x"), 8)), Stack()]


@pytest.mark.parametrize("width", WIDTHS)
def test_a_prompt_measures_and_draws_at_every_width(width):
    options = RenderOptions(lambda *_: None, {})
    for stack in prompts():
        height = stack.get_height({}, width)
        strips = stack.render_strips(width, None, Style(), options)
        assert height == len(strips) and (width > 0 or height == 0)
        assert all(strip.cell_length <= max(width, 0) for strip in strips)


@pytest.mark.parametrize(("indent", "width", "expected"), [
    (3, 80, 3), (3, 4, 3), (3, 3, 2), (3, 2, 1), (3, 1, 0), (3, 0, 0), (3, -5, 0), (0, 10, 0)])
def test_an_indent_leaves_a_cell_for_text(indent, width, expected):
    assert fitted_indent(indent, width) == expected
