"""Hostile or broken content files: each is refused with exit 1 and a clear message naming the file.

Every case goes through the real command line (`grassroots validate FILE`) in-process, and the bounded
ones are also measured with tracemalloc: the reader must not build what the file asks it to build.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from game.cli.main import main
from game.scenario.yamlread import read_yaml

MIB = 1024 * 1024


def _billion_laughs() -> bytes:
    """Nine levels of nine aliases each: 9**9 strings if expanded."""
    names = "abcdefghi"
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip(names, names[1:]):
        lines.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    return "\n".join(lines).encode() + b"\n"


LAUGHS = _billion_laughs()

CASES: dict[str, tuple[bytes, str]] = {
    "invalid-utf8": (b"meters:\n  - id: caf\xe9\n", ":2:12: the file is not valid UTF-8 text"),
    "binary-junk": (bytes(range(256)) * 64, ":1:1: this is a binary file, not YAML text"),
    "utf16-bom": ("meters: []\n".encode("utf-16"), "the file is UTF-16 text; content files are UTF-8"),
    "utf16-be-no-bom": ("meters: []\n# 注释\n".encode("utf-16-be"), "the file is UTF-16 text"),
    "utf32": ("meters: []\n".encode("utf-32"), "the file is UTF-32 text"),
    "empty": (b"", ":1:1: the file is empty"),
    "only-comments": (b"# nothing here\n\n   # still nothing\n", ":1:1: the file is empty"),
    "top-level-list": (b"- id: trust\n- id: pressure\n", "the file holds a list; a content file must be a mapping"),
    "top-level-text": (b"just some words\n", "the file holds a single value"),
    "syntax-error": (b"meters: [a, b\nevents: []\n", "YAML syntax error"),
    "colon-in-text": (b"events:\n  - text: Note: this breaks\n", "YAML syntax error: mapping values are not allowed"),
    "tab-indent": (b"meters:\n\t- id: trust\n", ":2:1: YAML syntax error"),
    "tab-in-block": (b"meters:\n  - id: trust\n\t  label: T\n", ":3:1: YAML syntax error"),
    "duplicate-keys": (b"meters: []\nevents: []\nmeters: []\n", ":3:1: duplicate key 'meters' (first defined on line 1)"),
    "nested-duplicate": (b"meters:\n  - id: a\n    label: A\n    id: b\n", ":4:5: duplicate key 'id' (first defined on line 2)"),
    "billion-laughs": (LAUGHS, "aliases expand to more than 200000 values"),
    "unknown-alias": (b"meters: *nothing\n", "unknown alias *nothing"),
    "merge-key": (b"base: &b {id: a}\nmeters:\n  - <<: *b\n", "merge keys (<<: *anchor) are not supported"),
    "python-object": (b"meters: !!python/object/apply:os.system ['true']\n", "the tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"),
    "python-name": (b"meters: !!python/name:os.system\n", "is not allowed"),
    "python-module": (b"meters: !!python/module:os\n", "is not allowed"),
    "python-new": (b"meters: !!python/object/new:subprocess.Popen [['true']]\n", "is not allowed"),
    "python-tag-on-a-mapping": (b"meters: !!python/object:types.SimpleNamespace {a: 1}\n", "is not allowed"),
    "custom-tag": (b"meters: !include other.yaml\n", "the tag '!include' is not allowed"),
    "tag-directive": (b"%TAG !p! tag:yaml.org,2002:python/\n---\nmeters: !p!name:os.system\n", "is not allowed"),
    "two-documents": (b"meters: []\n---\nevents: []\n", "a content file may hold only one YAML document"),
    "scalar-20mb": (b"meters: " + b"x" * (20 * MIB) + b"\n", ":1:1: the file is larger than 2 MiB"),
    "file-20mb": (b"meters:\n" + b"  - {id: a, label: A, start: 1}\n" * (20 * MIB // 32), "the file is larger than 2 MiB"),
    "long-scalar": (b"meters: " + b"x" * 30_000 + b"\n", ":1:9: a text value is longer than 20000 characters"),
    "long-key": (b"x" * 300 + b": 1\n", "a mapping key is longer than 200 characters"),
    "huge-number": (b"meters: " + b"9" * 5000 + b"\n", ":1:9: the number 99999999999999999999... is too large"),
    "infinite-float": (b"meters: 1e999\n", "the number 1e999 is too large"),
    "flow-nesting-5000": (b"meters: " + b"[" * 5000 + b"]" * 5000 + b"\n", "the file nests deeper than 64 levels"),
    "flow-unclosed-5000": (b"meters: " + b"[" * 5000 + b"\n", "the file nests deeper than 64 levels"),
    "flow-mapping-5000": (b"meters: " + b"{a: " * 5000 + b"}" * 5000 + b"\n", "the file nests deeper than 64 levels"),
    "block-nesting-5000": (b"meters:\n" + b"- " * 5000 + b"x\n", "the file nests deeper than 64 levels"),
    "block-indented-5000": ("".join(" " * i + "k:\n" for i in range(5000)).encode(), "the file is larger than 2 MiB"),
    "block-indented-100": ("".join(" " * i + "k:\n" for i in range(100)).encode(), "the file nests deeper than 64 levels"),
    "many-values": (b"meters: [" + b"1," * 250_000 + b"1]\n", "the file has more than 200000 values"),
    "complex-key": (b"? [a, b]\n: c\n", "a mapping key must be a plain name"),
    "raw-control-character": (b"meters: []\nevents: \x1b[31mred\n", ":2:9: the file contains the control character U+001B"),
    "escaped-terminal-sequence": (b'meters: "\\e[2J\\e[H"\n', ":1:9: a text contains the control character U+001B"),
    "escaped-control-in-key": (b'"bell\\a": 1\n', ":1:1: a text contains the control character U+0007"),
}


def validate(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["validate", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_file_is_refused_with_a_clear_message(name: str, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    raw, expected = CASES[name]
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(raw)
    code, out, err = validate(capsys, str(path))
    assert code == 1, out + err
    first = out.splitlines()[0]
    assert first.startswith(f"error: {name}.yaml:"), first  # names the file
    assert expected in first, first
    assert "Traceback" not in out + err


@pytest.mark.parametrize("name", ["billion-laughs", "scalar-20mb", "flow-nesting-5000", "block-nesting-5000",
                                  "file-20mb"])
def test_hostile_file_is_refused_in_bounded_memory(name: str) -> None:
    raw = CASES[name][0]
    tracemalloc.start()
    try:
        document, errors = read_yaml(raw[: 2 * MIB + 1], f"{name}.yaml")  # what the loader reads at most
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert document is None and len(errors) == 1
    assert peak < 40 * MIB, f"{name}: {peak / MIB:.1f} MiB"


def test_the_loader_reads_no_more_than_the_size_limit(tmp_path: Path) -> None:
    from game.scenario.loader import parse_files

    big = tmp_path / "big.yaml"
    big.write_bytes(b"meters: " + b"x" * (20 * MIB))
    tracemalloc.start()
    try:
        parsed, errors, _ = parse_files(big)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert parsed == [] and errors[0].message == "the file is larger than 2 MiB"
    assert peak < 8 * MIB


def test_a_python_tag_never_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    marker = tmp_path / "ran"
    payloads = [
        f"meters: !!python/object/apply:os.system ['touch {marker}']\n",
        f"meters: !!python/object/apply:pathlib.Path.touch [!!python/object/apply:pathlib.Path ['{marker}']]\n",
        f"meters:\n  - !!python/object/new:subprocess.Popen [['touch', '{marker}']]\n",
        f"? !!python/object/apply:os.system ['touch {marker}']\n: 1\n",
    ]
    for index, payload in enumerate(payloads):
        path = tmp_path / f"payload{index}.yaml"
        path.write_text(payload, encoding="utf-8")
        code, out, _ = validate(capsys, str(path))
        assert code == 1 and "is not allowed" in out
    assert not marker.exists()


def test_a_hostile_file_inside_a_scenario_folder_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         fixture_dir: Path) -> None:
    import shutil

    folder = tmp_path / "mini-town"
    shutil.copytree(fixture_dir, folder)
    (folder / "extra").mkdir()
    (folder / "extra" / "junk.yaml").write_bytes(CASES["billion-laughs"][0])
    code, out, err = validate(capsys, str(folder))
    assert code == 1
    assert out.startswith("error: mini-town/extra/junk.yaml:6:11: aliases expand")
    assert "Traceback" not in out + err


def test_a_folder_without_yaml_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = validate(capsys, str(tmp_path))
    assert code == 1 and "no .yaml files found" in out


def test_tab_errors_get_a_tab_hint() -> None:
    _, errors = read_yaml(b"meters:\n\t- id: trust\n", "tabs.yaml")
    assert "tab" in errors[0].hint


def test_unquoted_brackets_get_a_quoting_hint() -> None:
    _, errors = read_yaml(b"events:\n  - text: [Tip] read this first\n", "tip.yaml")
    assert errors[0].message.startswith("YAML syntax error")
    assert "must be quoted" in errors[0].hint


def test_a_file_that_is_not_yaml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("# Notes\n\nmeters: not really\n", encoding="utf-8")
    code, out, _ = validate(capsys, str(notes))
    assert code == 1 and out.startswith("error: notes.md:1:1: not a YAML content file")
