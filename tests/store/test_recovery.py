"""Journal replay after a crash, torn and damaged journals, transactions, failing writes."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from cm_tui.store import Store, StoreCorrupt, StoreWriteError
from cm_tui.store import atomic as atomic_mod
from cm_tui.store import journal as journal_mod
from cm_tui.store.atomic import Blob, chunks_of
from cm_tui.store.journal import read as read_journal
from cm_tui.store.storage import SNAPSHOT_THRESHOLD
from tests.store.samples import post, queue_item

CrashCopy = Callable[[Store], Path]


def test_changes_survive_a_crash_through_journal_replay(store: Store, crash_copy: CrashCopy):
    items = store.repo.queue.add_many(queue_item(n) for n in range(3))
    store.repo.queue.update(items[1].replace(text="edited"))
    store.repo.queue.delete(items[0].id)
    copy = crash_copy(store)  # the disk as a kill -9 would leave it: journal not compacted
    assert len(read_journal(copy.with_suffix(".journal")).entries) == 3
    with Store.open(copy) as recovered:
        assert recovered.repo.queue.all() == store.repo.queue.all()
        assert recovered.seq == store.seq
    # the open compacted: one snapshot, empty journal continuing it
    content = read_journal(copy.with_suffix(".journal"))
    assert content.entries == [] and content.base == store.seq


def test_a_torn_last_line_is_dropped_and_the_journal_rewritten(
    store: Store, crash_copy: CrashCopy
) -> None:
    store.repo.posts.add(post(1))
    store.repo.posts.add(post(2))
    copy = crash_copy(store)
    journal = copy.with_suffix(".journal")
    raw = journal.read_bytes()
    journal.write_bytes(raw[: len(raw) - 10])  # the second add was being appended
    with Store.open(copy) as recovered:
        assert [p.title for p in recovered.repo.posts.all()] == [post(1).title]
        assert recovered.seq == store.seq - 1
        recovered.repo.posts.add(post(3))  # continues cleanly after the dropped line
    with Store.open(copy) as again:
        assert [p.title for p in again.repo.posts.all()] == [post(1).title, post(3).title]


def test_a_damaged_middle_line_refuses_to_open_and_keeps_everything(
    store: Store, crash_copy: CrashCopy
) -> None:
    store.repo.posts.add(post(1))
    store.repo.posts.add(post(2))
    copy = crash_copy(store)
    journal = copy.with_suffix(".journal")
    lines = journal.read_bytes().split(b"\n")
    lines[1] = lines[1].replace(b"Vendredi", b"Vendredx")
    damaged = b"\n".join(lines)
    journal.write_bytes(damaged)
    snapshot = copy.read_bytes()
    with pytest.raises(StoreCorrupt) as info:
        Store.open(copy)
    error = info.value
    assert error.path == journal
    assert error.moved_to is not None and error.moved_to.read_bytes() == damaged
    assert not journal.exists()
    assert copy.read_bytes() == snapshot  # the snapshot itself is fine: left in place
    assert "line 2" in error.reason and "no backup to bring back yet" in str(error)


def test_a_journal_continuing_a_newer_snapshot_is_refused(
    store: Store, crash_copy: CrashCopy, tmp_path: Path
) -> None:
    store.repo.posts.add(post(1))
    old_copy = crash_copy(store)
    store.compact()
    store.repo.posts.add(post(2))
    new_copy = crash_copy(store)
    # an old snapshot with a newer journal (e.g. store.json copied back by hand)
    os.replace(new_copy.with_suffix(".journal"), old_copy.with_suffix(".journal"))
    with pytest.raises(StoreCorrupt, match="journal continues snapshot"):
        Store.open(old_copy)


def test_the_leftover_journal_of_an_interrupted_compaction_is_harmless(
    store: Store, crash_copy: CrashCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.repo.posts.add(post(1))

    def no_reset(
        self: journal_mod.JournalWriter, base: int, _snapshot: bytes | None = None
    ) -> None:
        raise OSError(5, "simulated crash before the journal reset")

    monkeypatch.setattr(journal_mod.JournalWriter, "reset", no_reset)
    store.compact()  # the snapshot is written, the journal still starts at the old base
    monkeypatch.undo()
    store.repo.posts.add(post(2))  # appended to the old journal, after a gap it explains
    copy = crash_copy(store)
    with Store.open(copy) as recovered:
        assert [p.title for p in recovered.repo.posts.all()] == [post(1).title, post(2).title]


def test_transaction_is_one_entry_and_atomic(store: Store, crash_copy: CrashCopy) -> None:
    before = len(read_journal(store.paths.journal).entries)
    with store.transaction():
        item = store.repo.queue.add(queue_item(1))
        store.repo.queue.update(item.replace(text="in the same change"))
        store.repo.posts.add(post(1))
        store.repo.prefs.set("last", 1)
    assert len(read_journal(store.paths.journal).entries) == before + 1
    with Store.open(crash_copy(store)) as recovered:
        assert recovered.repo.queue.get(item.id).text == "in the same change"
        assert recovered.repo.prefs.get("last") == 1


def test_an_exception_in_a_transaction_undoes_everything(store: Store) -> None:
    kept = store.repo.posts.add(post(0))
    seq = store.seq
    with pytest.raises(RuntimeError), store.transaction():
        store.repo.posts.add(post(1))
        store.repo.posts.update(kept.replace(title="changed"))
        store.repo.posts.delete(kept.id)
        store.repo.prefs.set("x", 1)
        raise RuntimeError("boom")
    assert store.seq == seq
    assert store.repo.posts.all() == [kept]
    assert store.repo.prefs.get("x") is None
    assert store.repo.posts.add(post(2)).id == 3  # ids may skip; never reused
    store.close()
    with Store.open(store.paths.db) as again:
        assert [p.title for p in again.repo.posts.all()] == [post(0).title, post(2).title]


def test_a_swallowed_failure_inside_a_transaction_aborts_all_of_it(store: Store) -> None:
    with pytest.raises(StoreWriteError, match="whole change was undone"), store.transaction():
        store.repo.posts.add(post(1))
        with pytest.raises(KeyError):
            store.repo.posts.update(post(2, id=77))  # fails: everything so far is undone
        assert store.repo.posts.all() == []
        with pytest.raises(StoreWriteError):
            store.repo.posts.add(post(3))  # the transaction can no longer write
    assert store.repo.posts.all() == []
    store.repo.posts.add(post(4))  # the next transaction is a fresh start
    assert len(store.repo.posts.all()) == 1


def fail_fsync_in(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``os.fsync`` fail for every file in ``folder`` (a failing disk)."""
    real = os.fsync

    def fsync(fd: int) -> None:
        if os.path.realpath(f"/proc/self/fd/{fd}").startswith(str(folder)):
            raise OSError(5, "Input/output error")
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)


def test_a_failed_fsync_raises_and_leaves_memory_unchanged(
    store: Store, monkeypatch: pytest.MonkeyPatch, crash_copy: CrashCopy
) -> None:
    items = store.repo.queue.add_many(queue_item(n) for n in range(3))
    before = store.repo.queue.all()
    seq = store.seq
    fail_fsync_in(store.paths.folder, monkeypatch)
    with pytest.raises(StoreWriteError, match="Not saved: Input/output error"):
        store.repo.queue.update(items[0].replace(text="lost"))
    with pytest.raises(StoreWriteError):
        store.repo.queue.delete(items[1].id)
    with pytest.raises(StoreWriteError), store.transaction():
        store.repo.queue.add(queue_item(9))
        store.repo.prefs.set("x", 1)
    assert store.repo.queue.all() == before
    assert store._db.table("queue").get(doc_id=items[0].id)["text"] == items[0].text
    assert store.repo.prefs.get("x") is None
    assert store.seq == seq
    monkeypatch.undo()
    # the failed lines were cut off the journal: later writes append cleanly
    store.repo.queue.update(items[2].replace(text="saved"))
    with Store.open(crash_copy(store)) as recovered:
        assert [i.text for i in recovered.repo.queue.all()] == [
            items[0].text,
            items[1].text,
            "saved",
        ]


def test_a_partial_append_is_cut_back(
    store: Store, monkeypatch: pytest.MonkeyPatch, crash_copy: CrashCopy
) -> None:
    store.repo.posts.add(post(1))
    size = store.paths.journal.stat().st_size

    def half_then_fail(fd: int, data: bytes) -> None:
        os.write(fd, data[: len(data) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(journal_mod, "write_all", half_then_fail)
    with pytest.raises(StoreWriteError, match="No space left"):
        store.repo.posts.add(post(2))
    assert store.paths.journal.stat().st_size == size
    monkeypatch.undo()
    store.repo.posts.add(post(3))
    with Store.open(crash_copy(store)) as recovered:
        assert [p.title for p in recovered.repo.posts.all()] == [post(1).title, post(3).title]


def test_a_failed_big_change_snapshot_is_undone(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.repo.posts.add(post(0))
    seq = store.seq

    def fail(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("cm_tui.store.storage.write_atomic", fail)
    with pytest.raises(StoreWriteError):
        store.repo.hashtags.add_many(samples_hashtag(n) for n in range(SNAPSHOT_THRESHOLD + 1))
    assert store.repo.hashtags.count() == 0
    assert store.seq == seq
    monkeypatch.undo()
    assert len(store.repo.hashtags.add_many(samples_hashtag(n) for n in range(3))) == 3


def test_a_failed_compaction_does_not_fail_the_write(
    db: Path, monkeypatch: pytest.MonkeyPatch, crash_copy: CrashCopy
) -> None:
    with Store.open(db, compact_entries=3) as small:
        monkeypatch.setattr(
            "cm_tui.store.storage.write_atomic",
            lambda path, data: (_ for _ in ()).throw(OSError(28, "No space left on device")),
        )
        for n in range(6):
            small.repo.posts.add(post(n))  # compaction due from the 3rd: fails, writes don't
        assert small._storage.last_error is not None
        assert len(read_journal(small.paths.journal).entries) == 6
        monkeypatch.undo()
        small.repo.posts.add(post(6))
        with Store.open(crash_copy(small)) as recovered:
            assert recovered.repo.posts.count() == 7


def test_compaction_runs_when_the_journal_grows(db: Path) -> None:
    with Store.open(db, compact_entries=4) as small:
        for n in range(10):
            small.repo.posts.add(post(n))
        assert len(read_journal(small.paths.journal).entries) < 4


def test_a_failed_whole_database_write_reloads_from_disk(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.repo.posts.add(post(0))
    monkeypatch.setattr(
        "cm_tui.store.storage.write_atomic",
        lambda path, data: (_ for _ in ()).throw(OSError(5, "Input/output error")),
    )
    with pytest.raises(StoreWriteError):
        store._db.drop_table("posts")  # TinyDB deletes from memory before asking us to write
    assert [p.title for p in store.repo.posts.all()] == [post(0).title]


def test_dir_sync_failure_after_the_rename_keeps_the_change(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unsynced(path: Path, data: Blob) -> None:
        Path(path).write_bytes(b"".join(chunks_of(data)))
        raise atomic_mod.DirSyncError(5, "cannot sync folder")

    monkeypatch.setattr("cm_tui.store.storage.write_atomic", unsynced)
    with pytest.raises(StoreWriteError, match="Maybe not saved") as info:
        store.repo.hashtags.add_many(samples_hashtag(n) for n in range(SNAPSHOT_THRESHOLD + 1))
    assert info.value.uncertain
    assert store.repo.hashtags.count() == SNAPSHOT_THRESHOLD + 1  # memory = the file in place


def samples_hashtag(n: int):
    from cm_tui.core.models import Hashtag

    return Hashtag(tag=f"#t{n}")


def test_a_journal_that_cannot_be_cut_back_is_replaced_by_a_snapshot(
    store: Store, monkeypatch: pytest.MonkeyPatch, crash_copy: CrashCopy
) -> None:
    store.repo.posts.add(post(0))
    real = os.fsync
    journal = str(store.paths.journal)

    def fsync(fd: int) -> None:  # the journal file itself is broken, the folder is fine
        if os.path.realpath(f"/proc/self/fd/{fd}") == journal:
            raise OSError(5, "Input/output error")
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(StoreWriteError):
        store.repo.posts.add(post(1))
    assert store._storage._journal.broken
    monkeypatch.undo()
    store.repo.posts.add(post(2))  # written as a snapshot, then a fresh journal
    assert not store._storage._journal.broken
    with Store.open(crash_copy(store)) as recovered:
        assert [p.title for p in recovered.repo.posts.all()] == [post(0).title, post(2).title]
