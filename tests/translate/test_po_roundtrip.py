"""PO round trip of scenario texts: nothing changed gives the same bytes; a change lands in its field only."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest

from game.cli.main import main
from game.scenario import load_report
from game.scenario.catalog import resolve
from game.scenario.sources import content_files
from game.translate.po import export_po, import_po, read_po
from game.translate.texts import get_in, read_data, scenario_files

TRICKY = [
    "plain words", "with: a colon", "a # hash", "- leading dash", "yes", "0o14", "0x1F", ".inf", "null", "12",
    "'single' and \"double\" quotes", "{braces}, [brackets]", "trailing space ", " leading space",
    "two\nlines", "ends with a newline\n", "tab\there", "让村干部收集截图凑数", "第一行\n第二行，很长的中文句子。",
    "emoji ✅ and “curly” quotes", "back\\slash",
]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture
def town(tmp_path: Path) -> Path:
    """A copy of the default scenario."""
    folder = tmp_path / "lianhe-town"
    shutil.copytree(resolve("lianhe-town"), folder)
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in content_files(folder)}


def through_a_file(po: polib.POFile, tmp_path: Path) -> polib.POFile:
    path = tmp_path / "texts.po"
    path.write_text(str(po) + "\n", encoding="utf-8")
    return read_po(path)


def test_an_unchanged_round_trip_gives_the_same_bytes(town: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(town)
    assert run(capsys, "translate", "export", str(town), "-o", str(tmp_path / "en.po"))[0] == 0
    code, out, _ = run(capsys, "translate", "import", str(town), str(tmp_path / "en.po"))
    assert code == 0 and out.startswith("changed 0 text(s) in 0 file(s)")
    assert snapshot(town) == before
    po = read_po(tmp_path / "en.po")
    assert len(po) > 900 and len({e.msgctxt for e in po}) == len(po)  # one stable id per text
    assert all(e.occurrences and e.msgstr for e in po)


def test_a_changed_english_line_lands_in_its_field_only(town: Path, tmp_path: Path) -> None:
    before = snapshot(town)
    po = through_a_file(export_po(town, "lianhe-town", "zh", "en"), tmp_path)
    entry = next(e for e in po if e.occurrences[0][0].startswith("events/") and e.msgctxt.endswith(".label"))
    file, line = entry.occurrences[0][0], int(entry.occurrences[0][1])
    entry.msgstr = "A new label, revised: by the translator"
    result = import_po(town, through_a_file(po, tmp_path))
    assert [c.text.context for cs in result.changes.values() for c in cs] == [entry.msgctxt]
    after = snapshot(town)
    assert {name for name in before if before[name] != after[name]} == {file}
    old_lines, new_lines = before[file].decode().splitlines(), after[file].decode().splitlines()
    assert [i + 1 for i, (a, b) in enumerate(zip(old_lines, new_lines)) if a != b] == [line]
    assert len(old_lines) == len(new_lines)
    texts = {t.context: t for f in scenario_files(town) for t in f.texts}
    assert texts[entry.msgctxt].values["en"] == "A new label, revised: by the translator"
    report = load_report(town)
    assert report.errors == []


@pytest.mark.parametrize("source, target", [("zh", "en"), ("en", "zh")])
def test_every_text_changed_to_tricky_values_reads_back_exactly(source: str, target: str, town: Path,
                                                                tmp_path: Path) -> None:
    po = export_po(town, "lianhe-town", source, target)
    for index, entry in enumerate(po):
        entry.msgstr = TRICKY[index % len(TRICKY)] + ("" if index < len(TRICKY) else f" {index}")
    po = through_a_file(po, tmp_path)
    expected = {e.msgctxt: e.msgstr for e in po}
    import_po(town, po)
    for file in scenario_files(town):
        data = read_data(file.text, file.name)
        for text in file.texts:
            assert get_in(data, text.raw_path)[target] == expected[text.context], text.context
            assert text.values[source] == next(e.msgid for e in po if e.msgctxt == text.context)
    assert load_report(town).errors == []


def test_block_scalars_stay_blocks(town: Path, tmp_path: Path) -> None:
    po = export_po(town, "lianhe-town", "zh", "en")
    entry = next(e for e in po if e.msgctxt == "debrief.research_notes.A1.text")
    entry.msgstr = "A shorter note about feedback that stalls on its way up, written again by a translator."
    import_po(town, po)
    text = (town / "debrief.yaml").read_text(encoding="utf-8")
    assert "        en: >-\n          A shorter note about feedback" in text


def test_a_missing_translation_is_reported_and_then_added(town: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = town / "claims.yaml"
    original = path.read_text(encoding="utf-8")
    line = "      en: Trace-only play scores higher on the assessment than service-first play.\n"
    assert line in original
    path.write_text(original.replace(line, ""), encoding="utf-8")
    code, out, _ = run(capsys, "translate", "status", str(town))
    assert code == 1 and "1 missing translation(s)" in out and "claims.yaml:10 claims.trace_scores_higher.text" in out
    po = export_po(town, "lianhe-town", "zh", "en")
    entry = next(e for e in po if e.msgctxt == "claims.trace_scores_higher.text")
    assert entry.msgstr == ""
    entry.msgstr = "Trace-only play scores higher on the assessment than service-first play."
    import_po(town, po)
    assert run(capsys, "translate", "status", str(town))[0] == 0
    assert read_data(path.read_text(encoding="utf-8"), "claims.yaml") == read_data(original, "claims.yaml")


def test_a_stale_entry_is_left_out_and_reported(town: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    po_path = tmp_path / "en.po"
    po = export_po(town, "lianhe-town", "zh", "en")
    entry = next(e for e in po if e.msgctxt == "claims.trace_scores_higher.text")
    entry.msgstr = "Changed by the translator"
    po.save(str(po_path))
    path = town / "claims.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("只做留痕的玩法，考核得分比只做实事的高。", "只做留痕的玩法，考核分更高。"),
                    encoding="utf-8")
    before = snapshot(town)
    code, out, err = run(capsys, "translate", "import", str(town), str(po_path))
    assert code == 1 and "stale" in err and "claims.trace_scores_higher.text" in err
    assert snapshot(town) == before
    code, out, _ = run(capsys, "translate", "status", str(town), str(po_path))
    assert code == 1 and "stale in" in out


@pytest.mark.parametrize("content, message", [
    ("not a po file {", "cannot read"),
    ('msgid ""\nmsgstr ""\n"Language: fr\\n"\n', "must name Language and X-Source-Language"),
])
def test_a_bad_po_file_is_one_clear_line(content: str, message: str, town: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bad.po").write_text(content, encoding="utf-8")
    before = snapshot(town)
    code, out, err = run(capsys, "translate", "import", str(town), str(tmp_path / "bad.po"))
    assert code == 1 and message in err and len(err.strip().splitlines()) == 1
    assert snapshot(town) == before


def test_export_by_id_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "translate", "export", "lianhe-town", "--target", "zh")
    assert code == 0 and '"Language: zh\\n"' in out and '"X-Source-Language: en\\n"' in out


def test_content_dir_works_before_or_after_the_action(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      fixture_dir: Path) -> None:
    shutil.copytree(fixture_dir, tmp_path / "mine" / "mini-town")
    for args in (["translate", "--content-dir", str(tmp_path / "mine"), "status", "mini-town"],
                 ["translate", "status", "mini-town", "--content-dir", str(tmp_path / "mine")]):
        code, out, _ = run(capsys, *args)
        assert code in (0, 1) and "texts, zh -> en" in out, args


def test_a_missing_po_file_is_named(town: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "translate", "import", str(town), str(tmp_path / "none.po"))
    assert code == 1 and err.strip() == f"grassroots: no such file: {tmp_path / 'none.po'}"


@pytest.mark.parametrize("which", ["tests/fixtures/scenarios/mini-town", "game/scenario/template"])
@pytest.mark.parametrize("target", ["en", "zh"])
def test_other_scenarios_round_trip_too(which: str, target: str, tmp_path: Path) -> None:
    folder = tmp_path / "copy"
    shutil.copytree(Path(__file__).resolve().parents[2] / which, folder)
    before = snapshot(folder)
    po = export_po(folder, "copy", "zh" if target == "en" else "en", target)
    import_po(folder, through_a_file(po, tmp_path))
    assert snapshot(folder) == before
    for entry in po:
        entry.msgstr = entry.msgstr + "?} edited" if entry.msgstr else "new"
    import_po(folder, po)
    texts = {t.context: t.values[target] for f in scenario_files(folder) for t in f.texts}
    assert all(texts[e.msgctxt] == e.msgstr for e in po)
    assert load_report(folder).errors == []
