"""One game in progress: the rules, the current state, who plays, and where it is saved.

The session only passes decisions to the engine and states to the saves module; it decides no rule.
Engine, scenario and saves modules are imported when a game starts, not when the app starts (the title
screen must appear fast).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.engine import Decision, GameState, Happening, Rules

DEFAULT_PLAYER = "player"


class SaveUnavailable(RuntimeError):
    """This build has no saves module."""


def _saves():
    try:
        import game.saves as saves
    except ImportError as err:  # pragma: no cover - only while the saves module is being written
        raise SaveUnavailable(str(err)) from None
    return saves


def saves_folder(override: str | Path | None) -> Path:
    """Where saves go (./saves in a checkout, else the user data folder), or the override."""
    return Path(_saves().saves_dir(override))


@dataclass
class Session:
    """A game being played."""

    rules: Rules
    state: GameState
    player: str
    lang: str
    folder: Path
    opening: list[Happening] = field(default_factory=list)  # what happened as the game started
    warnings: list[str] = field(default_factory=list)
    intention: dict | None = None  # what the player means to do, stated before week 1 (issue 12)

    @classmethod
    def new(cls, scenario_path: Path, seed: int, player: str, lang: str, folder: Path, variant: str = "") -> Session:
        """Load a scenario (in `variant`, if given) and start a game at week 1 (raises ScenarioLoadError,
        UnknownVariant)."""
        from game.engine import Rules, new_game
        from game.scenario import load_scenario

        rules = Rules(load_scenario(Path(scenario_path), variant or None))
        state, opening = new_game(rules, seed)
        return cls(rules, state, player or DEFAULT_PLAYER, lang, folder, opening)

    @classmethod
    def load(cls, path: Path, folder: Path, lang: str | None = None) -> Session:
        """Continue a saved game exactly where it was (raises SaveError)."""
        loaded = _saves().load_save(Path(path))
        return cls(loaded.rules, loaded.state, loaded.player, lang or loaded.lang, folder,
                   warnings=[str(w) for w in loaded.warnings], intention=loaded.intention)

    @property
    def autosave_path(self) -> Path:
        return Path(_saves().autosave_path(self.folder, self.player))

    def apply(self, decision: Decision) -> list[Happening]:
        """Hand a decision to the engine and keep the new state; return what happened."""
        from game.engine import apply

        self.state, happened = apply(self.rules, self.state, decision)
        return happened

    def save(self) -> Path:
        """Write the autosave of this player (atomic, keeps a backup); return its path."""
        path = self.autosave_path
        _saves().write_save(path, self.rules, self.state, player=self.player, lang=self.lang,
                            intention=self.intention)
        return path

    def write_record(self) -> Path:
        """Write the finished game's record for the workshop report; return its path."""
        saves = _saves()
        path = Path(saves.record_path(self.folder, self.player, self.rules, self.state))
        saves.write_game_record(path, self.rules, self.state, player=self.player, lang=self.lang,
                                intention=self.intention)
        return path

    def options(self) -> list:
        """The options in view now (the engine's, locked ones included)."""
        from game.engine import options

        return options(self.rules, self.state)

    def outcome(self):
        from game.engine import outcome

        return outcome(self.rules, self.state)


def find_autosave(folder: Path, player: str) -> Path | None:
    """The player's autosave if there is one (its backup alone counts: loading falls back to it)."""
    saves = _saves()
    path = Path(saves.autosave_path(folder, player or DEFAULT_PLAYER))
    return path if path.is_file() or saves.backup_path(path).is_file() else None


def list_saves(folder: Path) -> list:
    """Saves found in the folder (SaveInfo values), newest first as the saves module orders them."""
    return list(_saves().list_saves(folder))
