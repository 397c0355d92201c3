"""Headless simulation: bots and strategies play whole games through the engine; summaries, coverage and
the teaching claims are computed from them. Imports neither Textual nor Rich (a contract checks this)."""
