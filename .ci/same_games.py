"""Exit 1 unless two `grassroots simulate --format json` reports are the same, byte for byte, once the
speed figures (`runs_per_second` and the `timing` block, which differ from run to run) are left out.

Usage: python .ci/same_games.py PURE.json COMPILED.json  (the pure-Python and the compiled build's reports)
"""

from __future__ import annotations

import json
import sys


def games(path: str, engine: str) -> str:
    """The report as text without its speed figures; ints and floats keep their own spelling (3 is not 3.0).
    Exits 1 when the report was not made by the `engine` build (its `timing.engine`)."""
    with open(path, encoding="utf-8") as handle:
        report = json.load(handle)
    report.pop("runs_per_second")
    made_by = report.pop("timing")["engine"]
    if made_by != engine:
        sys.exit(f"{path} was made by the {made_by} engine, not the {engine} one")
    return json.dumps(report, ensure_ascii=False, indent=2)


def main(pure: str, compiled: str) -> int:
    a, b = games(pure, "python"), games(compiled, "compiled")
    if a != b:
        first = next(n for n, (x, y) in enumerate(zip(a.splitlines(), b.splitlines()), 1) if x != y)
        print(f"{pure} and {compiled} differ (first at line {first} without the timing)", file=sys.stderr)
        return 1
    print(f"same games: {compiled} = {pure} ({len(a)} characters without the timing)")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
