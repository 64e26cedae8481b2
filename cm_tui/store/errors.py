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
    """Another process holds the store's exclusive lock."""

    def __init__(self, db: Path, pid: int | None, host: str) -> None:
        super().__init__(db, pid, host)
        self.db = db
        self.pid = pid
        self.host = host

    def message(self) -> str:
        pid = "?" if self.pid is None else str(self.pid)
        return t("store.locked", db=self.db.name, pid=pid, host=self.host or "?")


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
