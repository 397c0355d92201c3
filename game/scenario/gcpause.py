"""Pause the cyclic garbage collector while content is loaded."""

from __future__ import annotations

import contextlib
import gc
from typing import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector, and restore it as it was.

    Loading creates hundreds of thousands of small acyclic objects; the collector's repeated full
    scans of them took about a quarter of the time (issue 15 measured it again: a fresh `validate` of
    2,000 generated events took 1,122 ms CPU without the pause and 851 ms with it, over the 1-second
    budget without; bench/README.md). Reference counting still frees garbage.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
