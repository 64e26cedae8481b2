"""Rotating daily backups and ``restore``.

At each writer open, if there is no backup for today (UTC date), the snapshot just written (after
journal replay and compaction) is copied, atomically, to ``store.backups/store-YYYY-MM-DD.json``;
only the newest ``keep`` are kept. ``restore`` puts a backup back in place of the store, after
checking it in full, every document through its record class, as ``check`` does (a sealed
snapshot's trust does not travel with a copy); the file it replaces is moved aside, never deleted.

"Newest" is by when a backup was written, not by the date in its name: each backup's
modification time is set to the clock's ``now`` when it is written (``written_at``). A backup
written while the clock was wrong can still claim a time later than ``now``: nothing written
before ``now`` can, so such a backup counts as older than every other (``list_backups``). A run
with the clock at 2099 thus never makes its backup "the newest" once the clock is right again:
``restore`` does not pick it, and rotation drops it first instead of real ones.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from cm_tui.store import load
from cm_tui.store.atomic import Blob, make_private_dir, move_aside, utc_stamp, write_atomic
from cm_tui.store.errors import BackupRefused, NoBackup, SchemaTooNew, StoreCorrupt, StoreError
from cm_tui.store.lock import StoreLock
from cm_tui.store.paths import StorePaths
from cm_tui.store.schema import SCHEMA_VERSION

#: A written-at this much later than ``now`` is not believed (clocks of two machines sharing a
#: folder may differ by a little; a backup from a wrong clock is months or years ahead).
FUTURE_SLACK = timedelta(days=1)


def _pattern(paths: StorePaths) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(paths.db.stem)}-(\d{{4}}-\d{{2}}-\d{{2}})\.json$")


def backup_path(paths: StorePaths, day: date) -> Path:
    return paths.backups / f"{paths.db.stem}-{day.isoformat()}.json"


def written_at(backup: Path) -> float:
    """When ``backup`` was written (POSIX seconds): its modification time, which
    ``take_daily_backup`` sets to the clock's ``now``."""
    return backup.stat().st_mtime


def list_backups(path: Path | str, *, now: datetime | None = None) -> list[Path]:
    """Backups of the store at ``path``, newest written first (a tie: the later name first).

    A backup written after ``now`` (plus ``FUTURE_SLACK``) comes after all the others: its
    clock was wrong, so when it was really written is unknown.
    """
    paths = StorePaths.for_db(path)
    if not paths.backups.is_dir():
        return []
    pattern = _pattern(paths)
    limit = (now or datetime.now(UTC)).timestamp() + FUTURE_SLACK.total_seconds()
    found: list[tuple[bool, float, str, Path]] = []
    for backup in paths.backups.iterdir():
        if not pattern.match(backup.name):
            continue
        try:
            at = written_at(backup)
        except OSError:
            continue  # gone since the listing (another process rotated it)
        found.append((at <= limit, at, backup.name, backup))
    found.sort(reverse=True)
    return [backup for *_, backup in found]


def take_daily_backup(paths: StorePaths, now: datetime, snapshot: Blob, keep: int) -> Path | None:
    """Write today's backup (``now``'s UTC date) from ``snapshot`` unless it exists, stamped
    as written at ``now``; rotate; return the new file."""
    target = backup_path(paths, today(now))
    if target.exists():
        return None
    make_private_dir(paths.backups, tighten=True)
    write_atomic(target, snapshot)
    stamp = now.timestamp()
    with contextlib.suppress(OSError):  # then the file system's own time stands in
        os.utime(target, (stamp, stamp))
    rotate(paths, keep, now=now)
    return target


def rotate(paths: StorePaths, keep: int, *, now: datetime | None = None) -> list[Path]:
    """Delete all but the newest ``keep`` backups (``list_backups``' order); return the
    deleted ones."""
    removed = []
    for old in list_backups(paths.db, now=now)[max(keep, 1) :]:
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


def restore(
    path: Path | str,
    backup: Path | None = None,
    *,
    now: datetime | None = None,
    confirm: Callable[[Path], bool] | None = None,
) -> Path | None:
    """Put ``backup`` (default: the newest valid one) in place of the store; return the backup used.

    The backup is checked in full first; a chosen one that fails is refused (``BackupRefused``,
    naming the table, the document and the field) and nothing is changed. Refuses
    (``StoreLocked``) while a cm-tui has the store open. The current data file and its journal
    are moved aside as ``store.json.before-restore-<UTC stamp>`` (and
    ``store.journal.before-restore-…``), never deleted.

    ``confirm`` is asked with the backup chosen, under the lock (the store cannot change while
    the user reads what will be replaced); if it returns False nothing is changed and the
    result is ``None``.
    """
    paths = StorePaths.for_db(path)
    make_private_dir(paths.folder)
    lock = StoreLock.acquire(paths.lock, paths.db, "restore")
    try:
        if backup is None:
            chosen, blob = _newest_valid(paths, now)
        else:
            chosen = Path(backup)
            blob = chosen.read_bytes()
            try:
                validate(chosen, blob)
            except StoreCorrupt as exc:
                raise BackupRefused(chosen, exc.reason, backups=paths.backups) from None
        if confirm is not None and not confirm(chosen):
            return None
        stamp = utc_stamp(now or datetime.now(UTC))
        for current in (paths.db, paths.journal):
            if current.exists():
                move_aside(current, "before-restore", stamp)
        write_atomic(paths.db, blob)
        return chosen
    finally:
        lock.release()


def _newest_valid(paths: StorePaths, now: datetime | None) -> tuple[Path, bytes]:
    for candidate in list_backups(paths.db, now=now):
        try:
            blob = candidate.read_bytes()
            validate(candidate, blob)
            return candidate, blob
        except (StoreError, OSError):
            continue
    raise NoBackup(paths.backups)


def today(now: datetime | None) -> date:
    return (now or datetime.now(UTC)).astimezone(UTC).date()
