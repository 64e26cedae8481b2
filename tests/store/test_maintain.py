"""``Store.maintain``: a store left open for days still gets its daily backup and keeps its hot
file small (closed queue items archived)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from cm_tui.core.clock import FixedClock
from cm_tui.core.models import QueueStatus
from cm_tui.store import Store, list_backups
from tests.store.samples import T0, queue_item


def test_a_new_day_gets_its_backup_with_the_latest_writes(db: Path) -> None:
    store = Store.open(db, clock=FixedClock(T0), backups_keep=2)
    try:
        store.repo.queue.add(queue_item(1))
        assert store.maintain(T0, archive_after_days=7) == []
        assert len(list_backups(db)) == 1  # the new store's first day, with its first write
        day2 = T0 + timedelta(days=1)
        item = store.repo.queue.add(queue_item(2))
        assert store.maintain(day2, archive_after_days=7) == []
        backups = list_backups(db)  # newest first
        assert len(backups) == 2
        with Store.open(backups[0], readonly=True) as copy:
            assert item.id in {q.id for q in copy.repo.queue.all()}
        store.maintain(day2 + timedelta(hours=1), archive_after_days=7)
        assert len(list_backups(db)) == 2  # once a day
        for n in (3, 4):
            store.maintain(T0 + timedelta(days=n), archive_after_days=7)
        assert len(list_backups(db)) == 2  # rotation keeps backups_keep
    finally:
        store.close()


def test_closed_items_older_than_the_archive_age_leave_the_hot_table(db: Path) -> None:
    with Store.open(db, clock=FixedClock(T0)) as store:
        queue = store.repo.queue
        old = queue.add(queue_item(1, status=QueueStatus.REPLIED, replied_at=T0, closed_at=T0))
        still_open = queue.add(queue_item(2))
        store.maintain(T0 + timedelta(days=8), archive_after_days=7)
        assert [q.id for q in queue.all()] == [still_open.id]
        assert [q.id for q in queue.iter_archived(cache=False)] == [old.id]
