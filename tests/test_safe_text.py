"""Issue 11, untrusted text: control characters, ANSI/OSC escapes and bidi overrides in saves, records,
names and content never reach a terminal, through any path (saves, replay, validate, scenarios)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from game.engine import Rules, apply, legal, new_game
from game.safe_text import BIDI, clean, clean_line
from game.saves import list_saves, load_save, write_save
from game.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "scenarios" / "mini-town"

HOSTILE = [
    "\x1b]0;pwned\x07title",            # OSC: retitle the terminal (BEL-terminated)
    "\x1b]2;pwned\x1b\\title",          # OSC, ST-terminated
    "\x1b[2J\x1b[Hblank",               # CSI: clear the screen, home the cursor
    "\x1b[31mred\x1b[0m",               # SGR colours
    "\x1b[?1049h alt screen",           # private CSI
    "\x1bP+q544e\x1b\\dcs",             # DCS
    "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\",  # OSC 8 hyperlink
    "\x9b2J8-bit csi",                  # 8-bit CSI
    "\x9d0;pwned\x07 8-bit osc",        # 8-bit OSC
    "\u202eevil\u202c",                 # right-to-left override
    "\u2066iso\u2069 \u200fmark",       # isolates and marks
    "bell\x07 back\x08space del\x7f",   # C0 and DEL
    "cr\rover",                         # carriage return: overwrite the line
    "nul\x00byte",
    "\x1b",                             # a lone ESC at the end
    "名字\x1b[1m张三",
]


def is_safe(text: str, newlines: bool = True) -> bool:
    """No control character (but tab, and newline when allowed), no escape, no bidi control."""
    return not any((unicodedata.category(ch) == "Cc" and ch not in ("\t", "\n" if newlines else "\t"))
                   or ch in BIDI for ch in text)


@pytest.mark.parametrize("text", HOSTILE)
def test_cleaning_removes_every_kind_of_hostile_sequence(text: str) -> None:
    assert is_safe(clean(text)) and is_safe(clean_line(text), newlines=False)
    assert clean(clean(text)) == clean(text)  # idempotent
    assert "pwned" not in clean(text) or "title" in clean(text)  # escape payloads go, visible text stays


@pytest.mark.parametrize("text", ["张三", "Ana María", "emoji 👍🏽 👨\u200d👩\u200d👧 1\ufe0f\u20e3", "tab\tkept",
                                  "two\nlines"])
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert clean(text) == text


def _cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "game", *args], capture_output=True, text=True, timeout=120,
                          cwd=cwd, stdin=subprocess.DEVNULL, check=False, encoding="utf-8", errors="surrogateescape")


@pytest.fixture(scope="module")
def rules() -> Rules:
    return Rules(load_scenario(FIXTURE))


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_name_in_a_save_is_clean_in_every_reader(name: str, tmp_path: Path, rules: Rules) -> None:
    state, _ = new_game(rules, 4)
    state, _ = apply(rules, state, legal(rules, state)[0])
    path = write_save(tmp_path / "h.save.json", rules, state, player=name, lang="en")
    assert is_safe(load_save(path).player, newlines=False)
    assert all(is_safe(info.player, newlines=False) for info in list_saves(tmp_path))  # the Load dialog's rows
    done = _cli("replay", str(path))
    assert done.returncode == 0 and is_safe(done.stdout) and is_safe(done.stderr)


def _scenario_titled(tmp_path: Path, name: str, title: str) -> Path:
    folder = Path(shutil.copytree(FIXTURE, tmp_path / name))
    header = folder / "scenario.yaml"
    text = header.read_text(encoding="utf-8")
    old = "title: {zh: 小镇的十二周, en: Twelve Weeks in a Small Town}"
    assert old in text
    header.write_text(text.replace(old, f"title: {title}"), encoding="utf-8")
    return folder


def test_hostile_content_is_clean_in_validate_scenarios_and_replay(tmp_path: Path) -> None:
    # YAML's double-quoted "\e" writes an ESC and "\a" a BEL (the validator refuses those, quoting them);
    # "\u202e" writes a bidi override, which content may hold and which every output must drop.
    refused = _scenario_titled(tmp_path, "refused", '{zh: "小镇\\e]0;pwned\\a", en: "Town\\e[2J"}')
    loaded = _scenario_titled(tmp_path, "loaded", '{zh: "小镇\\u202e反", en: "Town\\u2066x\\u200f"}')
    outputs = [_cli("validate", str(refused)), _cli("validate", str(refused), "--format", "json"),
               _cli("validate", str(loaded)), _cli("scenarios"), _cli("play", str(refused), "--seed", "1")]
    rules = Rules(load_scenario(loaded))
    state, _ = new_game(rules, 2)
    state, _ = apply(rules, state, legal(rules, state)[0])
    path = write_save(tmp_path / "s.save.json", rules, state, player="p", lang="en")
    outputs += [_cli("replay", str(path)), _cli("replay", str(path), "--lang", "zh")]
    for done in outputs:
        assert done.returncode in (0, 1) and "Traceback" not in done.stderr
        assert is_safe(done.stdout) and is_safe(done.stderr), (done.args, done.stdout[-300:])
    assert "\u202e" not in outputs[-1].stdout and "小镇反" in outputs[-1].stdout
