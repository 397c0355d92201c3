"""The command palette in the player's language: its prompt, its "no matches" line, the label of the key
that opens it, and Textual's own system commands (maximize, minimize, screenshot) with our titles and
our screenshot note. Textual's "Theme", "Quit" and "Keys" are not offered: the game has its own themes,
a quit that saves, and a bilingual help (F1) instead of Textual's English key panel."""

from __future__ import annotations

import io
from dataclasses import replace
from typing import TYPE_CHECKING, Iterable

from rich.align import Align
from rich.text import Text
from textual import events
from textual.app import ComposeResult, SystemCommand
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from game.i18n import t
from game.tui.widgets.key_bar import KeyBar, KeyHint

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

SCREENSHOT = "grassroots-screenshot"
"""The delivery name of our screenshots (Textual's own handler, in English, only answers "screenshot")."""

# Textual's system command title -> our i18n keys (title, help); titles not here are not offered
TEXTUAL_COMMANDS = {"Maximize": ("cmd.maximize", "cmd.maximize_help"),
                    "Minimize": ("cmd.minimize", "cmd.minimize_help")}


class Palette(CommandPalette):
    """Textual's command palette with a prompt and a "no matches" line in `lang`."""

    def __init__(self, lang: str) -> None:
        super().__init__(placeholder=t("palette.placeholder", lang), id="--command-palette")
        self.lang = lang

    def compose(self) -> ComposeResult:
        """Textual's palette, then a key bar of its own over the screen's: only the keys that act now."""
        yield from super().compose()
        yield KeyBar([KeyHint("Enter", t("key.run", self.lang), "run_highlighted"),
                      KeyHint("Esc", t("key.close", self.lang), "escape")])

    def action_run_highlighted(self) -> None:
        """Run the highlighted command (as Enter in the search box does; Textual 8.2's own method, pinned below 8.3)."""
        self._select_or_command()

    async def on_key_bar_pressed(self, message: KeyBar.Pressed) -> None:
        await self.run_action(message.action)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """As Textual's (textual 8.2, pinned below 8.3), with the line in the player's language."""
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(Option(
                    Align.center(Text(t("palette.no_matches", self.lang), style="not bold")),
                    disabled=True, id=self._NO_MATCHES))
            self._list_visible = bool(search_value)

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def label_palette_key(app: App, lang: str) -> None:
    """Give the key that opens the palette (Textual's own binding) a description and tooltip in `lang`,
    for a Footer or key panel that shows it."""
    bindings = app._bindings.key_to_bindings
    key = app.COMMAND_PALETTE_BINDING
    bindings[key] = [replace(b, description=t("key.palette", lang), tooltip=t("palette.tooltip", lang))
                     if b.action in ("command_palette", "app.command_palette") else b for b in bindings.get(key, [])]
    app.refresh_bindings()


def textual_commands(app: App, screen: Screen, lang: str, offered: Iterable[SystemCommand]) -> Iterable[SystemCommand]:
    """Textual's system commands that the game keeps, titled in `lang`, and a screenshot that reports
    in `lang` (see `screenshot_delivered`)."""
    for command in offered:
        keys = TEXTUAL_COMMANDS.get(command.title)
        if keys is not None:
            yield SystemCommand(t(keys[0], lang), t(keys[1], lang), command.callback, command.discover)
    yield SystemCommand(t("cmd.screenshot", lang), t("cmd.screenshot_help", lang),
                        lambda: app.set_timer(0.1, lambda: deliver_screenshot(app)))


def deliver_screenshot(app: App) -> None:
    """Save (or, in a browser, send) an SVG of the screen, as Textual's screenshot command does."""
    from textual._files import generate_datetime_filename

    app.deliver_text(io.StringIO(app.export_screenshot()), save_filename=generate_datetime_filename(app.title, ".svg"),
                     open_method="browser", mime_type="image/svg+xml", name=SCREENSHOT)


def screenshot_note(event: events.DeliveryComplete | events.DeliveryFailed, lang: str) -> str | None:
    """What to tell the player about one of our screenshot deliveries (None for other deliveries)."""
    if event.name != SCREENSHOT:
        return None
    if isinstance(event, events.DeliveryFailed):
        return t("screenshot.failed", lang)
    return t("screenshot.saved", lang, path=str(event.path)) if event.path else t("screenshot.saved_here", lang)
