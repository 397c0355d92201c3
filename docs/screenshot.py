"""Regenerate the README screenshots: docs/screenshot.svg (English) and docs/screenshot-zh.svg (Chinese).

Run: .venv/bin/python docs/screenshot.py
The week screen of the default scenario (seed 7, 100x32) after answering the first card and one approach.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.scenario.catalog import resolve  # noqa: E402
from game.tui.launch import make_app  # noqa: E402

KEYS = ["enter", "2", "down", "down", "down", "down", "2"]  # the card's second choice: its first crosses a line


async def shoot(lang: str, out: Path, saves: str) -> None:
    app = make_app(str(resolve(None)), seed=7, lang=lang, saves_dir=saves, name="demo")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        for key in KEYS:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause(0.2)
        out.write_text(app.export_screenshot(title="Grassroots: Traces & Trust"), encoding="utf-8")


def main() -> None:
    with tempfile.TemporaryDirectory() as saves:
        asyncio.run(shoot("en", ROOT / "docs" / "screenshot.svg", saves))
        asyncio.run(shoot("zh", ROOT / "docs" / "screenshot-zh.svg", saves))


if __name__ == "__main__":
    main()
