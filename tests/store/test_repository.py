"""The Repository API: every entity round-trips, caches follow writes, reopen gives it all back."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import orjson
import pytest

from cm_tui.core.models import OccurrenceStatus, QueueStatus, TaskOccurrence, occurrence_key
from cm_tui.store import SCHEMA_VERSION, Store, StoreWriteError, export_all
from tests.store.samples import T0, post, queue_item, samples


def test_every_entity_round_trips_through_its_repo_and_a_reopen(store: Store, db: Path) -> None:
    stored = {}
    for table, record in samples().items():
        repo = store.repo.entity_repos()[table]
        added = repo.add(record)
        assert added.id == 1
        assert added == record.replace(id=1)
        assert repo.get(1) == added
        stored[table] = added
    store.close()

    with Store.open(db) as again:
        for table, record in stored.items():
            repo = again.repo.entity_repos()[table]
            assert repo.all() == [record]
            assert repo.get(record.id) == record


def test_a_document_leaves_out_the_empty_optional_fields_and_reads_back_whole(
    store: Store, db: Path
) -> None:
    added = store.repo.queue.add(queue_item(0, ambassador=False, keywords=(), author_name=""))
    doc = store._storage.table("queue")[str(added.id)]
    empty = {"snoozed_until", "reply_text", "replied_at", "closed_at", "notes", "keywords"}
    assert empty.isdisjoint(doc) and "author_name" not in doc and "ambassador" not in doc
    assert (doc["status"], doc["follower"]) == ("new", True)  # True is not a default here
    store.close()
    with Store.open(db) as again:
        assert again.repo.queue.get(added.id) == added
        assert [entry.snoozed_until for entry in again.repo.queue.open_entries()] == [None]
        [exported] = export_all(again)["tables"]["queue"]  # an export lists every field
    assert exported["snoozed_until"] is None and exported["keywords"] == []
    assert exported["notes"] == exported["author_name"] == "" and exported["ambassador"] is False


def test_a_false_flag_is_left_out_and_a_typical_item_fits_a_small_dict(store: Store) -> None:
    """``ambassador``/``influencer`` False are defaults like an empty text: left out, read
    back. A comment then has at most ten keys, the most a small dict holds (272 bytes, not
    464): thousands of items arrive over a day and stay in memory as these documents."""
    item = queue_item(0, ambassador=False, influencer=False, keywords=(), link="")
    added = store.repo.queue.add(item)
    doc = store._storage.table("queue")[str(added.id)]
    assert "ambassador" not in doc and "influencer" not in doc and doc["follower"] is True
    assert len(doc) <= 10
    assert store.repo.queue.peek(added.id) == added
    flagged = store.repo.queue.add(queue_item(1, ambassador=True))
    assert store._storage.table("queue")[str(flagged.id)]["ambassador"] is True
    exported = export_all(store)["tables"]["queue"]
    assert exported[0]["ambassador"] is False and exported[0]["influencer"] is False


def test_arriving_items_share_their_network_and_account_text(store: Store) -> None:
    """Items parsed one by one (an inbox file, a stream) each bring their own copy of the same
    network and account names; the documents kept all day share one."""
    parsed = [
        queue_item(n, network="".join(["face", "book"]), account="".join(["m:@a", "@x.y"]))
        for n in range(2)
    ]
    first, second = store.repo.queue.add_many(parsed)
    docs = store._storage.table("queue")
    assert docs[str(first.id)]["network"] is docs[str(second.id)]["network"]
    assert docs[str(first.id)]["account"] is docs[str(second.id)]["account"]


def test_entity_repos_cover_every_model_table(store: Store) -> None:
    assert set(store.repo.entity_repos()) == set(samples())


def test_add_ignores_the_given_id_and_returns_a_new_object(store: Store) -> None:
    original = queue_item(1, id=99)
    added = store.repo.queue.add(original)
    assert added.id == 1
    assert original.id == 99


def test_all_is_ordered_by_id_and_follows_every_write(store: Store) -> None:
    queue = store.repo.queue
    items = queue.add_many(queue_item(n) for n in range(5))
    assert [i.id for i in items] == [1, 2, 3, 4, 5]
    assert queue.all() == items  # cache built
    queue.update(items[2].replace(text="changed"))
    queue.delete(items[0].id)
    sixth = queue.add(queue_item(6))
    assert [i.id for i in queue.all()] == [2, 3, 4, 5, 6]
    assert queue.get(3).text == "changed"
    assert queue.get(1) is None
    assert queue.all()[-1] == sixth
    assert queue.count() == 5


def test_all_returns_the_same_objects_without_rebuilding(store: Store) -> None:
    store.repo.posts.add_many(post(n) for n in range(3))
    first = store.repo.posts.all()
    second = store.repo.posts.all()
    assert first is not second
    assert all(a is b for a, b in zip(first, second, strict=True))


def test_added_records_are_kept_once_as_documents_until_read(store: Store) -> None:
    """An app open all day receives thousands of comments: each is kept as its stored
    document, not also as an object, until something reads it (``get`` keeps what it builds,
    ``peek`` does not); once ``all()`` has built every record, writes keep that complete."""
    queue = store.repo.queue
    added = queue.add_many(queue_item(n) for n in range(5))
    assert queue._cache == {}
    assert queue.peek(added[1].id) == added[1] and queue._cache == {}
    assert queue.get(added[2].id) == added[2] and list(queue._cache) == [added[2].id]
    changed = queue.update(added[2].replace(notes="seen"))
    assert queue.get(added[2].id) is changed
    every = queue.all()
    later = queue.add(queue_item(9))
    assert queue.all() == [*every, later] and queue.get(later.id) is later


def test_get_before_all_reads_one_document(store: Store) -> None:
    store.repo.posts.add_many(post(n) for n in range(3))
    store.close()
    with Store.open(store.paths.db) as again:
        assert again.repo.posts.get(2) == post(1, id=2)
        assert again.repo.posts.get(7) is None


def test_update_of_a_missing_record_raises_key_error_and_writes_nothing(store: Store) -> None:
    seq = store.seq
    with pytest.raises(KeyError):
        store.repo.queue.update(queue_item(1, id=42))
    assert store.seq == seq
    assert store.repo.queue.count() == 0


def test_update_replaces_the_whole_record(store: Store) -> None:
    item = store.repo.queue.add(queue_item(1, notes="old", closed_at=T0))
    store.repo.queue.update(item.replace(notes="", closed_at=None))
    store.close()
    with Store.open(store.paths.db) as again:
        assert again.repo.queue.get(item.id) == item.replace(notes="", closed_at=None)


def test_wrong_record_class_is_refused(store: Store) -> None:
    with pytest.raises(TypeError):
        store.repo.queue.add(post())  # type: ignore[arg-type]


def test_delete_of_a_missing_id_is_a_no_op(store: Store) -> None:
    seq = store.seq
    store.repo.posts.delete(123)
    assert store.seq == seq


def test_occurrences_by_key_set_clear_and_for_days(store: Store) -> None:
    occurrences = store.repo.occurrences

    def occ(day: date, slot: int = 0, status: OccurrenceStatus = OccurrenceStatus.DONE):
        key = occurrence_key("daily.check", day, slot)
        return TaskOccurrence(key, "daily.check", day, slot, status, T0)

    d1, d2, d3 = date(2026, 3, 27), date(2026, 3, 28), date(2026, 3, 29)
    first = occurrences.set(occ(d2))
    occurrences.set(occ(d1))
    occurrences.set(occ(d3, 1))
    replaced = occurrences.set(occ(d2, status=OccurrenceStatus.SKIPPED))
    assert replaced.id == first.id
    assert occurrences.count() == 3
    assert occurrences.by_key(first.key).status is OccurrenceStatus.SKIPPED
    assert [o.day for o in occurrences.for_days(d1, d2)] == [d1, d2]
    occurrences.clear(first.key)
    assert occurrences.by_key(first.key) is None
    occurrences.clear(first.key)  # already pending: nothing to do
    assert [o.day for o in occurrences.for_days(d1, d3)] == [d1, d3]


def test_posts_between_is_half_open_and_sorted_by_time(store: Store) -> None:
    posts = store.repo.posts
    posts.add_many([post(5), post(1), post(3), post(7)])
    found = posts.between(T0 + timedelta(hours=1), T0 + timedelta(hours=7))
    assert [p.at for p in found] == [T0 + timedelta(hours=h) for h in (1, 3, 5)]
    late = posts.add(post(6))
    found = posts.between(T0 + timedelta(hours=6), T0 + timedelta(hours=8))
    assert [p.id for p in found] == [late.id, 4]


def test_posts_between_refuses_naive_instants(store: Store) -> None:
    with pytest.raises(ValueError):
        store.repo.posts.between(T0.replace(tzinfo=None), T0)


def test_open_items_are_the_waiting_ones(store: Store) -> None:
    queue = store.repo.queue
    queue.add_many(
        [
            queue_item(1),
            queue_item(2, status=QueueStatus.REPLIED),
            queue_item(3, status=QueueStatus.SNOOZED),
            queue_item(4, status=QueueStatus.IGNORED),
            queue_item(5, status=QueueStatus.ESCALATED),
        ]
    )
    assert [i.id for i in queue.open_items()] == [1, 3, 5]


def test_prefs_store_json_values_and_copy_them(store: Store) -> None:
    prefs = store.repo.prefs
    assert prefs.get("theme") is None
    assert prefs.get("theme", "textual-dark") == "textual-dark"
    value = {"tabs": ["today", "queue"], "width": 3}
    prefs.set("layout", value)
    value["tabs"].append("mutated after set")
    got = prefs.get("layout")
    got["width"] = 99
    assert prefs.get("layout") == {"tabs": ["today", "queue"], "width": 3}
    prefs.set("layout", None)
    prefs.set("theme", "nord")
    assert prefs.names() == ["layout", "theme"]
    store.close()
    with Store.open(store.paths.db) as again:
        assert again.repo.prefs.get("theme") == "nord"
        assert again.repo.prefs.get("layout", "absent") is None
        again.repo.prefs.delete("theme")
        assert again.repo.prefs.get("theme") is None


def test_prefs_refuse_values_json_cannot_hold(store: Store) -> None:
    with pytest.raises(ValueError):
        store.repo.prefs.set("when", T0)
    assert store.repo.prefs.get("when") is None


def test_a_date_pref_is_read_back_as_a_day_and_a_bad_one_is_ignored(store: Store) -> None:
    prefs = store.repo.prefs
    assert prefs.get_date("start") is None  # absent
    prefs.set("start", "2026-11-02")
    assert prefs.get_date("start") == date(2026, 11, 2)
    for bad in ("2026-13-02", "soon", 20261102, ["2026-11-02"]):
        prefs.set("start", bad)
        assert prefs.get_date("start") is None


def test_read_only_store_reads_but_refuses_writes(store: Store, db: Path) -> None:
    store.repo.posts.add(post())
    with Store.open(db, readonly=True) as reader:
        assert reader.readonly
        assert reader.repo.posts.all() == [post(id=1)]
        with pytest.raises(StoreWriteError, match="read-only"):
            reader.repo.posts.add(post(1))
        with pytest.raises(StoreWriteError):
            reader.repo.queue.add_archived([queue_item(1)])
        assert reader.repo.posts.count() == 1


def test_read_only_open_of_a_missing_store_is_empty_and_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "nothing" / "store.json"
    with Store.open(path, readonly=True) as reader:
        assert reader.is_new
        assert reader.repo.queue.all() == []
    assert not path.parent.exists()


def test_a_closed_store_refuses_writes(store: Store) -> None:
    store.close()
    with pytest.raises(StoreWriteError):
        store.repo.posts.add(post())
    store.close()  # idempotent


def test_export_all_is_complete_and_stably_ordered(store: Store) -> None:
    for table, record in samples().items():
        store.repo.entity_repos()[table].add(record)
    store.repo.posts.add(post(3))
    store.repo.prefs.set("theme", "nord")
    store.repo.queue.add_archived([queue_item(9, status=QueueStatus.REPLIED, closed_at=T0)])
    exported = export_all(store)
    assert exported["schema"] == SCHEMA_VERSION
    tables = exported["tables"]
    assert list(tables) == sorted(tables)
    assert set(tables) == set(samples()) | {"prefs", "queue_archive"}
    assert [p["id"] for p in tables["posts"]] == [1, 2]
    assert tables["prefs"] == [{"id": 1, "name": "theme", "value": "nord"}]
    assert [q["author_handle"] for q in tables["queue_archive"]] == ["@léa_9"]
    orjson.dumps(exported)  # JSON-ready
    assert export_all(store) == exported
