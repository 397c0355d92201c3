"""The YAML reader: YAML 1.2 scalars, literal text with brackets, positions, and fuzzing."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scenario_kit import copy_fixture, replace_once

from game.cli.main import main
from game.scenario import load_scenario
from game.scenario.text import localize
from game.scenario.yamlevents import Limit, build_fast, build_marked
from game.scenario.yamlread import read_yaml


def value_of(text: str):
    document, errors = read_yaml(f"value: {text}\n".encode(), "scalar.yaml")
    assert not errors, errors
    return document.data["value"]


@pytest.mark.parametrize(("text", "expected"), [
    ("yes", "yes"), ("no", "no"), ("on", "on"), ("off", "off"), ("y", "y"), ("NO", "NO"),
    ("12:30", "12:30"), ("0x1F", 31), ("0o17", 15), ("0X1F", "0X1F"), ("-0x1F", "-0x1F"), ("0o8", "0o8"),
    ("+.nan", "+.nan"), ("0b101", "0b101"), ("1_000", "1_000"), ("2024-01-01", "2024-01-01"),
    ("true", True), ("False", False), ("~", None), ("null", None), ("", None),
    ("42", 42), ("-7", -7), ("+5", 5), ("007", 7), ("2.5", 2.5), ("-.5", -0.5), ("1e3", 1000.0),
    ('"42"', "42"), ("'true'", "true"), ("!!str 42", "42"), ("!!int '42'", 42), ("!!float 1", 1.0),
])
def test_scalars_resolve_the_yaml_1_2_way(text: str, expected: object) -> None:
    value = value_of(text)
    assert value == expected and type(value) is type(expected)


@pytest.mark.parametrize("text", [".inf", "-.inf", "+.inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN"])
def test_infinite_and_nan_are_refused_with_a_hint_to_quote(text: str) -> None:
    document, errors = read_yaml(f"meters:\n  - value: {text}\n".encode(), "scalar.yaml")
    assert document is None and len(errors) == 1
    error = errors[0]
    assert (error.line, error.column) == (2, 12) and text in error.message
    assert f'quote it: "{text}"' in error.hint


@pytest.mark.parametrize(("text", "expected"), [
    ('"[Tip] read this"', "[Tip] read this"), ("a [/] b", "a [/] b"), ("path [/tmp", "path [/tmp"),
    ("'[b]bold[/b] and [/]'", "[b]bold[/b] and [/]"), ("x ] y", "x ] y"), ('"{not: a mapping}"', "{not: a mapping}"),
    ("100% sure", "100% sure"), ("a #comment", "a"), ('"a #not a comment"', "a #not a comment"),
])
def test_bracket_laden_text_is_read_literally(text: str, expected: str) -> None:
    assert value_of(text) == expected


def test_bracket_laden_text_loads_in_a_scenario_and_stays_exact(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    folder = copy_fixture(tmp_path)
    replace_once(folder, "events.yaml", "en: A resident called the hotline.}",
                 'en: "[Tip] a [/] b path [/tmp [bold]x[/bold]"}')
    replace_once(folder, "events.yaml", "label: {zh: 上门回访, en: Visit the caller}",
                 "label:\n          zh: 上门回访\n          en: a [/] b")
    assert main(["validate", str(folder)]) == 0
    assert "valid" in capsys.readouterr().out
    event = next(e for e in load_scenario(folder).events if e.id == "hotline_complaint")
    assert localize(event.text, "en") == "[Tip] a [/] b path [/tmp [bold]x[/bold]"
    assert localize(event.choices[0].label, "en") == "a [/] b"


def test_positions_are_one_based_and_point_at_keys_and_items() -> None:
    source = b"# comment\nmeters:\n  - id: trust\n    range: [0, 100]\n  - {id: b, label: B}\n"
    document, _ = read_yaml(source, "pos.yaml")
    assert document.where(()) == (2, 1)
    assert document.where(("meters",)) == (2, 1)
    assert document.where(("meters", 0)) == (3, 5)
    assert document.where(("meters", 0, "range")) == (4, 5)
    assert document.where(("meters", 0, "range", 1)) == (4, 16)
    assert document.where(("meters", 1, "label")) == (5, 13)
    assert document.where(("meters", 1, "missing", "deeper")) == (5, 5)  # nearest ancestor


def test_a_byte_order_mark_is_accepted() -> None:
    document, errors = read_yaml(b"\xef\xbb\xbfmeters: []\n", "bom.yaml")
    assert not errors and document.data == {"meters": []}


# -- fuzzing -----------------------------------------------------------------------------------------

YAML_PIECES = st.sampled_from([
    "a", "b", "id", ":", ": ", "- ", "-", "\n", "  ", "    ", "\t", "[", "]", "{", "}", ",", "'", '"', "#",
    "&x ", "*x", "!!str ", "!!python/name:os.system ", "!x ", "? ", "---\n", "...", "<<: ", "|\n", ">\n",
    "yes", "12:30", "1e999", "0x1F", "~", "%YAML 1.2\n", "\\", "é", "中文", "\x85", "\u2028",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_any_bytes_give_a_document_or_errors(raw: bytes) -> None:
    document, errors = read_yaml(raw, "fuzz.yaml")
    assert (document is None) != (not errors)
    assert all(e.file == "fuzz.yaml" and e.line >= 1 and e.column >= 1 and e.message for e in errors)


@settings(max_examples=400, deadline=None)
@given(st.lists(YAML_PIECES, max_size=40).map("".join))
def test_yaml_like_text_gives_a_document_or_errors(text: str) -> None:
    document, errors = read_yaml(text.encode("utf-8"), "fuzz.yaml")
    assert (document is None) != (not errors)
    if document is not None:
        assert isinstance(document.data, dict)


@settings(max_examples=400, deadline=None)
@given(st.lists(YAML_PIECES, max_size=40).map("".join))
def test_the_fast_builder_agrees_with_the_complete_one(text: str) -> None:
    """The fast builder (no positions) either hands over to the complete one or builds the same value."""
    source = text.encode("utf-8")
    try:
        complete = build_marked(source)[0]
    except (Limit, yaml.YAMLError):
        complete = "refused"
    try:
        fast = build_fast(source)
    except (Limit, yaml.YAMLError):
        fast = "refused"
    except Exception as err:  # noqa: BLE001 - only its own hand-over signal may escape
        assert type(err).__name__ == "_Unusual"
        return
    assert fast == complete
