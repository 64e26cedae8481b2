"""Strict loading: a store file is either fully valid or refused, never read as empty.

The snapshot must be one complete JSON object (orjson: no trailing bytes, no NUL, valid UTF-8),
without duplicate keys, laid out as ``{table: {"<id>": {document}}}`` with a ``_meta`` table
holding an int ``schema`` version and the snapshot's change number ``seq``; after replaying the
journal and migrating, each document of a known table must read back as its record
(``documents``: required fields, the type of each field, the record class itself); one that does
not refuses the file, naming the table, the document and the field. Nothing here writes: the
caller decides what to do with a refused file.

A snapshot sealed by the journal (``journal.seals``: the bytes a store wrote) skips the
per-document checks: it was written from data that passed them. Its big tables are not even
parsed at open: a snapshot holds one table per line (``encode_tables``), so it is cut into its
tables without being parsed, and a table of more than ``LAZY_TABLE_BYTES`` is parsed when first
read (``Snapshot.pending``, then ``DurableStorage``). A tab that never reads the posts does not
pay for them: about 15 ms of the Queue tab's start on 10,000 items.

Duplicate keys: orjson silently keeps the last one, so the bytes are compared with our own
rendering of what was parsed (our files are written that way, so they match byte for byte); only
when they differ (a hand-edited file) is the file parsed again with the stdlib to find duplicates.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import field
from pathlib import Path
from typing import Any

import orjson

from cm_tui.core.i18n import t
from cm_tui.core.value import Value, mutable
from cm_tui.store import journal as journal_mod
from cm_tui.store.documents import bad_documents
from cm_tui.store.journal import DUMP_OPTIONS, JournalContent, JournalCorrupt
from cm_tui.store.paths import StorePaths
from cm_tui.store.schema import META_ID, META_TABLE, SCHEMA_VERSION, Data, migrate


class SnapshotError(Exception):
    """The snapshot (or an archive / backup file) is not valid; ``reason`` is translated."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class JournalAhead(JournalCorrupt):
    """The journal continues a newer snapshot than the one read (a reader raced a compaction)."""


class TooNew(Exception):
    def __init__(self, found: int) -> None:
        super().__init__(found)
        self.found = found


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def valid_id(key: str) -> bool:
    """Document ids are positive decimal integers written canonically ("7", not "07")."""
    return key.isdigit() and key.isascii() and key[0] != "0"


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _Duplicate(key)
        seen[key] = value
    return seen


class _Duplicate(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _dump(value: Any) -> bytes:
    return orjson.dumps(value, option=DUMP_OPTIONS)


def parse_json(
    raw: bytes, where: str, trusted: bool = False, encode: Callable[[Any], bytes] = _dump
) -> Any:
    """Parse ``raw`` strictly (``trusted``: bytes a store wrote, no duplicate keys to look
    for); ``SnapshotError`` says in a short phrase what is wrong. ``encode`` is how such a
    file is written (bytes it would not write again are searched for duplicate keys)."""
    if not raw.strip():
        raise SnapshotError(t("store.reason.empty"))
    if not raw.strip(b"\0 \t\r\n"):
        raise SnapshotError(t("store.reason.nul"))
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise SnapshotError(_describe(exc, raw)) from None
    if not trusted and encode(value) != raw:
        try:
            json.loads(raw, object_pairs_hook=_reject_duplicates)
        except _Duplicate as dup:
            raise SnapshotError(
                t("store.reason.duplicate", key=json.dumps(dup.key), where=where)
            ) from None
    return value


def _describe(exc: orjson.JSONDecodeError, raw: bytes) -> str:
    if b"\0" in raw and not raw.replace(b"\0", b"").strip():
        return t("store.reason.nul")
    if "after document" in exc.msg:
        return t("store.reason.trailing", pos=exc.pos)
    if exc.pos >= len(raw.rstrip()) or "end of data" in exc.msg:
        return t("store.reason.truncated")
    return t("store.reason.json", pos=exc.pos, detail=exc.msg)


def check_tables(value: Any, trusted: bool = False) -> tuple[Data, int, int]:
    """Check the ``{table: {"<id>": {...}}}`` layout (``trusted``: only the ``_meta`` table);
    return (tables without _meta, schema, seq).

    Each table is checked with C-level ``map``/``all`` passes (about 0.05 µs per document: this
    runs at every start-up); only a table that fails is walked again to name the bad document.
    """
    if not isinstance(value, dict):
        raise SnapshotError(t("store.reason.not_object"))
    for name, table in () if trusted else value.items():
        if not isinstance(table, dict):
            raise SnapshotError(t("store.reason.bad_table", table=name))
        if not (
            all(key.isdigit() and key.isascii() and key[0] != "0" for key in table)
            and all(type(doc) is dict for doc in table.values())
        ):
            _explain_bad_table(name, table)
    meta = value.pop(META_TABLE, None)
    doc = meta.get(META_ID) if meta else None
    if doc is None or not _is_int(doc.get("schema")) or not _is_int(doc.get("seq", 0)):
        raise SnapshotError(t("store.reason.no_meta"))
    return value, doc["schema"], doc.get("seq", 0)


def _explain_bad_table(name: str, table: dict[str, Any]) -> None:
    for key, doc in table.items():
        if not valid_id(key):
            raise SnapshotError(t("store.reason.bad_id", table=name, id=json.dumps(key)))
        if type(doc) is not dict:
            raise SnapshotError(t("store.reason.bad_doc", table=name, id=key))


def check_documents(data: Data, only: dict[str, set[str]] | None = None) -> None:
    """Each document of a known table reads back as its record (``documents.bad_documents``,
    the check ``cm-tui check`` lists with); ``SnapshotError`` names the first one that does not,
    its table and its field. ``only``: just these ids per table."""
    for bad in bad_documents(data, only):
        raise SnapshotError(bad.reason())


def touched(entries: list[journal_mod.Entry]) -> dict[str, set[str]]:
    """The ids each table's documents were set to by ``entries`` (deletions need no check)."""
    ids: dict[str, set[str]] = {}
    for entry in entries:
        for name, docs in entry.changes.items():
            ids.setdefault(name, set()).update(k for k, doc in docs.items() if doc is not None)
    return ids


def apply_changes(data: Data, changes: journal_mod.Changes) -> None:
    """Set or delete documents by id (idempotent); ``JournalCorrupt`` on a malformed change."""
    for name, docs in changes.items():
        if name == META_TABLE:
            raise JournalCorrupt(t("store.reason.bad_table", table=name))
        table = data.setdefault(name, {})
        for key, doc in docs.items():
            if not valid_id(key):
                raise JournalCorrupt(t("store.reason.bad_id", table=name, id=json.dumps(key)))
            if doc is None:
                table.pop(key, None)
            elif type(doc) is dict:
                table[key] = doc
            else:
                raise JournalCorrupt(t("store.reason.bad_doc", table=name, id=key))


def encode_snapshot(data: Data, seq: int, schema: int = SCHEMA_VERSION) -> bytes:
    """The snapshot bytes: ``_meta`` first, then the tables as they are in memory."""
    return b"".join(snapshot_chunks(data, seq, schema))


def snapshot_chunks(data: Data, seq: int, schema: int = SCHEMA_VERSION) -> list[bytes]:
    """``encode_snapshot``'s bytes in pieces, to be written one after the other (a store of
    100,000 items is then in memory once as JSON, not twice)."""
    meta = {META_TABLE: {META_ID: {"schema": schema, "seq": seq}}}
    return table_chunks(meta | data)


def encode_tables(tables: Any) -> bytes:
    """``{"name":{…},…}`` as orjson writes it, plus a newline before each table and before the
    closing brace: one table per line. orjson escapes every newline inside strings, so these
    are the only ones, and ``split_tables`` finds the tables without parsing anything."""
    return b"".join(table_chunks(tables))


def table_chunks(tables: Any) -> list[bytes]:
    """``encode_tables``' bytes in pieces."""
    if not isinstance(tables, dict) or not tables:
        return [_dump(tables)]
    chunks = [b"{\n"]
    for name, table in tables.items():
        chunks += (_dump(name), b":", _dump(table), b",\n")
    chunks[-1] = b"\n}"
    return chunks


def split_tables(raw: bytes) -> dict[str, memoryview] | None:
    """Each table's JSON value in ``raw`` (written by ``encode_tables``), not parsed; ``None``
    when ``raw`` is not laid out that way (a file from an older build: parse it whole)."""
    if not (raw.startswith(b"{\n") and raw.endswith(b"\n}")):
        return None
    view = memoryview(raw)
    tables: dict[str, memoryview] = {}
    start, last = 2, len(raw) - 2
    while start < last:
        end = raw.find(b"\n", start, last)
        end = last if end < 0 else end
        stop = end - 1 if end < last else end  # the comma between tables
        colon = raw.find(b'":', start + 1, stop)
        comma_ok = end == last or raw[stop : stop + 1] == b","
        if raw[start : start + 1] != b'"' or colon < 0 or not comma_ok:
            return None
        name = raw[start + 1 : colon]
        if not name.isascii() or b"\\" in name:
            return None
        tables[name.decode()] = view[colon + 2 : stop]
        start = end + 1
    return tables


#: Tables bigger than this are parsed on first read, not at open (sealed snapshots only).
LAZY_TABLE_BYTES = 64 << 10


@mutable
class Snapshot(Value):
    data: Data
    schema: int
    seq: int
    raw: bytes
    trusted: bool = False
    #: tables not parsed yet (name -> JSON bytes): ``load_pending`` or ``DurableStorage``
    pending: dict[str, memoryview] = field(default_factory=dict)

    def load_pending(self) -> None:
        """Parse the tables left for later (before anything reads or writes ``data`` whole)."""
        parse_pending(self.data, self.pending, list(self.pending))


def parse_pending(data: Data, pending: dict[str, memoryview], names: list[str]) -> None:
    """Parse the tables ``names`` still in ``pending`` into ``data``. Each table is in place
    before it leaves ``pending``: a reader on another thread that no longer finds it pending
    finds it parsed (``DurableStorage`` calls this under its lock)."""
    for name in names:
        value = pending.get(name)
        if value is not None:
            data[name] = orjson.loads(value)
            del pending[name]


def parse_snapshot(raw: bytes, where: str = "store", *, trusted: bool = False) -> Snapshot:
    """Parse and structure-check snapshot bytes (not yet migrated nor field-checked);
    ``trusted``: sealed bytes (see the module doc), only parsed, the big tables later."""
    parts = split_tables(raw) if trusted else None
    if parts is None or META_TABLE not in parts:
        value = parse_json(raw, where, trusted, encode=encode_tables)
        data, schema, seq = check_tables(value, trusted)
        return Snapshot(data, schema, seq, raw, trusted)
    pending = {
        name: part
        for name, part in parts.items()
        if len(part) > LAZY_TABLE_BYTES and name != META_TABLE
    }
    value = {name: orjson.loads(part) for name, part in parts.items() if name not in pending}
    data, schema, seq = check_tables(value, trusted=True)
    return Snapshot(data, schema, seq, raw, trusted, pending)


@mutable
class Loaded(Value):
    """A database as it was on disk: snapshot + journal replayed + migrated, fully checked."""

    data: Data
    seq: int  # change number of the last entry applied
    snapshot: Snapshot
    journal: JournalContent
    replayed: int  # journal entries applied over the snapshot
    migrated: bool


def finish(
    snapshot: Snapshot, content: JournalContent, registry: Any = None, *, documents: bool = True
) -> Loaded:
    """Replay ``content`` over ``snapshot``, migrate, check the documents (``documents``).

    Every document is checked unless the snapshot is sealed (then only those the journal
    replayed: the rest was checked before it was written), and all of them after a migration.
    Raises ``JournalAhead`` (journal continues a newer snapshot), ``JournalCorrupt``, ``TooNew``,
    ``schema.MigrationMissing`` / ``MigrationFailed`` or ``SnapshotError``.
    """
    if snapshot.schema > SCHEMA_VERSION:
        raise TooNew(snapshot.schema)
    try:
        todo = journal_mod.pending(content, snapshot.seq)
    except JournalCorrupt as exc:
        if content.base is not None and content.base > snapshot.seq:
            raise JournalAhead(exc.reason) from None
        raise
    migrated = snapshot.schema < SCHEMA_VERSION
    if todo or migrated:  # replay and migrations read every table
        snapshot.load_pending()
    data = snapshot.data
    for entry in todo:
        apply_changes(data, entry.changes)
    if migrated:
        data = migrate(data, snapshot.schema, registry)
    if documents and (migrated or not snapshot.trusted):
        snapshot.load_pending()
        check_documents(data)
    elif documents and todo:
        check_documents(data, touched(todo))
    seq = todo[-1].seq if todo else snapshot.seq
    return Loaded(data, seq, snapshot, content, len(todo), migrated)


def read_head(path: Path, size: int = 256) -> bytes:
    """The first bytes of a file (``b""`` if missing): enough for a journal's header."""
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except FileNotFoundError:
        return b""


def read_file(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def load_reader(
    paths: StorePaths, attempts: int = 5, *, documents: bool = True, trust_seal: bool = True
) -> Loaded | None:
    """Load a store without locking it and without writing anything (``None`` if missing).

    A snapshot sealed by the journal is trusted as at a writer's open (unless not
    ``trust_seal``: ``check`` reads everything): its big tables may be left in
    ``snapshot.pending``; ``documents``: check them (``finish``). A writer may compact between
    our read of the snapshot and our read of the journal: the journal then continues a newer
    snapshot (``JournalAhead``) and we read both again. A torn last journal line (an append in
    progress) is ignored.
    """
    for attempt in range(attempts):
        raw = read_file(paths.db)
        if raw is None:
            return None
        sealed = trust_seal and journal_mod.seals(read_head(paths.journal), raw)
        snapshot = parse_snapshot(raw, paths.db.name, trusted=sealed)
        if snapshot.schema > SCHEMA_VERSION:
            raise TooNew(snapshot.schema)
        try:
            return finish(snapshot, journal_mod.read(paths.journal), documents=documents)
        except JournalAhead:
            time.sleep(0.005 * (attempt + 1))
    raise SnapshotError(t("store.reason.changing"))
