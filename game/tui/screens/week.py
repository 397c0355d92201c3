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
from game.tui.present.approaches import ApproachView, approach_views, options_of_item
from game.narrate.words import hours as half_hours
from game.tui.present.items import open_items, upcoming
from game.tui.present.ledger import action_result
from game.tui.present.meters import meter_views
from game.tui.screens.base import GameScreen
from game.tui.screens.week_flow import WeekFlow
from game.tui.widgets.approach_list import ApproachList
from game.tui.widgets.clipped import ClippedPlain
from game.tui.widgets.item_detail import ItemDetail
from game.tui.widgets.item_list import ItemList
from game.tui.widgets.key_bar import KeyBar, KeyHint
from game.tui.widgets.meter_panel import MeterPanel
from game.tui.widgets.plain import Plain


class WeekScreen(WeekFlow, GameScreen):
    """Where the player spends the week's hours."""

    CSS_PATH = "week.tcss"
    HELP_TOPIC = "week"
    BINDINGS = [
        Binding("e", "end_week", "end week", show=False),
        Binding("left", "focus_items", "items", show=False),
        Binding("right", "focus_approaches", "approaches", show=False),
        Binding("escape", "focus_items", "items", show=False),
        Binding("l", "show_results", "results", show=False),
        *[Binding(str(n), f"take({n})", show=False) for n in range(1, 10)],
    ]

    state = reactive(None, always_update=True, init=False)
    """The game state shown; assigned after every decision."""

    def __init__(self, session) -> None:
        super().__init__(classes="week")  # a class, not an id: the old screen may still be mounted
        self.session = session
        self.results: list[list] = []  # what this week's decisions did (happenings), newest first
        self.shown_item: str | None = None  # the item whose detail and approaches are shown

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
        with HorizontalGroup(id="last-row"):
            yield ClippedPlain(id="last-result")
            yield Plain(id="last-more")
        with Horizontal(id="main"):
            yield ItemList(id="items")
            with Vertical(id="side"):
                yield ItemDetail(id="detail")
                yield ApproachList(id="approaches")
                yield Plain(id="approach-note")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#items", ItemList).focus()

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
        result = self.query_one("#last-result", ClippedPlain)
        self.query_one("#last-more", Plain).update(self.t("week.cut"))
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
        self.shown_item = item_id if item_id in views else None
        self.query_one("#detail", ItemDetail).show(views.get(item_id) if item_id else None, lang)
        approaches = self.query_one("#approaches", ApproachList)
        approaches.border_title = self.t("week.approaches")
        shown = self.approaches_shown()
        approaches.show(shown, lang)
        approaches.display = bool(shown)
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

    # -- input: widgets post, the screen decides ------------------------------------------------------
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

    def on_approach_list_chosen(self, message: ApproachList.Chosen) -> None:
        message.stop()
        self.action_take(message.number)

    def on_clipped_plain_cut(self, message: ClippedPlain.Cut) -> None:
        """The last result does not fit (80x24): say so, with the key that shows it in full."""
        message.stop()
        self.query_one("#last-more", Plain).display = message.cut

    def action_show_results(self) -> None:
        """This week's results in full."""
        from game.tui.dialogs.results import ResultsDialog

        if not self.busy:
            self.app.push_screen(ResultsDialog(self.session.rules, self.results))

    def action_focus_items(self) -> None:
        self.query_one("#items", ItemList).focus()

    def action_focus_approaches(self) -> None:
        approaches = self.query_one("#approaches", ApproachList)
        if approaches.display:
            approaches.focus()

    def approaches_shown(self) -> list[ApproachView]:
        """The approaches of the item shown, computed from the state (never read back from a widget)."""
        if self.shown_item is None:
            return []
        options = options_of_item(self.session.options(), self.shown_item)
        return approach_views(self.session.rules, options, self.lang)

    def action_take(self, number: int) -> None:
        """Take approach `number` of the selected item (a line-crossing one after a confirmation)."""
        if self.busy or not self.is_active:
            return  # a dialog's flow is running: keys typed ahead of it are not decisions
        views = self.approaches_shown()
        if not 1 <= number <= len(views):
            self.notify(self.t("act.none"), severity="warning")
            return
        view = views[number - 1]
        if view.locked:
            self.notify(self.t("act.locked", reason=view.locked), severity="warning", markup=False)
            return
        self.run_flow(self._take, view)

    def action_end_week(self) -> None:
        """Ask, then end the week (waiting event cards are answered first)."""
        if self.busy or not self.is_active:
            return
        self.run_flow(self._end_week)
