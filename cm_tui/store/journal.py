"""The append-only journal of changes since the last snapshot.

Format (JSON lines)::

    {"base": 41, "seal": [crc32, size]}            header: the snapshot this journal continues
    1a2b3c4d {"seq":42,"ch":{"queue":{"7":{...}}}}  <crc32 hex of payload> <payload>
    9f8e7d6c {"seq":43,"ch":{"queue":{"7":null}}}   null = document deleted

Each entry sets or deletes documents by id, so replaying an entry over a snapshot that already
contains it is harmless; entries with ``seq`` <= the snapshot's are skipped. One entry is one
transaction: it is written with a single ``write`` and fsync'd before the caller hears "done".

The header's ``seal`` is the CRC-32 and size of the snapshot file as this process wrote it. A
snapshot whose bytes still match it is exactly what a store wrote from checked data, so loading
it can skip the per-document checks (``load.parse_snapshot(trusted=True)``): 15 ms of a 10,000
item start-up. A snapshot that does not match (edited by hand, restored, damaged) is checked in
full, as without a seal.

Only the last line can be incomplete (a crash mid-append: that write was never reported done), so
a torn last line is dropped; a bad line anywhere else means the file was damaged.
"""

from __future__ import annotations

import contextlib
import os
import zlib
from dataclasses import field
from pathlib import Path
from typing import Any

import orjson

from cm_tui.core.i18n import t
from cm_tui.core.value import Value, mutable
from cm_tui.store.atomic import (
    PRIVATE_FILE_MODE,
    Blob,
    DirSyncError,
    chunks_of,
    fsync_dir,
    write_all,
    write_atomic,
)

#: Refuse values orjson would silently turn into strings (datetimes, dataclasses): memory would
#: then hold a different type than the file.
DUMP_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS

Changes = dict[str, dict[str, dict[str, Any] | None]]


class JournalCorrupt(Exception):
    """The journal cannot be trusted; ``reason`` is a translated phrase."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@mutable
class Entry(Value):
    seq: int
    changes: Changes


@mutable
class JournalContent(Value):
    """A parsed journal. ``base`` is ``None`` for a missing or empty file."""

    base: int | None
    entries: list[Entry] = field(default_factory=list)
    torn: bool = False  # the last line was incomplete and has been dropped


def header(base: int, snapshot: Blob | None = None) -> bytes:
    head: dict[str, Any] = {"base": base}
    if snapshot is not None:
        crc = size = 0
        for chunk in chunks_of(snapshot):
            crc, size = zlib.crc32(chunk, crc), size + len(chunk)
        head["seal"] = [crc, size]
    return orjson.dumps(head) + b"\n"


def seals(journal_head: bytes, snapshot: bytes) -> bool:
    """Whether the journal's first line carries the seal of exactly these snapshot bytes."""
    try:
        head = orjson.loads(journal_head.partition(b"\n")[0])
    except orjson.JSONDecodeError:
        return False
    seal = head.get("seal") if isinstance(head, dict) else None
    if not isinstance(seal, list) or len(seal) != 2 or seal[1] != len(snapshot):
        return False
    return bool(seal[0] == zlib.crc32(snapshot))


def encode_entry(seq: int, changes: Changes) -> bytes:
    payload = orjson.dumps({"seq": seq, "ch": changes}, option=DUMP_OPTIONS)
    return b"%08x %s\n" % (zlib.crc32(payload), payload)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _decode_line(line: bytes) -> Entry:
    """Parse one entry line (without its newline); ``ValueError`` says what is wrong."""
    if len(line) < 10 or line[8:9] != b" ":
        raise ValueError("no checksum")
    payload = line[9:]
    if b"%08x" % zlib.crc32(payload) != line[:8]:
        raise ValueError("checksum mismatch")
    try:
        obj = orjson.loads(payload)
    except orjson.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON: {exc.msg}") from None
    if not isinstance(obj, dict) or not _is_int(obj.get("seq")):
        raise ValueError("no change number")
    changes = obj.get("ch")
    if not isinstance(changes, dict) or not all(isinstance(v, dict) for v in changes.values()):
        raise ValueError("no changes")
    return Entry(obj["seq"], changes)


def parse(raw: bytes) -> JournalContent:
    """Parse a whole journal file; raise ``JournalCorrupt`` unless only the last line is bad."""
    if not raw:
        return JournalContent(base=None)
    lines = raw.split(b"\n")
    tail = lines.pop()  # b"" when the file ends with a newline, else an unfinished line
    if not lines:
        raise JournalCorrupt(t("store.reason.journal_header"))
    try:
        head = orjson.loads(lines[0])
    except orjson.JSONDecodeError:
        head = None
    if not isinstance(head, dict) or not _is_int(head.get("base")):
        raise JournalCorrupt(t("store.reason.journal_header"))
    content = JournalContent(base=head["base"], torn=bool(tail))
    prev = head["base"]
    last = len(lines) - 1
    for number, line in enumerate(lines[1:], start=1):
        try:
            entry = _decode_line(line)
        except ValueError as exc:
            if number == last and not tail:
                content.torn = True  # a bad final line: the append that was cut short
                break
            detail = str(exc)
            raise JournalCorrupt(
                t("store.reason.journal_line", line=number + 1, detail=detail)
            ) from None
        if entry.seq <= prev:
            raise JournalCorrupt(
                t("store.reason.journal_line", line=number + 1, detail="change number goes back")
            )
        prev = entry.seq
        content.entries.append(entry)
    return content


def read(path: Path) -> JournalContent:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return JournalContent(base=None)
    return parse(raw)


def pending(content: JournalContent, snapshot_seq: int) -> list[Entry]:
    """The entries to replay over a snapshot at ``snapshot_seq``.

    A journal whose base is *older* than the snapshot is the harmless leftover of a compaction
    interrupted between writing the snapshot and resetting the journal (its entries up to the
    snapshot are already in it). A base *newer* than the snapshot, or a gap after it, means
    changes are missing: ``JournalCorrupt``.
    """
    if content.base is None:
        return []
    if content.base > snapshot_seq:
        raise JournalCorrupt(t("store.reason.journal_base", base=content.base, seq=snapshot_seq))
    todo = [e for e in content.entries if e.seq > snapshot_seq]
    prev = snapshot_seq
    for entry in todo:
        if entry.seq != prev + 1:
            raise JournalCorrupt(t("store.reason.journal_gap", prev=prev, seq=entry.seq))
        prev = entry.seq
    return todo


class JournalWriter:
    """Appends entries to the journal, each fsync'd before ``append`` returns.

    A failed append is cut back off the file (``ftruncate``) so that a later append never leaves
    a damaged line in the middle. If even that fails, the writer becomes ``broken`` and the
    storage must write a snapshot and ``reset`` before appending again.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self.entries = 0
        self.size = 0
        self._dir_dirty = False

    @property
    def broken(self) -> bool:
        return self._fd is None

    def reset(self, base: int, snapshot: Blob | None = None) -> None:
        """Atomically replace the journal by an empty one continuing snapshot ``base`` (whose
        bytes, if given, are sealed in the header)."""
        head = header(base, snapshot)
        try:
            write_atomic(self.path, head)
        except DirSyncError:
            self._dir_dirty = True  # renamed: switch to the new file, sync the folder later
        self._close_fd()
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND)
        self.entries = 0
        self.size = len(head)

    def open_existing(self, entries: int, size: int) -> None:
        """Append to the journal already on disk (known valid, ``size`` bytes, no torn tail)."""
        self._close_fd()
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND)
        with contextlib.suppress(OSError):  # a journal copied in by hand: private again
            os.fchmod(self._fd, PRIVATE_FILE_MODE)
        self.entries = entries
        self.size = size

    def append(self, seq: int, changes: Changes) -> None:
        line = encode_entry(seq, changes)  # TypeError before touching the file
        fd = self._fd
        if fd is None:
            raise OSError("journal is not open")
        if self._dir_dirty:
            fsync_dir(self.path.parent)
            self._dir_dirty = False
        try:
            write_all(fd, line)
            os.fsync(fd)
        except BaseException:
            self._cut_back(fd)
            raise
        self.entries += 1
        self.size += len(line)

    def _cut_back(self, fd: int) -> None:
        try:
            os.ftruncate(fd, self.size)
            os.fsync(fd)
        except OSError:
            self._close_fd()  # unknown tail: never append after it

    def _close_fd(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            with contextlib.suppress(OSError):
                os.close(fd)

    def close(self) -> None:
        self._close_fd()
