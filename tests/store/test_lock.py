"""One writer at a time; readers never lock; stale temp files go, only by the lock holder.

(The same rules across real processes, and after a kill -9, are in tests/reliability.)
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from cm_tui.store import Store, StoreLocked, restore
from cm_tui.store.lock import holder_if_locked, read_holder
from tests.store.samples import post


def test_a_second_writer_is_refused_naming_the_holder(store: Store, db: Path) -> None:
    store.repo.posts.add(post(1))
    with pytest.raises(StoreLocked) as info:
        Store.open(db)
    error = info.value
    assert error.pid == os.getpid()
    assert error.host == socket.gethostname()
    assert str(error) == (
        f"store.json is open in the cm-tui app (pid {os.getpid()} on {socket.gethostname()}); "
        "close it first, or use a read-only command."
    )
    assert store.repo.posts.add(post(2)).id == 2  # the holder is unaffected


def test_the_lock_file_names_the_holder_while_held(store: Store) -> None:
    assert read_holder(store.paths.lock) == (os.getpid(), socket.gethostname(), "app")
    assert holder_if_locked(store.paths.lock) == (os.getpid(), socket.gethostname(), "app")
    store.close()
    assert holder_if_locked(store.paths.lock) is None


def test_close_releases_the_lock(store: Store, db: Path) -> None:
    store.close()
    with Store.open(db) as again:
        assert not again.readonly


def test_a_reader_opens_while_the_writer_holds_the_lock_and_sees_its_writes(
    store: Store, db: Path
) -> None:
    store.repo.posts.add(post(1))
    store.compact()
    store.repo.posts.add(post(2))  # only in the journal
    with Store.open(db, readonly=True) as reader:
        assert [p.title for p in reader.repo.posts.all()] == [post(1).title, post(2).title]
    store.repo.posts.add(post(3))  # the reader took nothing from the writer


def test_a_reader_ignores_an_append_in_progress(store: Store, db: Path) -> None:
    store.repo.posts.add(post(1))
    with open(store.paths.journal, "ab") as journal:
        journal.write(b'0badc0de {"seq":')  # what a reader may see mid-append
    with Store.open(db, readonly=True) as reader:
        assert reader.repo.posts.count() == 1


def test_restore_is_refused_while_the_store_is_open(store: Store, db: Path) -> None:
    with pytest.raises(StoreLocked):
        restore(db)


def test_stale_temp_files_are_removed_by_the_writer_only(db: Path) -> None:
    Store.open(db).close()
    stale = [
        db.with_name("store.json.tmp-99999"),
        db.with_name("store.journal.tmp-99999"),
        db.with_name("store.backups") / "store-2026-01-01.json.tmp-99999",
        db.with_name("store.archive") / "queue-2026-01.json.tmp-99999",
    ]
    unrelated = db.with_name("notes.txt.tmp-1")
    for path in [*stale, unrelated]:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"half written")
    Store.open(db, readonly=True).close()
    assert all(path.exists() for path in stale)
    Store.open(db).close()
    assert not any(path.exists() for path in stale)
    assert unrelated.exists()
