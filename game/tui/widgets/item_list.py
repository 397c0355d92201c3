"""The list of open directives and requests; the screen reacts to its highlight and selection."""

from __future__ import annotations

from textual.content import Content
from textual.widgets.option_list import Option

from game.i18n import t
from game.tui.present.fmt import num
from game.tui.present.items import ItemView
from game.tui.widgets.option_list import GameOptionList
from game.tui.widgets.stack import Stack


def directive_prompt(view: ItemView, lang: str) -> Stack:
    """Title, then level, reported/actual against quota, deadline and veto."""
    due = t("item.due_now", lang) if view.weeks_left <= 0 else t("weeks_short", lang, n=view.weeks_left)
    meta: list = [f"{view.level} | {t('item.reported', lang)} {num(view.reported)}/{num(view.quota)} "
                  f"{t('item.actual', lang)} {num(view.actual)} | ", (due, "$text-warning" if view.weeks_left <= 1 else "")]
    if view.veto:
        meta += [" ", (t("item.veto", lang), "bold $text-error")]
    if view.new:
        meta += [" ", (t("item.new", lang), "$text-accent")]
    meta = [(p, "$text-muted") if isinstance(p, str) else p for p in meta]
    return Stack((Content.styled(view.title, "bold"), 0), (Content.assemble(*meta), 2))


def request_prompt(view: ItemView, lang: str) -> Stack:
    """Title, then urgency, how long it has waited, and whether it escalated."""
    urgency = (t(f"item.urgency.{view.urgency}", lang), "$text-error" if view.urgency == "high" else "$text-muted")
    meta: list = [urgency] + ([(" | " + t("item.waiting", lang, n=view.age), "$text-muted")] if view.age else [])
    if view.escalated:
        meta += [" ", (t("item.escalated", lang), "bold $text-error")]
    if view.new:
        meta += [" ", (t("item.new", lang), "$text-accent")]
    return Stack((Content.styled(view.title, "bold"), 0), (Content.assemble(*meta), 2))


class ItemList(GameOptionList):
    """Open items under two headings; option ids are item ids."""

    def show(self, views: list[ItemView], lang: str) -> None:
        """Replace the list, keeping the highlighted item when it is still open."""
        keep = self.highlighted_id
        options: list[Option | None] = []
        directives = [v for v in views if v.is_directive]
        requests = [v for v in views if not v.is_directive]
        if directives:
            options.append(Option(Content.styled(t("week.directives", lang), "bold $text-secondary"), disabled=True))
            options += [Option(directive_prompt(v, lang), id=v.id) for v in directives]
        if requests:
            options.append(Option(Content.styled(t("week.requests", lang), "bold $text-secondary"), disabled=True))
            options += [Option(request_prompt(v, lang), id=v.id) for v in requests]
        if not views:
            options.append(Option(Content(t("week.no_items", lang)), disabled=True))
        self.set_options(options)
        ids = [v.id for v in views]
        target = keep if keep in ids else (ids[0] if ids else None)
        if target is not None:
            self.highlighted = self.get_option_index(target)

    @property
    def highlighted_id(self) -> str | None:
        """The id of the highlighted item, if any."""
        if self.highlighted is None or self.highlighted >= self.option_count:
            return None
        return self.get_option_at_index(self.highlighted).id
