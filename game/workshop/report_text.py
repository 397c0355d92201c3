"""The class report as plain text tables for the terminal, and as CSV for spreadsheets."""

from __future__ import annotations

import csv
import io
import unicodedata

from game.i18n import t, tn
from game.workshop.report_build import Report
from game.workshop.report_model import IDLE_BINS, Group, by_scenario

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_COLUMNS = ("scenario", "content_hash", "variant", "seed", "player", "file", "ending", "ending_title", "upward",
               "downward", "idle_index", "lines_crossed", "weeks", "decisions")


def clean(text: object) -> str:
    """Untrusted text (a player's name) made one printable line: control characters become escapes."""
    return "".join(ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
                   for ch in str(text))


def width(text: str) -> int:
    """Columns a string takes in a terminal (Chinese characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1
               for ch in text)


def pad(text: str, columns: int, right: bool = False) -> str:
    gap = " " * max(0, columns - width(text))
    return gap + text if right else text + gap


def cut(text: str, columns: int) -> str:
    out = ""
    for ch in text:
        if width(out + ch) > columns - 1:
            return out + "…"
        out += ch
    return out


def group_heading(group: Group, lang: str) -> str:
    seeds = (t("report.seed", lang, seed=group.seeds[0]) if len(group.seeds) == 1
             else t("report.seeds_pooled", lang, n=len(group.seeds)))
    return tn("report.group", len(group.rows), lang, title=group.scenario_title, scenario=group.scenario_id,
              version=group.content_hash[:8], variant=group.variant or t("report.base", lang), seeds=seeds)


def table(group: Group, lang: str) -> list[str]:
    """The players' table, one line each, with a line of means."""
    heads = [t(f"report.{k}", lang) for k in ("player", "ending", "upward", "downward", "idle", "crossed", "weeks",
                                              "variant")]
    names = [r.player for r in group.rows]
    same = {n for n in names if names.count(n) > 1}  # players with the same name are told apart by file
    label = lambda r: f"{clean(r.player)} ({r.file})" if r.player in same else clean(r.player)
    rows = [[cut(label(r), 44), cut(r.ending_title, 30), f"{r.upward:.1f}", f"{r.downward:.1f}",
             f"{r.idle_index:.2f}", str(len(r.crossed)), str(r.weeks), r.variant] for r in group.rows]
    m = group.means()
    rows.append([t("report.mean", lang), "", f"{m['upward']:.1f}", f"{m['downward']:.1f}", f"{m['idle_index']:.2f}",
                 f"{m['lines_crossed']:.1f}", f"{m['weeks']:.1f}", ""])
    widths = [max(width(x[i]) for x in [heads, *rows]) for i in range(len(heads))]
    numeric = {2, 3, 4, 5, 6}
    line = lambda cells: "  ".join(pad(c, w, i in numeric) for i, (c, w) in enumerate(zip(cells, widths))).rstrip()
    return [line(heads), "  ".join("-" * w for w in widths), *[line(r) for r in rows[:-1]],
            "  ".join("-" * w for w in widths), line(rows[-1])]


def side_by_side(groups: list[Group], lang: str) -> list[str]:
    """When the class played more than one scenario: one line of means per scenario (empty otherwise)."""
    scenarios = by_scenario(groups)
    if len(scenarios) < 2:
        return []
    heads = [t("report.scenario", lang), t("report.players", lang)] + [
        t(f"report.{k}", lang) for k in ("upward", "downward", "idle", "crossed", "weeks")]
    name = "{}（{}）" if lang == "zh" else "{} ({})"
    rows = [[cut(name.format(title, sid), 48), str(n), f"{m['upward']:.1f}", f"{m['downward']:.1f}",
             f"{m['idle_index']:.2f}", f"{m['lines_crossed']:.1f}", f"{m['weeks']:.1f}"]
            for sid, title, m, n in scenarios]
    widths = [max(width(x[i]) for x in [heads, *rows]) for i in range(len(heads))]
    line = lambda cells: "  ".join(pad(c, w, i > 0) for i, (c, w) in enumerate(zip(cells, widths))).rstrip()
    return ["", t("report.side_by_side", lang), line(heads), "  ".join("-" * w for w in widths),
            *[line(r) for r in rows], t("report.side_by_side_note", lang)]


def text_report(report: Report, split_limit: int | None = None) -> str:
    """The whole report as text; `split_limit` keeps only the first N cards of each split."""
    lang = report.lang
    out = [t("report.title", lang), t("report.summary", lang, accepted=report.accepted, refused=len(report.refused))]
    if not report.groups:
        out += ["", t("report.none", lang)]
    out += side_by_side(report.groups, lang)
    for group, splits in zip(report.groups, report.splits):
        out += ["", "== " + group_heading(group, lang)]
        if len(group.seeds) > 1:
            out.append(t("report.pooled_note", lang))
        out += ["", *table(group, lang), "", t("report.endings", lang)]
        for _, title, n in group.endings():
            out.append(f"  {n:3d}  {title}")
        out += ["", t("report.idle_dist", lang)]
        for index, n in enumerate(group.idle_bins()):
            low = index / IDLE_BINS
            out.append(f"  {low:.1f}-{low + 1 / IDLE_BINS:.1f}  {'#' * n} {n}")
        for heading, kinds in (("report.split", ("event",)), ("report.split_items", ("directive", "request"))):
            chosen = [s for s in splits if s.kind in kinds][:split_limit]
            if not chosen:
                continue
            out += ["", t(heading, lang)]
            for split in chosen:
                out.append(f"  {split.title} — {t('report.split_met', lang, n=split.met_by, total=split.total)}")
                for option in split.options:
                    mark = f" [{t('report.crosses', lang)}]" if option.crosses_line else ""
                    out.append(f"    {option.share:5.1f}%  {option.label}{mark}")
    if report.notes:
        out += ["", t("report.notes", lang)]
        out += [f"  {t('report.refused_line', lang, file=clean(path), reason=clean(note))}" for path, note in report.notes]
    if report.refused:
        out += ["", t("report.refused", lang)]
        out += [f"  {t('report.refused_line', lang, file=clean(r.path), reason=clean(r.reason))}"
                for r in report.refused]
    return "\n".join(out)


def csv_report(report: Report) -> str:
    """One CSV row per player (columns CSV_COLUMNS); cells that a spreadsheet would run as a formula are
    prefixed with an apostrophe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for group in report.groups:
        for r in group.rows:
            writer.writerow([_safe(x) for x in (group.scenario_id, group.content_hash, group.variant, r.seed,
                                                r.player, r.file, r.ending, r.ending_title, r.upward, r.downward,
                                                r.idle_index, len(r.crossed), r.weeks, r.decisions)])
    return buffer.getvalue()


def _safe(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
