"""game/settings.py: one small file, read at start, replaced at once, never trusted."""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from game.settings import ENV_VAR, Settings, read_settings, settings_path, write_settings
from game.settings import config_dir as settings_folder


def test_the_env_var_names_the_folder(config_dir):
    assert os.environ[ENV_VAR] == str(config_dir)
    assert settings_path() == config_dir / "settings.json"


def test_without_the_env_var_it_is_the_platform_config_folder(monkeypatch):
    from platformdirs import user_config_path

    monkeypatch.delenv(ENV_VAR)
    assert settings_folder() == user_config_path("grassroots", appauthor=False)


def test_no_file_means_defaults_and_no_warning():
    assert read_settings() == (Settings(), [])


def test_round_trip_and_no_temp_file_left(config_dir):
    chosen = Settings(lang="zh", theme="textual-light", player="林 Lin")
    write_settings(chosen)
    assert read_settings() == (chosen, [])
    assert sorted(p.name for p in config_dir.iterdir()) == ["settings.json"]
    write_settings(Settings(lang="en"))
    assert json.loads(settings_path().read_text(encoding="utf-8")) == {"lang": "en"}


def test_the_folder_is_created(tmp_path):
    target = tmp_path / "a" / "b" / "settings.json"
    write_settings(Settings(theme="x"), target)
    assert read_settings(target) == (Settings(theme="x"), [])


@pytest.mark.parametrize("content", [
    b"", b"{", b"not json", b"[1, 2]", b"\"zh\"", b"null", b"\xff\xfe{}", b"{\"lang\": \"zh\"" + b" " * 70_000 + b"}",
])
def test_a_damaged_file_is_ignored_with_one_warning(config_dir, content):
    settings_path().write_bytes(content)
    found, problems = read_settings()
    assert found == Settings()
    assert len(problems) == 1 and problems[0].path == settings_path()
    assert problems[0].kind in ("too_big", "not_json", "not_object")
    assert str(settings_path()) in problems[0].text("en") and str(settings_path()) in problems[0].text("zh")


def test_a_folder_in_its_place_is_a_warning(config_dir):
    settings_path().mkdir()
    found, problems = read_settings()
    assert found == Settings() and [p.kind for p in problems] == ["unreadable"]


@pytest.mark.parametrize(("data", "kept"), [
    ({"lang": "fr", "theme": "textual-light"}, Settings(theme="textual-light")),
    ({"lang": "zh", "theme": 3}, Settings(lang="zh")),
    ({"player": "a\nb", "lang": "en"}, Settings(lang="en")),
    ({"player": "", "theme": ["x"]}, Settings()),
    ({"player": "x" * 201}, Settings()),
])
def test_unusable_values_are_dropped_with_a_warning_each(config_dir, data, kept):
    settings_path().write_text(json.dumps(data), encoding="utf-8")
    found, problems = read_settings()
    assert found == kept
    assert [p.name for p in problems] == [name for name in ("lang", "theme", "player")
                                          if name in data and getattr(kept, name) is None]
    assert all(p.kind == "bad_value" for p in problems)


def test_unknown_keys_are_ignored_quietly(config_dir):
    settings_path().write_text(json.dumps({"lang": "en", "future": {"x": 1}}), encoding="utf-8")
    assert read_settings() == (Settings(lang="en"), [])


@hsettings(max_examples=60, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_give_settings_never_an_error(tmp_path_factory, raw):
    path = tmp_path_factory.mktemp("s") / "settings.json"
    path.write_bytes(raw)
    found, problems = read_settings(path)
    assert isinstance(found, Settings) and all(p.text("zh") and p.text("en") for p in problems)
    assert found.lang in (None, "zh", "en")
