"""The player's settings: language, theme and last player name, kept between runs in one small JSON file.

The file is `settings.json` in the platform's config folder (platformdirs: `~/.config/grassroots` on
Linux, `~/Library/Application Support/grassroots` on macOS, `%LOCALAPPDATA%\\grassroots` on Windows), or
in the folder `GRASSROOTS_CONFIG_DIR` names (tests and portable installs). It is read once at start and
written, all at once, only when a value changes. A damaged file (not JSON, not an object, not UTF-8, too
big, a folder) is ignored with a warning and left as it is until the next change replaces it; a value of
the wrong kind is dropped with a warning. `--lang` on the command line wins over the file.

Imports neither Textual nor Rich, nor the saves (the title screen must not wait for pydantic).
"""

from __future__ import annotations

import json
import os
from contextlib import suppress
from dataclasses import asdict, dataclass, replace
from pathlib import Path

ENV_VAR = "GRASSROOTS_CONFIG_DIR"
FILE_NAME = "settings.json"
MAX_BYTES = 64 * 1024
LANGUAGES = ("zh", "en")
MAX_TEXT = 200


@dataclass(frozen=True)
class Settings:
    """What the game remembers; None means "not chosen yet" (the game's default applies)."""

    lang: str | None = None
    theme: str | None = None
    player: str | None = None

    def changed(self, **values: str | None) -> "Settings":
        """A copy with `values` set (unknown names raise TypeError)."""
        return replace(self, **values)


@dataclass(frozen=True)
class Problem:
    """Why (part of) the settings file was ignored: `kind` is unreadable, too_big, not_json, not_object or
    bad_value (then `name` says which value)."""

    kind: str
    path: Path
    name: str = ""
    detail: str = ""

    def text(self, lang: str) -> str:
        """One line for the player, in `lang` (the UI strings `settings.<kind>`)."""
        from game.i18n import t

        return t(f"settings.{self.kind}", lang, path=str(self.path), name=self.name, detail=self.detail)


def config_dir() -> Path:
    """The folder of the settings file: $GRASSROOTS_CONFIG_DIR, else the platform's config folder."""
    given = os.environ.get(ENV_VAR)
    if given:
        return Path(given).expanduser()
    from platformdirs import user_config_path

    return user_config_path("grassroots", appauthor=False)


def settings_path() -> Path:
    return config_dir() / FILE_NAME


def read_settings(path: Path | None = None) -> tuple[Settings, list[Problem]]:
    """The settings in the file (defaults when there is none) and what was ignored in it."""
    path = path or settings_path()
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return Settings(), []
    except OSError as err:
        return Settings(), [Problem("unreadable", path, detail=err.strerror or str(err))]
    if len(raw) > MAX_BYTES:
        return Settings(), [Problem("too_big", path)]
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return Settings(), [Problem("not_json", path)]
    if not isinstance(data, dict):
        return Settings(), [Problem("not_object", path)]
    values, problems = {}, []
    for name, valid in (("lang", _is_language), ("theme", _is_text), ("player", _is_text)):
        value = data.get(name)
        if value is None:
            continue
        if valid(value):
            values[name] = value
        else:
            problems.append(Problem("bad_value", path, name=name))
    return Settings(**values), problems


def write_settings(settings: Settings, path: Path | None = None) -> None:
    """Replace the file with `settings` at once (temp file, fsync, rename). Raises OSError."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {name: value for name, value in asdict(settings).items() if value is not None}
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    import tempfile  # here: reading the settings at start-up needs none of it

    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise


def _is_language(value: object) -> bool:
    return value in LANGUAGES


def _is_text(value: object) -> bool:
    return isinstance(value, str) and 0 < len(value) <= MAX_TEXT and value.isprintable()
