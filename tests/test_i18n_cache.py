"""The parsed UI catalogue is kept beside zh.po (in __pycache__) and used only while it matches the file."""

from __future__ import annotations

import marshal
import shutil
import sys
from pathlib import Path

import pytest

import game.i18n as i18n


@pytest.fixture
def catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the catalogue this test may change, with bytecode (and cache) writing on."""
    copy = tmp_path / "locale" / "zh.po"
    copy.parent.mkdir()
    shutil.copy(i18n.CATALOGUE, copy)
    monkeypatch.setattr(i18n, "CATALOGUE", copy)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return copy


def refuse_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> None:
        raise AssertionError("parsed the PO file again")

    monkeypatch.setattr(i18n, "_parse", refuse)


def test_the_second_start_reads_the_kept_catalogue(catalogue: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = i18n._load()
    assert first == i18n._parse() and first[0]["cancel"]
    refuse_parsing(monkeypatch)
    assert i18n._load() == first
    assert [p.name for p in (catalogue.parent / "__pycache__").iterdir()] == [i18n._cache_path().name]


def test_an_edited_catalogue_is_parsed_again(catalogue: Path) -> None:
    i18n._load()
    old = i18n._cache_path()
    text = catalogue.read_text(encoding="utf-8").replace('msgid "Cancel"\nmsgstr "取消"', 'msgid "Cancel!"\nmsgstr "取消"')
    catalogue.write_text(text, encoding="utf-8")
    assert i18n._load()[0]["cancel"] == ("取消", "Cancel!")
    assert not old.exists() and i18n._cache_path().exists()


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", b"\xe3\x01\x00", marshal.dumps(42), marshal.dumps(({}, [])),
                                    marshal.dumps((1, 2, 3))])
def test_a_damaged_kept_catalogue_is_parsed_again(catalogue: Path, damage: bytes) -> None:
    i18n._load()
    i18n._cache_path().write_bytes(damage)
    assert i18n._load() == i18n._parse()


def test_nothing_is_kept_when_bytecode_writing_is_off(catalogue: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert i18n._load() == i18n._parse()
    assert not (catalogue.parent / "__pycache__").exists()
