"""The class report as one self-contained HTML page (Jinja2 templates, inline SVG charts, system fonts).

Nothing on the page is fetched: no scripts, web fonts, images or style sheets from anywhere else, so it
works in a room without network and prints on A4.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from game.i18n import t
from game.workshop.report_build import Report
from game.workshop.report_charts import PALETTE, endings_svg, idle_svg, scatter_svg
from game.workshop.report_text import group_heading


@lru_cache(maxsize=1)
def environment():
    """The Jinja2 environment over the package's templates, HTML-escaping every value by default."""
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(loader=PackageLoader("game.workshop", "templates"),
                       autoescape=select_autoescape(("html", "html.j2"), default=False), undefined=StrictUndefined,
                       trim_blocks=False, lstrip_blocks=False)


def render(template: str, lang: str, **values: Any) -> str:
    """Render a template with `w(key, **values)` (the UI strings in `lang`) and `colour(i)` available."""
    return environment().get_template(template).render(
        lang=lang, w=lambda key, **v: t(key, lang, **v), colour=lambda i: PALETTE[i % len(PALETTE)], **values)


def report_html(report: Report) -> str:
    """The whole class report as one HTML document (a string)."""
    from markupsafe import Markup

    lang = report.lang
    groups = []
    for group, splits in zip(report.groups, report.splits):
        names = [r.player for r in group.rows]
        groups.append({
            "heading": group_heading(group, lang), "pooled": len(group.seeds) > 1, "rows": group.rows,
            "means": group.means(), "show_files": len(set(names)) < len(names),
            "scatter": Markup(scatter_svg(group, lang)), "idle": Markup(idle_svg(group, lang)),
            "endings": Markup(endings_svg(group, lang)),
            "split_sections": [(t("report.split", lang), [s for s in splits if s.kind == "event"]),
                               (t("report.split_items", lang), [s for s in splits if s.kind != "event"])],
        })
    return render("report.html.j2", lang, report=report, groups=groups)
