"""What the facilitator's page shows: who plays, which week each is in, and the class report of the
finished records (built with `grassroots report`'s own code, cached until a record changes)."""

from __future__ import annotations

import threading
from pathlib import Path

from game.web.classroom import ClassFolder


def _report_module():
    """game.workshop.report_build, or None in a build without the class report."""
    try:
        from game.workshop import report_build
    except ImportError:
        return None
    return report_build


class ClassView:
    """Rows for the facilitator's table and the class report over `folder.records`."""

    def __init__(self, folder: ClassFolder) -> None:
        self.folder = folder
        self._lock = threading.Lock()
        self._cached: tuple[tuple, object] | None = None

    @property
    def can_make_handouts(self) -> bool:
        try:
            from game.workshop import report_handout  # noqa: F401
        except ImportError:
            return False
        return True

    def rows(self, live: set[str]) -> list[dict]:
        """One dict per registered player: name, team, online (a tab open on this host), week,
        decisions, finished, record (a record file exists)."""
        rows = []
        for player in self.folder.players():
            progress = self.folder.progress(player.token)
            rows.append({"name": player.name, "team": player.team, "online": player.token in live,
                         "week": progress.get("week"), "decisions": progress.get("decisions"),
                         "finished": progress.get("ended", False)})
        return rows

    def _signature(self) -> tuple:
        files = []
        for path in sorted(self.folder.records.glob("*.json")):
            try:
                stat = path.stat()
            except OSError:
                continue
            files.append((path.name, stat.st_size, stat.st_mtime_ns))
        return tuple(files)

    def report(self):
        """The class report (game.workshop.report_build.Report) or None without the report code or records."""
        module = _report_module()
        signature = self._signature()
        if module is None or not signature:
            return None
        with self._lock:
            if self._cached is None or self._cached[0] != signature:
                self._cached = (signature, module.build_report([self.folder.records]))
            return self._cached[1]

    def summary(self) -> str | None:
        """The report as text tables, or None."""
        report = self.report()
        if report is None:
            return None
        from game.workshop.report_text import text_report

        return text_report(report, split_limit=5)

    def report_html(self) -> str | None:
        report = self.report()
        if report is None:
            return None
        from game.workshop.report_html import report_html

        return report_html(report)

    def handout(self, record: Path) -> str | None:
        """The printable handout of the game in `record`, or None."""
        report = self.report()
        if report is None or not self.can_make_handouts:
            return None
        from game.workshop.report_handout import handout_html

        for group in report.groups:
            for game in group.games:
                if Path(game.path).resolve() == record.resolve():
                    return handout_html(game, group, game.lang)
        return None
