"""The player's intention, stated before week 1, and how the debrief compares it with what they did (issue 12).

An intention is a small dict stored in saves and records: {"trace_share": percent of hours the player means to
spend on traces (0, 25, 50 or 75), "falsify": "never" | "if_needed" | "undecided"}. The comparison reads the
finished game: the share of hours spent on trace actions, the lines crossed and the idle index (A3: traces
crowd out service; A1/A4: figures reported with nothing behind them).
"""

from __future__ import annotations

from game.engine import GameState, Outcome
from game.i18n import t, tn

TRACE_SHARES = (0, 25, 50, 75)
FALSIFY = ("never", "if_needed", "undecided")


def make_intention(trace_share: object, falsify: object) -> dict:
    """A valid intention; raises ValueError for a share or answer outside the choices."""
    if trace_share not in TRACE_SHARES:
        raise ValueError(f"trace_share must be one of {TRACE_SHARES}, not {trace_share!r}")
    if falsify not in FALSIFY:
        raise ValueError(f"falsify must be one of {FALSIFY}, not {falsify!r}")
    return {"trace_share": trace_share, "falsify": falsify}


def valid_intention(value: object) -> dict | None:
    """The intention read from a file, or None when it is missing or not one we wrote (never an error)."""
    if not isinstance(value, dict):
        return None
    try:
        return make_intention(value.get("trace_share"), value.get("falsify"))
    except (ValueError, TypeError):
        return None


def trace_share_played(state: GameState) -> float:
    """Percent (0-100) of the hours spent that went into trace actions."""
    total = sum(state.kind_hours.values())
    return 100.0 * state.kind_hours.get("trace", 0.0) / total if total else 0.0


def compare(intention: dict | None, state: GameState, done: Outcome, lang: str) -> list[str]:
    """Sentences setting what the player meant against what they did ([] with no intention)."""
    intention = valid_intention(intention)
    if intention is None:
        return []
    lines = [t("intent.trace_said", lang, said=intention["trace_share"], did=f"{trace_share_played(state):.0f}")]
    crossed, idle = len(done.crossed), f"{done.idle_index:.2f}"
    if intention["falsify"] == "never":
        lines.append(t("intent.never_kept", lang) if crossed == 0 and done.idle_index < 0.05
                     else tn("intent.never_broken", crossed, lang, idle=idle))
    else:
        lines.append(tn(f"intent.said_{intention['falsify']}", crossed, lang, idle=idle))
    return lines
