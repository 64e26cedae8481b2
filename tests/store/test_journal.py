"""The journal file format: what a crash can leave, what only damage can, and the replay rules."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cm_tui.store.journal import (
    Entry,
    JournalContent,
    JournalCorrupt,
    encode_entry,
    header,
    parse,
    pending,
)

doc_ids = st.integers(min_value=1, max_value=10_000).map(str)
values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
)
documents = st.dictionaries(st.text(max_size=8), values, max_size=4)
changes = st.dictionaries(
    st.sampled_from(["queue", "posts", "prefs"]),
    st.dictionaries(doc_ids, st.none() | documents, min_size=1, max_size=3),
    min_size=1,
    max_size=2,
)


def journal_bytes(base: int, all_changes: list[dict]) -> bytes:
    lines = [header(base)]
    lines += [encode_entry(base + i + 1, ch) for i, ch in enumerate(all_changes)]
    return b"".join(lines)


@given(base=st.integers(0, 1000), all_changes=st.lists(changes, max_size=6))
def test_encoded_entries_parse_back_exactly(base: int, all_changes: list[dict]) -> None:
    content = parse(journal_bytes(base, all_changes))
    assert content.base == base
    assert not content.torn
    assert [e.changes for e in content.entries] == all_changes
    assert [e.seq for e in content.entries] == list(range(base + 1, base + 1 + len(all_changes)))


@settings(max_examples=200)
@given(all_changes=st.lists(changes, min_size=1, max_size=5), data=st.data())
def test_a_cut_anywhere_after_the_header_keeps_exactly_the_complete_entries(
    all_changes: list[dict], data: st.DataObject
) -> None:
    """What a crash mid-append leaves: a prefix. Complete lines survive, the torn one is dropped."""
    raw = journal_bytes(0, all_changes)
    cut = data.draw(st.integers(len(header(0)), len(raw)))
    content = parse(raw[:cut])
    complete = raw[:cut].count(b"\n") - 1
    assert [e.changes for e in content.entries] == all_changes[:complete]
    assert content.torn == (cut != len(raw) and not raw[:cut].endswith(b"\n"))


@settings(max_examples=200)
@given(all_changes=st.lists(changes, min_size=2, max_size=5), data=st.data())
def test_a_damaged_byte_in_any_line_but_the_last_is_corruption(
    all_changes: list[dict], data: st.DataObject
) -> None:
    raw = bytearray(journal_bytes(0, all_changes))
    last_line_start = raw.rindex(b"\n", 0, len(raw) - 1) + 1
    position = data.draw(st.integers(len(header(0)), last_line_start - 2))  # not a newline
    raw[position] = data.draw(st.integers(0, 255).filter(lambda b: b != raw[position]))
    with pytest.raises(JournalCorrupt):
        parse(bytes(raw))


def test_a_bad_checksum_on_the_last_line_is_a_torn_write() -> None:
    raw = journal_bytes(0, [{"queue": {"1": {"a": 1}}}, {"queue": {"2": {"a": 2}}}])
    damaged = raw[:-3] + b"X" + raw[-2:]
    content = parse(damaged)
    assert content.torn
    assert [e.seq for e in content.entries] == [1]


def test_nul_bytes_after_the_last_line_are_a_torn_write() -> None:
    raw = journal_bytes(0, [{"queue": {"1": {"a": 1}}}]) + b"\0" * 40
    content = parse(raw)
    assert content.torn and [e.seq for e in content.entries] == [1]


@pytest.mark.parametrize(
    "raw",
    [
        b'{"base": 0}',  # header without its newline: the journal is written atomically
        b"garbage\n",
        b'{"base": "0"}\n',
        b'{"base": true}\n',
    ],
)
def test_a_bad_header_is_corruption(raw: bytes) -> None:
    with pytest.raises(JournalCorrupt):
        parse(raw)


def test_an_empty_file_is_an_empty_journal() -> None:
    assert parse(b"") == JournalContent(base=None)


def test_change_numbers_must_grow() -> None:
    raw = header(0) + encode_entry(2, {"q": {"1": None}}) + encode_entry(2, {"q": {"1": None}})
    with pytest.raises(JournalCorrupt):
        parse(raw + encode_entry(3, {"q": {"1": None}}))


def test_entries_must_hold_changes_by_table() -> None:
    import zlib

    payload = b'{"seq":1,"ch":{"q":[1]}}'
    line = b"%08x %s\n" % (zlib.crc32(payload), payload)
    with pytest.raises(JournalCorrupt):
        parse(header(0) + line + encode_entry(2, {"q": {"1": None}}))


def entries(*seqs: int) -> list[Entry]:
    return [Entry(seq, {"q": {"1": None}}) for seq in seqs]


def test_pending_skips_what_the_snapshot_already_has() -> None:
    content = JournalContent(base=5, entries=entries(6, 7, 8))
    assert [e.seq for e in pending(content, 5)] == [6, 7, 8]
    # the leftover of a compaction interrupted before the journal was reset
    assert [e.seq for e in pending(content, 7)] == [8]
    assert pending(content, 8) == []
    assert pending(JournalContent(base=None), 3) == []


def test_pending_refuses_a_journal_continuing_a_newer_snapshot() -> None:
    with pytest.raises(JournalCorrupt):
        pending(JournalContent(base=9, entries=entries(10)), 8)


def test_pending_refuses_a_gap_after_the_snapshot() -> None:
    with pytest.raises(JournalCorrupt):
        pending(JournalContent(base=5, entries=entries(6, 8)), 5)
    # entries already in the snapshot may skip: the journal reset after a big change failed
    assert [e.seq for e in pending(JournalContent(base=5, entries=entries(6, 8)), 7)] == [8]
