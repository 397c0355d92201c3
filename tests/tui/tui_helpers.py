"""Helpers for the Pilot tests: build the app, read what a screen shows, play a game with keys only."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, OptionList, Static

from game.tui.launch import make_app

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "scenarios" / "mini-town"
SEED = 3
SIZE = (100, 32)


def new_app(saves: Path, lang: str = "en", scenario: Path = FIXTURE, seed: int | None = SEED, **kw):
    """The app as `grassroots play SCENARIO --seed N --lang L --saves-dir DIR` builds it."""
    return make_app(str(scenario), seed=seed, lang=lang, saves_dir=str(saves), **kw)


def _visible(widget) -> bool:
    node = widget
    while node is not None and hasattr(node, "display"):
        if not node.display:
            return False
        node = node.parent
    return True


def screen_text(screen) -> str:
    """Every text the screen shows: statics, option prompts, button labels, tab labels."""
    parts: list[str] = []
    for widget in screen.query("*"):
        if not _visible(widget):
            continue
        if isinstance(widget, Static):
            parts.append(str(widget.content))
        elif isinstance(widget, OptionList):
            parts += [str(option.prompt) for option in widget.options]
        if isinstance(widget, Button):
            parts.append(str(widget.label))
    return "\n".join(parts)


def screen_name(app) -> str:
    return type(app.screen).__name__


async def play_to_debrief(app, pilot, seen: dict[str, list[str]] | None = None, limit: int = 300) -> None:
    """Play with keys only: take approach 1 of the selected item, answer cards with 1, end each week.

    Records the text of each kind of screen the first time (and every summary) in `seen`."""
    seen = seen if seen is not None else {}
    for _ in range(limit):
        name = screen_name(app)
        if name == "DebriefScreen":
            seen.setdefault(name, []).append(screen_text(app.screen))
            return
        if name == "WeekSummaryDialog" or name not in seen:
            seen.setdefault(name, []).append(screen_text(app.screen))
        if name == "IntroScreen":
            await pilot.press("enter")
        elif name == "EventCard":
            await pilot.press("1")
        elif name == "WeekScreen":
            await pilot.press("1")
            await pilot.pause()
            await pilot.press("e")
        elif name == "ConfirmDialog":
            await pilot.press("enter")
        elif name == "WeekSummaryDialog":
            await pilot.press("enter")
        await pilot.pause()
    raise AssertionError(f"the game did not end; stuck on {screen_name(app)}")
