"""Every TinyDB write operation goes through the tracking table, is journaled and survives reopen.

These tests use the TinyDB instance behind the Store (``store._db``) on a scratch table, so they
exercise exactly the updaters of tinydb/table.py, not the repositories.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tinydb import Query, where
from tinydb.table import Document, Table

from cm_tui.store import Store, StoreWriteError
from cm_tui.store.journal import read as read_journal
from cm_tui.store.storage import SNAPSHOT_THRESHOLD
from cm_tui.store.tracking import TrackingMap

Row = Query()


def scratch(store: Store) -> Table:
    return store._db.table("scratch")


def reopened_rows(store: Store) -> dict[int, dict]:
    """Rows of the scratch table as a fresh process would read them (no close, no compaction)."""
    with Store.open(store.paths.db, readonly=True) as reader:
        return {doc.doc_id: dict(doc) for doc in reader._db.table("scratch").all()}


def live_rows(store: Store) -> dict[int, dict]:
    return {doc.doc_id: dict(doc) for doc in scratch(store).all()}


def seeded(store: Store) -> Table:
    table = scratch(store)
    table.insert_multiple({"n": n, "even": n % 2 == 0} for n in range(1, 6))
    return table


OPERATIONS: dict[str, Callable[[Table], object]] = {
    "insert": lambda t: t.insert({"n": 6, "even": True}),
    "insert_document_with_id": lambda t: t.insert(Document({"n": 40}, doc_id=40)),
    "insert_multiple": lambda t: t.insert_multiple([{"n": 7}, {"n": 8}]),
    "update_fields_by_ids": lambda t: t.update({"seen": True}, doc_ids=[1, 3, 99]),
    "update_callable_by_cond": lambda t: t.update(
        lambda d: d.update(n=d["n"] * 10),
        Row.even == True,  # noqa: E712
    ),
    "update_all": lambda t: t.update({"all": 1}),
    "update_multiple": lambda t: t.update_multiple(
        [({"tag": "odd"}, Row.even == False), ({"tag": "two"}, Row.n == 2)]  # noqa: E712
    ),
    "upsert_existing": lambda t: t.upsert({"n": 3, "hit": True}, Row.n == 3),
    "upsert_new": lambda t: t.upsert({"n": 77}, Row.n == 77),
    "upsert_document": lambda t: t.upsert(Document({"n": 2, "doc": True}, doc_id=2)),
    "remove_by_ids": lambda t: t.remove(doc_ids=[2, 4, 99]),
    "remove_by_cond": lambda t: t.remove(where("n") > 3),
    "truncate": lambda t: t.truncate(),
}


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_operation_is_journaled_and_survives_reopen(store: Store, name: str) -> None:
    table = seeded(store)
    seq = store.seq
    OPERATIONS[name](table)
    expected = live_rows(store)
    assert store.seq == seq + 1, "one operation = one durable change"
    assert reopened_rows(store) == expected
    store.close()
    with Store.open(store.paths.db) as again:
        assert {d.doc_id: dict(d) for d in again._db.table("scratch").all()} == expected


def test_truncate_then_insert_restarts_ids_above_nothing(store: Store) -> None:
    table = seeded(store)
    table.truncate()
    assert table.insert({"n": 1}) == 1
    assert reopened_rows(store) == {1: {"n": 1}}


def test_a_scan_journals_only_the_documents_that_changed(store: Store) -> None:
    table = seeded(store)
    table.update({"mark": True}, Row.n == 4)  # reads every document, changes one
    last = read_journal(store.paths.journal).entries[-1]
    assert last.changes == {"scratch": {"4": {"n": 4, "even": True, "mark": True}}}


def test_an_operation_that_changes_nothing_writes_nothing(store: Store) -> None:
    table = seeded(store)
    seq = store.seq
    table.update({"even": True}, Row.n == 2)  # already so
    table.remove(Row.n == 100)
    assert store.seq == seq


def test_a_change_bigger_than_the_threshold_is_written_as_a_snapshot(store: Store) -> None:
    table = scratch(store)
    table.insert_multiple({"n": n} for n in range(SNAPSHOT_THRESHOLD + 1))
    content = read_journal(store.paths.journal)
    assert content.entries == [] and content.base == store.seq
    assert len(reopened_rows(store)) == SNAPSHOT_THRESHOLD + 1
    table.update({"flag": 1})  # every document: snapshot again
    assert read_journal(store.paths.journal).entries == []
    assert all(row["flag"] == 1 for row in reopened_rows(store).values())


def test_drop_table_writes_a_snapshot(store: Store) -> None:
    seeded(store)
    store._db.table("other").insert({"x": 1})
    store._db.drop_table("scratch")
    assert reopened_rows(store) == {}
    with Store.open(store.paths.db, readonly=True) as reader:
        assert reader._db.table("other").all() == [{"x": 1}]


def test_drop_tables_writes_an_empty_snapshot(store: Store) -> None:
    seeded(store)
    store._db.drop_tables()
    assert reopened_rows(store) == {}
    assert store.repo.queue.all() == []


def test_tracking_map_records_originals_once_and_restores_them() -> None:
    raw = {"1": {"n": 1}, "2": {"n": 2}}
    tracked = TrackingMap(raw)
    tracked[1]["n"] = 10  # mutate in place through getitem
    tracked[1]["n"] = 11
    tracked[3] = {"n": 3}
    del tracked[2]
    assert 3 in tracked and 2 not in tracked and len(tracked) == 2
    assert sorted(tracked) == [1, 3]
    assert tracked.changes() == {"1": {"n": 11}, "2": None, "3": {"n": 3}}
    tracked.restore()
    assert raw == {"1": {"n": 1}, "2": {"n": 2}}


def test_tracking_map_clear_and_pop() -> None:
    raw = {"1": {"n": 1}, "2": {"n": 2}}
    tracked = TrackingMap(raw)
    assert tracked.pop(1) == {"n": 1}
    with pytest.raises(KeyError):
        del tracked[9]
    tracked.clear()
    assert raw == {}
    assert tracked.changes() == {"1": None, "2": None}
    tracked.restore()
    assert raw == {"1": {"n": 1}, "2": {"n": 2}}


def test_values_json_cannot_represent_exactly_are_refused(store: Store) -> None:
    from datetime import UTC, datetime

    table = seeded(store)
    before = live_rows(store)
    with pytest.raises(StoreWriteError):
        table.insert({"at": datetime(2026, 1, 1, tzinfo=UTC)})  # would come back as a str
    with pytest.raises(StoreWriteError):
        table.update({"at": datetime(2026, 1, 1, tzinfo=UTC)}, doc_ids=[1])
    assert live_rows(store) == before


def test_store_paths_are_derived_from_the_data_file(tmp_path: Path) -> None:
    from cm_tui.store import StorePaths

    paths = StorePaths.for_db(tmp_path / "team.json")
    assert paths.journal.name == "team.journal"
    assert paths.lock.name == "team.lock"
    assert paths.backups.name == "team.backups"
    assert paths.archive.name == "team.archive"
    assert paths.archive_index == paths.archive / "index.json"
