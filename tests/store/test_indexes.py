"""The repository's lazy caches and indexes agree with a brute-force scan after any writes.

``posts.between`` bisects an index of stored instants and ``occurrences`` keep a key index;
both are updated in place by every write, so a random sequence of writes (then a reopen) must
leave them answering exactly what a scan of ``all()`` answers.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cm_tui.core.models import OccurrenceStatus, Post, TaskOccurrence, occurrence_key
from cm_tui.store import Store

T0 = datetime(2026, 3, 29, 0, 0, tzinfo=UTC)

offsets = st.integers(min_value=0, max_value=72 * 60).map(lambda m: T0 + timedelta(minutes=m))
micro = st.integers(min_value=0, max_value=999_999)
post_ops = st.lists(
    st.tuples(st.sampled_from(["add", "move", "delete"]), offsets, micro, st.integers(0, 50)),
    max_size=40,
)


def _check_between(store: Store, start: datetime, end: datetime) -> None:
    expected = sorted(
        (p for p in store.repo.posts.all() if start <= p.at < end), key=lambda p: (p.at, p.id)
    )
    assert store.repo.posts.between(start, end) == expected


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=post_ops, start=offsets, span=st.integers(0, 72 * 60))
def test_between_matches_a_scan_after_random_writes(
    tmp_path_factory, ops, start: datetime, span: int
) -> None:
    db: Path = tmp_path_factory.mktemp("idx") / "store.json"
    end = start + timedelta(minutes=span)
    with Store.open(db) as store:
        posts = store.repo.posts
        _check_between(store, start, end)  # builds the index before the writes
        for op, at, us, pick in ops:
            existing = posts.all()
            if op == "add" or not existing:
                posts.add(Post(network="x", at=at.replace(microsecond=us), title="p"))
            elif op == "move":
                target = existing[pick % len(existing)]
                posts.update(target.replace(at=at))
            else:
                posts.delete(existing[pick % len(existing)].id)
            _check_between(store, start, end)
    with Store.open(db) as store:
        _check_between(store, start, end)


def test_occurrence_key_index_follows_updates_and_deletes(tmp_path: Path) -> None:
    db = tmp_path / "store.json"
    day = date(2026, 3, 29)
    with Store.open(db) as store:
        occ = store.repo.occurrences
        assert occ.by_key(occurrence_key("blog", day)) is None  # index built while empty
        first = occ.set(
            TaskOccurrence(
                key=occurrence_key("blog", day),
                template_key="blog",
                day=day,
                slot=0,
                status=OccurrenceStatus.DONE,
                at=T0,
            )
        )
        moved = occ.update(first.replace(key=occurrence_key("blog", day, 1), slot=1))
        assert occ.by_key(occurrence_key("blog", day)) is None
        assert occ.by_key(occurrence_key("blog", day, 1)) == moved
        occ.clear(moved.key)
        assert occ.by_key(moved.key) is None
        assert occ.for_days(day, day) == []


def test_open_and_closed_entries_are_those_of_their_items(tmp_path: Path) -> None:
    from cm_tui.core.models import QueueStatus
    from cm_tui.core.queue import entry_of
    from tests.store.samples import queue_item

    with Store.open(tmp_path / "store.json") as store:
        queue = store.repo.queue
        items = queue.add_many(queue_item(n) for n in range(6))
        queue.update(items[1].replace(status=QueueStatus.REPLIED, closed_at=T0))
        queue.update(items[2].replace(status=QueueStatus.SNOOZED, snoozed_until=T0))
        queue.update(items[3].replace(status=QueueStatus.IGNORED, closed_at=T0))
        expected = sorted(entry_of(item) for item in queue.open_items())
        assert len(expected) == 4
        assert sorted(queue.open_entries()) == expected
        closed = [queue.get(items[n].id) for n in (1, 3)]
        assert sorted(queue.closed_entries(T0)) == sorted(entry_of(i) for i in closed)
        assert queue.closed_entries(T0 + timedelta(seconds=1)) == []


queue_ops = st.lists(
    st.tuples(
        st.sampled_from(["add", "reply", "snooze", "reopen", "move", "delete", "refused"]),
        st.integers(0, 30),
        st.integers(0, 6 * 60),
    ),
    max_size=40,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=queue_ops, at=st.integers(-60, 8 * 60), both=st.booleans())
def test_open_entries_and_deadline_index_follow_random_writes(
    tmp_path_factory: Any, ops: list[tuple[str, int, int]], at: int, both: bool
) -> None:
    """Built once, then kept in step with each write (not read again from the documents):
    after any writes, a transaction that failed included, ``open_entries`` and
    ``deadline_index`` answer what a scan of the items answers. Also when only the list was
    read before the writes (``both`` false: the Queue tab's first frame)."""
    from cm_tui.core.models import QueueStatus
    from cm_tui.core.queue import DeadlineIndex, entry_of
    from cm_tui.store import StoreWriteError
    from tests.store.samples import queue_item

    with Store.open(tmp_path_factory.mktemp("q") / "store.json") as store:
        queue = store.repo.queue
        queue.add_many(queue_item(n) for n in range(5))
        queue.open_entries()  # built before the writes
        if both:
            queue.deadline_index()
        for op, n, minutes in ops:
            ids = sorted(item.id for item in queue.all())
            item = queue.get(ids[n % len(ids)]) if ids else None
            when = T0 + timedelta(minutes=minutes)
            if op == "add" or item is None:
                queue.add(queue_item(n, deadline=when))
            elif op == "reply":
                queue.update(item.replace(status=QueueStatus.REPLIED, closed_at=when))
            elif op == "snooze":
                queue.update(item.replace(status=QueueStatus.SNOOZED, snoozed_until=when))
            elif op == "reopen":
                queue.update(item.replace(status=QueueStatus.NEW, closed_at=None))
            elif op == "move":
                queue.update(item.replace(deadline=when))
            elif op == "delete":
                queue.delete(item.id)
            else:  # a transaction that fails after its writes: memory is put back
                try:
                    with store.transaction():
                        queue.update(item.replace(status=QueueStatus.IGNORED, closed_at=when))
                        queue.add(queue_item(n, deadline=when))
                        raise StoreWriteError("refused")
                except StoreWriteError:
                    pass
        expected = [entry_of(item) for item in queue.open_items()]
        assert sorted(queue.open_entries()) == sorted(expected)
        now, since = T0 + timedelta(minutes=at), T0 + timedelta(minutes=at - 30)
        fresh = DeadlineIndex(expected)
        assert queue.deadline_index().counts(now) == fresh.counts(now)
        assert sorted(queue.deadline_index().near(since, now)) == sorted(fresh.near(since, now))
        assert len(queue.deadline_index()) == len(expected)
