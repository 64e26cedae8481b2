"""The Repository API: the only way the other layers read and write the store.

One generic ``EntityRepo[T]`` per table of records, plus a few specialised ones. Contract:

* reads never touch the disk: they come from memory; ``all()`` keeps the records as domain
  objects, built once and kept in sync by every write, so repeated reads do not rebuild thousands
  of dataclasses. The objects returned are shared: treat them as values (use ``.replace()`` and
  ``update()``), never mutate them in place;
* every write returns once it is durable (fsync'd) and raises ``StoreWriteError`` otherwise, with
  memory (and these caches) left as before;
* writes use TinyDB's doc-id operations, so their cost does not grow with the table.

Documents are stored without their ``id`` (the TinyDB document id is the record's id).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from operator import itemgetter
from typing import Any, Generic, TypeVar

import orjson

from cm_tui.core.models import (
    AdCampaign,
    Competitor,
    Hashtag,
    Influencer,
    MonthlyFigures,
    NetworkProfile,
    OccurrenceStatus,
    Post,
    QueueItem,
    QueueStatus,
    Record,
    ReferenceDocument,
    TaskOccurrence,
    TaskTemplate,
    WatchKeyword,
    assert_utc,
    format_instant,
)
from cm_tui.core.queue import OpenEntry
from cm_tui.store.archive import Archive, group_by_month, to_item
from cm_tui.store.errors import StoreWriteError
from cm_tui.store.journal import DUMP_OPTIONS
from cm_tui.store.schema import MODELS, PREFS_TABLE
from cm_tui.store.storage import DurableStorage
from cm_tui.store.tracking import JournaledTable

T = TypeVar("T", bound=Record)

#: Queue statuses that are final: such items are archived once closed long enough.
CLOSED_STATUSES = frozenset({QueueStatus.REPLIED, QueueStatus.IGNORED})
#: the same, and the open statuses, as the strings stored in documents (raw scans)
_CLOSED = frozenset(status.value for status in CLOSED_STATUSES)
_OPEN = frozenset(status.value for status in QueueStatus if status.is_open)


class EntityRepo(Generic[T]):
    """Records of one class in one table, ordered by id.

    Domain objects are built lazily, one document at a time, and kept: a query that scans the
    raw documents (``_select``) converts only what it returns, so drawing today's agenda on a
    year of history does not build thousands of dataclasses. Subclasses may keep secondary
    indexes over the raw documents; ``_index_change`` keeps them in step with every write.
    """

    def __init__(self, storage: DurableStorage, table: JournaledTable, model: type[T]) -> None:
        self._storage = storage
        self._table = table
        self._model = model
        self._cache: dict[int, T] = {}
        self._complete = False
        storage.add_listener(self._on_reset)

    @property
    def table_name(self) -> str:
        return self._table.name

    # ------------------------------------------------------------------ reads

    def all(self) -> list[T]:
        """Every record, ordered by id (a new list; the records themselves are shared)."""
        return list(self._objects().values())

    def get(self, id: int) -> T | None:
        obj = self._cache.get(id)
        if obj is not None:
            return obj
        doc = self._raw().get(str(id))
        return None if doc is None else self._obj(str(id), doc)

    def count(self) -> int:
        return len(self._raw())

    # ------------------------------------------------------------------ writes

    def add(self, obj: T) -> T:
        """Store ``obj`` under a new id (its own ``id`` is ignored); return it with that id."""
        doc = self._to_doc(obj)
        with self._storage.transaction():
            stored = obj.replace(id=self._table.insert(doc))
            self._put(stored, None, doc)
        return stored

    def add_many(self, objs: Iterable[T]) -> list[T]:
        """Store several records in one durable write; return them with their new ids."""
        objs = list(objs)
        docs = [self._to_doc(obj) for obj in objs]
        with self._storage.transaction():
            ids = self._table.insert_multiple(docs)
            stored = [obj.replace(id=new_id) for obj, new_id in zip(objs, ids, strict=True)]
            for obj, doc in zip(stored, docs, strict=True):
                self._put(obj, None, doc)
        return stored

    def update(self, obj: T) -> T:
        """Replace the stored record ``obj.id`` by ``obj`` (``KeyError`` if there is none)."""
        doc = self._to_doc(obj)
        old = self._raw().get(str(obj.id))  # type: ignore[attr-defined]
        with self._storage.transaction():
            self._table.replace_document(obj.id, doc)  # type: ignore[attr-defined]
            self._put(obj, old, doc)
        return obj

    def delete(self, id: int) -> None:
        """Delete record ``id`` (nothing happens if it does not exist)."""
        self.delete_many([id])

    def delete_many(self, ids: Iterable[int]) -> None:
        """Delete several records in one durable write."""
        ids = list(ids)
        raw = self._raw()
        old = {doc_id: raw.get(str(doc_id)) for doc_id in ids}
        with self._storage.transaction():
            removed = self._table.remove(doc_ids=ids)
            for doc_id in removed:
                self._cache.pop(doc_id, None)
                self._index_change(doc_id, old.get(doc_id), None)

    # ------------------------------------------------------------------ internals

    def _raw(self) -> dict[str, dict[str, Any]]:
        return self._storage.table(self._table.name) or {}

    def _obj(self, key: str, doc: dict[str, Any]) -> T:
        """The domain object of document ``key``, built once."""
        doc_id = int(key)
        obj = self._cache.get(doc_id)
        if obj is None:
            obj = self._model.from_dict(doc)
            obj.id = doc_id  # type: ignore[attr-defined]
            self._cache[doc_id] = obj
        return obj

    def _select(self, keys: Iterable[str]) -> list[T]:
        """The objects of the documents ``keys`` (raw keys), converting only those."""
        raw = self._raw()
        return [self._obj(key, raw[key]) for key in keys]

    def _to_doc(self, obj: T) -> dict[str, Any]:
        if not isinstance(obj, self._model):
            raise TypeError(f"{self.table_name} stores {self._model.__name__}, not {obj!r}")
        doc = obj.to_dict()
        doc.pop("id", None)
        return doc

    def _objects(self) -> dict[int, T]:
        if not self._complete:
            raw = self._raw()
            for key in raw:
                self._obj(key, raw[key])
            self._cache = dict(sorted(self._cache.items()))
            self._complete = True
        return self._cache

    def _put(self, stored: T, old: dict[str, Any] | None, new: dict[str, Any]) -> None:
        doc_id = stored.id  # type: ignore[attr-defined]
        if self._complete and doc_id not in self._cache and self._cache:
            self._complete = doc_id > next(reversed(self._cache))
        self._cache[doc_id] = stored
        self._index_change(doc_id, old, new)

    def _on_reset(self, tables: set[str] | None) -> None:
        if tables is None or self._table.name in tables:
            self._cache = {}
            self._complete = False
            self._table.clear_cache()
            self._index_reset()

    # subclasses keep secondary indexes over the raw documents in step with every write
    def _index_reset(self) -> None:
        pass

    def _index_change(
        self, doc_id: int, old: dict[str, Any] | None, new: dict[str, Any] | None
    ) -> None:
        pass


class OccurrenceRepo(EntityRepo[TaskOccurrence]):
    """Occurrences are found by their key (``template@day#slot``) or by their day."""

    _by_key: dict[str, int] | None = None

    def _index_reset(self) -> None:
        self._by_key = None

    def _index_change(
        self, doc_id: int, old: dict[str, Any] | None, new: dict[str, Any] | None
    ) -> None:
        index = self._by_key
        if index is None:
            return
        if old is not None and index.get(old["key"]) == doc_id:
            del index[old["key"]]
        if new is not None:
            index[new["key"]] = doc_id

    def _key_index(self) -> dict[str, int]:
        if self._by_key is None:
            self._by_key = {doc["key"]: int(key) for key, doc in self._raw().items()}
        return self._by_key

    def by_key(self, key: str) -> TaskOccurrence | None:
        doc_id = self._key_index().get(key)
        return None if doc_id is None else self.get(doc_id)

    def for_days(self, first: date, last: date) -> list[TaskOccurrence]:
        """Occurrences whose day is within ``first``..``last`` (inclusive), by day then id."""
        lo, hi = first.isoformat(), last.isoformat()
        keys = [key for key, doc in self._raw().items() if lo <= doc["day"] <= hi]
        found = self._select(sorted(keys, key=int))
        found.sort(key=lambda occ: occ.day)
        return found

    def last_handled_days(self, before: date) -> dict[str, date]:
        """Per template key, the latest day before ``before`` whose first occurrence (slot 0)
        was done or skipped: what "since last done" cadences count from.

        A scan of the raw documents (no objects built): about a millisecond for a year.
        """
        limit = before.isoformat()
        handled = (OccurrenceStatus.DONE.value, OccurrenceStatus.SKIPPED.value)
        latest: dict[str, str] = {}
        for doc in self._raw().values():
            day = doc["day"]
            if day < limit and doc["slot"] == 0 and doc["status"] in handled:
                template = doc["template_key"]
                if day > latest.get(template, ""):
                    latest[template] = day
        return {template: date.fromisoformat(day) for template, day in latest.items()}

    def set(self, occ: TaskOccurrence) -> TaskOccurrence:
        """Insert ``occ``, or replace the occurrence that has its key."""
        existing = self.by_key(occ.key)
        if existing is None:
            return self.add(occ)
        return self.update(occ.replace(id=existing.id))

    def clear(self, key: str) -> None:
        """Forget what happened to occurrence ``key`` (it becomes pending again)."""
        existing = self.by_key(key)
        if existing is not None:
            self.delete(existing.id)


class PostRepo(EntityRepo[Post]):
    """Posts, found by time range through an index of their stored instants.

    Stored instants are canonical ``isoformat()`` strings in UTC, whose text order is their
    time order, so the index sorts and bisects the strings without parsing them.
    """

    _by_at: list[tuple[str, int]] | None = None

    def _index_reset(self) -> None:
        self._by_at = None

    def _index_change(
        self, doc_id: int, old: dict[str, Any] | None, new: dict[str, Any] | None
    ) -> None:
        index = self._by_at
        if index is None:
            return
        if old is not None:
            pos = bisect.bisect_left(index, (old["at"], doc_id))
            if pos < len(index) and index[pos] == (old["at"], doc_id):
                del index[pos]
        if new is not None:
            bisect.insort(index, (new["at"], doc_id))

    def between(self, start: datetime, end: datetime) -> list[Post]:
        """Posts with ``start <= at < end`` (aware UTC instants), sorted by ``at`` then id."""
        lo_at, hi_at = format_instant(start), format_instant(end)
        if self._by_at is None:
            self._by_at = sorted((doc["at"], int(key)) for key, doc in self._raw().items())
        index = self._by_at
        lo = bisect.bisect_left(index, (lo_at, 0))
        hi = bisect.bisect_left(index, (hi_at, 0), lo)
        return self._select(str(doc_id) for _, doc_id in index[lo:hi])


class QueueRepo(EntityRepo[QueueItem]):
    """The reply queue: open items in the hot table, closed ones archived per month."""

    def __init__(self, storage: DurableStorage, table: JournaledTable, archive: Archive) -> None:
        super().__init__(storage, table, QueueItem)
        self._archive = archive
        table.id_floor = archive.max_id

    def open_items(self) -> list[QueueItem]:
        """Items still waiting (new, snoozed, escalated), ordered by id."""
        raw = self._raw()
        return self._select(key for key in sorted(raw, key=int) if raw[key]["status"] in _OPEN)

    def open_entries(self) -> list[OpenEntry]:
        """The open items as ``core.queue.OpenEntry`` (id, status and instants as stored),
        without building the items: what the Queue tab orders, counts and alerts on.

        Built with ``tuple.__new__``: a named tuple's own constructor is a Python function, a
        millisecond more per 10,000 items at start-up."""
        make = tuple.__new__
        fields = itemgetter("status", "deadline", "received_at")
        return [
            make(OpenEntry, (int(key), *fields(doc), doc.get("snoozed_until")))
            for key, doc in self._raw().items()
            if doc["status"] in _OPEN
        ]

    def archive_closed(self, now: datetime, older_than_days: int) -> int:
        """Move items replied/ignored more than ``older_than_days`` ago to the month archives.

        Archive files are written first, then the items leave the hot table in one transaction:
        a crash in between leaves duplicates that reading ignores and the next call cleans.
        Returns how many items moved.
        """
        cutoff = format_instant(assert_utc(now) - timedelta(days=older_than_days))
        raw = self._raw()
        keys = [
            key
            for key, doc in raw.items()
            if doc["status"] in _CLOSED
            and (doc.get("closed_at") or doc.get("replied_at") or cutoff) < cutoff
        ]
        if not keys:
            return 0
        self._write_archive(group_by_month((key, raw[key]) for key in keys), max(map(int, keys)))
        self.delete_many(int(key) for key in keys)
        return len(keys)

    def add_archived(self, items: Iterable[QueueItem]) -> int:
        """Write items straight to the archives (demo data): one file write per month.

        Items with ``id == 0`` get fresh ids, never used by the hot table. Returns the count.
        """
        items = list(items)
        docs = [self._to_doc(item) for item in items]
        fresh = iter(self._table.allocate_ids(sum(1 for item in items if not item.id)))
        keys = [str(item.id or next(fresh)) for item in items]
        if not keys:
            return 0
        self._write_archive(group_by_month(zip(keys, docs, strict=True)), max(map(int, keys)))
        return len(keys)

    def iter_archived(self, month: str | None = None, *, cache: bool = True) -> Iterator[QueueItem]:
        """Archived items, month by month then by id; an item back in the hot table is skipped.

        Month files are read lazily and kept as objects until they change (``cache=False``: read
        and forget, for a one-off pass; 100,000 items take about 100 MB once cached).
        """
        months = [month] if month is not None else self._archive.months()
        hot = self._raw()
        for name in months:
            for item in self._archive.items(name, cache):
                if str(item.id) not in hot:
                    yield item

    def archived_between(self, start: datetime, end: datetime) -> list[QueueItem]:
        """Archived items received in ``[start, end)`` (aware UTC), by month then id; an item
        back in the hot table is skipped. (Issue 6: the monthly report.)

        Only the month files that can hold such items are read, without caching, and the raw
        documents are filtered on their stored ``received_at`` (canonical UTC ISO-8601, whose
        text order is time order) before any object is built.
        """
        lo, hi = format_instant(start), format_instant(end)
        hot = self._raw()
        out: list[QueueItem] = []
        for name in self._archive.months():
            if not lo[:7] <= name <= hi[:7]:
                continue
            docs = self._archive.read_docs(name)
            for key in sorted(docs, key=int):
                doc = docs[key]
                if lo <= doc["received_at"] < hi and key not in hot:
                    out.append(to_item(key, doc))
        return out

    def hot_documents(self) -> dict[str, dict[str, Any]]:
        """A copy of the hot table (``{id: document}``) to read on another thread: a write
        replaces a document (``replace_document``), never changes one in place, so the copy
        stays whole while the UI thread writes. Turn it into items with ``items_of``."""
        return dict(self._raw())

    @staticmethod
    def items_of(documents: dict[str, dict[str, Any]]) -> list[QueueItem]:
        """Items built from ``hot_documents()`` (no cache touched: safe off the UI thread)."""
        return [to_item(key, doc) for key, doc in documents.items()]

    def archived_months(self) -> list[str]:
        """``YYYY-MM`` of every archive file, oldest first."""
        return self._archive.months()

    def _write_archive(self, by_month: dict[str, dict[str, Any]], max_id: int) -> None:
        if self._storage.readonly:
            raise StoreWriteError("read-only", key="store.readonly")
        try:
            self._archive.reserve(max_id)
            self._table.reserve_up_to(max_id)  # type: ignore[attr-defined]
            self._archive.merge(by_month)
        except OSError as exc:
            raise StoreWriteError(exc.strerror or str(exc)) from exc


class PrefsRepo:
    """Small named JSON values (theme, last tab...). Values are copied in and out."""

    def __init__(self, storage: DurableStorage, table: JournaledTable) -> None:
        self._storage = storage
        self._table = table
        self._ids: dict[str, int] | None = None
        storage.add_listener(self._on_reset)

    def _raw(self) -> dict[str, dict[str, Any]]:
        return self._storage.table(PREFS_TABLE) or {}

    def _index(self) -> dict[str, int]:
        if self._ids is None:
            self._ids = {doc["name"]: int(key) for key, doc in self._raw().items()}
        return self._ids

    def get(self, name: str, default: Any = None) -> Any:
        doc_id = self._index().get(name)
        if doc_id is None:
            return default
        return orjson.loads(orjson.dumps(self._raw()[str(doc_id)]["value"]))

    def set(self, name: str, value: Any) -> None:
        """Store ``value`` (JSON: None, bool, int, float, str, lists, dicts with str keys)."""
        try:
            copy = orjson.loads(orjson.dumps(value, option=DUMP_OPTIONS))
        except TypeError as exc:
            raise ValueError(f"preference {name!r} is not JSON: {exc}") from None
        doc = {"name": name, "value": copy}
        index = self._index()
        with self._storage.transaction():
            doc_id = index.get(name)
            if doc_id is None:
                index[name] = self._table.insert(doc)
            else:
                self._table.replace_document(doc_id, doc)  # type: ignore[attr-defined]

    def delete(self, name: str) -> None:
        doc_id = self._index().get(name)
        if doc_id is not None:
            with self._storage.transaction():
                self._table.remove(doc_ids=[doc_id])
                self._index().pop(name, None)

    def names(self) -> list[str]:
        return sorted(self._index())

    def _on_reset(self, tables: set[str] | None) -> None:
        if tables is None or PREFS_TABLE in tables:
            self._ids = None


class Repository:
    """Every repo of one store (attribute per table)."""

    def __init__(self, storage: DurableStorage, table: Any, archive: Archive) -> None:
        def repo(name: str, cls: type[EntityRepo[Any]] = EntityRepo) -> Any:
            return cls(storage, table(name), MODELS[name])

        self.networks: EntityRepo[NetworkProfile] = repo("networks")
        self.tasks: EntityRepo[TaskTemplate] = repo("tasks")
        self.occurrences: OccurrenceRepo = repo("occurrences", OccurrenceRepo)
        self.posts: PostRepo = repo("posts", PostRepo)
        self.queue = QueueRepo(storage, table("queue"), archive)
        self.figures: EntityRepo[MonthlyFigures] = repo("figures")
        self.campaigns: EntityRepo[AdCampaign] = repo("campaigns")
        self.competitors: EntityRepo[Competitor] = repo("competitors")
        self.influencers: EntityRepo[Influencer] = repo("influencers")
        self.hashtags: EntityRepo[Hashtag] = repo("hashtags")
        self.keywords: EntityRepo[WatchKeyword] = repo("keywords")
        self.documents: EntityRepo[ReferenceDocument] = repo("documents")
        self.prefs = PrefsRepo(storage, table(PREFS_TABLE))

    def entity_repos(self) -> dict[str, EntityRepo[Any]]:
        """Table name -> repo, for every table of records."""
        return {r.table_name: r for r in vars(self).values() if isinstance(r, EntityRepo)}
