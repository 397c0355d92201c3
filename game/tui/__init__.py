"""The terminal game (Textual): screens, widgets, dialogs and their stylesheets.

Only `grassroots play` imports this package. The engine decides every rule; this package renders state
and sends the player's decisions. `present/` turns engine state into plain view values for the widgets.
"""
