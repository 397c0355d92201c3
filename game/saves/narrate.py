"""Replay narration lives in the headless narration module (game/narrate/replay.py); kept as an alias."""

from game.narrate.replay import heading, narrate, summary

__all__ = ["heading", "narrate", "summary"]
