"""How the app starts (from the command line or a test), and the look-ups the title screen needs.

Keeps the app module to wiring: finding scenarios, starting or loading a session and finding saves live
here. Nothing here imports the engine until a game is actually started or loaded.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from game.settings import Problem, Settings, write_settings
from game.tui.session import DEFAULT_PLAYER, Session

DEFAULT_THEME = "textual-dark"


def default_language() -> str:
    """Chinese when the environment's locale is Chinese, else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "zh"


@dataclass(frozen=True)
class ScenarioChoice:
    """A scenario the new-game form offers: its id (or folder name), where it is, its title by language."""

    name: str
    path: Path
    titles: dict[str, str]
    shipped: bool

    def title(self, lang: str) -> str:
        """The title in `lang`, else in the other language, else the id."""
        from game.safe_text import clean_line

        return clean_line(self.titles.get(lang) or next(iter(self.titles.values()), "") or self.name)


@dataclass
class Start:
    """What the player asked for on the command line, and the game it led to (if any yet)."""

    scenario: str | None = None
    seed: int | None = None
    lang: str = "zh"
    player: str = ""
    saves_dir: str | None = None
    load: str | None = None
    theme: str = DEFAULT_THEME
    variant: str = ""  # the scenario variant asked for (play --variant)
    ask_intention: bool = False  # ask the player's intention before week 1 (on for `play`; tests opt in)
    session: Session | None = None
    loaded: bool = False
    settings: Settings = field(default_factory=Settings)
    settings_problems: list[Problem] = field(default_factory=list)
    _folder: Path | None = None

    def prepare(self, lang_given: bool) -> None:
        """Load the save or start the game the command line names (raises the loaders' errors)."""
        if self.variant and not self.load:
            self.check_variant()
        if self.load:
            self.session = Session.load(Path(self.load), self.folder, self.lang if lang_given else None)
            self.loaded = True
            self.player = self.session.player
        elif self.seed is not None:
            self.session = self.new_session(self.scenario_path_or_default(), self.seed, self.player, self.lang)
            if not lang_given:
                self.session.lang = self.session.rules.scenario.info.default_language or self.lang
        if self.session is not None:
            self.lang = self.session.lang

    def check_variant(self) -> None:
        """Raise UnknownVariant now when the named scenario has no such variant (before any screen)."""
        from game.scenario.loader import load_report
        from game.scenario.variants import find_variant

        report = load_report(self.scenario_path_or_default())
        if report.scenario is not None:
            find_variant(report.scenario, self.variant)

    @property
    def folder(self) -> Path:
        """The saves folder (resolved on first use: it needs the saves module)."""
        if self._folder is None:
            from game.tui.session import saves_folder

            self._folder = saves_folder(self.saves_dir)
        return self._folder

    @property
    def scenario_path(self) -> Path | None:
        """The scenario named on the command line, as a folder, if it resolves."""
        if not self.scenario:
            return None
        from game.scenario.catalog import UnknownScenario, resolve

        try:
            return resolve(self.scenario)
        except UnknownScenario:
            return None

    def scenario_path_or_default(self) -> Path:
        from game.scenario.catalog import resolve

        return resolve(self.scenario)

    def scenario_choices(self) -> list[ScenarioChoice]:
        """The scenarios found by id (every content root), plus the one named on the command line."""
        from game.scenario.catalog import found, scenario_titles

        choices = [ScenarioChoice(ref.id, ref.path, scenario_titles(ref.path), True) for ref in found()]
        given = self.scenario_path
        if given is not None and given.resolve() not in {choice.path.resolve() for choice in choices}:
            choices.append(ScenarioChoice(given.name, given, scenario_titles(given), False))
        return choices

    def new_session(self, scenario: Path, seed: int | None, player: str, lang: str) -> Session:
        """A new game; a random seed when none is given (it is shown, so a class can replay it)."""
        if seed is None:
            import random

            seed = random.SystemRandom().randrange(1_000_000)
        self.player = player or self.player
        return Session.new(scenario, seed, player or DEFAULT_PLAYER, lang, self.folder, self.variant)

    def remember(self, **values: str | None) -> str | None:
        """Keep changed settings (lang, theme, player) in the settings file; an error line, or None."""
        changed = self.settings.changed(**values)
        if changed == self.settings:
            return None
        self.settings = changed
        try:
            write_settings(changed)
        except OSError as err:  # settings are a comfort: the game goes on, the player is told
            return f"{getattr(err, 'filename', None) or ''}: {err.strerror or err}".lstrip(": ")
        return None

    def load_session(self, path: Path, lang: str) -> Session:
        return Session.load(path, self.folder, lang)

    def find_autosave(self, player: str) -> tuple[Path | None, str]:
        """The player's autosave, or (None, an error line when saves cannot be looked at)."""
        from game.tui.session import find_autosave

        try:
            return find_autosave(self.folder, player or DEFAULT_PLAYER), ""
        except Exception as err:  # a missing saves module or unreadable folder: told, not crashed
            return None, str(err)

    def games_in_progress(self, player: str) -> list:
        """This name's unfinished games (SaveInfo), newest first; [] when saves cannot be looked at."""
        from game.tui.session import games_of

        try:
            return [info for info in games_of(self.folder, player) if not info.ended]
        except Exception:  # the new game can still start; saving will say what is wrong
            return []

    def saves_list(self) -> tuple[list, Path | None, str]:
        """(saves, folder, error line)."""
        from game.tui.session import list_saves

        try:
            return list_saves(self.folder), self.folder, ""
        except Exception as err:  # same as above
            return [], None, str(err)


def error_line(err: BaseException) -> str:
    """One line about an error for the player (a content error's first problem, a save error's text),
    cleaned of control characters and escapes (it may quote a file or a name)."""
    from game.safe_text import clean_line

    summary = getattr(err, "summary", None)
    text = summary() if callable(summary) else str(err)
    return clean_line(text.splitlines()[0]) if text else type(err).__name__
