"""Where saves go and what they are called: safe file names from whatever a player types."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path
from typing import Callable

from game.saves.errors import WRITE_FAILED, SaveError

ENV_VAR = "GRASSROOTS_SAVES_DIR"
RECORDS_ENV_VAR = "GRASSROOTS_RECORDS_DIR"  # one shared folder for every game in a room
SAVE_SUFFIX = ".save.json"
RECORD_SUFFIX = ".record.json"
MAX_NAME_CHARS = 48
MAX_NAME_BYTES = 120  # leaves room for suffixes, ".bak" and temp names within the usual 255-byte limit
# Names Windows reserves, with or without an extension (CON.save.json is as bad as CON).
RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", "CLOCK$", "CONIN$", "CONOUT$"}
                     | {f"{dev}{n}" for dev in ("COM", "LPT") for n in [*"123456789", "¹", "²", "³"]})
UNSAFE = re.compile(r'[<>:"/\\|?*\s]+')


def checkout_root(package_dir: Path | None = None) -> Path | None:
    """The source checkout the game runs from (a folder with pyproject.toml and game/), else None."""
    package = package_dir or Path(__file__).resolve().parent.parent
    root = package.parent
    if (root / "pyproject.toml").is_file() and (root / "game").is_dir():
        return root
    return None


def saves_dir(override: str | Path | None = None) -> Path:
    """The saves folder: override, else $GRASSROOTS_SAVES_DIR, else ./saves in a checkout, else the user
    data folder. Created if missing; raises SaveError when it cannot be."""
    def default() -> Path:
        if (root := checkout_root()) is not None:
            return root / "saves"
        import platformdirs

        return Path(platformdirs.user_data_dir("grassroots", appauthor=False))

    return _chosen_folder(override, ENV_VAR, default, "saves", "--saves-dir")


def _chosen_folder(override: str | Path | None, env_var: str, default: Callable[[], Path], what: str,
                   option: str) -> Path:
    """The folder an option names, else the one $`env_var` names, else `default()`; created if missing
    (SaveError naming `what` and `option` when it cannot be)."""
    if override:
        folder = Path(override).expanduser()
    elif os.environ.get(env_var):
        folder = Path(os.environ[env_var]).expanduser()
    else:
        folder = default()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise SaveError(folder, f"cannot create the {what} folder ({err.strerror or err})",
                        f"choose another folder with {option}", WRITE_FAILED) from None
    return folder


def save_name(player: str) -> str:
    """A safe file stem for a player's name: no path parts, control or reserved names; 张三 stays 张三."""
    text = unicodedata.normalize("NFC", str(player))
    text = UNSAFE.sub("_", text)  # whitespace (newlines, tabs) and path or shell-hostile characters
    text = "".join(ch for ch in text if not unicodedata.category(ch).startswith("C"))
    text = re.sub(r"_{2,}", "_", text).strip("._ -")
    text = text[:MAX_NAME_CHARS]
    while len(text.encode("utf-8")) > MAX_NAME_BYTES:
        text = text[:-1]
    text = text.rstrip("._ -")
    if not text:
        return "player"
    if text.split(".")[0].upper() in RESERVED:
        text = f"_{text}"
    return text


def autosave_path(folder: Path, player: str) -> Path:
    """The one save file of a player in a folder."""
    return Path(folder) / f"{save_name(player)}{SAVE_SUFFIX}"


def new_game_id() -> str:
    """A fresh game identity: 12 random hex digits."""
    import secrets

    return secrets.token_hex(6)


def game_save_path(folder: Path, player: str, game_id: str) -> Path:
    """The save file of one game: the player's cleaned name and the game id, so two games never share a
    file, whatever their names clean to (`a b`, `a:b`, `a/b`, blank and `..` all differ by id)."""
    return Path(folder) / f"{save_name(player)}-{game_id}{SAVE_SUFFIX}"


def new_game_path(folder: Path, player: str) -> tuple[Path, str]:
    """(path, game id) for a new game: a path no file, backup or lock in `folder` uses yet."""
    from game.saves.atomic import backup_path

    while True:
        game_id = new_game_id()
        path = game_save_path(folder, player, game_id)
        if not any(os.path.lexists(p) for p in (path, backup_path(path), path.with_name(f".{path.name}.lock"))):
            return path, game_id


def records_dir(saves_folder: Path, override: str | Path | None = None) -> Path:
    """Where finished-game records go: override (`play --records-dir`), else $GRASSROOTS_RECORDS_DIR, else
    `records/` in the saves folder. Created if missing; raises SaveError when it cannot be."""
    return _chosen_folder(override, RECORDS_ENV_VAR, lambda: Path(saves_folder) / "records", "records",
                          "--records-dir")
