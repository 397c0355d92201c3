"""The approaches to one item (or the choices on an event card), numbered, with foreseeable effects."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from game.i18n import t
from game.tui.present.approaches import ApproachView
from game.narrate.words import hours as half_hours
from game.tui.widgets.option_list import GameOptionList
from game.tui.widgets.stack import Stack


def approach_prompt(view: ApproachView, lang: str) -> Stack:
    """Number, label and cost; then effects or the lock reason; then uncertainty with the author's hint."""
    cost = [t("hours_short", lang, n=half_hours(view.hours)) if view.hours else t("fx.free", lang), *view.costs]
    head = Content.assemble((f"{view.number} ", "bold $text-accent"), (view.label, "bold"),
                            ("  " + t("paren", lang, text=t("comma", lang).join(cost)), "$text-muted"))
    lines: list = []
    if view.locked:
        lines.append(Content.styled(t("lock.prefix", lang, reason=view.locked), "italic"))
    else:
        details: list = [(t("comma", lang).join(view.effects), "$text-muted")] if view.effects else []
        if view.crosses_line:
            details += ["  " if details else "", (t("fx.crosses", lang), "bold $text-error")]
        if details:
            lines.append(Content.assemble(*details))
        if view.uncertain:
            text = t("fx.uncertain_hint", lang, hint=view.hint) if view.hint else t("fx.uncertain", lang)
            lines.append(Content.styled(text, "$text-warning"))
    return Stack((head, 0), *((line, 3) for line in lines))


class ApproachList(GameOptionList):
    """Numbered approaches; locked ones are disabled and say why. Option ids are positions (1-based).

    Choosing one (Enter, or a click on the highlighted one) posts `Chosen`; the screen decides."""

    @dataclass
    class Chosen(Message):
        """The player chose the approach with this number (1-based)."""

        number: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.views: list[ApproachView] = []  # what is shown, for highlighted_view(); never used to decide

    def show(self, views: list[ApproachView], lang: str) -> None:
        """Replace the approaches; highlight the first one that can be taken."""
        self.views = views
        self.set_options([Option(approach_prompt(v, lang), id=str(v.number), disabled=bool(v.locked))
                          for v in views])
        first = next((i for i, v in enumerate(views) if not v.locked), None)
        self.highlighted = first

    def highlighted_view(self) -> ApproachView | None:
        """The highlighted approach's view."""
        views = self.views
        return views[self.highlighted] if self.highlighted is not None and self.highlighted < len(views) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(int(event.option.id or 0)))  # every option is made with its index as id

    def on_click(self, event: events.Click) -> None:
        """A click first highlights an approach; a click on the highlighted one takes it (no costly misclicks)."""
        clicked = event.style.meta.get("option")
        if clicked is not None and clicked != self.highlighted:
            event.prevent_default()
            if not self._options[clicked].disabled:
                self.highlighted = clicked
