"""``Store``: open (lock, strict load, replay, migrate, compact, back up), write, close.

Open as a writer::

    lock store.lock ─► clean stale temp files ─► read store.json strictly ─► read the journal
      ─► replay it ─► migrate ─► check fields ─► snapshot if anything was replayed or migrated
      ─► today's backup ─► ready (every later write: one fsync'd journal line)

A file that fails any check is moved aside (its bytes kept) and ``StoreCorrupt`` says how to
restore; it is never read as an empty store and never overwritten. Open read-only: no lock, no
write, nothing moved; the journal is replayed in memory (see ``load.load_reader``).
"""

from __future__ import annotations

import os
import stat
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from cm_tui.core.clock import Clock
from cm_tui.core.i18n import t
from cm_tui.store import backups, load
from cm_tui.store import journal as journal_mod
from cm_tui.store.archive import Archive
from cm_tui.store.atomic import (
    TMP_MARK,
    Blob,
    make_private_dir,
    move_aside,
    remove_stale_tmp,
    tmp_path,
    utc_stamp,
    write_atomic,
)
from cm_tui.store.errors import (
    NotAStore,
    SchemaTooNew,
    StoreCorrupt,
    StoreNotWritable,
    StoreWriteError,
    StrayJournalLink,
)
from cm_tui.store.journal import JournalContent, JournalCorrupt, JournalWriter
from cm_tui.store.journal import read as read_journal
from cm_tui.store.lock import StoreLock
from cm_tui.store.paths import StorePaths, stray_journal_link
from cm_tui.store.repository import Repository
from cm_tui.store.schema import (
    MODELS,
    PAST_TABLES,
    PREFS_TABLE,
    SCHEMA_VERSION,
    MigrationFailed,
    MigrationMissing,
)
from cm_tui.store.storage import DurableStorage
from cm_tui.store.tracking import JournaledTable


class _TinyDB(TinyDB):
    table_class = JournaledTable


class Store:
    """One open store. Use ``Store.open``; close it (or use it as a context manager)."""

    def __init__(
        self,
        paths: StorePaths,
        storage: DurableStorage,
        lock: StoreLock | None,
        *,
        is_new: bool,
    ) -> None:
        self.paths = paths
        self.is_new = is_new
        self._storage = storage
        self._lock = lock
        self._db = _TinyDB(storage=lambda: storage)
        self.archive = Archive(paths)
        self.repo = Repository(storage, self._db.table, self.archive)
        #: Problems that did not prevent opening (e.g. today's backup could not be written).
        self.warnings: list[str] = []
        self.backups_keep = 7

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(
        cls,
        path: Path | str,
        readonly: bool = False,
        *,
        backups_keep: int = 7,
        clock: Clock | None = None,
        compact_entries: int = 2000,
        compact_bytes: int = 8 << 20,
        holder: str = "app",
    ) -> Store:
        """Open the store whose data file is ``path`` (created, empty, if missing).

        ``readonly``: no lock, nothing written (a missing file gives an empty in-memory store).
        Either way a ``path`` that is not a store raises ``NotAStore``, before anything is read.
        ``holder``: what a second writer is told holds the lock (``errors.HOLDERS``).
        A ``path`` that is a symlink is followed (``StorePaths.for_db``). Raises ``StoreLocked``,
        ``StoreCorrupt``, ``SchemaTooNew``, ``StoreNotWritable`` (no file can be created in the
        store's folder), ``StrayJournalLink`` or ``StoreWriteError``.
        """
        paths = StorePaths.for_db(path)
        if readonly:
            return cls._open_reader(paths)
        stray = stray_journal_link(path)
        if stray is not None:
            raise StrayJournalLink(stray, paths.journal)
        refuse_if_not_a_store(paths)
        _check_folder_writable(paths)
        lock = StoreLock.acquire(paths.lock, paths.db, holder)
        try:
            now = clock.now() if clock is not None else datetime.now(UTC)
            store, snapshot = cls._open_writer(paths, lock, now, compact_entries, compact_bytes)
            store.backups_keep = backups_keep
            if not store.is_new:
                store._daily_backup(now, snapshot, backups_keep)
            return store
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _open_reader(cls, paths: StorePaths) -> Store:
        refuse_if_not_a_store(paths)  # a FIFO would block the read for ever
        try:
            loaded = load.load_reader(paths)
        except load.TooNew as exc:
            raise SchemaTooNew(paths.db, exc.found, SCHEMA_VERSION) from None
        except load.SnapshotError as exc:
            raise StoreCorrupt(paths.db, exc.reason, backups=paths.backups) from None
        except JournalCorrupt as exc:
            raise StoreCorrupt(paths.journal, exc.reason, backups=paths.backups) from None
        except (MigrationMissing, MigrationFailed) as exc:
            raise StoreCorrupt(paths.db, _migration_reason(exc), backups=paths.backups) from None
        if loaded is None:
            storage = DurableStorage(paths, {}, 0, None)
            return cls(paths, storage, None, is_new=True)
        pending = loaded.snapshot.pending
        storage = DurableStorage(paths, loaded.data, loaded.seq, None, pending=pending)
        return cls(paths, storage, None, is_new=False)

    @classmethod
    def _open_writer(
        cls,
        paths: StorePaths,
        lock: StoreLock,
        now: datetime,
        compact_entries: int,
        compact_bytes: int,
    ) -> tuple[Store, Blob]:
        """Open for writing; also return the snapshot bytes now on disk (for the backup)."""
        remove_stale_tmp(paths.folder, (paths.db.name + TMP_MARK, paths.journal.name + TMP_MARK))
        remove_stale_tmp(paths.backups)
        remove_stale_tmp(paths.archive)
        stamp = utc_stamp(now)
        writer = JournalWriter(paths.journal)
        raw = load.read_file(paths.db)
        if raw is None:
            content = _read_journal_or_move(paths, stamp)
            if content.entries:
                moved = move_aside(paths.journal, "corrupt", stamp)
                reason = t("store.reason.journal_orphan")
                raise StoreCorrupt(paths.journal, reason, moved_to=moved, backups=paths.backups)
            blob = load.encode_snapshot({}, 0)
            write_atomic(paths.db, blob)
            writer.reset(0, blob)
            storage = _storage(paths, {}, 0, writer, compact_entries, compact_bytes)
            return cls(paths, storage, lock, is_new=True), blob

        sealed = journal_mod.seals(load.read_head(paths.journal), raw)
        try:
            snapshot = load.parse_snapshot(raw, paths.db.name, trusted=sealed)
        except load.SnapshotError as exc:
            raise _move_both_aside(paths, exc.reason, stamp) from None
        if snapshot.schema > SCHEMA_VERSION:
            raise SchemaTooNew(paths.db, snapshot.schema, SCHEMA_VERSION)
        content = _read_journal_or_move(paths, stamp)
        try:
            loaded = load.finish(snapshot, content)
        except JournalCorrupt as exc:
            moved = move_aside(paths.journal, "corrupt", stamp)
            raise StoreCorrupt(
                paths.journal, exc.reason, moved_to=moved, backups=paths.backups
            ) from None
        except (MigrationMissing, MigrationFailed) as exc:
            raise StoreCorrupt(paths.db, _migration_reason(exc), backups=paths.backups) from None
        except load.SnapshotError as exc:
            raise _move_both_aside(paths, exc.reason, stamp) from None

        storage = _storage(
            paths,
            loaded.data,
            loaded.seq,
            writer,
            compact_entries,
            compact_bytes,
            pending=loaded.snapshot.pending,
        )
        in_step = content.base == snapshot.seq and not content.entries and not content.torn
        on_disk: Blob = raw
        try:
            if loaded.migrated or not in_step:
                on_disk = storage.compact()
            else:
                writer.open_existing(0, paths.journal.stat().st_size)
        except OSError as exc:
            writer.close()
            raise StoreWriteError(exc.strerror or str(exc)) from exc
        return cls(paths, storage, lock, is_new=False), on_disk

    def _daily_backup(self, now: datetime, snapshot: Blob, keep: int) -> None:
        """Copy ``snapshot`` (the data file as just opened) to today's backup, if none yet.

        A failure does not stop the app: it is listed in ``warnings`` for the UI to show.
        """
        try:
            backups.take_daily_backup(self.paths, now, snapshot, keep)
        except OSError as exc:
            self.warnings.append(f"backup: {exc}")

    # ------------------------------------------------------------------ use

    @property
    def readonly(self) -> bool:
        return self._storage.readonly

    @property
    def seq(self) -> int:
        """Number of the last durable change (grows by one per transaction)."""
        return self._storage.seq

    def transaction(self) -> AbstractContextManager[None]:
        """Group several repository writes into one atomic, durable journal entry."""
        return self._storage.transaction()

    def compact(self) -> None:
        """Write a fresh snapshot and empty the journal (normally automatic)."""
        self._storage.compact()

    def maintain(self, now: datetime, archive_after_days: int) -> list[str]:
        """What a store left open for days still needs: today's backup (taken at open only
        otherwise) and ``put_away_old``.

        Cheap when there is nothing to do (a file-exists check and scans of the hot tables);
        returns the problems met (also added to ``warnings``), never raises for them.
        """
        problems: list[str] = []
        if not backups.backup_path(self.paths, backups.today(now)).exists():
            try:
                self.compact()
                snapshot = self.paths.db.read_bytes()
                backups.take_daily_backup(self.paths, now, snapshot, self.backups_keep)
            except (OSError, StoreWriteError) as exc:
                problems.append(f"backup: {exc}")
        problems += self.put_away_old(now, archive_after_days)
        self.warnings.extend(problems)
        return problems

    def put_away_old(self, now: datetime, archive_after_days: int) -> list[str]:
        """Keep what start-up reads small: closed queue items older than
        ``archive_after_days`` go to the month archives, occurrences and posts older than
        ``tiered.HOT_DAYS`` to their past tables. Returns the problems met (never raises); a
        read-only store is left as it is."""
        problems: list[str] = []
        if self.readonly:
            return problems
        try:
            self.repo.queue.archive_closed(now, archive_after_days)
        except StoreWriteError as exc:
            problems.append(f"archive: {exc}")
        try:
            self.repo.retire_old(now.date())
        except StoreWriteError as exc:
            problems.append(f"past: {exc}")
        return problems

    def close(self) -> None:
        """Compact the journal and release the lock. Idempotent."""
        try:
            self._storage.close()
        finally:
            if self._lock is not None:
                self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self.readonly else "writer"
        return f"<Store {self.paths.db} {mode} seq={self.seq}>"


def _storage(
    paths: StorePaths,
    data: Any,
    seq: int,
    writer: JournalWriter,
    compact_entries: int,
    compact_bytes: int,
    pending: dict[str, memoryview] | None = None,
) -> DurableStorage:
    return DurableStorage(
        paths,
        data,
        seq,
        writer,
        compact_entries=compact_entries,
        compact_bytes=compact_bytes,
        pending=pending,
    )


def _check_folder_writable(paths: StorePaths) -> None:
    """Create the store's folder if needed (``make_private_dir``) and prove that a file can be
    created in it, or raise ``StoreNotWritable``: a folder without write permission (or on a
    read-only file system) would otherwise let the store open, then fail the first snapshot,
    backup or compaction, long after start.

    It tries instead of asking ``os.access``, which says yes to root whatever the mode. The
    probe is named like our temp files (``atomic.tmp_path``): a crash before it is removed
    leaves nothing that the next writer's clean-up does not remove.
    """
    try:
        make_private_dir(paths.folder)
        probe = tmp_path(paths.db)
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW, 0o600))
        os.unlink(probe)
    except OSError as exc:
        raise StoreNotWritable(paths.folder, exc.strerror or str(exc)) from None


#: how much of a data file is read to tell a store from someone else's file
_HEAD_BYTES = 1 << 20


def refuse_if_not_a_store(paths: StorePaths) -> None:
    """Raise ``NotAStore`` before anything is created or moved beside a data file that is not
    a store (see ``NotAStore``): a damaged store is moved aside, someone else's file never.
    A store is recognised by its ``_meta`` table (written first, ``load.encode_snapshot``), a
    journal or backups beside it, or by being empty (a crash before the first write)."""
    try:
        info = paths.db.stat()
    except FileNotFoundError:
        return
    except OSError:
        return  # reported by the open itself
    if not stat.S_ISREG(info.st_mode):
        raise NotAStore(paths.db)
    if paths.journal.exists() or paths.backups.is_dir():
        return
    try:
        with open(paths.db, "rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError:
        return
    if head.strip(b"\0 \t\r\n") and b'"_meta"' not in head:
        raise NotAStore(paths.db)


def _read_journal_or_move(paths: StorePaths, stamp: str) -> JournalContent:
    try:
        return read_journal(paths.journal)
    except JournalCorrupt as exc:
        moved = move_aside(paths.journal, "corrupt", stamp)
        raise StoreCorrupt(
            paths.journal, exc.reason, moved_to=moved, backups=paths.backups
        ) from None


def _move_both_aside(paths: StorePaths, reason: str, stamp: str) -> StoreCorrupt:
    """Move the bad data file (and its journal, which belongs to it) aside."""
    moved = move_aside(paths.db, "corrupt", stamp)
    if paths.journal.exists():
        move_aside(paths.journal, "corrupt", stamp)
    return StoreCorrupt(paths.db, reason, moved_to=moved, backups=paths.backups)


def _migration_reason(exc: MigrationMissing | MigrationFailed) -> str:
    if isinstance(exc, MigrationFailed):
        return t("store.reason.migration_failed", version=exc.version, detail=exc.detail)
    return t("store.reason.migration_missing", version=exc.version)


def export_all(store: Store) -> dict[str, Any]:
    """Everything the store holds, in a stable order (table name, then id), ready for JSON.

    ``{"schema": 2, "tables": {name: [{"id": …, …}, …]}}``: a table and its past table
    (``tiered``) are one list; archived queue items are in ``queue_archive`` (an item also
    still in the hot table appears only in ``queue``).
    """
    data = store._storage.read()
    tables: dict[str, list[dict[str, Any]]] = {}
    for name in (set(data) | set(MODELS) | {PREFS_TABLE}) - set(PAST_TABLES.values()):
        table = (data.get(PAST_TABLES.get(name, "")) or {}) | (data.get(name) or {})
        model = MODELS.get(name)
        tables[name] = [
            {"id": int(key), **(model.complete_document(doc) if model else doc)}
            for key, doc in sorted(table.items(), key=lambda pair: int(pair[0]))
        ]
    hot = data.get("queue") or {}
    archived: dict[int, dict[str, Any]] = {}
    for month in store.archive.months():
        for key, doc in store.archive.read_docs(month).items():
            if key not in hot:
                archived[int(key)] = {"id": int(key), **MODELS["queue"].complete_document(doc)}
    tables["queue_archive"] = [archived[key] for key in sorted(archived)]
    return {"schema": SCHEMA_VERSION, "tables": dict(sorted(tables.items()))}
