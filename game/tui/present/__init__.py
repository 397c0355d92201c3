"""Plain view values built from engine state for the widgets (no Textual here, no game rules)."""
