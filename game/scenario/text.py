"""Pick the right language from player-facing text."""

from __future__ import annotations

from game.safe_text import clean
from game.scenario.models import LocalizedText, Text


def localize(text: Text | None, lang: str, fallback: str = "en") -> str:
    """The text in `lang`, else the fallback language, else any language present; cleaned of control
    characters, escape sequences and bidi overrides (content is untrusted text: a YAML escape
    can write an ESC), since every screen and `replay` take content text from here."""
    if text is None:
        return ""
    if isinstance(text, str):
        return clean(text)
    for code in (lang, fallback, "zh", "en"):
        value = getattr(text, code, None)
        if value:
            return clean(value)
    return ""


__all__ = ["LocalizedText", "localize"]
