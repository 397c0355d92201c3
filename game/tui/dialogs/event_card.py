"""An event card: who speaks, what happens, and 2-4 choices on keys 1-4. Dismisses with the chosen ApproachView."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalGroup, VerticalScroll
from textual.content import Content

from game.scenario.text import localize
from game.tui.dialogs.frame import DialogFrame
from game.tui.present.approaches import ApproachView, approach_views
from game.tui.screens.base import GameDialog
from game.tui.widgets.approach_list import ApproachList
from game.tui.widgets.key_bar import KeyBar, KeyHint
from game.tui.widgets.plain import Plain


class EventCard(GameDialog[ApproachView]):
    """The first waiting event card of the state; the screen below applies the chosen decision."""

    CSS_PATH = "dialogs.tcss"
    HELP_TOPIC = "event"
    BINDINGS = [
        *(Binding(str(n), f"choose({n})", show=False) for n in range(1, 5)),
        # The story scrolls while the choices keep focus: the page keys move a story longer than the card (they
        # act first, and only then), the arrows move between the choices. Tab to the story: the arrows scroll it
        # and Enter still takes the highlighted choice.
        *(Binding(key, f"scroll_body('{how}')", show=False, priority=True)
          for key, how in (("pagedown", "page_down"), ("pageup", "page_up"), ("end", "end"), ("home", "home"))),
        Binding("enter", "choose_highlighted", show=False),
    ]

    def __init__(self, rules, event_index: int, options: list) -> None:
        super().__init__(classes="dialog-screen event-card")
        self.rules, self.event = rules, rules.events[event_index]
        self.options = options

    def compose_box(self) -> ComposeResult:
        with DialogFrame(), VerticalGroup(classes="dialog -card"):
            yield Plain(id="event-heading", classes="dialog-muted")
            yield Plain(classes="dialog-title")
            yield Plain(id="event-speaker", classes="dialog-muted")
            with VerticalScroll(id="event-text-box"):
                yield Plain(id="event-text")
            yield ApproachList(id="event-choices")

    def on_mount(self) -> None:
        self.query_one("#event-choices", ApproachList).focus()

    def relabel(self) -> None:
        model = self.event.model
        self.query_one("#event-heading", Plain).update(self.t("event.heading"))
        self.query_one(".dialog-title", Plain).update(Content.styled(localize(model.title, self.lang), "bold"))
        speaker = self.query_one("#event-speaker", Plain)
        speaker.update(localize(model.speaker, self.lang))
        speaker.display = model.speaker is not None
        self.query_one("#event-text", Plain).update(localize(model.text, self.lang))
        choices = self.query_one("#event-choices", ApproachList)
        choices.show(self.choices(), self.lang)
        self.call_after_refresh(self.fit_story)  # the choices' rows are known after layout

    def key_hints(self) -> list[KeyHint]:
        count = len(self.choices())
        scroll = ([KeyHint("PgDn", self.t("key.scroll_story"), "scroll_body('page_down')")]
                  if self.is_mounted and self.scroll_body() is not None else [])  # only a story longer than the card
        return [KeyHint(f"1-{count}", self.t("key.choose"), "focus_choices"), *scroll, *self.common_hints()]

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit_story)  # the story may fit now, or no longer

    def fit_story(self) -> None:
        """Give the story the rows the card leaves it (3 at least): the terminal's height less the key bar, the
        frame and the card's border, and everything else on the card. The choices then always show whole,
        and a story longer than its rows scrolls (the key bar says how)."""
        if not self.is_mounted:
            return
        box, card = self.query_one("#event-text-box", VerticalScroll), self.query_one(".dialog")
        others = sum(child.outer_size.height for child in card.children if child is not box and child.display)
        frame = self.query_one(DialogFrame).styles.gutter.height + self.query_one(KeyBar).outer_size.height
        room = self.size.height - frame - card.styles.gutter.height - others - box.styles.margin.height
        box.styles.max_height = max(3, room)
        self.call_after_refresh(self.show_keys)

    def action_choose_highlighted(self) -> None:
        """Take the highlighted choice (Enter while the story has focus)."""
        view = self.query_one("#event-choices", ApproachList).highlighted_view()
        if view is not None:
            self.action_choose(view.number)

    def action_focus_choices(self) -> None:
        self.query_one("#event-choices", ApproachList).focus()

    def choices(self) -> list[ApproachView]:
        """The card's choices, numbered, in the current language (from the options, not from a widget)."""
        return approach_views(self.rules, self.options, self.lang)

    def action_choose(self, number: int) -> None:
        views = self.choices()
        if not 1 <= number <= len(views):
            return
        view = views[number - 1]
        if view.locked:
            self.notify(self.t("event.locked", reason=view.locked), severity="warning", markup=False)
            return
        self.dismiss(view)

    def on_approach_list_chosen(self, message: ApproachList.Chosen) -> None:
        message.stop()
        self.action_choose(message.number)
