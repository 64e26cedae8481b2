"""Where the files of one store live, all derived from the data file's path."""

from __future__ import annotations

from pathlib import Path

from cm_tui.core.value import Value, frozen


@frozen
class StorePaths(Value):
    """The files of the store whose snapshot is ``db`` (e.g. ``…/store.json``).

    * ``journal``: append-only log of changes since the snapshot (``store.journal``);
    * ``lock``: the file ``flock``'d by the process that writes (``store.lock``);
    * ``backups``: one copy of the snapshot per day (``store.backups/store-YYYY-MM-DD.json``);
    * ``archive``: closed queue items, one file per month (``store.archive/queue-YYYY-MM.json``).
    """

    db: Path
    journal: Path
    lock: Path
    backups: Path
    archive: Path

    @classmethod
    def for_db(cls, path: Path | str) -> StorePaths:
        db = Path(path).expanduser().absolute()
        stem = db.with_suffix("") if db.suffix else db
        return cls(
            db=db,
            journal=stem.with_name(stem.name + ".journal"),
            lock=stem.with_name(stem.name + ".lock"),
            backups=stem.with_name(stem.name + ".backups"),
            archive=stem.with_name(stem.name + ".archive"),
        )

    @property
    def folder(self) -> Path:
        return self.db.parent

    @property
    def archive_index(self) -> Path:
        return self.archive / "index.json"
