"""The command line's output streams: untrusted text cleaned on the way out, write failures made clear.

Every command but `play` prints through `CleanStream`s that replace sys.stdout and sys.stderr: what a
save, record, scenario or name holds reaches the terminal without control characters, escape sequences
(colour and bold excepted) or bidi overrides (see game/safe_text.py). A failed write (a full disk, a closed or vanished output)
becomes `OutputError`, which `main` turns into one line and exit code 4; a reader that went away
(`grassroots simulate | head -1`) is normal use and exits 0.
"""

from __future__ import annotations

import os
import re
import sys
from contextlib import suppress
from typing import TextIO

from game.safe_text import clean

OUTPUT_FAILED = 4  # exit code: the output could not be written


class OutputError(OSError):
    """Writing to standard output or error failed (not a problem of the command's own files)."""


class ReaderGone(Exception):
    """The reader of standard output went away (a broken pipe). Not an OSError, so that libraries which
    handle a broken pipe their own way (Rich exits with code 1) let it reach `main`, which exits 0."""


class CleanStream:
    """A text stream that cleans what is written to it and reports write failures as OutputError.
    Rich consoles that style their own text write to `.raw` (their content is cleaned before)."""

    def __init__(self, raw: TextIO, name: str) -> None:
        self.raw, self.name = raw, name
        self.failed: OutputError | None = None  # remembered: some writers (argparse) swallow write errors

    def write(self, text: str) -> int:
        try:
            return self.raw.write(clean_keeping_colours(text))
        except BrokenPipeError:
            raise ReaderGone(self.name) from None
        except (OSError, ValueError) as err:
            self.failed = OutputError(getattr(err, "errno", None) or 0, _reason(err), self.name)
            raise self.failed from None

    def flush(self) -> None:
        try:
            self.raw.flush()
        except BrokenPipeError:
            raise ReaderGone(self.name) from None
        except (OSError, ValueError) as err:
            self.failed = OutputError(getattr(err, "errno", None) or 0, _reason(err), self.name)
            raise self.failed from None
        if self.failed is not None:
            raise self.failed

    def __getattr__(self, name: str):
        return getattr(self.raw, name)


_SGR = re.compile(r"\x1b\[[0-9;]*m")


def clean_keeping_colours(text: str) -> str:
    """`clean`, except that colour and bold sequences (SGR: ESC [ numbers m), which Rich writes for tables
    and which can neither move the cursor nor retitle the terminal, survive."""
    if "\x1b" not in text:
        return clean(text)
    parts = _SGR.split(text)
    styles = _SGR.findall(text)
    out = [clean(parts[0])]
    for style, part in zip(styles, parts[1:]):
        out += [style, clean(part)]
    return "".join(out)


def _reason(err: BaseException) -> str:
    if isinstance(err, OSError) and err.strerror:
        return err.strerror
    return "it is closed" if isinstance(err, ValueError) else str(err)


def install() -> str:
    """Wrap sys.stdout and sys.stderr; return a problem line when standard output is closed ("" if not)."""
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - nowhere to say anything
    if not isinstance(sys.stderr, CleanStream):
        sys.stderr = CleanStream(sys.stderr, "standard error")
    if sys.stdout is None:
        return "standard output is closed, so nothing can be printed"
    if not isinstance(sys.stdout, CleanStream):
        sys.stdout = CleanStream(sys.stdout, "standard output")
    return ""


def raw(stream: TextIO | None) -> TextIO | None:
    """The stream under a CleanStream (for Rich consoles that write their own styles)."""
    return stream.raw if isinstance(stream, CleanStream) else stream


def silence_stdout() -> None:
    """After the output failed or its reader left: send what is left to /dev/null, so the interpreter's
    final flush does not fail again and print a second error."""
    with suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, raw(sys.stdout).fileno())  # type: ignore[union-attr]  # None: AttributeError, suppressed
        os.close(devnull)


def finish() -> None:
    """Flush standard output now, so a failure is reported by `main` rather than at interpreter exit."""
    if sys.stdout is not None:
        sys.stdout.flush()
