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
        """The files of the store at ``path``, a symlink followed to the real file.

        Every file is written beside the real data file, under its name: a snapshot replaces
        the real file (not the link, which would leave its target stale), and the journal, lock,
        backups and archive are those of the real file, whichever path opened it (a lock next
        to the link would let a second writer in through the other path). A store whose data
        file and journal are both links must link them into one folder, under matching names.
        """
        db = _follow(Path(path).expanduser().absolute())
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


def _follow(db: Path) -> Path:
    """``db`` with its symlinks resolved (also a link whose target does not exist yet: the store
    is created there); ``db`` as given if it is no link or the links loop (opening it then
    fails with the system's own message)."""
    if not db.is_symlink():
        return db
    try:
        return db.resolve()
    except (OSError, RuntimeError):
        return db


def stray_journal_link(path: Path | str) -> Path | None:
    """The journal beside ``path`` when ``path`` is a symlink and that journal is a symlink too,
    to another file than the journal beside the real data file (``StorePaths.for_db``): its
    changes would be ignored, so the store is refused rather than opened without them."""
    given = Path(path).expanduser().absolute()
    if not given.is_symlink():
        return None
    stem = given.with_suffix("") if given.suffix else given
    link = stem.with_name(stem.name + ".journal")
    if link.is_symlink() and _follow(link) != StorePaths.for_db(given).journal:
        return link
    return None
