"""The Textual app: wires screens, app-wide keys, themes, language, the command palette and saving."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, TypeVar

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.geometry import Size
from textual.reactive import reactive
from textual.screen import Screen

from game.i18n import other_language, t
from game.tui.dialogs.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmall
from game.tui.screens.title import TitleScreen
from game.tui.palette import Palette, label_palette_key, screenshot_note, textual_commands
from game.tui.themes import DEFAULT_THEME, HIGH_CONTRAST, THEMES
from game.tui.session import DEFAULT_PLAYER, Session
from game.tui.start import Start, error_line


Answer = TypeVar("Answer")


class GrassrootsApp(App):
    """Grassroots: Traces & Trust."""

    # The title screen's rules load with the app's: a screen's own CSS_PATH makes Textual parse the whole
    # stylesheet again when the screen is first shown, which the first frame would wait for (issue 15).
    CSS_PATH = ["app.tcss", "screens/title.tcss"]
    TITLE = "Grassroots: Traces & Trust"
    ENABLE_COMMAND_PALETTE = True
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]
    BINDINGS = [
        Binding("f1,question_mark", "help", "help", show=False),
        Binding("f2", "toggle_language", "language", show=False),
        Binding("f3", "cycle_theme", "theme", show=False),
        Binding("q", "request_quit", "quit", show=False),
        Binding("ctrl+c,ctrl+q", "request_quit", "quit", show=False, priority=True),
    ]

    lang: reactive[str] = reactive("zh")
    """The language of every text on screen; screens re-render when it changes."""

    def __init__(self, start: Start) -> None:
        super().__init__()
        self.start = start
        self.session = start.session
        self.set_reactive(GrassrootsApp.lang, start.lang)
        self._signals = []

    # -- start and screens -------------------------------------------------------------------------
    _signals: list[int] = []  # the signals this app handles (SIGHUP, SIGTERM), given back on unmount
    started = False
    """Set once the first screen is up; size checks wait for it (a resize arrives before mounting)."""

    def on_mount(self) -> None:
        self.register_theme(HIGH_CONTRAST)
        self.theme = self.start.theme if self.start.theme in self.available_themes else DEFAULT_THEME
        label_palette_key(self, self.lang)
        for problem in self.start.settings_problems:
            self.notify(problem.text(self.lang), severity="warning", markup=False)
        self._watch_hangup()
        if self.session is None:
            self.push_screen(TitleScreen(self.start.player))
        elif self.start.loaded:
            self._adopt(self.session)
            # a finished game continues at its debrief, not at an empty last week
            ended = self.session.state.ended
            self.push_screen(self._debrief_screen(continued=True) if ended else self._game_screen())
        else:
            self._adopt(self.session)
            self.push_screen(self._intro_screen())
        self.started = True
        self.call_after_refresh(self._first_frame_drawn)
        if self.session is not None:  # started from the command line (--seed or --load)
            self.remember_player(self.start.player)
        self.check_size()

    def _first_frame_drawn(self) -> None:
        """The first frame is on screen: the collector paused for the start (game/tui/launch.py) runs again."""
        from game.tui.launch import resume_collector, unfreeze_collector

        if resume_collector():
            self.set_timer(1.0, unfreeze_collector)

    def _adopt(self, session) -> None:
        """Make `session` the game in play: its failed autosaves are told to the player."""
        def failed(error: str) -> None:
            self.notify(t("save.saving_failed", self.lang, error=error), severity="error", markup=False)

        session.on_save_error = failed

    def on_unmount(self) -> None:
        """The app is closing: let other windows open the game (the process ending would too), and give
        the signals back."""
        if self.session is not None:
            self.session.close()
        import asyncio
        import contextlib

        with contextlib.suppress(RuntimeError, ValueError):
            loop = asyncio.get_running_loop()
            for sig in self._signals:
                loop.remove_signal_handler(sig)
        self._signals = []

    def _drop_session(self) -> None:
        if self.session is not None:
            self.session.close()
        self.session = None

    def _watch_hangup(self) -> None:
        """A closed terminal (SIGHUP) or a polite kill (SIGTERM): save the game, then exit."""
        import asyncio
        import signal

        if self.is_headless:  # under a test's Pilot: the test process's signals are not the game's
            return
        try:
            loop = asyncio.get_running_loop()
            for sig in (getattr(signal, "SIGHUP", None), signal.SIGTERM):
                if sig is not None:
                    loop.add_signal_handler(sig, self.hang_up, int(sig))
                    self._signals.append(int(sig))
        except (NotImplementedError, RuntimeError, ValueError):  # Windows, or not the main thread
            pass

    def hang_up(self, signum: int = 1) -> None:
        """Save what is in play and exit with 128 + the signal's number."""
        if self.session is not None and not self.session.state.ended:
            self.session.try_save()
        self.exit(return_code=128 + signum)

    def _intro_screen(self) -> Screen:
        from game.tui.screens.intro import IntroScreen

        return IntroScreen(self.session)

    def _game_screen(self) -> Screen:
        from game.tui.screens.week import WeekScreen

        return WeekScreen(self.session)

    def show_title(self) -> None:
        self._drop_session()
        self.switch_screen(TitleScreen(self.start.player))

    def show_new_game(self, player: str) -> None:
        from game.tui.screens.new_game import NewGameScreen

        self.start.player = player
        self.remember_player(player)
        self.switch_screen(NewGameScreen(self.start.scenario_choices(), self.start.scenario_path, player))

    def start_new_game(self, scenario: Path, seed: int | None, player: str) -> None:
        """Start a game from the new-game form. The scenario loads in a worker thread under a loading
        dialog; a problem comes back to the form as one line."""
        def started(session: Session) -> None:
            self._drop_session()
            self.session = session
            self._adopt(session)
            self.remember_player(player)
            self.switch_screen(self._intro_screen())

        def failed(error: str) -> None:
            say = getattr(self.screen, "say", None)
            if callable(say):
                say(t("new.scenario_error", self.lang, error=error))
            else:
                self.notify(error, severity="error", markup=False)

        self.open_game(lambda: self.start.new_session(scenario, seed, player, self.lang), started, failed)

    loading = False
    """Set while a game loads in a worker (the LoadingDialog is on top, and nothing may open above it)."""

    def open_game(self, load: Callable[[], Session], opened: Callable[[Session], None],
                  failed: Callable[[str], None]) -> None:
        """Run `load` (a scenario or a save: 250-400 ms) in a thread under a loading dialog, never on the
        event loop; then `opened(session)`, or `failed(error line)`. A second request while one loads is
        ignored (a double press must not start two games)."""
        if not self.loading:
            self.loading = True
            self._open_game(load, opened, failed)

    @work(group="open-game")
    async def _open_game(self, load: Callable[[], Session], opened: Callable[[Session], None],
                         failed: Callable[[str], None]) -> None:
        import asyncio

        from game.tui.dialogs.loading import LoadingDialog

        dialog = LoadingDialog()
        await self.push_screen(dialog)
        try:
            session, error = await asyncio.to_thread(load), ""
        except Exception as err:  # a content or save error reaches the player as one line, not a traceback
            session, error = None, error_line(err)
        finally:
            self.loading = False
        if self.screen is dialog:
            await self.pop_screen()
        if session is None:
            failed(error)
        else:
            opened(session)
        self.check_size()  # a resize while loading was held back

    def begin_weeks(self) -> None:
        """Week 1 begins; a game not yet started first asks the player's intention (issue 12)."""
        session = self.session
        if (self.start.ask_intention and session is not None and not session.state.decisions
                and session.intention is None):
            self._ask_intention()
            return
        if self.session is not None:
            self.session.try_save()  # the game exists on disk from its first week on
        self.switch_screen(self._game_screen())

    @work(exclusive=True, group="intention")
    async def _ask_intention(self) -> None:
        """The intention dialog as an awaited flow; skipping it records {} (asked, nothing stated)."""
        from game.tui.dialogs.intention import IntentionDialog

        answer = await self.ask(IntentionDialog())
        if self.session is not None:
            self.session.intention = answer or {}
            self.session.try_save()  # the game exists on disk from its first week on
        self.switch_screen(self._game_screen())

    def continue_autosave(self, player: str) -> None:
        """Continue the player's autosave exactly where it was."""
        path, error = self.start.find_autosave(player)
        if path is None:
            self._title_says(error or t("title.no_autosave", self.lang, name=player or "player"))
            return
        self.load_game(path)

    def show_load(self) -> None:
        from game.tui.dialogs.load_save import LoadDialog

        saves, folder, error = self.start.saves_list()
        if error:
            self._title_says(error)
            return
        if folder is not None:
            self.push_screen(LoadDialog(saves, folder), lambda path: self.load_game(path) if path else None)

    def load_game(self, path: Path) -> None:
        """Continue the saved game in `path`, loaded in a worker (see open_game)."""
        def opened(session: Session) -> None:
            self._drop_session()
            self.session = session
            self._adopt(session)
            self.start.player = session.player
            self.remember_player(session.player)
            for warning in session.warnings:
                self.notify(t("load.warning", self.lang, warning=warning), markup=False)
            self.lang = session.lang
            if session.state.ended:  # a finished game opens at its debrief, not at an empty last week
                self.switch_screen(self._debrief_screen(continued=True))
                return
            self.switch_screen(self._game_screen())

        self.open_game(lambda: self.start.load_session(path, self.lang), opened,
                       lambda error: self._title_says(t("load.failed", self.lang, error=error)))

    def _title_says(self, text: str) -> None:
        if isinstance(self.screen, TitleScreen):
            self.screen.say(text)
        else:
            self.notify(text, markup=False)

    def show_debrief(self) -> None:
        """Write the game record, then show the debrief."""
        self.switch_screen(self._debrief_screen())

    def _debrief_screen(self, continued: bool = False) -> Screen:
        """Save, write the game record (a finished game `continued` from its save shows the record written
        when it ended), and build the debrief (which shows a failed record's reason)."""
        from game.tui.screens.debrief import DebriefScreen

        self.autosave()
        record, error = "", ""
        try:
            session = self.session
            assert session is not None, "the debrief of no game"
            record = str(session.record_of_finished_game() if continued else session.write_record())
        except Exception as err:  # the debrief must still show; the error is shown on it
            error = error_line(err)
        return DebriefScreen(self.session, record, error)

    # -- saving --------------------------------------------------------------------------------------
    def autosave(self) -> str | None:
        """Save the game in progress; return an error line, or None when saved."""
        if self.session is None:
            return t("save.nothing", self.lang)
        try:
            self.session.save()
        except Exception as err:  # saving must never crash the game; the player is told
            return error_line(err)
        return None

    def action_save(self) -> None:
        error = self.autosave()
        if error:
            self.notify(t("save.failed", self.lang, error=error), severity="error", markup=False)
        else:
            path = self.session.autosave_path if self.session is not None else ""
            self.notify(t("save.done", self.lang, path=str(path)), markup=False)

    def action_request_quit(self) -> None:
        """Ask, save the game in progress, and exit. When saving fails, say why and offer to quit without
        saving (q, Ctrl+C or Ctrl+Q on that question quits), so a full disk never keeps anyone in. While a
        game loads, no game is in play yet: quit at once (nothing may open above the loading dialog)."""
        if self.loading:
            self.exit(0)
            return
        from game.tui.dialogs.confirm import ConfirmDialog  # here: the first frame does not need it

        if isinstance(self.screen, ConfirmDialog) and self.screen.purpose == "quit":
            return
        if isinstance(self.screen, ConfirmDialog) and self.screen.purpose == "quit-unsaved":
            self.exit(0)  # asked twice: the player wants out
            return
        playing = self.session is not None and not self.session.state.ended
        name = self.session.player if self.session else ""
        path = str(self.session.autosave_path) if self.session else ""

        def texts(lang: str) -> tuple[str, str, str, str]:
            if playing:
                body = t("quit.body", lang, name=name) + "\n" + t("quit.path", lang, path=path)
                return t("quit.confirm", lang), body, t("quit.yes", lang), t("cancel", lang)
            return t("quit.yes_nogame", lang), t("quit.body_nogame", lang), t("quit.yes_nogame", lang), t("cancel", lang)

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            error = self.autosave() if playing else None
            if error:
                self._offer_unsaved_quit(error, path)
                return
            self.exit(0)

        self.push_screen(ConfirmDialog(texts, "quit"), answered)

    def _offer_unsaved_quit(self, error: str, path: str) -> None:
        from game.tui.dialogs.confirm import ConfirmDialog

        def texts(lang: str) -> tuple[str, str, str, str]:
            return (t("quit.unsaved", lang), t("quit.unsaved_body", lang, error=error, path=path),
                    t("quit.unsaved_yes", lang), t("quit.unsaved_no", lang))

        self.push_screen(ConfirmDialog(texts, "quit-unsaved"), lambda yes: self.exit(0) if yes else None)

    # -- language, theme, help, size --------------------------------------------------------------
    def watch_lang(self, lang: str) -> None:
        if self.session is not None:
            self.session.lang = lang
        label_palette_key(self, lang)
        self.remember(lang=lang)

    def watch_theme(self, theme: str) -> None:
        self.remember(theme=theme)

    def remember_player(self, name: str) -> None:
        """Keep a name the player gave (not the default one a nameless game gets)."""
        if name and name != DEFAULT_PLAYER:
            self.remember(player=name)

    def remember(self, **values: str | None) -> None:
        """Keep a changed setting for the next run (game/settings.py); a failure is told, not fatal."""
        if not self.started:  # the values the game starts with are not changes
            return
        error = self.start.remember(**values)
        if error:
            self.notify(t("settings.failed", self.lang, error=error), severity="warning", markup=False)

    def action_toggle_language(self) -> None:
        self.lang = other_language(self.lang)

    def action_cycle_theme(self) -> None:
        names = list(THEMES)
        self.theme = names[(names.index(self.theme) + 1) % len(names)] if self.theme in names else names[0]

    def action_help(self) -> None:
        from game.tui.dialogs.help import HelpDialog  # here: the first frame does not need it

        if isinstance(self.screen, (HelpDialog, TooSmall)) or self.loading:
            return
        self.push_screen(HelpDialog(getattr(self.screen, "HELP_TOPIC", "title")))

    def close_help(self) -> None:
        """Close a help left open over a screen that a flow is leaving (F1 pressed as the flow moved on)."""
        from game.tui.dialogs.help import HelpDialog

        while isinstance(self.screen, HelpDialog) and len(self.screen_stack) > 1:
            self.pop_screen()

    async def ask(self, dialog: Screen[Answer]) -> Answer:
        """A flow's dialog, shown on top and awaited (inside a worker). A help opened while the flow was on
        its way was the help of the screen left behind: it closes first, so the dialog is never stacked on
        a help (nor a help under it), F1 then opens the dialog's own help, and closing that returns to it."""
        self.close_help()
        return await self.push_screen_wait(dialog)

    def switch_screen(self, screen):
        """Replace the game's screen; a help still open over it goes with it (never the help is replaced,
        leaving the old screen under the new one)."""
        self.close_help()
        return super().switch_screen(screen)

    _laid_out_size: Size | None = None
    """The size of the last Resize handed on to Textual (None before the first)."""

    def on_resize(self, event: events.Resize) -> None:
        """Runs before Textual's own handler. A Resize to the size the app already has is dropped: Textual
        sends one when the app starts and the terminal driver a second of the same size, which Textual
        keeps and hands to every screen when the app is next idle, so the first screen was laid out
        again for nothing just before its first frame (issue 15)."""
        if event.size == self._laid_out_size:
            event.prevent_default()
            return
        self._laid_out_size = event.size
        self.check_size(event.size)

    def check_size(self, size: Size | None = None) -> None:
        """Cover the game with a bilingual message while the window is too small; uncover it after."""
        if not self.started or self.loading:  # nothing opens above the loading dialog (see open_game)
            return
        width, height = size or self.size
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        covered = [s for s in self.screen_stack if isinstance(s, TooSmall)]
        if small and not covered:
            self.push_screen(TooSmall())
        elif small:
            covered[0].show_size(width, height)
        elif covered and self.screen is covered[0]:
            self.pop_screen()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Game commands first, then the Textual ones the game keeps; all in the player's language."""
        lang = self.lang
        if self.session is not None:
            yield SystemCommand(t("cmd.save", lang), t("cmd.save_help", lang), self.action_save)
        yield SystemCommand(t("cmd.lang", lang), t("cmd.lang_help", lang), self.action_toggle_language)
        for name, key in THEMES.items():
            yield SystemCommand(t(key, lang), t("cmd.theme_help", lang), lambda name=name: setattr(self, "theme", name))
        yield SystemCommand(t("cmd.help", lang), t("cmd.help_help", lang), self.action_help)
        yield SystemCommand(t("key.quit", lang), t("quit.confirm", lang), self.action_request_quit)
        yield from textual_commands(self, screen, lang, super().get_system_commands(screen))

    def action_command_palette(self) -> None:
        """Textual's palette, with its prompt in the player's language."""
        if self.use_command_palette and not Palette.is_open(self) and not self.loading:
            self.push_screen(Palette(self.lang))

    @on(events.DeliveryComplete)
    @on(events.DeliveryFailed)
    def tell_screenshot(self, event: events.DeliveryComplete | events.DeliveryFailed) -> None:
        note = screenshot_note(event, self.lang)
        if note:
            self.notify(note, severity="error" if isinstance(event, events.DeliveryFailed) else "information",
                        markup=False)
