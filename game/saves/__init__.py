"""Saves and finished-game records: one versioned, checksummed JSON format; loading replays and checks.

Imports neither Textual nor Rich. See docs/saves.md for the format and its guarantees.
"""

from game.saves.atomic import backup_path
from game.saves.document import FORMAT_VERSION, MAX_BYTES, state_digest
from game.saves.errors import SaveError
from game.saves.lock import GameLock
from game.saves.paths import autosave_path, game_save_path, new_game_path, records_dir, save_name, saves_dir
from game.saves.replay import Loaded
from game.saves.store import (
    SaveInfo, list_saves, load_save, read_game, record_path, verify_record, write_game_record, write_save,
)

__all__ = [
    "FORMAT_VERSION", "MAX_BYTES", "GameLock", "Loaded", "SaveError", "SaveInfo", "autosave_path", "backup_path",
    "game_save_path", "new_game_path",
    "list_saves", "load_save", "read_game", "record_path", "records_dir", "save_name", "saves_dir", "state_digest",
    "verify_record",
    "write_game_record", "write_save",
]
