"""Schema version and forward migrations."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from cm_tui.store import SchemaTooNew, Store, StoreCorrupt, check
from cm_tui.store import schema as schema_mod
from cm_tui.store.journal import encode_entry, header
from tests.store.samples import post

#: A made-up schema 0: posts were called "calendar" and their title was "name".
V0 = {
    "_meta": {"1": {"schema": 0, "seq": 3}},
    "calendar": {
        "1": {"network": "blog", "at": "2026-03-29T00:30:00+00:00", "name": "Hello"},
    },
}


def v0_to_v1(data: dict) -> dict:
    posts = data.pop("calendar", {})
    for doc in posts.values():
        doc["title"] = doc.pop("name")
    data["posts"] = posts
    return data


@pytest.fixture
def v0_file(db: Path) -> Path:
    db.parent.mkdir(parents=True)
    db.write_bytes(orjson.dumps(V0))
    return db


def test_a_file_of_an_older_schema_is_migrated_and_rewritten(
    v0_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(schema_mod.MIGRATIONS, 0, v0_to_v1)
    with Store.open(v0_file) as store:
        assert [p.title for p in store.repo.posts.all()] == ["Hello"]
        store.repo.posts.add(post(1))
    data = orjson.loads(v0_file.read_bytes())
    assert data["_meta"]["1"]["schema"] == schema_mod.SCHEMA_VERSION
    assert "calendar" not in data
    monkeypatch.delitem(schema_mod.MIGRATIONS, 0)
    with Store.open(v0_file) as store:  # no migration needed any more
        assert store.repo.posts.count() == 2


def test_the_journal_of_an_older_schema_is_replayed_before_migrating(
    v0_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    change = {
        "calendar": {"2": {"network": "blog", "at": "2026-03-30T00:00:00+00:00", "name": "J"}}
    }
    v0_file.with_suffix(".journal").write_bytes(header(3) + encode_entry(4, change))
    monkeypatch.setitem(schema_mod.MIGRATIONS, 0, v0_to_v1)
    with Store.open(v0_file) as store:
        assert [p.title for p in store.repo.posts.all()] == ["Hello", "J"]


def test_a_read_only_open_migrates_in_memory_only(
    v0_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(schema_mod.MIGRATIONS, 0, v0_to_v1)
    raw = v0_file.read_bytes()
    with Store.open(v0_file, readonly=True) as store:
        assert [p.title for p in store.repo.posts.all()] == ["Hello"]
    assert v0_file.read_bytes() == raw


def test_a_missing_migration_refuses_without_touching_the_file(v0_file: Path) -> None:
    raw = v0_file.read_bytes()
    with pytest.raises(StoreCorrupt, match="no migration from schema 0") as info:
        Store.open(v0_file)
    assert info.value.moved_to is None
    assert v0_file.read_bytes() == raw


def test_a_failing_migration_refuses_without_touching_the_file(
    v0_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(data: dict) -> dict:
        raise ValueError("cannot convert")

    monkeypatch.setitem(schema_mod.MIGRATIONS, 0, broken)
    raw = v0_file.read_bytes()
    with pytest.raises(StoreCorrupt, match="migration from schema 0 failed"):
        Store.open(v0_file)
    assert v0_file.read_bytes() == raw


def test_a_newer_schema_is_never_opened_nor_moved(db: Path) -> None:
    with Store.open(db) as store:
        store.repo.posts.add(post(1))
    data = orjson.loads(db.read_bytes())
    data["_meta"]["1"]["schema"] = schema_mod.SCHEMA_VERSION + 1
    raw = orjson.dumps(data)
    db.write_bytes(raw)
    for readonly in (False, True):
        with pytest.raises(SchemaTooNew) as info:
            Store.open(db, readonly=readonly)
        assert info.value.found == schema_mod.SCHEMA_VERSION + 1
        assert "update cm-tui" in str(info.value)
    assert db.read_bytes() == raw
    assert not check(db).ok


def test_migrate_applies_steps_in_order() -> None:
    calls = []
    two_back, one_back = schema_mod.SCHEMA_VERSION - 2, schema_mod.SCHEMA_VERSION - 1
    registry = {
        two_back: lambda d: calls.append(two_back) or {**d, "a": 1},
        one_back: lambda d: calls.append(one_back) or {**d, "b": 2},
    }
    assert schema_mod.migrate({}, two_back, registry) == {"a": 1, "b": 2}
    assert calls == [two_back, one_back]
