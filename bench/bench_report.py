"""Class report benchmark: what the chart and template libraries cost to import, and how long
`grassroots report` takes over a class of records.

Run: .venv/bin/python bench/bench_report.py [--records 30] [--repeat 5]

- Import cost: a fresh interpreter importing pygal, Jinja2 (and both), minus a bare interpreter; best of
  `--repeat`. They are imported only by `grassroots report`, never by play, validate or simulate.
- Report: `simulate --records` writes the records into a temporary folder (5 strategies), then the report
  is built (every record verified by replaying it) and rendered as text, JSON, CSV and HTML; best of
  `--repeat` for each step.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def fresh(code: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
        best = min(best, time.perf_counter() - started)
    return best


def best_of(repeat: int, work) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=30, help="records to report on (a multiple of 5)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    bare = fresh("pass", args.repeat)
    for name, code in (("pygal", "import pygal"), ("jinja2", "import jinja2"),
                       ("both", "import pygal, jinja2")):
        print(f"import {name:7s} {1000 * (fresh(code, args.repeat) - bare):7.1f} ms over a bare interpreter")

    from game.cli.main import main as cli
    from game.workshop.report_build import build_report
    from game.workshop.report_html import report_html
    from game.workshop.report_text import csv_report, text_report

    with tempfile.TemporaryDirectory() as folder:
        with contextlib.redirect_stdout(io.StringIO()):
            cli(["simulate", "--runs", str(max(1, args.records // 5)), "--strategy", "all", "--jobs", "1",
                 "--records", folder])
        count = len(list(Path(folder).glob("*.json")))
        report = build_report([folder], "en", pool_seeds=True)
        steps = {
            "verify + group": lambda: build_report([folder], "en", pool_seeds=True),
            "text": lambda: text_report(report),
            "json": lambda: json.dumps(report.to_json(), ensure_ascii=False),
            "csv": lambda: csv_report(report),
            "html": lambda: report_html(report),
        }
        for name, work in steps.items():
            print(f"{name:15s} {1000 * best_of(args.repeat, work):8.1f} ms  ({count} records)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
