"""docs/balance.md is the table of the content as it is: its balance key matches the scenario's mechanics and
the shipped strategies (issue 10). When this fails, run the command the page names again."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

from game.engine import Rules
from game.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from lesson_table import KEY_LINE, balance_key  # noqa: E402

LIANHE = ROOT / "content" / "scenarios" / "lianhe-town"
PAGE = ROOT / "docs" / "balance.md"


def _recorded() -> str:
    pattern = re.escape(KEY_LINE).replace(re.escape("{key}"), "([0-9a-f]{16})")
    found = re.search(pattern, PAGE.read_text(encoding="utf-8"))
    assert found, f"{PAGE.name} records no balance key: run `python bench/lesson_table.py --runs 2000 --seed 1 --out docs/balance.md`"
    return found.group(1)


def test_the_balance_table_is_of_the_current_content():
    key = balance_key(Rules(load_scenario(LIANHE)))
    assert _recorded() == key, ("docs/balance.md is stale (the content's mechanics or a shipped strategy changed): "
                                "run `python bench/lesson_table.py --runs 2000 --seed 1 --out docs/balance.md`")


def _edited(tmp_path: Path, old: str, new: str) -> str:
    folder = tmp_path / "lianhe-town"
    shutil.copytree(LIANHE, folder)
    path = folder / "directives-district.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return balance_key(Rules(load_scenario(folder)))


def test_the_key_follows_mechanics_not_words(tmp_path):
    key = balance_key(Rules(load_scenario(LIANHE)))
    assert _edited(tmp_path / "words", "en: \"Mediate case", "en: \"Patiently mediate case") == key  # a text edit
    assert _edited(tmp_path / "hours", "        hours: 8\n", "        hours: 9\n") != key  # a mechanic
