"""`Discard`: a happenings list that keeps nothing.

It lives alone because a subclass of a built-in type cannot be a compiled (mypyc) class: the optional
compiled build leaves this module interpreted and compiles the modules that use it.
"""

from __future__ import annotations


class Discard(list):
    """A happenings list that keeps nothing: for simulations, which only need the final state."""

    def append(self, item: object) -> None:
        return None
