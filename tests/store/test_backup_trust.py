"""``restore`` checks a backup in full before it replaces anything; the newest backup, and those
rotation keeps, are chosen by when they were written, so a wrong clock never pushes real ones
out. Time is injected (``now``, ``os.utime``), never read."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest

from cm_tui.store import Store, StoreCorrupt, check, list_backups, restore
from cm_tui.store.backups import take_daily_backup
from cm_tui.store.load import encode_snapshot
from cm_tui.store.paths import StorePaths
from tests.store.samples import queue_item, samples

DAY0 = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)


def snapshot_of(items: int, **change: Any) -> bytes:
    """Snapshot bytes holding ``items`` queue items (the first one with ``change``) and one
    figures record."""
    queue = {str(n): queue_item(n).to_dict() for n in range(1, items + 1)}
    for doc in queue.values():
        doc.pop("id", None)
    queue["1"] |= change
    figures = samples()["figures"].to_dict()
    figures.pop("id", None)
    return encode_snapshot({"queue": queue, "figures": {"1": figures}}, seq=items)


def items_in(db: Path) -> int:
    with Store.open(db, readonly=True) as store:
        return store.repo.queue.count()


BAD_BACKUPS = [
    ({"status": 42}, "document queue #1, field status: 42 is not one of"),
    ({"received_at": "2026-02-30T10:00:00+00:00"}, "document queue #1, field received_at:"),
    ({"kind": "tweet"}, 'document queue #1, field kind: "tweet" is not one of'),
    ({"author_handle": 12}, "document queue #1, field author_handle: 12 is not text"),
]


@pytest.mark.parametrize(("change", "says"), BAD_BACKUPS)
def test_restore_refuses_a_chosen_backup_that_fails_the_schema(
    db: Path, change: dict[str, Any], says: str
) -> None:
    db.parent.mkdir(parents=True)
    db.write_bytes(snapshot_of(3))
    bad = db.parent / "bad.json"
    bad.write_bytes(snapshot_of(1, **change))
    with pytest.raises(StoreCorrupt) as info:
        restore(db, bad)
    message = str(info.value)
    assert message.startswith(f"{bad} was not restored: {says}")
    assert "nothing was changed" in message and "\n" not in message
    assert db.read_bytes() == snapshot_of(3)  # nothing replaced, nothing moved aside
    assert not list(db.parent.glob("*.before-restore-*"))


def test_plain_restore_skips_a_newest_backup_that_fails_the_schema(db: Path) -> None:
    paths = StorePaths.for_db(db)
    take_daily_backup(paths, DAY0, snapshot_of(9), keep=7)
    take_daily_backup(paths, DAY0 + timedelta(days=1), snapshot_of(5, status=42), keep=7)
    used = restore(db, now=DAY0 + timedelta(days=2))
    assert used.name == "store-2026-11-02.json"
    assert items_in(db) == 9


def test_check_flags_a_backup_that_fails_the_schema(db: Path) -> None:
    Store.open(db).close()
    take_daily_backup(StorePaths.for_db(db), DAY0, snapshot_of(2, kind="tweet"), keep=7)
    report = check(db, now=DAY0)
    assert not report.ok
    assert any(
        line.startswith("backup store-2026-11-02.json: document queue #1, field kind:")
        for line in report.lines
    )


def test_a_backup_from_a_clock_in_the_future_never_pushes_real_ones_out(db: Path) -> None:
    paths = StorePaths.for_db(db)
    for day in range(5):
        take_daily_backup(paths, DAY0 + timedelta(days=day), snapshot_of(9), keep=7)
    # one run with the system clock at 2099: its backup says so, name and time
    take_daily_backup(paths, datetime(2099, 1, 1, tzinfo=UTC), snapshot_of(1), keep=7)
    # then a week of normal days
    for day in range(5, 12):
        take_daily_backup(paths, DAY0 + timedelta(days=day), snapshot_of(9), keep=7)
    now = DAY0 + timedelta(days=11, hours=1)
    names = [backup.name for backup in list_backups(db, now=now)]
    assert names == [f"store-2026-11-{day:02d}.json" for day in range(13, 6, -1)]
    assert restore(db, now=now).name == "store-2026-11-13.json"
    assert items_in(db) == 9


def test_while_the_clock_is_wrong_its_backup_is_kept_and_is_the_newest(db: Path) -> None:
    paths = StorePaths.for_db(db)
    for day in range(3):
        take_daily_backup(paths, DAY0 + timedelta(days=day), snapshot_of(9), keep=3)
    future = datetime(2099, 1, 1, tzinfo=UTC)
    take_daily_backup(paths, future, snapshot_of(1), keep=3)
    names = [backup.name for backup in list_backups(db, now=future)]
    assert names == ["store-2099-01-01.json", "store-2026-11-04.json", "store-2026-11-03.json"]


def test_newest_is_by_when_written_not_by_the_name(db: Path) -> None:
    paths = StorePaths.for_db(db)
    paths.backups.mkdir(parents=True)
    older_name = paths.backups / "store-2026-11-01.json"
    newer_name = paths.backups / "store-2026-11-05.json"
    older_name.write_bytes(snapshot_of(4))
    newer_name.write_bytes(snapshot_of(2))
    written = DAY0.timestamp()
    os.utime(newer_name, (written, written))  # written first, whatever its name says
    os.utime(older_name, (written + 3600, written + 3600))
    now = DAY0 + timedelta(days=1)
    assert list_backups(db, now=now) == [older_name, newer_name]
    assert restore(db, now=now) == older_name
    assert items_in(db) == 4


def test_a_backup_written_by_the_store_is_stamped_with_the_clocks_time(
    db: Path, fixed_clock: Any
) -> None:
    Store.open(db, clock=fixed_clock).close()
    fixed_clock.advance(timedelta(days=1))
    Store.open(db, clock=fixed_clock).close()
    (backup,) = list_backups(db, now=fixed_clock.now())
    assert backup.stat().st_mtime == fixed_clock.now().timestamp()


def test_restore_names_the_field_in_french_too(db: Path) -> None:
    from cm_tui.core.i18n import set_language

    db.parent.mkdir(parents=True)
    bad = db.parent / "bad.json"
    bad.write_bytes(snapshot_of(1, status=42))
    set_language("fr")
    with pytest.raises(StoreCorrupt) as info:
        restore(db, bad)
    assert str(info.value).startswith(
        f"{bad} n'a pas été restauré : document queue n°1, champ status : 42"
    )


def test_a_snapshot_of_bad_json_is_still_refused(db: Path) -> None:
    db.parent.mkdir(parents=True)
    bad = db.parent / "bad.json"
    data = orjson.loads(snapshot_of(1))
    bad.write_bytes(orjson.dumps(data)[:-3])
    with pytest.raises(StoreCorrupt, match="was not restored: the file is cut short"):
        restore(db, bad)
