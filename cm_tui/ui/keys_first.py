"""Keys first: work running beside the UI thread waits while the user is typing.

A thread that reads a file (``ui/queue_import_flow.py``) or syncs an account's backlog
(``ui/net_live.py``) competes with the UI thread for the interpreter: the GIL's switch
interval is 5 ms, and a frame gives the GIL up at each system call, so a key pressed while the
other thread works took 25 ms to show instead of 7 (docs/architecture.md, "Imports" and "Live
accounts in the app"). Such a thread calls ``pace(app)`` between two steps of its work: while
a key came less than ``KEYS_QUIET`` ago (``CmTuiApp.last_key_at``, stamped as each key
arrives) it sleeps, so the UI thread has the interpreter to itself; it goes on in the pauses
between keys, and after ``KEYS_WAIT_STEPS`` checks in any case (a key held down all day must
not stop the work for good).
"""

from __future__ import annotations

import time
from typing import Protocol


class StampsKeys(Protocol):
    #: ``time.monotonic()`` of the last key the app received
    last_key_at: float


#: the work goes on once no key came for this long (seconds)...
KEYS_QUIET = 0.05
#: ...checking every ``KEYS_STEP``, and at most ``KEYS_WAIT_STEPS`` times in a row
KEYS_STEP = 0.002
KEYS_WAIT_STEPS = 500


def pace(app: StampsKeys) -> None:
    """Return once no key came for ``KEYS_QUIET`` (at once if none did), or after
    ``KEYS_WAIT_STEPS`` checks. Called from a worker thread, never the UI thread."""
    for _ in range(KEYS_WAIT_STEPS):
        if time.monotonic() - app.last_key_at >= KEYS_QUIET:
            return
        time.sleep(KEYS_STEP)
