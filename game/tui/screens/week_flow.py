"""The week's flow: one awaited sequence of dialogs at a time (Textual's push_screen_wait in a worker).

Taking an approach (after a confirmation when it crosses a line), ending the week (confirmation, then the
week's ledger), then every event card the new state holds, then the debrief when the game has ended: each
runs as one worker, and while it runs no key on the week screen starts another (`busy`). Keys typed
ahead of a dialog are not answers to it (see GameDialog.dismiss).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.tui.dialogs.confirm import ConfirmDialog
from game.tui.dialogs.event_card import EventCard
from game.tui.dialogs.week_summary import WeekSummaryDialog
from game.tui.present.approaches import ApproachView, approach_views
from game.narrate.words import hours as half_hours

if TYPE_CHECKING:  # the mixin is only ever used on the week screen (a GameScreen)
    from game.tui.screens.base import GameScreen as _Screen
    from game.tui.session import Session
else:
    _Screen = object


class WeekFlow(_Screen):
    """Mixin for the week screen: `self.session`, `self.results` and the `state` reactive come from it."""

    if TYPE_CHECKING:
        session: Session
        results: list[list]
        state: Any

    busy = False
    """A flow is running (set before its worker starts, so a key typed ahead cannot start another)."""

    def on_screen_resume(self) -> None:
        """Back on top (first shown, a dialog closed, the window big enough again): see what is due."""
        if not self.busy:
            self.run_flow(None)

    def run_flow(self, first, *args) -> None:
        """Run `first(*args)` (if any), then whatever the state asks for, as one worker."""
        self.busy = True
        self.run_worker(self._flow(first, *args), group="week-flow", exit_on_error=True)

    async def _flow(self, first, *args) -> None:
        try:
            if first is not None:
                await first(*args)
            await self._settle()
        finally:
            self.busy = False

    async def _settle(self) -> None:
        """Answer waiting event cards one by one; an ended game goes to the debrief."""
        session = self.session
        while not session.state.ended and session.state.pending:
            card = EventCard(session.rules, session.state.pending[0], session.options())
            view = await self.app.push_screen_wait(card)
            if view is not None and await self._confirm_crossing(view):
                self.apply(view.decision)
        if session.state.ended:
            self.app.show_debrief()

    async def _take(self, view: ApproachView) -> None:
        if await self._confirm_crossing(view):
            self.apply(view.decision)

    async def _confirm_crossing(self, view: ApproachView) -> bool:
        """A choice that crosses a line is taken only after a confirmation (Enter alone means no)."""
        if not view.crosses_line:
            return True

        def texts(lang: str) -> tuple[str, str, str, str]:
            from game.i18n import t

            same = [o for o in self.session.options() if o.decision == view.decision]
            label = next((v.label for v in approach_views(self.session.rules, same, lang)), view.label)
            return (t("cross.confirm", lang, label=label), t("cross.body", lang), t("cross.yes", lang),
                    t("cross.no", lang))

        answer = await self.app.push_screen_wait(ConfirmDialog(texts, "cross-line", default=False))
        return bool(answer)

    def apply(self, decision) -> None:
        """Send a decision to the engine, keep what it did, and show the new state."""
        from game.engine import IllegalDecision

        try:
            happened = self.session.apply(decision)
        except IllegalDecision as err:  # the state moved on under a stale choice: say so, redraw
            self.notify(str(err), severity="warning", markup=False)
            self.state = self.session.state
            return
        self.results.insert(0, happened)
        self.state = self.session.state

    async def _end_week(self) -> None:
        state = self.session.state
        if state.ended or state.pending:
            return  # the cards first (settled after this), or the debrief

        def texts(lang: str) -> tuple[str, str, str, str]:
            from game.i18n import t

            left = state.hours_left
            body = t("end.unspent", lang, n=half_hours(left)) if left > 0 else t("end.all_spent", lang)
            return t("end.confirm", lang, week=state.week), body, t("end.yes", lang), t("end.no", lang)

        if not await self.app.push_screen_wait(ConfirmDialog(texts, "end-week")):
            return
        from game.engine import END_WEEK

        week = self.session.state.week
        happened = self.session.apply(END_WEEK)
        self.results = []
        error = self.app.autosave()
        self.state = self.session.state
        await self.app.push_screen_wait(WeekSummaryDialog(self.session.rules, week, self.session.state, happened,
                                                          error))
