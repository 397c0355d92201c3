"""The editor (the real yaml-language-server with our schema) and `validate` agree on what is wrong.

Verdicts are compared at the level a schema can see: one content file's shape and scalars. Cross-file
checks (unknown ids, expressions, reachability) are `validate`'s alone.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from editor_kit import Editor

from game.scenario.field_docs import field_text
from game.scenario.loader import load_report, parse_files
from game.scenario.models import Directive

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "scenarios" / "mini-town"

CHOICES = "    choices:\n      - {id: a, kind: other, label: A}\n      - {id: b, kind: other, label: B}\n"
# Where a scalar goes: a number, a whole number, a true/false, a text, a number-or-expression, a chance.
PLACES = {
    "number": "meters:\n  - id: m\n    label: L\n    start: @\n",
    "whole": "events:\n  - id: e\n    title: T\n    text: T\n    cooldown: @\n" + CHOICES,
    "bool": "events:\n  - id: e\n    title: T\n    text: T\n    once: @\n" + CHOICES,
    "text": "meters:\n  - id: m\n    label: @\n    start: 1\n",
    "localized": "meters:\n  - id: m\n    label: {zh: 信任, en: @}\n    start: 1\n",
    "weight": "events:\n  - id: e\n    title: T\n    text: T\n    weight: @\n" + CHOICES,
    "chance": "inspections:\n  - {{id: i, title: T, kind: traces, effect: {}, chance: @}\n",
}
SCALARS = [
    "0x14", "0o4", "0o8", "0x1F", "0X14", "-0x14", "+12", "-0", "02142", "1.10", "2.0", "1e3", "1E3", ".5", "5.",
    "1_000", "12:30", "0b101", ".inf", "-.inf", "+.inf", ".Inf", ".nan", ".NaN", "+.nan", "1e400",
    "12345678901234567890", "999999999999999", "yes", "no", "on", "off", "y", "true", "True", "TRUE", "tRUE", "~",
    "null", "Null", "nULL", "-5", "0", "1.5", "0.25", "hello", '"0x14"', "'.inf'",
]


def validate_verdict(tmp_path: Path, text: str) -> list[str]:
    """The errors `validate` finds in one content file (its own shape and scalars)."""
    path = tmp_path / "content.yaml"
    path.write_text(text, encoding="utf-8")
    _, errors, _ = parse_files(path)
    return [error.format() for error in errors]


@pytest.mark.parametrize("place", sorted(PLACES))
def test_editor_and_validate_agree_on_every_scalar_form(place: str, editor: Editor, tmp_path: Path) -> None:
    disagreements = []
    texts = [PLACES[place].replace("@", scalar) for scalar in SCALARS]
    for scalar, text, theirs in zip(SCALARS, texts, editor.errors_of(texts)):
        mine = validate_verdict(tmp_path, text)
        if bool(mine) != bool(theirs):
            disagreements.append(f"{place}: {scalar!r}: validate {mine or 'accepts'}; editor {theirs or 'accepts'}")
    assert not disagreements, "\n".join(disagreements)


# -- broken copies of the fixture scenario: one change each -------------------------------------------------
BROKEN = {
    "quota-negative": ("directives.yaml", "quota: 900", "quota: -5"),
    "quota-zero": ("directives.yaml", "quota: 900", "quota: 0"),
    "directive-weight-negative": ("directives.yaml", "weight: 6", "weight: -3"),
    "due-zero": ("directives.yaml", "due_in_weeks: 3", "due_in_weeks: 0"),
    "level-unknown": ("directives.yaml", "level: district", "level: county"),
    "unknown-field": ("directives.yaml", "weight: 6", "wieght: 6"),
    "infinite-start": ("scenario.yaml", "start: 55", "start: .inf"),
    "nan-start": ("scenario.yaml", "start: 55", "start: .nan"),
    "number-as-text": ("scenario.yaml", "en: Upward score", "en: 0x1F"),
    "leading-zero-text": ("scenario.yaml", "en: Upward score", "en: 02142"),
    "yes-as-bool": ("events.yaml", "once: false", "once: yes"),
    "chance-above-one": ("events.yaml", "chance: 0.12", "chance: 1.5"),
    "event-weight-negative": ("events.yaml", "weight: 2", "weight: -3"),
    "hours-negative": ("events.yaml", "        hours: 1", "        hours: -1"),
    "weeks-too-many": ("scenario.yaml", "weeks: 12", "weeks: 105"),
    "language-unknown": ("scenario.yaml", "languages: [zh, en]", "languages: [zh, fr]"),
}
VALID_EDITS = {
    "hex-weight": ("directives.yaml", "weight: 6", "weight: 0x6"),
    "hex-start": ("scenario.yaml", "start: 55", "start: 0x14"),
    "octal-start": ("scenario.yaml", "start: 55", "start: 0o4"),
    "quoted-number-text": ("scenario.yaml", "en: Upward score", 'en: "02142"'),
}


def _broken_copy(tmp_path: Path, file: str, old: str, new: str) -> Path:
    folder = tmp_path / "mini-town"
    shutil.copytree(FIXTURE, folder)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


@pytest.mark.parametrize("name", sorted(BROKEN) + sorted(VALID_EDITS))
def test_editor_and_validate_agree_on_broken_copies(name: str, editor: Editor, tmp_path: Path) -> None:
    file, old, new = BROKEN.get(name) or VALID_EDITS[name]
    folder = _broken_copy(tmp_path, file, old, new)
    mine = [error.format() for error in load_report(folder).errors]
    theirs = editor.errors((folder / file).read_text(encoding="utf-8"))
    assert bool(mine) == bool(theirs) == (name in BROKEN), (mine, theirs)


@pytest.mark.parametrize("file", sorted(p.name for p in FIXTURE.glob("*.yaml")))
def test_the_editor_accepts_every_fixture_file(file: str, editor: Editor) -> None:
    assert editor.errors((FIXTURE / file).read_text(encoding="utf-8")) == []


# -- hover ---------------------------------------------------------------------------------------------------
DIRECTIVE = """\
directives:
  - id: d
    title: T
    text: T
    level: district
    issuer: I
    unit: U
    quota: 10
    arrives: 1
    when: "turn > 1"
    due_in_weeks: 2
    weight: 1
    veto: false
    approaches:
      - {id: a, kind: trace, label: A}
    on_met: {}
    on_missed: {}
    findings: [A1]
    notes: N
    tags: [t]
"""


def test_hover_shows_a_description_for_every_field_of_a_directive(editor: Editor) -> None:
    lines = DIRECTIVE.splitlines()
    missing = []
    places = []
    for name in Directive.model_fields:
        line = next((i for i, text in enumerate(lines) if text.strip().startswith(f"{name}:")
                     or text.strip().startswith(f"- {name}:")), None)
        assert line is not None, f"add the directive field {name!r} to DIRECTIVE"
        places.append((line, lines[line].index(name) + 1))
    for name, shown in zip(Directive.model_fields, editor.hovers(DIRECTIVE, places)):
        english, chinese = field_text(Directive, name)
        if english not in shown or chinese not in shown:
            missing.append(f"{name}: {shown!r}")
    assert missing == []
