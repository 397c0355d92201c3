"""One class report as data: the groups, their splits and the refused files, ready for any output format."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from game.i18n import LANGUAGES
from game.workshop.report_model import Group, group_games
from game.workshop.report_records import Collection, Refused, load_games
from game.workshop.report_split import Split, class_split

FORMAT_NAME = "grassroots-class-report"
FORMAT_VERSION = 1


@dataclass
class Report:
    """Everything a report shows, in one language (`lang` is zh or en)."""

    lang: str
    groups: list[Group]
    splits: list[list[Split]]  # per group, in the same order
    refused: list[Refused]
    found: Collection = field(repr=False, default_factory=Collection)

    @property
    def notes(self) -> list[tuple[Path, str]]:
        """(file, note) for accepted games the reader should know about (e.g. numbers recomputed)."""
        return [(g.path, w) for group in self.groups for g in group.games for w in g.warnings]

    @property
    def accepted(self) -> int:
        return sum(len(g.rows) for g in self.groups)

    def to_json(self) -> dict:
        """The JSON shape of `--format json` (described in docs/facilitator.md, "Collecting the records")."""
        return {
            "format": FORMAT_NAME, "version": FORMAT_VERSION, "lang": self.lang,
            "accepted": self.accepted,
            "refused": [{"file": str(r.path), "reason": r.reason, "code": r.code} for r in self.refused],
            "notes": [{"file": str(path), "note": note} for path, note in self.notes],
            "groups": [{
                "scenario": g.scenario_id, "title": g.scenario_title, "content_hash": g.content_hash,
                "variant": g.variant, "seeds": g.seeds, "players": len(g.rows), "means": g.means(),
                "endings": [{"id": e, "title": title, "players": n} for e, title, n in g.endings()],
                "idle_bins": g.idle_bins(),
                "rows": [r.to_json() for r in g.rows],
                "split": [s.to_json() for s in splits],
            } for g, splits in zip(self.groups, self.splits)],
        }


def build_report(paths: Iterable[str | Path], lang: str | None = None, *, pool_seeds: bool = False,
                 scenario: Path | None = None) -> Report:
    """Read, verify and group the records under `paths`; never raises for a bad record. Without `lang`,
    the report speaks the language most of the games were played in (English when there are none)."""
    found = load_games(paths, scenario)
    if lang not in LANGUAGES:
        played = Counter(g.lang for g in found.games if g.lang in LANGUAGES).most_common(1)
        lang = played[0][0] if played else "en"
    groups = group_games(found, lang, pool_seeds=pool_seeds)
    return Report(lang, groups, [class_split(g, lang) for g in groups], list(found.refused), found)
