"""Helpers for the Pilot tests: build the app, read what a screen shows, play a game with keys only."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, OptionList, Static

from game.tui.launch import make_app
from game.tui.session import Session

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


async def play_to_debrief(app, pilot, seen: dict[str, list[str]] | None = None, limit: int = 300,
                          act: bool = True) -> None:
    """Play with keys only: take approach 1 of the selected item (when `act`), answer cards with 1, end
    each week. Records the text of each kind of screen the first time (and every summary) in `seen`."""
    seen = seen if seen is not None else {}
    acted: set[int] = set()  # the weeks in which approach 1 was tried
    for _ in range(limit):
        name = screen_name(app)
        if name == "DebriefScreen":
            seen.setdefault(name, []).append(screen_text(app.screen))
            return
        if name == "WeekSummaryDialog" or name not in seen:
            seen.setdefault(name, []).append(screen_text(app.screen))
        # each press waits until the app is idle again, so a sequence of keys is as safe as one
        if name == "EventCard":
            await pilot.press("1")
        elif name == "ConfirmDialog":  # ending the week, or crossing a line (where Enter means no)
            await pilot.press("y")
        elif name == "WeekScreen":  # an approach once a week, then end the week (a card is answered first)
            week = app.session.state.week
            await pilot.press("1" if act and week not in acted else "e")
            acted.add(week)
        else:  # the intro, the week's ledger
            await pilot.press("enter")
    raise AssertionError(f"the game did not end; stuck on {screen_name(app)}")


async def answer_cards(app, pilot) -> None:
    """Answer waiting event cards with choice 1 (confirming it when it crosses a line)."""
    while screen_name(app) in ("EventCard", "ConfirmDialog") and getattr(app.screen, "purpose", "") != "end-week":
        await pilot.press("1" if screen_name(app) == "EventCard" else "y")
        await pilot.pause()


def saved_game(saves: Path, player: str, weeks: int = 1, lang: str = "en", scenario: Path = FIXTURE) -> Session:
    """A game played by the engine alone (first legal choice, end each week) for `weeks` weeks, saved."""
    from game.engine import END_WEEK, legal

    session = Session.new(scenario, SEED, player, lang, saves)
    while session.state.week <= weeks and not session.state.ended:
        choices = legal(session.rules, session.state)
        session.apply(choices[0] if session.state.pending else END_WEEK)
    session.save()
    return session


def finish(session: Session) -> Session:
    """Play the rest of the game with the engine alone (approach first, then end the week)."""
    from game.engine import END_WEEK, legal

    while not session.state.ended:
        choices = legal(session.rules, session.state)
        acted = session.state.hours_left < session.state.hours_week
        session.apply(choices[0] if session.state.pending or not acted and choices[0] != END_WEEK else END_WEEK)
    return session


def rendered(app) -> str:
    """What the top screen actually draws, as text (markup that was parsed would be missing here)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())
