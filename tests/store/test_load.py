"""Strict loading of the snapshot: refused unless complete, canonical-or-duplicate-free, valid."""

from __future__ import annotations

import json
from pathlib import Path
from unittest.mock import patch

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cm_tui.store import Store, StoreCorrupt, load
from cm_tui.store.load import (
    SnapshotError,
    encode_snapshot,
    encode_tables,
    parse_json,
    parse_snapshot,
    split_tables,
)
from cm_tui.store.schema import REQUIRED, SCHEMA_VERSION
from tests.store.samples import post, samples

META = b'{"_meta":{"1":{"schema":1,"seq":0}}'


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty"),
        (b"  \n", "empty"),
        (b"\0" * 64, "NUL"),
        (META + b',"posts":{"1":{"net', "truncated"),
        (META + b"}garbage", "unexpected bytes after the data"),
        (META + b"}\0\0\0", "unexpected bytes after the data"),
        (b"\xff\xfe", "invalid JSON"),
        (b"[1, 2]", "not a JSON object"),
        (META + b',"posts":[]}', "table posts is not an object"),
        (META + b',"posts":{"x":{}}}', 'invalid document id "x"'),
        (META + b',"posts":{"01":{}}}', 'invalid document id "01"'),
        (META + b',"posts":{"0":{}}}', 'invalid document id "0"'),
        (META + b',"posts":{"1":[]}}', "document posts #1 is not an object"),
        (b'{"posts":{}}', "no schema version"),
        (b'{"_meta":{"1":{"schema":"1"}}}', "no schema version"),
        (b'{"_meta":{"1":{"schema":true}}}', "no schema version"),
    ],
)
def test_malformed_snapshots_are_refused_with_a_reason(raw: bytes, reason: str) -> None:
    with pytest.raises(SnapshotError, match=reason):
        parse_snapshot(raw)


def test_duplicate_keys_are_found_although_orjson_keeps_the_last_one() -> None:
    raw = META + b',"posts":{"1":{"a":1},"1":{"a":2}}}'
    assert orjson.loads(raw)["posts"] == {"1": {"a": 2}}  # the silent data loss we refuse
    with pytest.raises(SnapshotError, match='duplicate key "1"'):
        parse_json(raw, "store.json")
    with pytest.raises(SnapshotError, match='duplicate key "posts"'):
        parse_json(META + b',"posts":{},"posts":{}}', "store.json")


def test_a_hand_edited_but_valid_file_opens(db: Path) -> None:
    with Store.open(db) as store:
        store.repo.posts.add(post(1))
    pretty = json.dumps(orjson.loads(db.read_bytes()), indent=4, ensure_ascii=True)
    db.write_text(pretty)
    with Store.open(db) as store:
        assert store.repo.posts.all() == [post(1, id=1)]


def test_documents_lacking_required_fields_are_refused(db: Path) -> None:
    with Store.open(db) as store:
        store.repo.posts.add(post(1))
    data = orjson.loads(db.read_bytes())
    del data["posts"]["1"]["title"]
    db.write_bytes(orjson.dumps(data))
    with pytest.raises(StoreCorrupt, match=r"document posts #1 lacks title"):
        Store.open(db)


def test_required_fields_come_from_the_models() -> None:
    assert REQUIRED["queue"] == {
        "kind",
        "network",
        "author_handle",
        "text",
        "received_at",
        "deadline",
    }
    assert REQUIRED["posts"] == {"network", "at", "title"}
    assert REQUIRED["prefs"] == {"name", "value"}
    for table, record in samples().items():
        assert REQUIRED[table] <= set(record.to_dict())
        assert "id" not in REQUIRED[table]


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=10,
)
tables = st.dictionaries(
    st.text(min_size=1, max_size=8).filter(lambda name: name not in REQUIRED and name != "_meta"),
    st.dictionaries(
        st.integers(1, 10**9).map(str),
        st.dictionaries(st.text(max_size=6), json_values, max_size=4),
        max_size=4,
    ),
    max_size=4,
)


@given(data=tables, seq=st.integers(0, 2**40))
def test_what_we_write_is_what_we_read(data: dict, seq: int) -> None:
    raw = encode_snapshot(data, seq)
    snapshot = parse_snapshot(raw)
    assert snapshot.data == data
    assert (snapshot.schema, snapshot.seq) == (SCHEMA_VERSION, seq)
    assert encode_tables(orjson.loads(raw)) == raw  # canonical: no stdlib re-parse needed


@given(data=tables, seq=st.integers(0, 2**40))
def test_a_sealed_snapshot_read_table_by_table_is_the_same_data(data: dict, seq: int) -> None:
    raw = encode_snapshot(data, seq)
    with patch.object(load, "LAZY_TABLE_BYTES", 0):
        snapshot = parse_snapshot(raw, trusted=True)
    if split_tables(raw) is not None:  # names orjson escapes are parsed whole instead
        assert set(snapshot.pending) == set(data)
        assert snapshot.data == {}
    snapshot.load_pending()
    assert snapshot.data == data
    assert (snapshot.schema, snapshot.seq) == (SCHEMA_VERSION, seq)


@pytest.mark.parametrize(
    "raw",
    [
        json.dumps({"_meta": {"1": {"schema": 1, "seq": 0}}, "posts": {}}, indent=1).encode(),
        b'{\n"_meta":{"1":{"schema":1,"seq":0}}\n,"posts":{}\n}',  # commas moved
        b'{\n"_meta":{"1":{"schema":1,"seq":0}},\n"po\\"sts":{}\n}',  # an escaped name
    ],
    ids=["pretty-printed", "commas-moved", "escaped-name"],
)
def test_a_snapshot_laid_out_otherwise_is_not_cut_into_tables(raw: bytes) -> None:
    assert split_tables(raw) is None
    assert parse_snapshot(raw).seq == 0  # still valid JSON: parsed (and checked) whole


def test_a_snapshot_in_the_older_one_line_layout_still_opens() -> None:
    data = {"posts": {"1": {"x": 1}}}
    raw = orjson.dumps({"_meta": {"1": {"schema": 1, "seq": 3}}, **data})
    for trusted in (False, True):
        snapshot = parse_snapshot(raw, trusted=trusted)
        assert (snapshot.data, snapshot.seq, snapshot.pending) == (data, 3, {})


def _count_document_checks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    from cm_tui.store import load

    calls: list[int] = []
    check = load.check_documents

    def counting(data: dict, only: dict | None = None) -> None:
        calls.append(1)
        check(data, only)

    monkeypatch.setattr(load, "check_documents", counting)
    return calls


def test_a_snapshot_sealed_by_the_journal_skips_the_document_checks(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(db) as store:
        store.repo.posts.add(post(1))
    calls = _count_document_checks(monkeypatch)
    with Store.open(db) as store:
        assert [p.title for p in store.repo.posts.all()] == [post(1).title]
    assert calls == []  # the bytes are the ones the store wrote: already checked


def test_a_sealed_store_parses_a_big_table_when_it_is_first_read(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(load, "LAZY_TABLE_BYTES", 100)
    with Store.open(db) as store:
        for n in range(3):
            store.repo.posts.add(post(n))
        store.repo.prefs.set("theme", "nord")
    with Store.open(db) as store:
        storage = store._storage
        assert set(storage._pending) == {"posts"}  # prefs: small, parsed at open
        assert store.repo.prefs.get("theme") == "nord"
        assert set(storage._pending) == {"posts"}
        added = store.repo.posts.add(post(9))  # a write to a table not parsed yet
        assert storage._pending == {}
        assert added.id == 4
    with Store.open(db) as store:  # what the write left on disk: every post, once
        titles = [p.title for p in store.repo.posts.all()]
    assert titles == [post(n).title for n in (0, 1, 2, 9)]


def test_a_sealed_snapshot_changed_on_disk_is_checked_in_full(db: Path) -> None:
    with Store.open(db) as store:
        store.repo.posts.add(post(1))
    raw = db.read_bytes()
    # same size as the sealed bytes, a required field renamed: only the full checks see it
    tampered = raw.replace(b'"title":', b'"titlf":', 1)
    assert len(tampered) == len(raw) and tampered != raw
    db.write_bytes(tampered)
    with pytest.raises(StoreCorrupt, match=r"document posts #1 lacks title"):
        Store.open(db)
