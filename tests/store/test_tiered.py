"""Past tables (``store.tiered``): old occurrences and posts move out of the tables read at
start-up, and every query still answers as if there were one table."""

from __future__ import annotations

import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cm_tui.core.models import OccurrenceStatus, Post, TaskOccurrence, occurrence_key
from cm_tui.core.recurrence import CHECKLIST_DAY
from cm_tui.store import SCHEMA_VERSION, Store, check, export_all, load
from cm_tui.store.tiered import HOT_DAYS, PREF_PREFIX, hot_boundary
from tests.store.samples import post

DAY0 = date(2026, 1, 1)
TODAY = DAY0 + timedelta(days=200)
STATUSES = (OccurrenceStatus.DONE, OccurrenceStatus.SKIPPED, OccurrenceStatus.SNOOZED)


def at_day(n: int, hour: int = 9) -> datetime:
    return datetime(DAY0.year, DAY0.month, DAY0.day, hour, tzinfo=UTC) + timedelta(days=n)


def occurrence(template: str, day: date, slot: int = 0, status: Any = OccurrenceStatus.DONE):
    return TaskOccurrence(
        key=occurrence_key(template, day, slot),
        template_key=template,
        day=day,
        slot=slot,
        status=status,
        at=datetime(day.year, day.month, day.day, 10, tzinfo=UTC),
    )


def a_post(n: int, title: str = "") -> Post:
    return post(0, at=at_day(n), title=title or f"post of day {n}")


def retire_on(store: Store, today: date) -> int:
    return store.repo.retire_old(today)


@pytest.fixture
def lazy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every table of a sealed snapshot waits for its first read (not only the big ones), so
    a test sees which tables a query parsed."""
    monkeypatch.setattr(load, "LAZY_TABLE_BYTES", 0)


# ---------------------------------------------------------------------------- behaviour


def test_old_posts_move_to_the_past_with_their_ids_and_the_start_up_does_not_read_them(
    db: Path,
    lazy: None,
) -> None:
    with Store.open(db) as store:
        posts = store.repo.posts.add_many(a_post(n) for n in range(0, 200, 2))
        assert retire_on(store, TODAY) == sum(
            1 for p in posts if p.at.date() < TODAY - timedelta(HOT_DAYS)
        )
        assert store.repo.posts.all() == posts
        assert store.repo.posts.count() == len(posts)
    with Store.open(db) as store:
        storage = store._storage
        assert "posts_past" in storage._pending  # a sealed snapshot: parsed on first read
        recent = store.repo.posts.between(at_day(190), at_day(200))
        assert [p.id for p in recent] == [p.id for p in posts if at_day(190) <= p.at]
        assert "posts_past" in storage._pending  # the recent days did not need the past
        assert store.repo.posts.between(at_day(0), at_day(4)) == posts[:2]
        assert "posts_past" not in storage._pending
        assert store.repo.posts.get(posts[0].id) == posts[0]


def test_new_ids_never_reuse_an_id_of_the_past(store: Store) -> None:
    old = store.repo.posts.add(a_post(1))
    assert retire_on(store, TODAY) == 1
    store.close()
    with Store.open(store.paths.db) as again:
        assert again._storage.table("posts") == {}
        new = again.repo.posts.add(a_post(199))
        assert new.id > old.id
        assert again.repo.posts.all() == [old, new]


def test_an_edited_past_post_comes_back_to_the_hot_table(store: Store) -> None:
    old, recent = store.repo.posts.add_many([a_post(1), a_post(199)])
    retire_on(store, TODAY)
    moved = store.repo.posts.update(old.replace(at=at_day(198), title="moved"))
    assert str(old.id) in store._storage.table("posts")
    assert str(old.id) not in store._storage.table("posts_past")
    assert store.repo.posts.between(at_day(190), at_day(200)) == [moved, recent]
    assert store.repo.posts.between(at_day(0), at_day(10)) == []
    edited = store.repo.posts.update(moved.replace(at=at_day(2)))  # still old: hot until...
    assert str(old.id) in store._storage.table("posts")
    assert retire_on(store, TODAY) == 1  # ...the next maintenance, same boundary
    assert store.repo.posts.get(old.id) == edited
    moved = store.repo.posts.update(edited.replace(at=at_day(198)))
    store.repo.posts.delete(moved.id)
    assert store.repo.posts.all() == [recent]


def test_a_past_post_can_be_deleted(store: Store) -> None:
    old, recent = store.repo.posts.add_many([a_post(1), a_post(199)])
    retire_on(store, TODAY)
    store.repo.posts.delete_many([old.id, recent.id])
    assert store.repo.posts.count() == 0
    assert store._storage.table("posts_past") == {}


def test_undated_checklist_items_stay_hot_and_are_found_without_the_past(
    db: Path, lazy: None
) -> None:
    with Store.open(db) as store:
        occurrences = store.repo.occurrences
        item = occurrences.add(occurrence("onboarding.charter", CHECKLIST_DAY))
        old = occurrences.add(occurrence("daily.watch", DAY0))
        assert retire_on(store, TODAY) == 1
    with Store.open(db) as store:
        occurrences = store.repo.occurrences
        assert occurrences.by_key(item.key) == item
        assert occurrences.by_key(occurrence_key("onboarding.other", CHECKLIST_DAY)) is None
        assert occurrences.by_key(occurrence_key("daily.watch", TODAY)) is None
        assert "occurrences_past" in store._storage._pending
        assert occurrences.by_key(old.key) == old


def test_the_last_handled_day_comes_from_the_past_summary_and_follows_its_changes(
    db: Path,
    lazy: None,
) -> None:
    with Store.open(db) as store:
        occurrences = store.repo.occurrences
        first = occurrences.add(occurrence("monthly.review", DAY0 + timedelta(days=10)))
        second = occurrences.add(occurrence("monthly.review", DAY0 + timedelta(days=40)))
        occurrences.add(occurrence("monthly.review", DAY0 + timedelta(days=41), slot=1))
        occurrences.add(
            occurrence("weekly.blog", DAY0 + timedelta(days=45), status=OccurrenceStatus.SNOOZED)
        )
        retire_on(store, TODAY)
    with Store.open(db) as store:
        occurrences = store.repo.occurrences
        assert occurrences.last_handled_days(TODAY) == {"monthly.review": second.day}
        assert "occurrences_past" in store._storage._pending  # the summary answered
        assert occurrences.last_handled_days(second.day) == {"monthly.review": first.day}
        occurrences.clear(second.key)  # undone: the summary goes back to the first one
        assert occurrences.last_handled_days(TODAY) == {"monthly.review": first.day}
    with Store.open(db) as store:
        assert store.repo.occurrences.last_handled_days(TODAY) == {"monthly.review": first.day}
        assert "occurrences_past" in store._storage._pending


def test_setting_a_past_occurrence_brings_it_back(store: Store) -> None:
    occurrences = store.repo.occurrences
    old = occurrences.add(occurrence("daily.watch", DAY0))
    retire_on(store, TODAY)
    again = occurrences.set(old.replace(status=OccurrenceStatus.SKIPPED, id=0))
    assert again.id == old.id and occurrences.by_key(old.key) == again
    assert occurrences.count() == 1
    assert occurrences.for_days(DAY0, DAY0) == [again]


def test_days_read_from_both_tables_come_in_day_then_id_order(store: Store) -> None:
    occurrences = store.repo.occurrences
    first = occurrences.add(occurrence("a", DAY0 + timedelta(days=2)))
    second = occurrences.add(occurrence("b", DAY0 + timedelta(days=2)))
    late = occurrences.add(occurrence("c", DAY0 + timedelta(days=1)))
    retire_on(store, TODAY)
    again = occurrences.set(second.replace(status=OccurrenceStatus.SKIPPED))  # back to hot
    assert str(again.id) in store._storage.table("occurrences")
    found = occurrences.for_days(DAY0, DAY0 + timedelta(days=3))
    assert [occ.id for occ in found] == [late.id, first.id, second.id]


def test_a_damaged_boundary_reads_both_tables_until_maintenance_repairs_it(db: Path) -> None:
    with Store.open(db) as store:
        posts = store.repo.posts.add_many(a_post(n) for n in range(0, 200, 10))
        retire_on(store, TODAY)
        store.repo.prefs.set(PREF_PREFIX + "posts", {"before": 3})
    with Store.open(db) as store:
        repo = store.repo.posts
        assert repo.between(at_day(0), at_day(200)) == posts
        assert repo.add(a_post(199)).id == posts[-1].id + 1
        assert retire_on(store, TODAY + timedelta(days=1)) >= 0
        assert store.repo.prefs.get(PREF_PREFIX + "posts")["before"] == hot_boundary(
            TODAY + timedelta(days=1)
        )
        assert repo.all()[: len(posts)] == posts


def test_a_damaged_boundary_is_repaired_even_when_nothing_moves(db: Path) -> None:
    with Store.open(db) as store:
        old = store.repo.posts.add(a_post(1))
        retire_on(store, TODAY)
        store.repo.prefs.delete(PREF_PREFIX + "posts")
    with Store.open(db) as store:
        assert retire_on(store, TODAY) == 0
        assert store.repo.prefs.get(PREF_PREFIX + "posts")["before"] == hot_boundary(TODAY)
        assert store.repo.posts.add(a_post(199)).id == old.id + 1
        assert store.repo.posts.all()[0] == old


def test_export_and_check_see_one_table(db: Path) -> None:
    with Store.open(db) as store:
        store.repo.posts.add_many(a_post(n) for n in range(0, 200, 20))
        store.repo.occurrences.add_many(
            occurrence("daily.watch", DAY0 + timedelta(n)) for n in range(0, 200, 20)
        )
        before = export_all(store)["tables"]
        assert retire_on(store, TODAY) > 0
        after = export_all(store)["tables"]
    assert {k: v for k, v in after.items() if k != "prefs"} == {
        k: v for k, v in before.items() if k != "prefs"
    }
    assert "posts_past" not in after
    report = check(db)
    assert report.ok, report.lines


def test_maintenance_moves_the_old_history(db: Path) -> None:
    with Store.open(db) as store:
        store.repo.posts.add_many(a_post(n) for n in range(200))
        now = datetime(TODAY.year, TODAY.month, TODAY.day, 12, tzinfo=UTC)
        assert store.maintain(now, archive_after_days=7) == []
        hot = store._storage.table("posts")
        assert min(doc["at"] for doc in hot.values()) >= hot_boundary(TODAY)
        assert len(store._storage.table("posts_past")) == 200 - len(hot)


def test_a_schema_1_file_opens_and_keeps_its_records(db: Path) -> None:
    with Store.open(db) as store:
        added = store.repo.posts.add(a_post(1))
    data = orjson.loads(db.read_bytes())
    data["_meta"]["1"]["schema"] = 1
    db.write_bytes(orjson.dumps(data))
    db.with_suffix(".journal").unlink()
    with Store.open(db) as store:
        assert store.repo.posts.all() == [added]
    assert orjson.loads(db.read_bytes())["_meta"]["1"]["schema"] == SCHEMA_VERSION


# ---------------------------------------------------------------------------- property

days = st.integers(0, 199)
ops = st.lists(
    st.one_of(
        st.tuples(st.just("add"), days),
        st.tuples(st.just("move"), st.integers(0, 50), days),
        st.tuples(st.just("delete"), st.integers(0, 50)),
        st.tuples(st.just("retire"), st.integers(60, 260)),
        st.tuples(st.just("reopen")),
        st.tuples(st.just("handle"), st.sampled_from("abc"), days, st.sampled_from(STATUSES)),
        st.tuples(st.just("clear"), st.sampled_from("abc"), days),
    ),
    max_size=25,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=ops, probes=st.lists(st.tuples(days, days), min_size=1, max_size=4))
def test_past_tables_answer_like_one_table(steps: list[tuple[Any, ...]], probes: list) -> None:
    """Random adds, edits, deletes, retirements and reopenings: every query answers what a
    plain dictionary of the same records gives."""
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "store.json"
        store = Store.open(db)
        posts: dict[int, Post] = {}
        occs: dict[str, TaskOccurrence] = {}
        try:
            for step in steps:
                store = _apply(store, db, step, posts, occs)
                _compare(store, posts, occs, probes)
        finally:
            store.close()


def _apply(store: Store, db: Path, step: tuple[Any, ...], posts: dict, occs: dict) -> Store:
    repo = store.repo
    kind = step[0]
    if kind == "add":
        added = repo.posts.add(a_post(step[1]))
        assert added.id not in posts
        posts[added.id] = added
    elif kind == "move" and posts:
        target = sorted(posts)[step[1] % len(posts)]
        posts[target] = repo.posts.update(posts[target].replace(at=at_day(step[2], 15)))
    elif kind == "delete" and posts:
        target = sorted(posts)[step[1] % len(posts)]
        repo.posts.delete(target)
        del posts[target]
    elif kind == "retire":
        retire_on(store, DAY0 + timedelta(days=step[1]))
    elif kind == "reopen":
        store.close()
        store = Store.open(db)
    elif kind == "handle":
        occ = occurrence(step[1], DAY0 + timedelta(days=step[2]), status=step[3])
        occs[occ.key] = repo.occurrences.set(occ)
    elif kind == "clear":
        key = occurrence_key(step[1], DAY0 + timedelta(days=step[2]))
        repo.occurrences.clear(key)
        occs.pop(key, None)
    return store


def _compare(store: Store, posts: dict, occs: dict, probes: list) -> None:
    repo = store.repo
    assert repo.posts.all() == [posts[k] for k in sorted(posts)]
    assert repo.posts.count() == len(posts)
    for a, b in probes:
        lo, hi = at_day(min(a, b), 0), at_day(max(a, b), 0)
        expected = sorted(
            (p for p in posts.values() if lo <= p.at < hi), key=lambda p: (p.at, p.id)
        )
        assert repo.posts.between(lo, hi) == expected
        before = DAY0 + timedelta(days=a)
        handled = {}
        for occ in occs.values():
            if occ.day < before and occ.status in STATUSES[:2]:
                handled[occ.template_key] = max(occ.day, handled.get(occ.template_key, occ.day))
        assert repo.occurrences.last_handled_days(before) == handled
        first, last = DAY0 + timedelta(days=min(a, b)), DAY0 + timedelta(days=max(a, b))
        in_days = sorted(
            (occ for occ in occs.values() if first <= occ.day <= last), key=lambda o: (o.day, o.id)
        )
        assert repo.occurrences.for_days(first, last) == in_days
    for key, occ in occs.items():
        assert repo.occurrences.by_key(key) == occ
    assert all(repo.posts.get(k) == posts[k] for k in posts)


def test_check_reports_a_record_in_both_tables(db: Path) -> None:
    with Store.open(db) as store:
        added = store.repo.posts.add(a_post(150))
    data = orjson.loads(db.read_bytes())
    data["posts_past"] = {str(added.id): data["posts"][str(added.id)]}
    db.write_bytes(orjson.dumps(data))
    report = check(db)
    assert not report.ok
    assert f"posts #{added.id} is also in posts_past" in "\n".join(report.lines)
