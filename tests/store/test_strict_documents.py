"""A document that does not read back as its record refuses the file, naming table, document and
field: at a writer's open (moved aside, bytes kept), at a read-only open, after a journal replay;
``check`` lists the same problems with the same check."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest

from cm_tui.core.i18n import set_language
from cm_tui.store import Store, StoreCorrupt, check
from cm_tui.store.documents import QUOTE_CHARS, bad_documents
from cm_tui.store.journal import encode_entry
from tests.store.samples import queue_item, samples

#: (table, field, stored value, what the line says about it): the edits a hand, a script or a
#: bad restore leave in a file.
EDITS = [
    ("queue", "status", 42, "field status: 42 is not one of new, replied, "),
    ("queue", "received_at", "2026-13-01", 'field received_at: "2026-13-01" is not a date and'),
    ("queue", "kind", "bogus", 'field kind: "bogus" is not one of comment, message, '),
    ("figures", "followers", "12", 'field followers: "12" is not a number'),
    ("queue", "author_handle", 42, "field author_handle: 42 is not text"),
    ("queue", "keywords", "urgent", 'field keywords: "urgent" is not a list'),
    ("queue", "ambassador", "yes", 'field ambassador: "yes" is not true or false'),
]


def one_of_each(db: Path) -> None:
    """A store holding queue item #1 and figures #1 (sealed, as the store left them)."""
    with Store.open(db) as store:
        store.repo.queue.add(samples()["queue"])
        store.repo.figures.add(samples()["figures"])


def edit_document(db: Path, table: str, field: str, value: Any, key: str = "1") -> bytes:
    data = orjson.loads(db.read_bytes())
    data[table][key][field] = value
    raw = orjson.dumps(data)
    db.write_bytes(raw)
    return raw


@pytest.mark.parametrize(("table", "field", "value", "says"), EDITS)
def test_a_document_failing_the_schema_is_refused_at_open_and_moved_aside(
    db: Path, table: str, field: str, value: Any, says: str
) -> None:
    one_of_each(db)
    raw = edit_document(db, table, field, value)
    with pytest.raises(StoreCorrupt) as info:
        Store.open(db)
    message = str(info.value)
    assert f"cannot be opened: document {table} #1, {says}" in message
    assert "\n" not in message
    assert info.value.moved_to is not None
    assert info.value.moved_to.read_bytes() == raw  # kept, byte for byte
    assert not db.exists()  # never re-sealed: the next open starts without it


@pytest.mark.parametrize(("table", "field", "value", "says"), EDITS[:2])
def test_a_read_only_open_refuses_it_too_and_moves_nothing(
    db: Path, table: str, field: str, value: Any, says: str
) -> None:
    one_of_each(db)
    raw = edit_document(db, table, field, value)
    with pytest.raises(StoreCorrupt, match=f"document {table} #1, {says}"):
        Store.open(db, readonly=True)
    assert db.read_bytes() == raw


def test_check_lists_what_open_refuses_with_the_same_words(db: Path) -> None:
    one_of_each(db)
    edit_document(db, "queue", "status", 42)
    report = check(db)
    assert not report.ok
    assert any(line.startswith("queue #1, field status: 42 is not one of") for line in report.lines)


def test_a_journal_entry_replayed_at_open_is_checked(
    db: Path, crash_copy: Callable[[Store], Path]
) -> None:
    store = Store.open(db)
    store.repo.queue.add(queue_item(1))
    copy = crash_copy(store)  # what a kill -9 now would leave: the item is in the journal only
    store.close()
    journal = copy.with_name("store.journal")
    bad = queue_item(2).to_dict() | {"status": 42}
    bad.pop("id", None)
    with journal.open("ab") as handle:  # a well-formed line (checksum right) of a bad document
        handle.write(encode_entry(2, {"queue": {"2": bad}}))
    with pytest.raises(StoreCorrupt, match="document queue #2, field status: 42 is not one of"):
        Store.open(copy)


def test_every_sample_record_and_the_prefs_read_back() -> None:
    data = {name: {"1": record.to_dict()} for name, record in samples().items()}
    data["prefs"] = {"1": {"name": "theme", "value": {"any": ["json"]}}}
    assert list(bad_documents(data)) == []


def test_nested_records_and_the_record_class_itself_are_checked() -> None:
    template = samples()["tasks"].to_dict()
    kind = template | {"cadence": template["cadence"] | {"kind": 3}}
    nth = template | {"cadence": template["cadence"] | {"nth_weekday": ["x", 1]}}
    pref = {"name": 7, "value": 1}
    found = list(bad_documents({"tasks": {"1": kind, "2": nth}, "prefs": {"3": pref}}))
    assert [bad.reason() for bad in found] == [
        "document prefs #3, field name: 7 is not text",
        "document tasks #1, field cadence.kind: 3 is not one of once, times_per_day, daily, "
        "workdays, weekly, monthly, quarterly, occasional",
        "document tasks #2 does not read back as a record (ValueError: invalid literal for "
        "int() with base 10: 'x')",
    ]


def test_a_huge_or_hostile_value_is_quoted_short_and_escaped() -> None:
    doc = queue_item(1).to_dict() | {"author_handle": ["\x1b]2;TITLE\x07" + "x" * 10_000]}
    (bad,) = bad_documents({"queue": {"1": doc}})
    assert "\x1b" not in bad.reason() and "\\u001b" in bad.reason()
    assert len(bad.problem) < QUOTE_CHARS + 20


def test_the_reason_is_translated() -> None:
    set_language("fr")
    doc = queue_item(1).to_dict() | {"status": 42}
    (bad,) = bad_documents({"queue": {"1": doc}})
    assert bad.reason().startswith("document queue n°1, champ status : 42 n'est pas l'une des")


def test_check_reads_a_sealed_store_in_full(db: Path) -> None:
    """A store sealed by a build that did not check its documents (the seal says "the store
    wrote these bytes", not "they passed today's checks"): ``check`` still finds the bad one."""
    from cm_tui.store.journal import header
    from cm_tui.store.load import encode_snapshot, parse_snapshot

    one_of_each(db)
    snapshot = parse_snapshot(db.read_bytes())
    snapshot.data["queue"]["1"]["status"] = 42
    raw = encode_snapshot(snapshot.data, snapshot.seq)
    db.write_bytes(raw)
    db.with_name("store.journal").write_bytes(header(snapshot.seq, raw))
    report = check(db)
    assert not report.ok
    assert any(line.startswith("queue #1, field status: 42") for line in report.lines)


def test_check_reads_the_layout_of_a_sealed_store_in_full(db: Path) -> None:
    from cm_tui.store.journal import header
    from cm_tui.store.load import encode_snapshot, parse_snapshot

    one_of_each(db)
    snapshot = parse_snapshot(db.read_bytes())
    snapshot.data["queue"]["07"] = snapshot.data["queue"].pop("1")
    raw = encode_snapshot(snapshot.data, snapshot.seq)
    db.write_bytes(raw)
    db.with_name("store.journal").write_bytes(header(snapshot.seq, raw))
    report = check(db)
    assert not report.ok
    assert 'store.json: table queue has an invalid document id "07"' in report.lines
