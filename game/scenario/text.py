"""Pick the right language from player-facing text."""

from __future__ import annotations

from game.scenario.models import LocalizedText, Text


def localize(text: Text | None, lang: str, fallback: str = "en") -> str:
    """The text in `lang`, else the fallback language, else any language present."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    for code in (lang, fallback, "zh", "en"):
        value = getattr(text, code, None)
        if value:
            return value
    return ""


__all__ = ["LocalizedText", "localize"]
