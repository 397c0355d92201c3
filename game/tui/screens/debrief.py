"""The debrief: the ending, the two scores side by side, charts, lines crossed, reflection (with "your game in
the research" and explainers), discussion, and a glossary."""

from __future__ import annotations

from functools import partial

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, HorizontalGroup, VerticalGroup
from textual.content import Content
from textual.widget import Widget
from textual.widgets import TabbedContent, TabPane

from game.tui.present.debrief import DebriefView, debrief_view, times
from game.narrate.words import hours as half_hours
from game.narrate.words import whole
from game.tui.screens.base import GameScreen
from game.tui.widgets.key_bar import KeyBar, KeyHint
from game.tui.widgets.level_bar import LevelBar
from game.tui.widgets.plain import Bullet, Plain
from game.tui.widgets.rebuilt import RebuiltScroll
from game.tui.widgets.week_chart import WeekChart

TABS = (("tab-ending", "deb.tab.ending"), ("tab-charts", "deb.tab.charts"), ("tab-reflect", "deb.tab.reflect"),
        ("tab-discuss", "deb.tab.discuss"), ("tab-glossary", "deb.tab.glossary"))


class DebriefScreen(GameScreen):
    """Five pages built from the engine's Outcome; all rebuilt when the language changes."""

    CSS_PATH = "debrief.tcss"
    HELP_TOPIC = "debrief"
    BINDINGS = [Binding("m", "menu", "title", show=False),
                *[Binding(str(n), f"page({n})", show=False) for n in range(1, len(TABS) + 1)],
                # the page scrolls from the keyboard whatever has focus (issue 11: usable at 80x24 without a mouse)
                Binding("down", "scroll('down')", show=False), Binding("up", "scroll('up')", show=False),
                Binding("pagedown", "scroll('page_down')", show=False),
                Binding("pageup", "scroll('page_up')", show=False),
                Binding("end", "scroll('end')", show=False), Binding("home", "scroll('home')", show=False)]

    def __init__(self, session, record: str, record_error: str) -> None:
        super().__init__(classes="debrief")  # a class, not an id: the old screen may still be mounted
        self.session, self.record, self.record_error = session, record, record_error
        self.result = session.outcome()

    def compose(self) -> ComposeResult:
        yield Plain(id="debrief-heading")
        with TabbedContent(id="debrief-tabs"):
            for pane_id, _ in TABS:
                with TabPane("", id=pane_id):
                    yield RebuiltScroll(id=f"{pane_id}-body", classes="debrief-body")
        yield KeyBar()

    def relabel(self) -> None:
        view = debrief_view(self.session.rules, self.session.state, self.result, self.lang)
        self.query_one("#debrief-heading", Plain).update(Content.assemble(
            (self.t("deb.title") + self.t("colon"), "bold"), (view.ending_title, "bold")))
        tabs = self.query_one("#debrief-tabs", TabbedContent)
        for number, (pane_id, key) in enumerate(TABS, 1):
            tabs.get_tab(pane_id).label = f"{number} {self.t(key)}"
        for pane_id, build in (("tab-ending", self._ending), ("tab-charts", self._charts),
                               ("tab-reflect", self._reflect), ("tab-discuss", self._discuss),
                               ("tab-glossary", self._glossary)):
            self.query_one(f"#{pane_id}-body", RebuiltScroll).rebuild(partial(build, view))
        self.show_keys()

    def key_hints(self) -> list[KeyHint]:
        return [KeyHint(f"1-{len(TABS)}", self.t("key.tabs"), "page(1)"), KeyHint("m", self.t("deb.menu"), "menu"),
                *self.common_hints()]

    # -- pages ---------------------------------------------------------------------------------------
    def _heading(self, key: str) -> Plain:
        return Plain(self.t(key), classes="debrief-heading")

    def _ending(self, view: DebriefView):
        yield Plain(Content.styled(view.ending_title, "bold"), classes=f"ending-title -{view.tone}")
        gap = "" if self.lang == "zh" else " "
        yield Plain(f"{view.reason}{gap}{self.t('deb.weeks_played', n=view.weeks_played)}", classes="muted")
        yield Plain(view.ending_text, classes="ending-text")
        if view.ending_debrief:
            yield Plain(view.ending_debrief, classes="ending-debrief")
        with_scores = HorizontalGroup(
            self._score(view.upward_label, view.upward, "-upward"),
            self._score(view.downward_label, view.downward, "-downward"), id="scores")
        yield with_scores
        yield Plain(Content.styled(self.t("deb.idle", n=round(view.idle_index * 100)), "bold"), id="idle")
        yield Plain(self.t("deb.idle_help"), classes="muted")

    @staticmethod
    def _score(label: str, value: float, side: str) -> VerticalGroup:
        bar = LevelBar()
        bar.set_level(value, 0.0, 100.0)
        return VerticalGroup(Plain(label, classes="score-label"), Plain(whole(value), classes="score-value"), bar,
                             classes=f"score {side}")

    def _charts(self, view: DebriefView):
        yield self._heading("deb.meters")
        charts = []
        for meter in view.meters:
            hidden = self.t("deb.hidden") if meter.hidden else ""
            start = meter.trend[0] if meter.trend else meter.value
            label = Plain(f"{meter.label}{hidden}{self.t('colon')}{whole(start)} -> {whole(meter.value)}  "
                          f"({whole(meter.low)}-{whole(meter.high)})", classes="chart-label")
            chart = WeekChart(meter.trend, meter.low, meter.high, classes=f"-{meter.level or 'plain'}")
            charts.append(VerticalGroup(label, chart, classes="chart"))
        yield Grid(*charts, id="charts")
        yield self._heading("deb.hours")
        if not view.hours_by_kind:
            yield Plain(self.t("deb.no_hours"), classes="muted")
        most = max((h for _, h, _ in view.hours_by_kind), default=1.0)
        for kind, hours, count in view.hours_by_kind:
            bar = LevelBar()
            bar.set_level(hours, 0.0, most)
            yield HorizontalGroup(Plain(kind, classes="kind-label"), bar,
                                  Plain(self.t("hours_short", n=half_hours(hours)) + times(count, self.lang), classes="kind-figure"),
                                  classes="kind-row")

    def _reflect(self, view: DebriefView):
        yield self._heading("deb.crossed")
        crossed: list[Widget] = [Bullet(line, classes="crossed") for line in view.crossed]
        yield from crossed or [Plain(self.t("deb.none_crossed"), classes="muted")]
        yield self._heading("deb.reflections")
        reflections: list[Widget] = [Bullet(text, classes="reflection") for text in view.reflections]
        yield from reflections or [Plain(self.t("deb.no_reflections"), classes="muted")]
        yield self._heading("deb.in_research")
        yield Plain(self.t("deb.in_research_help"), classes="muted")
        for row in view.findings:
            yield Plain(Content.assemble((f"{row.code} ", "bold"), (row.title, "bold")), classes="note-title")
            yield from (Bullet(label + times(count, self.lang), classes="finding-choice") for label, count in row.choices)
            if row.more:
                yield Plain(self.t("deb.more_choices", n=row.more), classes="muted")
        if not view.findings:
            yield Plain(self.t("deb.no_findings"), classes="muted")
        for title, text in view.explainers:
            yield Plain(Content.styled(title, "bold"), classes="debrief-heading")
            yield Plain(text, classes="note-text")
        yield from self._intention_and_branch()
        yield self._heading("deb.notes")
        for code, title, text in view.notes:
            yield Plain(Content.assemble((f"{code} ", "bold"), (title, "bold")), classes="note-title")
            yield Plain(text, classes="note-text")

    def _intention_and_branch(self):
        """What the player meant against what they did, and one "had you ..." replay (issue 12)."""
        from game.saves.branch_view import debrief_line
        from game.saves.intention import compare

        session = self.session
        lines = compare(session.intention, session.state, self.result, self.lang)
        if lines:
            yield self._heading("intent.heading")
            yield from (Bullet(line, classes="intention") for line in lines)
        had_you = debrief_line(session.rules, session.state.seed, list(session.state.decisions), self.lang)
        if had_you:
            yield self._heading("deb.had_you")
            yield Plain(had_you, classes="had-you")

    def _discuss(self, view: DebriefView):
        yield self._heading("deb.questions")
        for stage, questions in view.questions:
            if questions:
                yield Plain(stage, classes="stage")
                yield from (Bullet(q, classes="question") for q in questions)
        yield Plain(self.t("deb.record_failed", error=self.record_error) if self.record_error
                    else self.t("deb.record", path=self.record), id="record", classes="muted")

    def _glossary(self, view: DebriefView):
        yield self._heading("deb.glossary")
        if not view.glossary:
            yield Plain(self.t("deb.no_glossary"), classes="muted")
        for term, gloss in view.glossary:
            yield Plain(Content.styled(term, "bold"), classes="note-title")
            yield Plain(gloss, classes="note-text")

    # -- actions -------------------------------------------------------------------------------------
    def action_page(self, number: int) -> None:
        self.query_one("#debrief-tabs", TabbedContent).active = TABS[number - 1][0]

    def action_scroll(self, how: str) -> None:
        """Scroll the page on show: a line, a page, or to either end."""
        active = self.query_one("#debrief-tabs", TabbedContent).active
        if not active:
            return
        body = self.query_one(f"#{active}-body", RebuiltScroll)
        {"down": body.scroll_down, "up": body.scroll_up, "page_down": body.scroll_page_down,
         "page_up": body.scroll_page_up, "end": body.scroll_end, "home": body.scroll_home}[how](animate=False)

    def action_menu(self) -> None:
        if self.is_active:
            self.app.show_title()
