"""A tiny seeded generator (splitmix64) whose whole state is one integer.

An integer state copies for free with the game state and gives the same numbers on every Python and
machine, which `random.Random` does not promise across versions.
"""

from __future__ import annotations

MASK = (1 << 64) - 1


def seed_state(seed: int) -> int:
    """The generator state for a seed (any int, negative or huge)."""
    return (seed * 0x9E3779B97F4A7C15 + 0x632BE59BD9B4E019) & MASK


GOLDEN = 0x9E3779B97F4A7C15


def float_at(state: int) -> float:
    """The float that `next_float` returns when its new state is `state` (for skipping ahead: k calls
    from state s end at (s + k * GOLDEN) & MASK, and only the last one's number may be needed)."""
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    z ^= z >> 31
    return (z >> 11) / 9007199254740992.0


def next_float(state: int) -> tuple[float, int]:
    """A float in [0, 1) and the next state."""
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    z ^= z >> 31
    return (z >> 11) / 9007199254740992.0, state
