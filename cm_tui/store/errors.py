"""Errors raised by the store.

Every error's ``str()`` is one translated line that says what went wrong and what to do, so the
CLI and the UI can show it as is. The text is built when it is shown (``__str__``), so it follows
the language chosen after the error was raised.
"""

from __future__ import annotations

from pathlib import Path

from cm_tui.core.i18n import t


class StoreError(Exception):
    """Base class of every store error."""

    def message(self) -> str:
        return super().__str__()

    def __str__(self) -> str:
        return self.message()


class StoreLocked(StoreError):
    """Another process holds the store's exclusive lock; ``holder`` says which command it is
    (``HOLDERS``: the app, an import…; ``""`` if its lock file does not say)."""

    def __init__(self, db: Path, pid: int | None, host: str, holder: str = "") -> None:
        super().__init__(db, pid, host, holder)
        self.db = db
        self.pid = pid
        self.host = host
        self.holder = holder

    def holder_name(self) -> str:
        """``the cm-tui app``, ``cm-tui import``… (translated)."""
        return holder_name(self.holder)

    def busy(self) -> bool:
        """The holder is a command that ends by itself (an import, a restore, a demo), not
        an app someone has to close."""
        return self.holder in HOLDERS and self.holder not in LASTING_HOLDERS

    def message(self) -> str:
        pid = "?" if self.pid is None else str(self.pid)
        return t(
            "store.locked",
            db=self.db.name,
            holder=self.holder_name(),
            pid=pid,
            host=self.host or "?",
        )


#: What a lock holder can be (written in the lock file, ``lock.StoreLock.acquire``).
#: ``sync``: one ``cm-tui sync --once`` pass (ends by itself); ``sync_loop``: ``cm-tui sync``
#: running until stopped (to be stopped, like the app).
HOLDERS = ("app", "import", "restore", "demo", "sync", "sync_loop")
#: Holders someone has to close (the others end by themselves).
LASTING_HOLDERS = ("app", "sync_loop")


def holder_name(holder: str) -> str:
    """The translated name of a lock holder; any other value is "another cm-tui"."""
    return t(f"store.holder.{holder}" if holder in HOLDERS else "store.holder.other")


class StoreNotWritable(StoreError):
    """The store's folder does not let us create files: said at open, before any change is
    typed (every snapshot, backup and compaction writes a new file there)."""

    def __init__(self, folder: Path, reason: str) -> None:
        super().__init__(folder, reason)
        self.folder = folder
        self.reason = reason

    def message(self) -> str:
        return t("store.not_writable", folder=self.folder, reason=self.reason)


class NotAStore(StoreError):
    """The data file exists but is nobody's store: not a regular file, or neither empty nor
    holding cm-tui's ``_meta`` table, with no journal or backups beside it (``--db notes.md``,
    a symlink to a system file). It is left exactly as it is: only a damaged *store* is moved
    aside."""

    def __init__(self, db: Path) -> None:
        super().__init__(db)
        self.db = db

    def message(self) -> str:
        return t("store.not_a_store", db=self.db)


class StrayJournalLink(StoreError):
    """The data file and its journal are symlinks into two places: the writer would ignore the
    linked journal (``paths.stray_journal_link``), so the store is not opened."""

    def __init__(self, link: Path, journal: Path) -> None:
        super().__init__(link, journal)
        self.link = link
        self.journal = journal

    def message(self) -> str:
        return t("store.stray_journal_link", link=self.link, journal=self.journal)


class StoreCorrupt(StoreError):
    """A store file does not load. ``moved_to`` is where it was moved aside (``None`` if kept).

    ``reason`` is a short translated phrase ("the file is empty"); ``backups`` is the folder of the
    rotating backups the message points to. The message names ``restore_command`` and says
    whether that folder holds a backup for it to bring back; the CLI adds ``--db`` to the command
    when the store is not the default one, since ``cm-tui restore`` alone restores that one.
    """

    restore_command = "cm-tui restore"

    def __init__(
        self,
        path: Path,
        reason: str,
        *,
        moved_to: Path | None = None,
        backups: Path | None = None,
    ) -> None:
        super().__init__(path, reason, moved_to)
        self.path = path
        self.reason = reason
        self.moved_to = moved_to
        self.backups = backups if backups is not None else path.parent

    def message(self) -> str:
        key = "store.corrupt.moved" if self.moved_to is not None else "store.corrupt.kept"
        if not _holds_backups(self.backups):
            key += "_no_backup"
        return t(
            key,
            db=self.path.name,
            reason=self.reason,
            moved=self.moved_to,
            backups=self.backups,
            restore=self.restore_command,
        )


class BackupRefused(StoreCorrupt):
    """``restore`` was given a backup that does not load: nothing was changed."""

    def message(self) -> str:
        return t("store.backup_refused", backup=self.path, reason=self.reason)


def _holds_backups(folder: Path) -> bool:
    try:
        return any(entry.suffix == ".json" for entry in folder.iterdir())
    except OSError:
        return False


class SchemaTooNew(StoreError):
    """The file was written by a newer cm-tui: never opened (nor overwritten) by this one."""

    def __init__(self, path: Path, found: int, known: int) -> None:
        super().__init__(path, found, known)
        self.path = path
        self.found = found
        self.known = known

    def message(self) -> str:
        return t("store.schema_too_new", db=self.path.name, found=self.found, known=self.known)


class StoreWriteError(StoreError):
    """A write did not become durable; memory was left as it was before the write.

    ``uncertain`` is True in the rare case where the new file was renamed into place but the
    folder could not be synced: memory then matches the file on disk, but a power cut might
    still lose it.
    """

    def __init__(self, reason: str, *, key: str = "store.write_failed", uncertain: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.key = key
        self.uncertain = uncertain

    def message(self) -> str:
        if self.key != "store.write_failed":
            return t(self.key)
        key = "store.write_uncertain" if self.uncertain else "store.write_failed"
        return t(key, reason=self.reason)


class NoBackup(StoreError):
    """``restore`` found no valid backup to restore."""

    def __init__(self, backups: Path) -> None:
        super().__init__(backups)
        self.backups = backups

    def message(self) -> str:
        return t("store.no_backup", backups=self.backups)
