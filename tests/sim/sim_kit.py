"""Helpers for simulator tests: a tiny scenario whose coverage and claims are known in advance."""

from __future__ import annotations

from pathlib import Path

TINY = """
scenario:
  id: tiny
  title: Tiny
  weeks: 2
  hours_per_week: 10
  events_per_week: 1
  languages: [en]
  scoring: {upward: "a", downward: "b"}
meters:
  - {id: a, label: A, start: 50}
  - {id: b, label: B, start: 50}
directives:
  - id: d
    title: D
    level: city
    unit: u
    quota: 10
    arrives: 1
    due_in_weeks: 2
    approaches:
      - {id: fake, kind: trace, label: Fake, hours: 1, reported: 10, meters: {a: 6}}
      - {id: real, kind: service, label: Real, hours: 4, reported: 5, actual: 5, meters: {b: 5}, max_per_week: 2}
      - {id: locked, kind: other, label: Locked, hours: 0, requires: "a > 1000"}
events:
  - id: shown
    title: Shown
    text: Shown
    choices:
      - {id: x, kind: service, label: X}
      - {id: y, kind: trace, label: Y}
  - id: never
    title: Never
    text: Never
    weight: 0
    choices:
      - {id: x, kind: other, label: X}
      - {id: y, kind: other, label: Y}
endings:
  - {id: high_a, title: H, text: H, when: "a >= 56", priority: 10}
  - {id: unreachable, title: U, text: U, when: "a > 1000", priority: 20}
  - {id: fallback, title: F, text: F}
claims:
  - {id: trace_pays, text: Traces pay, holds: "mean('trace', 'a') > mean('service', 'a')"}
  - {id: false_claim, text: Never true, holds: "mean('trace', 'b') > 1000"}
  - {id: needs_reform, text: Needs reform, holds: "mean('reform', 'a') >= 0"}
"""

NEVER_TAKEN = ["d.locked", "never.x", "never.y"]


def write_tiny(folder: Path, claims: str | None = None) -> Path:
    """Write the tiny scenario into `folder`; `claims` replaces its claims section (YAML text)."""
    text = TINY if claims is None else TINY.split("claims:")[0] + "claims:\n" + claims
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "scenario.yaml").write_text(text, encoding="utf-8")
    return folder

