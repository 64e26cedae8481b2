"""Rotating daily backups and ``restore``.

At each writer open, if there is no backup for today (UTC date), the snapshot just written (after
journal replay and compaction) is copied, atomically, to ``store.backups/store-YYYY-MM-DD.json``;
only the newest ``keep`` are kept. ``restore`` puts a backup back in place of the store, after
validating it with the same strict load as the store itself; the file it replaces is moved aside,
never deleted.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

from cm_tui.store import load
from cm_tui.store.atomic import Blob, make_private_dir, move_aside, utc_stamp, write_atomic
from cm_tui.store.errors import NoBackup, SchemaTooNew, StoreCorrupt, StoreError
from cm_tui.store.lock import StoreLock
from cm_tui.store.paths import StorePaths
from cm_tui.store.schema import SCHEMA_VERSION


def _pattern(paths: StorePaths) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(paths.db.stem)}-(\d{{4}}-\d{{2}}-\d{{2}})\.json$")


def backup_path(paths: StorePaths, day: date) -> Path:
    return paths.backups / f"{paths.db.stem}-{day.isoformat()}.json"


def list_backups(path: Path | str) -> list[Path]:
    """Backups of the store at ``path``, newest first."""
    paths = StorePaths.for_db(path)
    if not paths.backups.is_dir():
        return []
    pattern = _pattern(paths)
    found = [p for p in paths.backups.iterdir() if pattern.match(p.name)]
    return sorted(found, key=lambda p: p.name, reverse=True)


def take_daily_backup(paths: StorePaths, day: date, snapshot: Blob, keep: int) -> Path | None:
    """Write today's backup from ``snapshot`` unless it exists; rotate; return the new file."""
    target = backup_path(paths, day)
    if target.exists():
        return None
    make_private_dir(paths.backups, tighten=True)
    write_atomic(target, snapshot)
    rotate(paths, keep)
    return target


def rotate(paths: StorePaths, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups; return the deleted ones."""
    removed = []
    for old in list_backups(paths.db)[max(keep, 1) :]:
        try:
            old.unlink()
            removed.append(old)
        except OSError:
            pass
    return removed


def validate(backup: Path, blob: bytes | None = None) -> load.Loaded:
    """Load ``backup`` strictly (as the store would); raise ``StoreCorrupt``/``SchemaTooNew``."""
    try:
        raw = backup.read_bytes() if blob is None else blob
        return load.finish(load.parse_snapshot(raw, backup.name), load.JournalContent(base=None))
    except load.TooNew as exc:
        raise SchemaTooNew(backup, exc.found, SCHEMA_VERSION) from None
    except (load.SnapshotError, load.JournalCorrupt) as exc:
        raise StoreCorrupt(backup, exc.reason, backups=backup.parent) from None
    except Exception as exc:
        raise StoreCorrupt(backup, str(exc), backups=backup.parent) from None


def restore(path: Path | str, backup: Path | None = None, *, now: datetime | None = None) -> Path:
    """Put ``backup`` (default: the newest valid one) in place of the store; return the backup used.

    Refuses (``StoreLocked``) while a cm-tui has the store open. The current data file and its
    journal are moved aside as ``store.json.before-restore-<UTC stamp>`` (and
    ``store.journal.before-restore-…``), never deleted.
    """
    paths = StorePaths.for_db(path)
    make_private_dir(paths.folder)
    lock = StoreLock.acquire(paths.lock, paths.db)
    try:
        if backup is None:
            chosen, blob = _newest_valid(paths)
        else:
            chosen = Path(backup)
            blob = chosen.read_bytes()
            validate(chosen, blob)
        stamp = utc_stamp(now or datetime.now(UTC))
        for current in (paths.db, paths.journal):
            if current.exists():
                move_aside(current, "before-restore", stamp)
        write_atomic(paths.db, blob)
        return chosen
    finally:
        lock.release()


def _newest_valid(paths: StorePaths) -> tuple[Path, bytes]:
    for candidate in list_backups(paths.db):
        try:
            blob = candidate.read_bytes()
            validate(candidate, blob)
            return candidate, blob
        except (StoreError, OSError):
            continue
    raise NoBackup(paths.backups)


def today(now: datetime | None) -> date:
    return (now or datetime.now(UTC)).astimezone(UTC).date()
