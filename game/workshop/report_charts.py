"""The report's charts as inline SVG (pygal, no JavaScript, system fonts): the scatter of upward against
downward, the spread of the idle index, the endings tally. Nothing in them points outside the page."""

from __future__ import annotations

import re

from game.i18n import t
from game.workshop.report_model import IDLE_BINS, Group

FONTS = '"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",' \
        '"DejaVu Sans","Helvetica Neue",Arial,sans-serif'
TONE_COLOURS = {"good": "#1b7837", "mixed": "#b8860b", "bad": "#b2182b"}
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f",
           "#bcbd22")
_NOISE = re.compile(r"<!--.*?-->|<script\b.*?</script>", re.S)  # comments, pygal's inline config


def _style(colours: tuple[str, ...] = PALETTE):
    from pygal.style import Style

    return Style(background="white", plot_background="white", foreground="#222", foreground_strong="#000",
                 foreground_subtle="#bbb", colors=colours, font_family=FONTS, label_font_size=18,
                 major_label_font_size=18, title_font_size=24, legend_font_size=18, value_font_size=16,
                 tooltip_font_size=16, opacity="0.85", opacity_hover="0.95")


def _config(**extra):
    return {"js": [], "disable_xml_declaration": True, "style": _style(extra.pop("colours", PALETTE)),
            "width": 900, "height": 620, "legend_at_bottom": True, "truncate_legend": -1, **extra}


def _svg(chart) -> str:
    """The chart as one inline <svg> element, without pygal's comments (they hold web addresses) and its
    inline configuration script (nothing on the page uses it)."""
    return _NOISE.sub("", chart.render(is_unicode=True))


def scatter_svg(group: Group, lang: str) -> str:
    """Upward (x, 0-100) against downward (y, 0-100), one dot per player, one colour per ending."""
    import pygal

    chart = pygal.XY(**_config(stroke=False, dots_size=9, range=(0, 100), xrange=(0, 100),
                               x_title=t("report.scatter_x", lang), y_title=t("report.scatter_y", lang),
                               show_x_guides=True, legend_at_bottom_columns=2))
    for ending, title, _ in group.endings():
        points = [{"value": (round(r.upward, 1), round(r.downward, 1)), "label": r.player}
                  for r in group.rows if r.ending == ending]
        chart.add(title, points)
    return _svg(chart)


def idle_svg(group: Group, lang: str) -> str:
    """How many players fall in each tenth of the idle index (0-1)."""
    import pygal

    chart = pygal.Bar(**_config(width=620, x_title=t("report.idle_axis", lang), y_title=t("report.players_axis", lang),
                                show_legend=False, height=460, print_values=True, colours=("#4a6fa5",)))
    chart.x_labels = [f"{i / IDLE_BINS:.1f}" for i in range(IDLE_BINS)]
    chart.add(t("report.players_axis", lang), group.idle_bins())
    return _svg(chart)


def endings_svg(group: Group, lang: str) -> str:
    """The endings tally as horizontal bars, coloured by the ending's tone."""
    import pygal

    endings = group.endings()
    tones = {r.ending: r.tone for r in group.rows}
    colours = tuple(TONE_COLOURS.get(tones.get(e, "mixed"), "#555") for e, _, _ in endings) or PALETTE
    rows = max(1, len(endings))
    chart = pygal.HorizontalBar(**_config(width=620, show_legend=True, height=110 + 70 * rows,
                                          print_values=True, colours=colours, legend_at_bottom_columns=1,
                                          show_y_labels=False))
    for _, title, n in endings:
        chart.add(title, [n])
    return _svg(chart)
