"""Themes: Textual's dark and light, and a high-contrast theme of our own."""

from __future__ import annotations

from textual.theme import Theme

from game.tui.start import DEFAULT_THEME  # the theme a first start uses (start.py: it must not import Textual)

HIGH_CONTRAST = Theme(
    name="grassroots-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    warning="#FFB000",
    error="#FF6060",
    success="#00FF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#202020",
    boost="#303030",
    dark=True,
    variables={
        "text-muted": "#FFFFFF",
        "border": "#FFFFFF",
        "border-blurred": "#C0C0C0",
        "footer-key-foreground": "#FFFF00",
        "block-cursor-background": "#FFFF00",
        "block-cursor-foreground": "#000000",
        "block-cursor-text-style": "bold",
    },
)


# theme name -> i18n key of its command-palette title, in the order F3 cycles through them
THEMES = {"textual-dark": "cmd.theme_dark", "textual-light": "cmd.theme_light",
          "grassroots-contrast": "cmd.theme_contrast"}
