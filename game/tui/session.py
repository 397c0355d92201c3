"""One game in progress: the rules, the current state, who plays, and where it is saved.

The session only passes decisions to the engine and states to the saves module; it decides no rule.
Engine, scenario and saves modules are imported when a game starts, not when the app starts (the title
screen must appear fast).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from game.engine import Decision, GameState, Happening, Rules
    from game.saves import GameLock

DEFAULT_PLAYER = "player"


def _saves():
    """The saves package, imported on first use (the title screen needs none of it)."""
    import game.saves as saves

    return saves


def saves_folder(override: str | Path | None) -> Path:
    """Where saves go (./saves in a checkout, else the user data folder), or the override."""
    return Path(_saves().saves_dir(override))


@dataclass
class Session:
    """A game being played. It has its own identity (`game_id`) and its own save file (`save_path`),
    locked for this process while the game is open, and is saved after every decision."""

    rules: Rules
    state: GameState
    player: str
    lang: str
    folder: Path
    opening: list[Happening] = field(default_factory=list)  # what happened as the game started
    warnings: list[str] = field(default_factory=list)
    save_path: Path | None = None
    game_id: str = ""
    save_error: str = ""  # why the last save failed ("" when it worked)
    on_save_error: Callable[[str], None] | None = field(default=None, repr=False)
    _lock: GameLock | None = field(default=None, repr=False)
    intention: dict | None = None  # what the player means to do, stated before week 1 (issue 12)

    @classmethod
    def new(cls, scenario_path: Path, seed: int, player: str, lang: str, folder: Path, variant: str = "") -> Session:
        """Load a scenario (in `variant`, if given) and start a game at week 1 in a file of its own (raises
        ScenarioLoadError, UnknownVariant, ValueError for a seed a save could not hold, SaveError when the
        saves folder cannot be used)."""
        from game.engine import Rules, new_game
        from game.saves.schema import seed_problem

        problem = seed_problem(seed)
        if problem:
            raise ValueError(problem)
        from game.scenario import load_scenario

        rules = Rules(load_scenario(Path(scenario_path), variant or None))
        state, opening = new_game(rules, seed)
        session = cls(rules, state, player or DEFAULT_PLAYER, lang, folder, opening)
        saves = _saves()
        path, session.game_id = saves.new_game_path(folder, session.player)
        session._claim(path)
        return session

    @classmethod
    def load(cls, path: Path, folder: Path, lang: str | None = None) -> Session:
        """Continue a saved game exactly where it was, in the file it came from (a record or a file that
        is not a save continues in a new file of the saves folder). Raises SaveError, also when the game
        is open in another window."""
        saves = _saves()
        path = Path(path)
        loaded = saves.load_save(path)
        session = cls(loaded.rules, loaded.state, loaded.player or DEFAULT_PLAYER, lang or loaded.lang, folder,
                      warnings=[_clean(w) for w in loaded.warnings], intention=loaded.intention)
        session.game_id = loaded.game_id or _new_id()
        if loaded.kind == "save" and path.name.endswith(".save.json"):
            target = path
        else:
            target = saves.game_save_path(folder, session.player, session.game_id)
        session._claim(target)
        return session

    def _claim(self, path: Path) -> None:
        self._lock = _saves().GameLock.acquire(path)
        self.save_path = Path(path)

    def close(self) -> None:
        """Let other windows open this game."""
        lock, self._lock = self._lock, None
        if lock is not None:
            lock.release()

    @property
    def autosave_path(self) -> Path:
        """This game's save file."""
        return self.save_path or Path(_saves().autosave_path(self.folder, self.player))

    def apply(self, decision: Decision) -> list[Happening]:
        """Hand a decision to the engine, keep the new state and save it; return what happened.
        A failed save does not stop the game: `save_error` says why, and `on_save_error` is told."""
        from game.engine import apply

        self.state, happened = apply(self.rules, self.state, decision)
        self.try_save()
        return happened

    def try_save(self) -> str:
        """Save now; return (and remember) an error line, "" when saved."""
        try:
            self.save()
            self.save_error = ""
        except Exception as err:  # saving must never crash the game
            self.save_error = _error_line(err)
            if self.on_save_error is not None:
                self.on_save_error(self.save_error)
        return self.save_error

    def save(self) -> Path:
        """Write this game's save (atomic, keeps a backup); return its path."""
        path = self.autosave_path
        _saves().write_save(path, self.rules, self.state, player=self.player, lang=self.lang, game_id=self.game_id,
                            intention=self.intention)
        return path

    def write_record(self) -> Path:
        """Write the finished game's record for the workshop report; return its path."""
        saves = _saves()
        path = Path(saves.record_path(self.folder, self.player, self.rules, self.state))
        saves.write_game_record(path, self.rules, self.state, player=self.player, lang=self.lang,
                                intention=self.intention)
        return path

    def record_of_finished_game(self) -> Path:
        """For a finished game continued from its save: the record written when it ended (same scenario,
        name, seed and final state), else a new one (the first write may have failed). Never a second
        record of one game, which would count it twice in a class report."""
        saves = _saves()
        stem = saves.record_path(self.folder, self.player, self.rules, self.state).name
        scenario_name_seed_digest = "-".join(stem.split("-")[:-3])  # without the time, pid and random token
        folder = saves.records_dir(self.folder)
        try:
            earlier = sorted(folder.glob(f"{glob_escape(scenario_name_seed_digest)}-*.record.json"))
        except OSError:
            earlier = []
        return earlier[0] if earlier else self.write_record()

    def options(self) -> list:
        """The options in view now (the engine's, locked ones included)."""
        from game.engine import options

        return options(self.rules, self.state)

    def outcome(self):
        from game.engine import outcome

        return outcome(self.rules, self.state)


def glob_escape(text: str) -> str:
    import glob

    return glob.escape(text)


def _new_id() -> str:
    return _saves().paths.new_game_id()


def _clean(text: object) -> str:
    from game.safe_text import clean_line

    return clean_line(text)


def _error_line(err: BaseException) -> str:
    from game.safe_text import clean_line

    return clean_line(str(err).splitlines()[0] if str(err) else type(err).__name__)


def same_player(info_player: str, player: str) -> bool:
    """Whether a save's player is the name typed (blank means the default name)."""
    return info_player.strip() == (player.strip() or DEFAULT_PLAYER)


def games_of(folder: Path, player: str) -> list:
    """The saves (SaveInfo) of this player's games, newest first."""
    return [info for info in list_saves(folder) if same_player(info.player, player)]


def find_autosave(folder: Path, player: str) -> Path | None:
    """The save to continue for a name: the newest game in progress, else the newest finished one."""
    games = games_of(folder, player)
    playing = [info for info in games if not info.ended]
    chosen = (playing or games or [None])[0]
    return Path(chosen.path) if chosen is not None else None


def list_saves(folder: Path) -> list:
    """Saves found in the folder (SaveInfo values), newest first as the saves module orders them."""
    return list(_saves().list_saves(folder))
