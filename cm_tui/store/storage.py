"""TinyDB storage: the whole database in memory, a snapshot file plus a journal of changes on disk.

* ``read()`` returns the live dict (no copy, no disk): reads cost nothing after open.
  ``table(name)`` returns one table: the big tables of a sealed snapshot are parsed there, on
  first read (``pending``, see ``load``); ``read()`` parses whatever is left.
* Table writes go through ``transaction()``: ``JournaledTable`` hands its updater a
  ``TrackingMap`` from ``tracker()``; when the outermost transaction ends, the touched documents
  that changed become ONE journal line, written and fsync'd before the caller returns (O(changed
  documents), whatever the size of the store). Big changes (more than ``SNAPSHOT_THRESHOLD``
  documents) are written as a full snapshot instead.
* If that write fails, the touched documents are put back as they were and ``StoreWriteError``
  is raised: memory never holds a change the disk does not.
* ``write(data)`` (TinyDB's whole-database operations: ``drop_table``/``drop_tables``) writes a
  full snapshot.
* ``compact()`` writes a snapshot of memory and starts a new, empty journal; it runs when the
  journal exceeds ``compact_entries`` entries or ``compact_bytes`` bytes, and at close.

The snapshot carries the change number (``seq``) of the last change it contains; each journal
entry carries its own, so replay skips what a snapshot already has (see ``journal.pending``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from tinydb.storages import Storage

from cm_tui.store import load
from cm_tui.store.atomic import Blob, DirSyncError, write_atomic
from cm_tui.store.errors import StoreWriteError
from cm_tui.store.journal import JournalWriter
from cm_tui.store.journal import read as read_journal
from cm_tui.store.paths import StorePaths
from cm_tui.store.schema import Data
from cm_tui.store.tracking import TrackingMap

#: Above this many changed documents in one transaction, a snapshot is cheaper than a journal line
#: (and keeps the journal small); conditional updates that rewrite a whole table land here.
SNAPSHOT_THRESHOLD = 1000

Listener = Callable[[set[str] | None], None]


class DurableStorage(Storage):
    def __init__(
        self,
        paths: StorePaths,
        data: Data,
        seq: int,
        journal: JournalWriter | None,
        *,
        compact_entries: int = 2000,
        compact_bytes: int = 8 << 20,
        pending: dict[str, memoryview] | None = None,
    ) -> None:
        self.paths = paths
        self._data = data
        self._pending = pending or {}
        self.seq = seq
        self._journal = journal  # None: read-only
        self.compact_entries = compact_entries
        self.compact_bytes = compact_bytes
        self._next_compact = compact_entries
        self._trackers: dict[str, TrackingMap] = {}
        self._created: set[str] = set()
        self._depth = 0
        self._aborted = False
        self._poisoned: str | None = None
        self._lock = threading.RLock()
        self._listeners: list[Listener] = []
        self.closed = False
        #: The last error of a background duty (compaction) that did not fail any write.
        self.last_error: Exception | None = None

    # ------------------------------------------------------------------ TinyDB Storage API

    def read(self) -> Data:
        if self._pending:
            self._load_pending(list(self._pending))
        return self._data

    def table(self, name: str) -> dict[str, Any] | None:
        """Table ``name`` (``None`` if the store has none), parsed first if still pending."""
        if name in self._pending:
            self._load_pending([name])
        return self._data.get(name)

    def _load_pending(self, names: list[str]) -> None:
        with self._lock:
            load.parse_pending(self._data, self._pending, names)

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Whole-database write (TinyDB ``drop_table``/``drop_tables``): a full snapshot."""
        with self._lock:
            self._check_writable()
            if self._depth:
                raise RuntimeError("whole-database writes are not allowed inside a transaction")
            if data is not self._data:
                self._data.clear()
                self._data.update(data)
            seq = self.seq + 1
            try:
                self._snapshot(seq)
            except DirSyncError as exc:
                self.seq = seq
                raise StoreWriteError(str(exc), uncertain=True) from exc
            except Exception as exc:
                # TinyDB mutated the live dict before calling us: read the truth back from disk.
                self._reload_from_disk()
                raise StoreWriteError(_reason(exc)) from exc
            finally:
                self._notify(None)

    def close(self) -> None:
        """Compact (so the next open starts from one file) and close the journal. Idempotent."""
        with self._lock:
            if self.closed:
                return
            self.closed = True
            if self._journal is None:
                return
            if (self._journal.entries or self._journal.broken) and self._poisoned is None:
                try:
                    self._snapshot(self.seq)
                except Exception as exc:  # the journal still holds every change
                    self.last_error = exc
            self._journal.close()

    # ------------------------------------------------------------------ transactions

    @property
    def readonly(self) -> bool:
        return self._journal is None

    def add_listener(self, listener: Listener) -> None:
        """``listener(tables)`` runs when memory was put back (None = every table)."""
        self._listeners.append(listener)

    def tracker(self, name: str) -> TrackingMap:
        """The tracking view of table ``name`` for the current transaction (created if needed)."""
        if not self._depth:
            raise RuntimeError("table writes must run inside storage.transaction()")
        tracker = self._trackers.get(name)
        if tracker is None:
            raw = self.table(name)
            if raw is None:
                raw = self._data[name] = {}
                self._created.add(name)
            tracker = self._trackers[name] = TrackingMap(raw)
        return tracker

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes into one durable journal entry; nestable (the outermost one commits).

        If an exception escapes any level, everything written since the outermost transaction
        began is put back at once; the outer block then cannot write any more and ends with
        ``StoreWriteError`` if it swallowed the exception.
        """
        with self._lock:
            self._check_writable()
            if self._aborted:
                raise StoreWriteError("aborted", key="store.tx_aborted")
            self._depth += 1
            try:
                yield
            except BaseException:
                self._depth -= 1
                self._rollback()
                self._aborted = self._depth > 0
                raise
            self._depth -= 1
            if self._depth:
                return
            if self._aborted:
                self._aborted = False
                raise StoreWriteError("aborted", key="store.tx_aborted")
            self._commit()

    def _commit(self) -> None:
        trackers, created = self._trackers, self._created
        seq = self.seq + 1
        try:
            changes: dict[str, Any] = {}
            count = 0
            for name, tracker in trackers.items():
                table_changes = tracker.changes()
                if table_changes:
                    changes[name] = table_changes
                    count += len(table_changes)
            for name in created:  # a table is only worth a line once it holds something
                if not self._data.get(name):
                    self._data.pop(name, None)
            if not changes:
                self._trackers, self._created = {}, set()
                return
            assert self._journal is not None
            if count > SNAPSHOT_THRESHOLD or self._journal.broken:
                self._snapshot(seq)
            else:
                self._journal.append(seq, changes)
        except DirSyncError as exc:  # the snapshot is in place: memory must keep the change
            self._trackers, self._created = {}, set()
            self.seq = seq
            raise StoreWriteError(str(exc), uncertain=True) from exc
        except Exception as exc:
            self._rollback()
            raise StoreWriteError(_reason(exc)) from exc
        self._trackers, self._created = {}, set()
        self.seq = seq
        self._maybe_compact()

    def _rollback(self) -> None:
        trackers, created = self._trackers, self._created
        self._trackers, self._created = {}, set()
        for tracker in trackers.values():
            tracker.restore()
        for name in created:
            if not self._data.get(name):
                self._data.pop(name, None)
        if trackers:
            self._notify(set(trackers))

    # ------------------------------------------------------------------ snapshots

    def compact(self) -> Blob:
        """Write memory as the new snapshot and start an empty journal; return the snapshot's
        bytes (raises on failure)."""
        with self._lock:
            self._check_writable()
            if self._depth:
                raise RuntimeError("cannot compact inside a transaction")
            return self._snapshot(self.seq)

    def _maybe_compact(self) -> None:
        journal = self._journal
        assert journal is not None
        if journal.entries < self._next_compact and journal.size < self.compact_bytes:
            return
        try:
            self._snapshot(self.seq)
        except Exception as exc:  # the write is already durable in the journal: retry later
            self.last_error = exc
            self._next_compact = journal.entries + max(1, self.compact_entries // 10)
        else:
            self._next_compact = self.compact_entries

    def _snapshot(self, seq: int) -> Blob:
        """Snapshot memory as change ``seq``, then reset the journal to continue it.

        Raises before the rename (nothing changed on disk) or ``DirSyncError`` after it. A
        failing journal reset does not raise: the snapshot already holds everything, and the old
        journal stays consistent with it (its entries up to ``seq`` are skipped at replay).
        """
        blob = load.snapshot_chunks(self.read(), seq)
        write_atomic(self.paths.db, blob)
        self.seq = seq
        assert self._journal is not None
        try:
            self._journal.reset(seq, blob)
        except OSError as exc:
            self.last_error = exc
        return blob

    def _reload_from_disk(self) -> None:
        try:
            raw = self.paths.db.read_bytes()
            loaded = load.finish(
                load.parse_snapshot(raw, self.paths.db.name), read_journal(self.paths.journal)
            )
        except Exception as exc:
            self._poisoned = _reason(exc)
            return
        self._pending = {}
        self._data.clear()
        self._data.update(loaded.data)
        self.seq = loaded.seq

    def _check_writable(self) -> None:
        if self.closed:
            raise StoreWriteError("closed", key="store.closed")
        if self._journal is None:
            raise StoreWriteError("read-only", key="store.readonly")
        if self._poisoned is not None:
            raise StoreWriteError(self._poisoned)

    def _notify(self, tables: set[str] | None) -> None:
        for listener in self._listeners:
            listener(tables)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror if not exc.filename else f"{exc.strerror}: {exc.filename}"
    return str(exc) or type(exc).__name__
