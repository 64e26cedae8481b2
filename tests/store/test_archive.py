"""Closed queue items move to per-month archive files; nothing is lost or shown twice."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import orjson
import pytest

from cm_tui.core.models import QueueItem, QueueStatus
from cm_tui.store import Store, StoreCorrupt, StoreWriteError
from cm_tui.store import archive as archive_mod
from cm_tui.store.repository import QueueRepo
from tests.store.samples import T0, queue_item

NOW = T0 + timedelta(days=60)


def closed(n: int, days_ago: float, month_offset_days: int = 0, **kw) -> QueueItem:
    """An item received ``month_offset_days`` after T0 and closed ``days_ago`` before NOW."""
    return queue_item(
        n,
        received_at=T0 + timedelta(days=month_offset_days),
        status=kw.pop("status", QueueStatus.REPLIED),
        closed_at=NOW - timedelta(days=days_ago),
        **kw,
    )


@pytest.fixture
def mixed(store: Store) -> dict[str, list[QueueItem]]:
    """Items that must go (closed > 7 days ago) and items that must stay."""
    queue = store.repo.queue
    leaving = queue.add_many(
        [
            closed(1, 30),  # March
            closed(2, 8, month_offset_days=10, status=QueueStatus.IGNORED),  # April
            closed(3, 20, month_offset_days=12),  # April
        ]
    )
    staying = queue.add_many(
        [
            closed(4, 6),  # closed recently
            queue_item(5),  # open
            queue_item(6, status=QueueStatus.SNOOZED, closed_at=NOW - timedelta(days=30)),
            queue_item(7, status=QueueStatus.REPLIED),  # no closing date: kept
        ]
    )
    return {"leaving": leaving, "staying": staying}


def test_archive_closed_moves_old_closed_items_to_month_files(
    store: Store, mixed: dict[str, list[QueueItem]]
) -> None:
    assert store.repo.queue.archive_closed(NOW, older_than_days=7) == 3
    assert store.repo.queue.all() == mixed["staying"]
    assert store.repo.queue.archived_months() == ["2026-03", "2026-04"]
    assert list(store.repo.queue.iter_archived()) == mixed["leaving"]
    assert [i.id for i in store.repo.queue.iter_archived("2026-04")] == [2, 3]
    assert store.repo.queue.archive_closed(NOW, older_than_days=7) == 0
    store.close()
    with Store.open(store.paths.db) as again:
        assert again.repo.queue.all() == mixed["staying"]
        assert list(again.repo.queue.iter_archived()) == mixed["leaving"]


def test_archived_ids_are_never_handed_out_again(
    store: Store, mixed: dict[str, list[QueueItem]]
) -> None:
    queue = store.repo.queue
    last = queue.add(closed(8, 30))
    queue.archive_closed(NOW, 7)
    store.close()
    with Store.open(store.paths.db) as again:
        fresh = again.repo.queue.add(queue_item(9))
        assert fresh.id > last.id
        assert sorted(i.id for i in again.repo.queue.iter_archived()) == [1, 2, 3, last.id]


def test_a_crash_between_the_two_steps_leaves_duplicates_that_are_hidden_then_cleaned(
    store: Store, mixed: dict[str, list[QueueItem]], monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(self: QueueRepo, ids: object) -> None:
        raise KeyboardInterrupt  # killed after the archive files were written

    monkeypatch.setattr(QueueRepo, "delete_many", crash)
    with pytest.raises(KeyboardInterrupt):
        store.repo.queue.archive_closed(NOW, 7)
    monkeypatch.undo()
    queue = store.repo.queue
    assert queue.count() == 7  # still all in the hot table
    assert list(queue.iter_archived()) == []  # the archived copies are hidden: hot wins
    reopened = queue.update(mixed["leaving"][0].replace(status=QueueStatus.NEW, closed_at=None))
    assert queue.archive_closed(NOW, 7) == 2  # the next archival finishes the job
    assert [i.id for i in queue.iter_archived()] == [2, 3]
    assert queue.get(reopened.id) == reopened  # reopened meanwhile: stays hot, not archived


def test_the_next_archival_overwrites_the_stale_copy(store: Store) -> None:
    queue = store.repo.queue
    item = queue.add(closed(1, 30))
    archive = store.archive
    stale = item.replace(reply_text="stale copy")
    archive.merge(archive_mod.group_by_month([("1", queue._to_doc(stale))]))
    assert queue.archive_closed(NOW, 7) == 1
    assert list(queue.iter_archived()) == [item]


def test_add_archived_writes_one_file_per_month(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    writes: list[Path] = []
    real = archive_mod.write_atomic

    def counting(path: Path, data: bytes) -> None:
        writes.append(path)
        real(path, data)

    monkeypatch.setattr(archive_mod, "write_atomic", counting)
    hot = store.repo.queue.add(queue_item(0))
    items = [closed(n, 30, month_offset_days=n % 3 * 31) for n in range(300)]
    assert store.repo.queue.add_archived(items) == 300
    month_files = [p for p in writes if p.name.startswith("queue-")]
    assert sorted(p.name for p in month_files) == [
        "queue-2026-03.json",
        "queue-2026-04.json",
        "queue-2026-05.json",
    ]
    archived = list(store.repo.queue.iter_archived())
    assert len(archived) == 300
    assert hot.id not in {i.id for i in archived}
    assert len({i.id for i in archived}) == 300
    assert store.repo.queue.add(queue_item(1)).id > max(i.id for i in archived)


def test_iter_archived_caches_each_file_until_it_changes(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.repo.queue.add_archived([closed(1, 30)])
    reads: list[str] = []
    real = archive_mod.Archive.read_docs

    def counting(self: archive_mod.Archive, month: str) -> dict:
        reads.append(month)
        return real(self, month)

    monkeypatch.setattr(archive_mod.Archive, "read_docs", counting)
    first = list(store.repo.queue.iter_archived())
    second = list(store.repo.queue.iter_archived())
    assert first == second and reads == ["2026-03"]
    store.repo.queue.add_archived([closed(2, 30)])  # the file changes
    reads.clear()
    assert len(list(store.repo.queue.iter_archived())) == 2
    assert len(list(store.repo.queue.iter_archived())) == 2
    assert reads == ["2026-03"]


def test_iter_archived_without_cache_keeps_nothing(store: Store) -> None:
    store.repo.queue.add_archived([closed(1, 30)])
    assert len(list(store.repo.queue.iter_archived(cache=False))) == 1
    assert store.archive._cache == {}


def test_a_damaged_archive_file_is_refused_and_never_overwritten(store: Store) -> None:
    store.repo.queue.add_archived([closed(1, 30)])
    path = store.archive.month_path("2026-03")
    damaged = path.read_bytes()[:-3]
    path.write_bytes(damaged)
    store.repo.queue.add(closed(2, 30))
    with pytest.raises(StoreCorrupt, match=r"queue-2026-03\.json"):
        list(store.repo.queue.iter_archived())
    with pytest.raises(StoreCorrupt):
        store.repo.queue.archive_closed(NOW, 7)
    assert path.read_bytes() == damaged
    assert store.repo.queue.count() == 1  # nothing left the hot table


def test_an_archive_file_for_another_month_is_refused(store: Store) -> None:
    store.repo.queue.add_archived([closed(1, 30)])
    path = store.archive.month_path("2026-03")
    data = orjson.loads(path.read_bytes())
    data["month"] = "2020-01"
    path.write_bytes(orjson.dumps(data))
    with pytest.raises(StoreCorrupt, match="expected 2026-03"):
        list(store.repo.queue.iter_archived())


def test_a_lost_index_is_rebuilt_from_the_month_files(store: Store) -> None:
    store.repo.queue.add_archived([closed(1, 30), closed(2, 30)])
    top = max(i.id for i in store.repo.queue.iter_archived())
    store.close()
    store.paths.archive_index.unlink()
    with Store.open(store.paths.db) as again:
        assert again.repo.queue.add(queue_item(3)).id == top + 1


def test_archive_write_failure_keeps_items_hot(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.repo.queue.add(closed(1, 30))

    def full(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(archive_mod, "write_atomic", full)
    with pytest.raises(StoreWriteError, match="No space left"):
        store.repo.queue.archive_closed(NOW, 7)
    assert store.repo.queue.count() == 1


def test_archived_items_given_their_own_ids_push_the_hot_ids_above_them(store: Store) -> None:
    store.repo.queue.add(queue_item(0))  # the hot table has computed its next id
    store.repo.queue.add_archived([closed(1, 30, id=500)])
    assert store.repo.queue.add(queue_item(2)).id == 501
