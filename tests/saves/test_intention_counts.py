"""The intention lines count lines crossed in the language's plural forms: '1 time', '2 times' in English, one
form in Chinese (a tester read "you crossed a line 1 times")."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from game.saves.intention import FALSIFY, compare


@pytest.mark.parametrize("falsify", FALSIFY)
@pytest.mark.parametrize("crossed, english", [(1, "a line 1 time;"), (2, "a line 2 times;"), (0, "a line 0 times;")])
def test_lines_crossed_are_counted_in_each_language(falsify, crossed, english):
    state = SimpleNamespace(kind_hours={"trace": 10.0, "service": 30.0})
    done = SimpleNamespace(crossed=[f"c{i}" for i in range(crossed)], idle_index=0.5)
    intention = {"trace_share": 25, "falsify": falsify}
    en = compare(intention, state, done, "en")[1]
    zh = compare(intention, state, done, "zh")[1]
    assert english in en, en
    assert f"越过了{crossed}次底线" in zh, zh
