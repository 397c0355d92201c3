"""The class report's outputs: text, JSON, CSV, the self-contained HTML page, handouts and exit codes."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from game.cli.main import main
from game.workshop.report_text import CSV_COLUMNS

URL_ATTRIBUTES = {"src", "href", "xlink:href", "action", "formaction", "srcset", "poster", "data", "background"}
REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//)", re.I)  # any scheme (http:, https:, ftp:...) or //host
CSS_REMOTE = re.compile(r"url\(\s*[\"']?\s*(?:[a-z][a-z0-9+.-]*:|//)|@import", re.I)


class _Fetches(HTMLParser):
    """Everything in a page that would make a browser fetch something: URL attributes with a scheme or a
    host, and url(...) or @import in style sheets and style attributes (data: URIs would count too)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"
        for name, value in attrs:
            value = value or ""
            if name in URL_ATTRIBUTES and REMOTE.search(value) and not value.startswith("#"):
                self.found.append(f"<{tag} {name}={value}>")
            if name == "style" and CSS_REMOTE.search(value):
                self.found.append(f"<{tag} style={value}>")
        if tag in ("link", "iframe", "object", "embed") or (tag == "script" and dict(attrs).get("src")):
            self.found.append(f"<{tag}>")

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        if self._in_style and CSS_REMOTE.search(data):
            self.found.append(f"<style>{CSS_REMOTE.search(data).group(0)}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False


def external_urls(html: str) -> list[str]:
    parser = _Fetches()
    parser.feed(html)
    parser.close()
    return parser.found


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["report", *argv])
    return code, out.getvalue(), err.getvalue()


def spoil_two(folder: Path) -> None:
    files = sorted(folder.glob("*.json"))
    doc = json.loads(files[0].read_text(encoding="utf-8"))
    doc["outcome"]["downward"] = 99.0
    (folder / "edited.json").write_text(json.dumps(doc), encoding="utf-8")
    (folder / "cut.json").write_text(files[1].read_text(encoding="utf-8")[:300], encoding="utf-8")


def test_text_lists_the_players_and_the_refused_and_exits_0(records: Path) -> None:
    spoil_two(records)
    code, out, err = run(str(records), "--lang", "en")
    assert code == 0, err
    assert "20 game records read, 2 refused." in out
    assert out.count("bot:trace") == 4
    assert "edited.json: the checksum does not match" in out and "cut.json: the file is damaged" in out
    assert "How the class chose on each card" in out and "Traceback" not in err


def test_text_in_chinese(records: Path) -> None:
    code, out, _ = run(str(records), "--lang", "zh", "--pool-seeds")
    assert code == 0
    assert "共读取20份对局记录" in out and "空转指数" in out and "合并" in out


def test_json_shape(records: Path) -> None:
    spoil_two(records)
    code, out, err = run(str(records), "--format", "json", "--pool-seeds")
    assert code == 0
    data = json.loads(out)
    assert data["format"] == "grassroots-class-report" and data["version"] == 1
    assert data["accepted"] == 20
    assert sorted(r["code"] for r in data["refused"]) == ["corrupt", "edited"]
    (group,) = data["groups"]
    assert group["players"] == len(group["rows"]) == 20 and len(group["seeds"]) == 4
    assert sum(e["players"] for e in group["endings"]) == 20 and sum(group["idle_bins"]) == 20
    assert set(group["rows"][0]) == {"player", "file", "ending", "ending_title", "upward", "downward", "idle_index",
                                     "lines_crossed", "crossed", "weeks", "variant", "seed", "decisions"}
    for split in group["split"]:
        assert sum(o["times"] for o in split["options"]) == split["total"] > 0
        assert abs(sum(o["share"] for o in split["options"]) - 100) < 0.5
    assert "refused" in err  # the refused are also named on stderr for machine formats


def test_csv_shape_and_formula_guard(records: Path, tmp_path: Path) -> None:
    from workshop_kit import MINI

    from game.engine import Rules
    from game.saves import write_game_record
    from game.scenario import load_scenario
    from game.sim.runner import play

    rules = Rules(load_scenario(MINI))
    write_game_record(records / "evil.record.json", rules, play(rules, "service", 77, "x"),
                      player="=HYPERLINK(\"http://x\")")
    code, out, _ = run(str(records), "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 22
    assert all(len(r) == len(CSV_COLUMNS) for r in rows)
    players = [r[CSV_COLUMNS.index("player")] for r in rows[1:]]
    assert "'=HYPERLINK(\"http://x\")" in players
    assert all(float(r[CSV_COLUMNS.index("upward")]) <= 100 for r in rows[1:])


def test_html_is_self_contained_and_escapes_names(records: Path, tmp_path: Path) -> None:
    from workshop_kit import MINI

    from game.engine import Rules
    from game.saves import write_game_record
    from game.scenario import load_scenario
    from game.sim.runner import play

    rules = Rules(load_scenario(MINI))
    write_game_record(records / "hostile.record.json", rules, play(rules, "trace", 78, "x"),
                      player='<script src="http://evil.example/x.js"></script>')
    spoil_two(records)
    page = tmp_path / "report.html"
    code, out, err = run(str(records), "--html", str(page), "--pool-seeds")
    assert code == 0 and out == ""
    html = page.read_text(encoding="utf-8")
    assert external_urls(html) == []
    assert "<script" not in html and "<link" not in html
    assert "&lt;script" in html
    assert html.count("<svg") == 3  # scatter, idle index, endings
    assert 'class="scatter"' in html and 'id="split-' in html
    assert "edited.json" in html and "cut.json" in html


def test_the_external_url_check_catches_what_it_should() -> None:
    for bad in ('<img src="https://x/y.png">', "<a href='//cdn.x/y'>", "<style>a{background:url(http://x)}</style>",
                '<svg><use xlink:href="http://x#a"/></svg>', "<style>@import 'x.css';</style>",
                '<link rel="stylesheet" href="x.css">', '<script src="x.js"></script>', '<p style="b: url(//x)">',
                '<img src="data:image/png;base64,AAAA">'):
        assert external_urls(bad), bad
    for fine in ('<svg xmlns="http://www.w3.org/2000/svg"></svg>', '<a href="#split-a">x</a>',
                 "<p>see https://x in text</p>", '<p>&lt;script src="http://x"&gt;</p>'):
        assert external_urls(fine) == [], fine


def test_handouts_one_per_player_and_a_glossary(records: Path, tmp_path: Path) -> None:
    folder = tmp_path / "handouts"
    code, _, err = run(str(records), "--handouts", str(folder), "--lang", "zh")
    assert code == 0, err
    handouts = sorted(folder.glob("handout-*.html"))
    assert len(handouts) == 20 and len({p.name for p in handouts}) == 20
    one = handouts[0].read_text(encoding="utf-8")
    assert "对局回顾" in one and "全班平均" in one and external_urls(one) == []
    glossary = (folder / "glossary.html").read_text(encoding="utf-8")
    assert "Glossary" in glossary and "术语表" in glossary and external_urls(glossary) == []


def test_nothing_usable_exits_1_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text("{}", encoding="utf-8")
    code, out, err = run(str(tmp_path), "--format", "json")
    assert code == 1
    assert json.loads(out)["accepted"] == 0
    assert "no usable game records" in err and "Traceback" not in err


@pytest.mark.parametrize("argv", [["--format", "xml"], ["--lang", "fr"], []])
def test_usage_errors_exit_2(argv: list[str], tmp_path: Path) -> None:
    code, _, _ = run(*argv, *([str(tmp_path)] if argv else []))
    assert code == 2


def test_an_unwritable_html_target_is_one_line_and_exit_1(records: Path, tmp_path: Path) -> None:
    code, _, err = run(str(records), "--html", str(tmp_path / "no" / "such" / "dir" / "r.html"))
    assert code == 1
    assert "cannot write" in err and err.count("\n") == 1


def test_without_lang_the_report_speaks_the_language_the_class_played_in(tmp_path: Path) -> None:
    from workshop_kit import MINI

    from game.engine import Rules
    from game.saves import write_game_record
    from game.scenario import load_scenario
    from game.sim.runner import play

    rules = Rules(load_scenario(MINI))
    for seed in (1, 2):
        write_game_record(tmp_path / f"p{seed}.record.json", rules, play(rules, "balanced", seed, "x"),
                          player=f"学员{seed}", lang="zh")
    code, out, _ = run(str(tmp_path))
    assert code == 0 and out.startswith("班级报告") and "学员1" in out


def test_the_scatter_has_one_dot_per_player_and_the_split_one_bar_per_card(mini_records: Path) -> None:
    from game.workshop.report_build import build_report
    from game.workshop.report_charts import idle_svg, scatter_svg
    from game.workshop.report_html import report_html

    report = build_report([mini_records], "en", pool_seeds=True)
    (group,) = report.groups
    assert len(re.findall(r'<circle[^>]*class="dot', scatter_svg(group, "en"))) == 20
    assert "Upward (what the assessment saw)" in scatter_svg(group, "en")
    assert len(re.findall(r'class="rect', idle_svg(group, "en"))) == 10
    html = report_html(report)
    assert html.count('<div class="card"') == len(report.splits[0]) > 0
