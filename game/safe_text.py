"""One cleaner for untrusted text before it reaches a screen or a terminal.

Text from saves, records, player names and scenario content can carry control characters, ANSI/OSC
escape sequences (which can retitle a terminal, move the cursor or blank the screen) and bidi overrides
(which reorder what is shown). The checksum of a save proves nothing about its text: anyone can
recompute it. Every boundary (the save reader, the content loader's text look-up, CLI output, the TUI's
inputs and lists) passes such text through `clean`. Imports neither Textual nor Rich.
"""

from __future__ import annotations

import re
import unicodedata

# ESC-introduced sequences: CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC (ESC ] ... BEL or ST), and two-char ones.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"               # CSI
    r"|\x1b[\]PX^_].*?(?:\x07|\x1b\\|$)"      # OSC, DCS, SOS, PM, APC up to BEL or ST (or the end)
    r"|\x9b[0-?]*[ -/]*[@-~]?"                # 8-bit CSI
    r"|[\x90\x98\x9d\x9e\x9f].*?(?:\x07|\x9c|$)"  # 8-bit OSC/DCS/... up to BEL or ST
    r"|\x1b[ -/]*[0-~]?",                     # any other escape
    re.DOTALL,
)
# Bidi embeddings, overrides, isolates and marks: they reorder what the terminal shows.
BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
# Anything `clean` would change, but newline and tab: controls (C0, DEL, C1), lone surrogates, bidi.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff" + "".join(sorted(BIDI)) + "]")


def _keep(ch: str, keep_newlines: bool) -> bool:
    if ch == "\n":
        return keep_newlines
    if ch == "\t":
        return True
    if ch in BIDI:
        return False
    category = unicodedata.category(ch)
    # Cc: controls (C0, DEL, C1); Cs: lone surrogates; Co/Cn: private/unassigned are harmless and kept.
    return category not in ("Cc", "Cs")


def clean(text: object, keep_newlines: bool = True) -> str:
    """`text` as a string without escape sequences, control characters (except tab, and newline when
    `keep_newlines`), lone surrogates or bidi overrides. CR and CR LF become newlines (or spaces).
    Zero-width joiners and variation selectors stay (they belong to emoji and some scripts)."""
    value = str(text)
    if _UNSAFE.search(value) is None:
        return value if keep_newlines or "\n" not in value else value.replace("\n", " ")  # the common case, fast
    value = _ESCAPES.sub("", value)
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if not keep_newlines:
        value = value.replace("\n", " ")
    return "".join(ch for ch in value if _keep(ch, keep_newlines))


def clean_line(text: object) -> str:
    """`clean` for one line (newlines become spaces): names, list rows, one-line messages."""
    return clean(text, keep_newlines=False)
