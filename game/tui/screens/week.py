"""The week: meters, hours, what is coming, open items, and the approaches to the selected one.

The screen is the only place that hands decisions to the engine (through the session) and assigns the
new state; widgets display what it sets and post messages up.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, HorizontalGroup, Vertical, VerticalGroup
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import OptionList

from game.scenario.text import localize
from game.tui.dialogs.confirm import ConfirmDialog
from game.tui.dialogs.event_card import EventCard
from game.tui.dialogs.week_summary import WeekSummaryDialog
from game.tui.present.approaches import ApproachView, approach_views, options_of_item
from game.narrate.words import hours as half_hours
from game.tui.present.items import open_items, upcoming
from game.tui.present.ledger import action_result
from game.tui.present.meters import meter_views
from game.tui.screens.base import GameScreen
from game.tui.widgets.approach_list import ApproachList
from game.tui.widgets.item_detail import ItemDetail
from game.tui.widgets.item_list import ItemList
from game.tui.widgets.key_bar import KeyBar, KeyHint
from game.tui.widgets.meter_panel import MeterPanel
from game.tui.widgets.plain import Plain


class WeekScreen(GameScreen):
    """Where the player spends the week's hours."""

    CSS_PATH = "week.tcss"
    HELP_TOPIC = "week"
    BINDINGS = [
        Binding("e", "end_week", "end week", show=False),
        Binding("left", "focus_items", "items", show=False),
        Binding("right", "focus_approaches", "approaches", show=False),
        Binding("escape", "focus_items", "items", show=False),
        *[Binding(str(n), f"take({n})", show=False) for n in range(1, 10)],
    ]

    state = reactive(None, always_update=True, init=False)
    """The game state shown; assigned after every decision."""

    def __init__(self, session) -> None:
        super().__init__(id="week")
        self.session = session
        self.results: list[list] = []  # what this week's decisions did (happenings), newest first
        self.asking = False  # a dialog whose answer changes the state is open: nothing else may open

    def compose(self) -> ComposeResult:
        rules, state = self.session.rules, self.session.state
        with HorizontalGroup(id="status"):
            yield Plain(id="week-label")
            yield Plain(id="hours")
        with Horizontal(id="top"):
            yield MeterPanel(meter_views(rules, state, self.lang), id="meters")
            with VerticalGroup(id="coming"):
                yield Plain(id="coming-heading")
                yield Plain(id="coming-list")
        yield Plain(id="last-result")
        with Horizontal(id="main"):
            yield ItemList(id="items")
            with Vertical(id="side"):
                yield ItemDetail(id="detail")
                yield ApproachList(id="approaches")
                yield Plain(id="approach-note")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#items", ItemList).focus()

    def on_screen_resume(self) -> None:
        """Back on top (first shown, a dialog closed, the window big enough again): see what is due."""
        self.call_after_refresh(self.after_decision)

    # -- rendering -----------------------------------------------------------------------------------
    def watch_state(self, _state) -> None:
        self.relabel()

    def relabel(self) -> None:
        rules, state, lang = self.session.rules, self.session.state, self.lang
        info = rules.scenario.info
        labels = info.week_labels
        calendar = localize(labels[state.week - 1], lang) if state.week <= len(labels) else ""
        week = self.t("week_of", n=state.week, total=rules.weeks)
        self.query_one("#week-label", Plain).update(
            Content.assemble((week, "bold"), ("  " + calendar if calendar else "", ""),
                             ("  " + localize(info.title, lang), "$text-muted")))
        self.query_one("#hours", Plain).update(self.t("week.hours", left=half_hours(state.hours_left),
                                                      total=half_hours(state.hours_week)))
        self.query_one("#meters", MeterPanel).show(meter_views(rules, state, lang))
        self.query_one("#coming-heading", Plain).update(self.t("week.coming"))
        coming = [line for _, line in upcoming(rules, state, lang)] + self._in_force()
        self.query_one("#coming-list", Plain).update("\n".join(coming) or self.t("week.nothing_coming"))
        result = self.query_one("#last-result", Plain)
        # rendered from the happenings each time, so a language switch re-words them too
        done = [action_result(rules, happened, lang) for happened in self.results]
        if done:
            lines = [Content.assemble((self.t("week.last"), "bold"), done[0].text)]
            lines += [Content.styled(line.text, "$text-muted") for line in done[1:]]
            result.update(Content("\n").join(lines))
        else:
            result.update(self.t("week.start_hint"))
        tone = done[0].tone if done else ""
        result.set_class(tone == "good", "-good")
        result.set_class(tone == "bad", "-bad")
        items = self.query_one("#items", ItemList)
        items.border_title = self.t("week.items")
        items.show(open_items(rules, state, lang), lang)
        self.show_item(items.highlighted_id)
        self.show_keys()

    def _in_force(self) -> list[str]:
        from game.engine.actions import active_modifiers

        return [localize(m.model.label, self.lang) for m in active_modifiers(self.session.rules, self.session.state)]

    def show_item(self, item_id: str | None) -> None:
        """Show one item's detail and approaches."""
        rules, state, lang = self.session.rules, self.session.state, self.lang
        views = {v.id: v for v in open_items(rules, state, lang)}
        self.query_one("#detail", ItemDetail).show(views.get(item_id), lang)
        approaches = self.query_one("#approaches", ApproachList)
        approaches.border_title = self.t("week.approaches")
        options = options_of_item(self.session.options(), item_id) if item_id else []
        approaches.show(approach_views(rules, options, lang), lang)
        approaches.display = bool(options)
        self.show_note()

    def show_note(self) -> None:
        """The longer text of the highlighted approach, if the author wrote one."""
        view = self.query_one("#approaches", ApproachList).highlighted_view()
        note = self.query_one("#approach-note", Plain)
        note.update(view.text if view else "")
        note.display = bool(view and view.text)

    def key_hints(self) -> list[KeyHint]:
        return [KeyHint("1-9", self.t("key.approach"), "focus_approaches"),
                KeyHint("Tab", self.t("key.switch"), "app.focus_next"),
                KeyHint("e", self.t("key.end_week"), "end_week"), *self.common_hints()]

    # -- input ---------------------------------------------------------------------------------------
    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_list.id == "items":
            self.show_item(event.option.id)
        elif event.option_list.id == "approaches":
            self.show_note()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "items":
            self.action_focus_approaches()
        elif event.option_list.id == "approaches":
            self.action_take(int(event.option.id))

    def action_focus_items(self) -> None:
        self.query_one("#items", ItemList).focus()

    def action_focus_approaches(self) -> None:
        approaches = self.query_one("#approaches", ApproachList)
        if approaches.display:
            approaches.focus()

    def action_take(self, number: int) -> None:
        """Take approach `number` of the selected item."""
        views: list[ApproachView] = getattr(self.query_one("#approaches", ApproachList), "views", [])
        if not self.query_one("#approaches", ApproachList).display or not 1 <= number <= len(views):
            self.notify(self.t("act.none"), severity="warning")
            return
        view = views[number - 1]
        if view.locked:
            self.notify(self.t("act.locked", reason=view.locked), severity="warning", markup=False)
            return
        self.decide(view.decision)

    # -- flow ----------------------------------------------------------------------------------------
    def decide(self, decision) -> None:
        """Send a decision to the engine, show the result, then whatever the new state asks for."""
        from game.engine import IllegalDecision

        self.asking = False
        try:
            happened = self.session.apply(decision)
        except IllegalDecision as err:  # a stale dialog answered after the state moved on: say so, redraw
            self.notify(str(err), severity="warning", markup=False)
            self.state = self.session.state
            return
        self.results.insert(0, happened)
        self.state = self.session.state
        self.call_after_refresh(self.after_decision)

    def after_decision(self) -> None:
        """An ended game goes to the debrief; a waiting event card is answered first."""
        if self.asking or self.app.screen is not self:
            return  # a dialog is open; its answer (or this screen's resumption) comes back here
        state = self.session.state
        if state.ended:
            self.app.show_debrief()
        elif state.pending:
            self.ask(EventCard(self.session.rules, state.pending[0], self.session.options()), self.decide)

    def ask(self, dialog, answered) -> None:
        """Open a dialog whose answer changes the game."""
        self.asking = True
        self.app.push_screen(dialog, answered)

    def action_end_week(self) -> None:
        """Ask, then end the week."""
        state = self.session.state
        if self.asking or state.ended or state.pending:
            self.after_decision()
            return

        def texts(lang: str) -> tuple[str, str, str, str]:
            from game.i18n import t

            left = state.hours_left
            body = t("end.unspent", lang, n=half_hours(left)) if left > 0 else t("end.all_spent", lang)
            return t("end.confirm", lang, week=state.week), body, t("end.yes", lang), t("end.no", lang)

        self.ask(ConfirmDialog(texts, "end-week"), self._end_week_confirmed)

    def _end_week_confirmed(self, confirmed: bool | None) -> None:
        if not confirmed:
            self.asking = False
            return
        from game.engine import END_WEEK

        week = self.session.state.week
        happened = self.session.apply(END_WEEK)
        self.results = []
        error = self.app.autosave()
        self.ask(WeekSummaryDialog(self.session.rules, week, self.session.state, happened, error),
                 self._summary_closed)

    def _summary_closed(self, _result: None) -> None:
        self.asking = False
        self.state = self.session.state
        self.call_after_refresh(self.after_decision)
