"""Per-month archive files of closed queue items, so the hot store stays small.

``store.archive/queue-YYYY-MM.json`` (month of ``received_at``, UTC) holds
``{"month": "YYYY-MM", "items": {"<id>": {document}}}``: each item keeps the id it had in the hot
table, which is also its de-duplication key. Every file is written atomically (merge with what the
file holds, then replace it), so an archived item is never lost, at worst present twice: in the
hot table and in an archive, when a crash fell between the two steps of an archival. Readers skip
the archived copy of an item still in the hot table ("hot wins"), and the next archival overwrites
it.

``index.json`` records the highest id ever archived, so that the hot table never hands it out
again (TinyDB would otherwise reuse the max id after the item left the table).

Each month file has a summary beside it (``summary-YYYY-MM.json``, ``store/archive_summary.py``),
written when the file is sealed: the duplicate check, the response figures and ``check`` read it
instead of the whole month.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from cm_tui.core.i18n import t
from cm_tui.core.models import QueueItem
from cm_tui.store import load
from cm_tui.store.atomic import make_private_dir, write_atomic
from cm_tui.store.errors import StoreCorrupt
from cm_tui.store.journal import DUMP_OPTIONS
from cm_tui.store.paths import StorePaths
from cm_tui.store.schema import REQUIRED

if TYPE_CHECKING:  # summaries are read or written by imports and checks, not at start-up
    from cm_tui.store.archive_summary import MonthSummary

_MONTH_FILE = re.compile(r"^queue-(\d{4}-\d{2})\.json$")
_REQUIRED = REQUIRED["queue"]

Docs = dict[str, dict[str, Any]]


def month_of(doc: dict[str, Any]) -> str:
    """``YYYY-MM`` of a stored item's ``received_at`` (stored as UTC ISO-8601)."""
    return str(doc["received_at"])[:7]


def to_item(key: str, doc: dict[str, Any]) -> QueueItem:
    item = QueueItem.from_dict(doc)
    item.id = int(key)
    return item


class Archive:
    def __init__(self, paths: StorePaths) -> None:
        self.paths = paths
        self._cache: dict[str, tuple[tuple[int, int, int], list[QueueItem]]] = {}

    @property
    def folder(self) -> Path:
        return self.paths.archive

    def month_path(self, month: str) -> Path:
        return self.folder / f"queue-{month}.json"

    def months(self) -> list[str]:
        if not self.folder.is_dir():
            return []
        found = (_MONTH_FILE.match(p.name) for p in self.folder.iterdir())
        return sorted(m.group(1) for m in found if m)

    # ------------------------------------------------------------------ reading

    def read_docs(self, month: str) -> Docs:
        """The month's documents by id, strictly checked ({} if the file does not exist)."""
        path = self.month_path(month)
        raw = load.read_file(path)
        if raw is None:
            return {}
        try:
            return parse_month(raw, month, path.name)
        except load.SnapshotError as exc:
            raise StoreCorrupt(path, exc.reason, backups=self.paths.backups) from None

    def items(self, month: str, cache: bool = True) -> list[QueueItem]:
        """The month's items ordered by id, cached until the file changes (mtime, size, inode).

        ``cache=False`` reads without keeping the result (about 1 KB per item otherwise), for a
        one-off pass over years of history.
        """
        path = self.month_path(month)
        try:
            st = path.stat()
        except FileNotFoundError:
            self._cache.pop(month, None)
            return []
        stamp = (st.st_mtime_ns, st.st_size, st.st_ino)
        cached = self._cache.get(month)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        docs = self.read_docs(month)
        items = [to_item(key, docs[key]) for key in sorted(docs, key=int)]
        if cache:
            self._cache[month] = (stamp, items)
        return items

    def summary(self, month: str) -> MonthSummary | None:
        """The month's summary (None if the month file does not exist), rebuilt from the file
        (and written back if the folder allows it) when missing, damaged or stale: its
        ``sealed`` size and mtime must match the file's. Raises ``StoreCorrupt`` if the month
        file has to be read and does not parse."""
        path = self.month_path(month)
        try:
            st = path.stat()
        except FileNotFoundError:
            return None
        from cm_tui.store.archive_summary import read_summary

        found = read_summary(self.folder, month)
        if found is not None and found.describes(st.st_size, st.st_mtime_ns):
            return found
        return self.rebuild_summary(month)

    def rebuild_summary(self, month: str) -> MonthSummary | None:
        """Read the month file whole and write its summary again (None if there is no file)."""
        path = self.month_path(month)
        try:
            with open(path, "rb") as handle:
                st = os.fstat(handle.fileno())
                raw = handle.read()
        except FileNotFoundError:
            return None
        try:
            docs = parse_month(raw, month, path.name)
        except load.SnapshotError as exc:
            raise StoreCorrupt(path, exc.reason, backups=self.paths.backups) from None
        from cm_tui.store.archive_summary import summarize, write_summary

        summary = summarize(month, raw, _items_of(docs), st)
        write_summary(self.folder, summary)
        return summary

    def summaries(self) -> Iterator[MonthSummary]:
        """Every month's summary, oldest month first (see ``summary``)."""
        for month in self.months():
            found = self.summary(month)
            if found is not None:
                yield found

    def max_id(self) -> int:
        """Highest id ever archived (index.json; rebuilt by scanning if missing or damaged)."""
        try:
            info = orjson.loads(self.paths.archive_index.read_bytes())
            value = info["max_id"]
            if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
                return value
        except (OSError, orjson.JSONDecodeError, KeyError, TypeError):
            pass
        top = 0
        for month in self.months():
            docs = self.read_docs(month)
            if docs:
                top = max(top, max(map(int, docs)))
        return top

    # ------------------------------------------------------------------ writing

    def reserve(self, max_id: int) -> None:
        """Record ``max_id`` as archived (before the items are written: ids are never reused)."""
        if max_id <= self.max_id():
            return
        make_private_dir(self.folder, tighten=True)
        write_atomic(self.paths.archive_index, orjson.dumps({"max_id": max_id}))

    def merge(self, docs_by_month: dict[str, Docs]) -> None:
        """Add documents to their month files (same id: the new document wins), one write each."""
        if not docs_by_month:
            return
        from cm_tui.store.archive_summary import summarize, write_summary

        make_private_dir(self.folder, tighten=True)
        for month in sorted(docs_by_month):
            merged = self.read_docs(month)
            merged.update(docs_by_month[month])
            ordered = {key: merged[key] for key in sorted(merged, key=int)}
            blob = orjson.dumps({"month": month, "items": ordered}, option=DUMP_OPTIONS)
            path = self.month_path(month)
            write_atomic(path, blob)
            self._cache.pop(month, None)
            # sealed: its summary (a crash before this line leaves a stale one, rebuilt on use)
            write_summary(self.folder, summarize(month, blob, _items_of(ordered), path.stat()))


def _items_of(docs: Docs) -> Iterator[QueueItem]:
    return (to_item(key, doc) for key, doc in docs.items())


def parse_month(raw: bytes, month: str | None, where: str) -> Docs:
    """Strictly parse one archive file; ``SnapshotError`` says what is wrong."""
    value = load.parse_json(raw, where)
    if not isinstance(value, dict) or not isinstance(value.get("items"), dict):
        raise load.SnapshotError(t("store.reason.not_object"))
    found = value.get("month")
    if month is not None and found != month:
        raise load.SnapshotError(t("store.reason.archive_month", found=found, month=month))
    docs: Docs = value["items"]
    for key, doc in docs.items():
        if not load.valid_id(key):
            raise load.SnapshotError(t("store.reason.bad_id", table=where, id=key))
        if type(doc) is not dict:
            raise load.SnapshotError(t("store.reason.bad_doc", table=where, id=key))
        if not _REQUIRED.issubset(doc):
            missing = ", ".join(sorted(_REQUIRED.difference(doc)))
            raise load.SnapshotError(
                t("store.reason.missing_fields", table=where, id=key, fields=missing)
            )
    return docs


def group_by_month(docs: Iterable[tuple[str, dict[str, Any]]]) -> dict[str, Docs]:
    out: dict[str, Docs] = {}
    for key, doc in docs:
        out.setdefault(month_of(doc), {})[key] = doc
    return out
