"""The policy lab's table (issue 12, A9): one command writes it; the committed copy names it and every variant."""

from __future__ import annotations

from pathlib import Path

from game.scenario.catalog import resolve
from game.sim.policy_lab import COMMAND, lab_variants, main, markdown, measure

ROOT = Path(__file__).resolve().parents[2]


def test_the_table_sets_every_lab_variant_beside_the_base():
    rows = measure(resolve(None), 2, 1, 1)
    variants = [v for v, _ in lab_variants(resolve(None))]
    assert {"lab_outcomes", "lab_one_veto", "lab_duty_list"} <= set(variants)
    assert [r["variant"] for r in rows[::5]] == ["", *variants]
    page = markdown(rows, 2, 1)
    assert COMMAND in page and all(f"`{v}`" in page for v in variants)
    assert all(0 <= r["idle_index"] <= 1 and 0 <= r["trust"] <= 100 for r in rows)


def test_the_committed_table_is_the_commands_output_for_the_current_variants():
    page = (ROOT / "docs" / "policy-lab.md").read_text(encoding="utf-8")
    assert COMMAND in page
    for variant, _ in lab_variants(resolve(None)):
        assert f"`{variant}`" in page


def test_bad_runs_and_unwritable_output(tmp_path, capsys):
    import pytest

    with pytest.raises(SystemExit) as err:
        main(["--runs", "0"])
    assert err.value.code == 2
    assert main(["--runs", "1", "-o", str(tmp_path / "missing" / "x.md")]) == 2
    assert "cannot write" in capsys.readouterr().err
