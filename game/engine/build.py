"""Which build of the engine is running: the pure-Python one, or the optional compiled one (mypyc; README,
"Faster simulations"), so that every speed figure says what produced it. Both play the same games."""

from __future__ import annotations

import importlib.machinery

from game.engine import fast

PYTHON = "python"
COMPILED = "compiled"


def engine_build(module_file: str | None = None) -> str:
    """"compiled" when the engine's hot path (`game.engine.fast`, or the module file given) was loaded from a
    C extension (a file ending in one of this interpreter's extension suffixes, e.g. `.cpython-311-x86_64-linux-gnu.so`),
    else "python"."""
    path = fast.__file__ if module_file is None else module_file
    return COMPILED if path and path.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)) else PYTHON
