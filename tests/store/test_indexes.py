"""The repository's lazy caches and indexes agree with a brute-force scan after any writes.

``posts.between`` bisects an index of stored instants and ``occurrences`` keep a key index;
both are updated in place by every write, so a random sequence of writes (then a reopen) must
leave them answering exactly what a scan of ``all()`` answers.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

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
