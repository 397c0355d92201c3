"""The selected item: what it is, who asks, and for directives the two ledgers side by side."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import HorizontalGroup, VerticalGroup
from textual.content import Content

from game.i18n import t
from game.tui.present.fmt import num
from game.tui.present.items import ItemView
from game.tui.widgets.level_bar import LevelBar
from game.tui.widgets.plain import Plain


class LedgerRow(HorizontalGroup):
    """One ledger of a directive: label, bar, figure against quota."""

    def compose(self) -> ComposeResult:
        yield Plain(classes="ledger-label")
        yield LevelBar()
        yield Plain(classes="ledger-figure")

    def show(self, label: str, value: float, quota: float) -> None:
        self.query_one(".ledger-label", Plain).update(label)
        self.query_one(LevelBar).set_level(value, 0.0, quota or 1.0)
        self.query_one(".ledger-figure", Plain).update(f"{num(value)}/{num(quota)}")


class ItemDetail(VerticalGroup):
    """Title, facts and text of one item; two ledger rows for directives."""

    def compose(self) -> ComposeResult:
        yield Plain(id="detail-title")
        yield Plain(id="detail-meta")
        yield LedgerRow(id="ledger-reported", classes="ledger-row -reported")
        yield LedgerRow(id="ledger-actual", classes="ledger-row -actual")
        yield Plain(id="detail-text")

    def show(self, view: ItemView | None, lang: str) -> None:
        """Display one item, or nothing."""
        self.display = view is not None
        if view is None:
            return
        self.query_one("#detail-title", Plain).update(Content.styled(view.title, "bold"))
        self.query_one("#detail-meta", Plain).update(self._meta(view, lang))
        for row_id, label, value in (("#ledger-reported", t("item.reported", lang), view.reported),
                                     ("#ledger-actual", t("item.actual", lang), view.actual)):
            row = self.query_one(row_id, LedgerRow)
            row.display = view.is_directive
            if view.is_directive:
                row.show(label, value, view.quota)
        text = self.query_one("#detail-text", Plain)
        text.update(view.text)
        text.display = bool(view.text)

    @staticmethod
    def _meta(view: ItemView, lang: str) -> Content:
        if view.is_directive:
            due = (t("item.due_now", lang) if view.weeks_left <= 0
                   else t("item.due_in", lang, n=view.weeks_left, week=view.deadline))
            facts = [view.level] + ([view.issuer] if view.issuer else [])
            facts.append(t("item.quota", lang, quota=num(view.quota), unit=view.unit))
            parts: list = [(" | ".join(facts) + " | ", "$text-muted"), (due, "$text-warning" if view.weeks_left <= 1 else "")]
            if view.veto:
                parts += ["  ", (t("item.veto", lang), "bold $text-error")]
            return Content.assemble(*parts)
        facts = ([view.who] if view.who else []) + [t(f"item.urgency.{view.urgency}", lang)]
        facts += [t("item.waiting", lang, n=view.age)] if view.age else []
        parts = [(" | ".join(facts), "$text-muted")]
        if view.escalated:
            parts += ["  ", (t("item.escalated", lang), "bold $text-error")]
        return Content.assemble(*parts)
