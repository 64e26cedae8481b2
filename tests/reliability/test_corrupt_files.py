"""Each way a store file can be damaged: refused, moved aside byte for byte, never overwritten,
never opened as an empty store, and the message says how to restore; restore then works."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import orjson
import pytest

from cm_tui.core import i18n
from cm_tui.core.clock import FixedClock
from cm_tui.store import Store, StoreCorrupt, StorePaths, restore
from tests.store.samples import post


def _duplicate_key(raw: bytes) -> bytes:
    # a second document "1" BEFORE the real one: orjson would keep the real one (the last) and
    # the file would look fine; a stdlib json reader keeps the last too. Either way a key
    # silently disappears, so the file is refused.
    return raw.replace(b'"posts":{', b'"posts":{"1":{"network":"x","at":"y","title":"z"},', 1)


def _missing_field(raw: bytes) -> bytes:
    data = orjson.loads(raw)
    del data["posts"]["2"]["at"]
    return orjson.dumps(data)


def _no_schema(raw: bytes) -> bytes:
    data = orjson.loads(raw)
    del data["_meta"]
    return orjson.dumps(data)


SNAPSHOT_DAMAGE: dict[str, tuple[Callable[[bytes], bytes], str]] = {
    "empty": (lambda raw: b"", "the file is empty"),
    "truncated": (lambda raw: raw[: len(raw) // 2], "cut short"),
    "nul-filled": (lambda raw: b"\0" * len(raw), "NUL bytes"),
    "trailing-garbage": (lambda raw: raw + b"\n}garbage", "unexpected bytes after the data"),
    "duplicate-keys": (_duplicate_key, 'duplicate key "1"'),
    "schema-missing-field": (_missing_field, "document posts #2 lacks at"),
    "schema-no-version": (_no_schema, "no schema version"),
}


@pytest.fixture
def healthy(tmp_path: Path) -> Path:
    """A store with yesterday's backup and a few more posts since."""
    db = tmp_path / "store.json"
    clock = FixedClock(post(0).at)
    with Store.open(db, clock=clock) as store:
        store.repo.posts.add(post(1))
    clock.advance(timedelta(days=1))
    with Store.open(db, clock=clock) as store:  # backup: post 1
        store.repo.posts.add(post(2))
        store.repo.posts.add(post(3))
    return db


def assert_refused(error: StoreCorrupt, bad: Path, damaged: bytes, paths: StorePaths) -> None:
    assert error.path == bad
    assert error.moved_to is not None
    assert error.moved_to.name.startswith(f"{bad.name}.corrupt-")
    assert error.moved_to.read_bytes() == damaged  # original bytes, byte for byte
    assert not bad.exists()
    message = str(error)
    assert "\n" not in message
    assert str(paths.backups) in message and "cm-tui restore" in message
    assert str(error.moved_to) in message


@pytest.mark.parametrize("case", sorted(SNAPSHOT_DAMAGE))
def test_a_damaged_snapshot_is_refused_and_moved_aside(healthy: Path, case: str) -> None:
    damage, reason = SNAPSHOT_DAMAGE[case]
    paths = StorePaths.for_db(healthy)
    damaged = damage(healthy.read_bytes())
    healthy.write_bytes(damaged)
    with pytest.raises(StoreCorrupt) as info:
        Store.open(healthy)
    assert reason in info.value.reason
    assert_refused(info.value, healthy, damaged, paths)
    # read-only commands refuse too, and move nothing
    healthy.write_bytes(damaged)
    with pytest.raises(StoreCorrupt) as info:
        Store.open(healthy, readonly=True)
    assert info.value.moved_to is None and healthy.read_bytes() == damaged
    healthy.unlink()
    # the way out the message gives: restore the newest backup
    restore(healthy)
    with Store.open(healthy) as store:
        assert [p.title for p in store.repo.posts.all()] == [post(1).title]


def test_a_damaged_journal_middle_is_refused_and_moved_aside(healthy: Path) -> None:
    paths = StorePaths.for_db(healthy)
    store = Store.open(healthy)
    store.repo.posts.add(post(4))
    store.repo.posts.add(post(5))
    store.repo.posts.add(post(6))
    store._storage._journal.close()  # killed: no compaction at close
    store._lock.release()
    lines = paths.journal.read_bytes().split(b"\n")
    lines[2] = lines[2][:40] + b"#" + lines[2][41:]
    damaged = b"\n".join(lines)
    paths.journal.write_bytes(damaged)
    snapshot = healthy.read_bytes()
    with pytest.raises(StoreCorrupt) as info:
        Store.open(healthy)
    assert "journal line 3 is damaged" in info.value.reason
    assert_refused(info.value, paths.journal, damaged, paths)
    assert healthy.read_bytes() == snapshot  # the snapshot was fine: kept, not overwritten


def test_the_message_is_translated(healthy: Path) -> None:
    healthy.write_bytes(b"")
    i18n.set_language("fr")
    with pytest.raises(StoreCorrupt) as info:
        Store.open(healthy)
    message = str(info.value)
    assert "le fichier est vide" in message and "cm-tui restore" in message


def test_a_file_refused_once_is_not_reused_by_the_next_open(healthy: Path) -> None:
    healthy.write_bytes(b"\0" * 100)
    with pytest.raises(StoreCorrupt):
        Store.open(healthy)
    with Store.open(healthy) as store:  # a new store; the damaged one is still aside
        assert store.is_new
    assert len(list(healthy.parent.glob("store.json.corrupt-*"))) == 1
