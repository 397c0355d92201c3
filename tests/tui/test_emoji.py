"""Emoji presentation sequences in content (VS16, ZWJ, keycaps, flags, skin tones) never break the frame."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rich.cells import cell_len

from game.scenario import load_scenario
from game.tui.emoji import SEQUENCE_PARTS, display_text
from tui_helpers import FIXTURE, answer_cards, new_app, rendered, screen_name

SEQUENCES = {"vs16": "❤️", "zwj": "👨‍👩‍👧", "keycap": "1️⃣", "flag": "🇨🇳", "skin": "👍🏽", "tag": "🏴\U000e0067\U000e0062\U000e007f"}
SIZE = (100, 32)


@pytest.mark.parametrize(("kind", "text", "expected"), [
    ("vs16", "❤️ 好", "❤ 好"), ("zwj", "👨‍👩‍👧", "👨👩👧"), ("keycap", "1️⃣ 第一", "1 第一"),
    ("flag", "🇨🇳 中国 🇺🇸", "CN 中国 US"), ("skin", "👍🏽", "👍"), ("tag", "🏴\U000e0067\U000e0062\U000e007f", "🏴"),
    ("plain", "没有表情 plain", "没有表情 plain"),
])
def test_sequences_are_flattened(kind, text, expected):
    assert display_text(text) == expected
    assert not SEQUENCE_PARTS.search(display_text(text))


def emojify(node):
    if isinstance(node, dict):
        if set(node) <= {"zh", "en"} and node:
            return {lang: f"{value} {' '.join(SEQUENCES.values())}" for lang, value in node.items()}
        return {k: emojify(v) for k, v in node.items()}
    if isinstance(node, list):
        return [emojify(x) for x in node]
    return node


def emoji_scenario(tmp_path: Path) -> Path:
    folder = tmp_path / "emoji-town"
    folder.mkdir()
    for source in FIXTURE.glob("*.yaml"):
        text = source.read_text(encoding="utf-8")
        data = emojify(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
        (folder / source.name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return folder


def assert_frame_whole(app, where: str) -> None:
    lines = rendered(app).splitlines()
    assert len(lines) == SIZE[1], where
    for number, line in enumerate(lines):
        assert cell_len(line) == SIZE[0], (where, number, line)
        assert not SEQUENCE_PARTS.search(line), (where, number, line)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_emoji_in_content_keep_every_screen_in_its_frame(tmp_path, saves, lang):
    scenario = emoji_scenario(tmp_path)
    load_scenario(scenario)
    app = new_app(saves, lang, scenario=scenario)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert_frame_whole(app, "intro")
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "EventCard"
        assert_frame_whole(app, "card")
        await answer_cards(app, pilot)
        assert_frame_whole(app, "week")
        assert "CN" in rendered(app)
        await pilot.press("e", "enter")
        await pilot.pause()
        assert_frame_whole(app, "ledger")
