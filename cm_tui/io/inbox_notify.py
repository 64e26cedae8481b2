"""File notifications for the inbox folder: the app hears a file land at once instead of at
its next poll (docs/architecture.md, "Imports").

``InboxNotifier`` watches the folder through the platform's notifications (inotify, FSEvents,
ReadDirectoryChangesW) by way of ``watchfiles``, imported in the notifier's own thread, so the
app's start-up never pays for it. It only says "something that may be an import file changed"
(``on_change``, called from that thread): what is read, and when, stays with ``InboxWatch`` and
its settle rule (``io/queue_inbox.py``), so a file still being written is never taken early.

When notifications are unavailable (``watchfiles`` not installed, a folder that cannot be
watched, the watcher failing later), ``on_unavailable`` is called once and the thread ends: the
app's poll (``PeriodicJob`` "queue inbox") goes on as it always does, notifications or not.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

#: milliseconds the watcher groups a burst of changes over before it reports them
DEBOUNCE_MS = 200
#: milliseconds between the watcher's looks at its stop flag (the thread's only idle work)
STEP_MS = 100
#: milliseconds the watcher waits before it reports it is up (and then between idle wake-ups)
TIMEOUT_MS = 1_000
#: seconds ``stop`` waits for the thread to end
STOP_SECONDS = 5.0

Watch = Callable[..., Iterator[set[tuple[Any, str]]]]


def load_watch() -> Watch:
    """``watchfiles.watch``; raises ``ImportError`` without ``watchfiles``."""
    from watchfiles import watch

    return watch


class InboxNotifier:
    """Calls ``on_change()`` when a file that may be imported lands or changes in ``folder``
    (module doc). ``watching`` is set once notifications are up; ``unavailable`` once they
    proved unavailable (after ``on_unavailable()`` was called). ``load`` gives the watch
    function (tests pass one that fails)."""

    def __init__(
        self,
        folder: Path,
        on_change: Callable[[], object],
        on_unavailable: Callable[[], object] | None = None,
        *,
        load: Callable[[], Watch] | None = None,
    ) -> None:
        self.folder = folder
        self._on_change = on_change
        self._on_unavailable = on_unavailable
        self._load = load
        #: the folder as given and as the watcher may report it (symlinks resolved)
        self._folders = {folder, folder.resolve()}
        self._reads: Callable[[str], bool] = lambda _name: True
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.watching = threading.Event()
        self.unavailable = threading.Event()

    @property
    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Start watching in a daemon thread (once)."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="inbox notifications", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop watching; returns once the thread ended (``STOP_SECONDS`` at most)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(STOP_SECONDS)

    def _lands(self, _change: object, path: str) -> bool:
        """A change worth a look: a name the inbox reads, directly in the folder (not in
        ``processed/`` or ``failed/``, nor the lock)."""
        where = Path(path)
        return where.parent in self._folders and self._reads(where.name)

    def _run(self) -> None:
        try:
            # here, not at the top: the import code is the app's to load when a file comes
            from cm_tui.io.queue_inbox import is_candidate

            self._reads = is_candidate
            watch = (self._load or load_watch)()
            changes_seen = watch(
                self.folder,
                watch_filter=self._lands,
                debounce=DEBOUNCE_MS,
                step=STEP_MS,
                stop_event=self._stop,
                rust_timeout=TIMEOUT_MS,
                yield_on_timeout=True,
                raise_interrupt=False,
                recursive=False,
            )
            for changes in changes_seen:
                self.watching.set()
                if changes and not self._stop.is_set():
                    self._on_change()
        except Exception:  # no watchfiles, a folder it cannot watch, the watcher broke
            if not self._stop.is_set():
                self._unavailable()
            return
        if not self._stop.is_set():  # the watcher ended by itself
            self._unavailable()

    def _unavailable(self) -> None:
        self.watching.clear()
        if self._on_unavailable is not None:
            with contextlib.suppress(Exception):
                self._on_unavailable()
        self.unavailable.set()
