"""The cyclic garbage collector paused for a large import (the app's and ``cm-tui import``'s).

A large import builds hundreds of thousands of objects that all survive (the rows' records, the
documents written for them): each generation-2 collection it triggers walks them all again, so
the collector took a third of a 100,000-row export's import (CPU time: 3.5 s with it, 2.4 s
without), and in the app it held the interpreter for 15-40 ms at a time while the UI thread
waited. The records hold no reference cycles, so pausing it for the import leaks nothing; it
runs again when the import ends. A collector already off (the app's start-up) is left off.
docs/architecture.md, "Platform exports".
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside the block; the collector as it was after it."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


__all__ = ["collector_paused"]
