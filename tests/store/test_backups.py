"""Daily rotating backups, and restore."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from cm_tui.core.clock import FixedClock
from cm_tui.store import NoBackup, Store, list_backups, restore
from tests.store.samples import post


def open_and_write(db: Path, clock: FixedClock, title: str, keep: int = 7) -> None:
    with Store.open(db, clock=clock, backups_keep=keep) as store:
        store.repo.posts.add(post(0, title=title))


def titles(db: Path) -> list[str]:
    with Store.open(db, readonly=True) as store:
        return [p.title for p in store.repo.posts.all()]


def test_a_new_store_has_no_backup_and_the_next_day_gets_one(
    db: Path, fixed_clock: FixedClock
) -> None:
    open_and_write(db, fixed_clock, "day 1")
    assert list_backups(db) == []
    open_and_write(db, fixed_clock, "day 1 again")
    assert [b.name for b in list_backups(db)] == ["store-2026-11-19.json"]
    fixed_clock.advance(timedelta(days=1))
    open_and_write(db, fixed_clock, "day 2")
    assert [b.name for b in list_backups(db)] == ["store-2026-11-20.json", "store-2026-11-19.json"]


def test_one_backup_per_day_holding_the_data_at_the_first_open(
    db: Path, fixed_clock: FixedClock
) -> None:
    open_and_write(db, fixed_clock, "a")
    open_and_write(db, fixed_clock, "b")  # backup taken here: holds "a" (journal replayed)
    open_and_write(db, fixed_clock, "c")  # same day: not replaced
    (backup,) = list_backups(db)
    with Store.open(backup, readonly=True) as snapshot:
        assert [p.title for p in snapshot.repo.posts.all()] == ["a"]


def test_only_the_newest_n_are_kept(db: Path, fixed_clock: FixedClock) -> None:
    open_and_write(db, fixed_clock, "day 0")
    for day in range(1, 6):
        fixed_clock.advance(timedelta(days=1))
        open_and_write(db, fixed_clock, f"day {day}", keep=3)
    assert [b.name for b in list_backups(db)] == [
        "store-2026-11-24.json",
        "store-2026-11-23.json",
        "store-2026-11-22.json",
    ]


def test_restore_puts_the_newest_valid_backup_back_and_moves_the_current_file_aside(
    db: Path, fixed_clock: FixedClock
) -> None:
    open_and_write(db, fixed_clock, "monday")
    fixed_clock.advance(timedelta(days=1))
    open_and_write(db, fixed_clock, "tuesday")  # backup of tuesday: holds monday
    fixed_clock.advance(timedelta(days=1))
    open_and_write(db, fixed_clock, "wednesday")  # backup: monday + tuesday
    newest = list_backups(db)[0]
    newest.write_bytes(b"{broken")  # the newest is damaged: restore skips it
    current = db.read_bytes()
    used = restore(db, now=fixed_clock.now())
    assert used == list_backups(db)[1]
    assert titles(db) == ["monday"]
    (aside,) = db.parent.glob("store.json.before-restore-*")
    assert aside.read_bytes() == current


def test_restore_of_a_chosen_backup(db: Path, fixed_clock: FixedClock) -> None:
    open_and_write(db, fixed_clock, "one")
    fixed_clock.advance(timedelta(days=1))
    open_and_write(db, fixed_clock, "two")
    fixed_clock.advance(timedelta(days=1))
    open_and_write(db, fixed_clock, "three")
    oldest = list_backups(db)[-1]
    assert restore(db, oldest) == oldest
    assert titles(db) == ["one"]


def test_restore_moves_the_journal_aside_too(db: Path, fixed_clock: FixedClock) -> None:
    open_and_write(db, fixed_clock, "one")
    fixed_clock.advance(timedelta(days=1))
    open_and_write(db, fixed_clock, "two")
    store = Store.open(db, clock=fixed_clock)
    store.repo.posts.add(post(5, title="in the journal only"))
    store._storage._journal.close()  # as if the process had been killed: journal left behind
    store._lock.release()
    restore(db)
    assert titles(db) == ["one"]
    assert list(db.parent.glob("store.journal.before-restore-*"))


def test_restore_refuses_an_invalid_chosen_backup(db: Path, fixed_clock: FixedClock) -> None:
    from cm_tui.store import StoreCorrupt

    open_and_write(db, fixed_clock, "one")
    bad = db.parent / "bad.json"
    bad.write_bytes(b"")
    current = db.read_bytes()
    with pytest.raises(StoreCorrupt):
        restore(db, bad)
    assert db.read_bytes() == current


def test_restore_without_any_backup(db: Path, fixed_clock: FixedClock) -> None:
    open_and_write(db, fixed_clock, "one")
    with pytest.raises(NoBackup, match="No valid backup"):
        restore(db)
