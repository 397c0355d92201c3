"""Choose a scenario, the language, an optional seed and the player's name, then start."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, HorizontalGroup, VerticalGroup
from textual.content import Content
from textual.widgets import Button, Input, OptionList
from textual.widgets.option_list import Option

from game.safe_text import clean_line
from game.tui.dialogs.choice import ChoiceDialog
from game.tui.screens.base import GameScreen
from game.tui.start import ScenarioChoice
from game.tui.widgets.key_bar import KeyBar, KeyHint
from game.tui.widgets.option_list import GameOptionList
from game.tui.widgets.plain import Plain


class NewGameScreen(GameScreen):
    """The new-game form; the app starts the game with what it holds."""

    CSS_PATH = "new_game.tcss"
    HELP_TOPIC = "new"
    BINDINGS = [Binding("escape", "back", "back", show=False)]

    def __init__(self, scenarios: list[ScenarioChoice], chosen: Path | None, player: str) -> None:
        super().__init__(classes="new-game")  # a class, not an id: the old screen may still be mounted
        self.scenarios, self.player = scenarios, player
        paths = [choice.path for choice in scenarios]
        self.first_highlighted = paths.index(chosen) if chosen in paths else (0 if paths else None)

    def compose(self) -> ComposeResult:
        with Center():
            with VerticalGroup(id="new-box"):
                yield Plain(id="new-heading")
                yield Plain(id="scenario-label", classes="field-label")
                yield GameOptionList(id="scenario")
                yield Plain(id="language-label", classes="field-label")
                yield Button("", id="language")
                yield Plain(id="seed-label", classes="field-label")
                yield Input(id="seed", type="integer", max_length=18)
                yield Plain(id="player-label", classes="field-label")
                yield Input(self.player, id="player", max_length=40)
                yield Plain(id="new-status")
                with HorizontalGroup(id="new-buttons"):
                    yield Button("", id="start", variant="primary")
                    yield Button("", id="back")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#start", Button).focus()

    def list_scenarios(self) -> None:
        """One line per scenario: its title in the current language, then its id (or, if given, its path)."""
        listing = self.query_one("#scenario", OptionList)
        highlighted = listing.highlighted if listing.option_count else self.first_highlighted
        listing.set_options([
            Option(Content.assemble(choice.title(self.lang),
                                    (f"  {choice.name if choice.shipped else choice.path}", "$text-muted")), id=str(i))
            for i, choice in enumerate(self.scenarios)])
        listing.highlighted = highlighted

    def relabel(self) -> None:
        self.query_one("#new-heading", Plain).update(Content.styled(self.t("new.heading"), "bold"))
        self.query_one("#scenario-label", Plain).update(self.t("new.scenario"))
        self.query_one("#language-label", Plain).update(self.t("new.language"))
        self.query_one("#language", Button).label = self.t(f"lang.{self.lang}")
        self.query_one("#seed-label", Plain).update(self.t("new.seed"))
        self.query_one("#player-label", Plain).update(self.t("new.name"))
        self.query_one("#start", Button).label = self.t("new.start")
        self.query_one("#back", Button).label = self.t("new.back")
        if self.scenarios:
            self.list_scenarios()  # in the current language, keeping the highlight
        else:
            self.say(self.t("new.no_scenarios"))
        self.show_keys()

    def key_hints(self) -> list[KeyHint]:
        return [KeyHint("Esc", self.t("key.back"), "back"), *self.common_hints()]

    def say(self, text: str) -> None:
        self.query_one("#new-status", Plain).update(text)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if not self.is_active:
            return  # keys typed ahead reached this screen after it was left
        if event.button.id == "language":
            self.app.action_toggle_language()
        elif event.button.id == "back":
            self.action_back()
        elif event.button.id == "start":
            self.start()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.start()

    def start(self) -> None:
        """Check the form and ask the app to start the game."""
        if not self.is_active:
            return
        seed_text = self.query_one("#seed", Input).value.strip()
        try:
            seed = int(seed_text) if seed_text else None
        except ValueError:
            self.say(self.t("new.bad_seed"))
            return
        index = self.query_one("#scenario", OptionList).highlighted
        if index is None or not self.scenarios:
            self.say(self.t("new.no_scenarios"))
            return
        player = clean_line(self.query_one("#player", Input).value).strip()
        scenario = self.scenarios[index].path
        playing = self.app.start.games_in_progress(player)
        if playing:  # this name already has a game: continue it, or start another (both are kept)
            self.app.push_screen(ChoiceDialog(partial(_exists_texts, player, playing[0]), "game-exists"),
                                 partial(self._exists_answered, scenario, seed, player, playing[0].path))
            return
        self._start(scenario, seed, player)

    def _exists_answered(self, scenario: Path, seed: int | None, player: str, path: Path, answer: str | None) -> None:
        if answer == "continue":
            self.app.load_game(Path(path))
        elif answer == "another":
            self._start(scenario, seed, player)

    def _start(self, scenario: Path, seed: int | None, player: str) -> None:
        self.app.start_new_game(scenario, seed, player)  # loads in a worker; a problem comes back to say()

    def action_back(self) -> None:
        if self.is_active:
            self.app.show_title()


def _exists_texts(player: str, info, lang: str) -> tuple[str, str, list[tuple[str, str]]]:
    from game.i18n import t

    saved = str(getattr(info, "saved_at", "") or "")[:16].replace("T", " ")
    return (t("new.exists", lang, name=player or "player"), t("new.exists_body", lang, week=info.week, saved=saved),
            [("continue", t("new.exists_continue", lang)), ("another", t("new.exists_another", lang)),
             ("cancel", t("cancel", lang))])
