"""The Repository API: the only way the other layers read and write the store.

One generic ``EntityRepo[T]`` per table of records (``entity``: the contract every repo keeps),
plus specialised ones: occurrences and posts keep their old documents in past tables
(``tiered``), queue items in month archives (``archive``).
"""

from __future__ import annotations

import bisect
import builtins
import contextlib
import heapq
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, timedelta
from operator import attrgetter
from typing import TYPE_CHECKING, Any

import orjson

from cm_tui.core.export_fact import ExportFact
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
    ReferenceDocument,
    TaskOccurrence,
    TaskTemplate,
    WatchKeyword,
    assert_utc,
    format_instant,
)
from cm_tui.core.net_records import Account, OutboxEntry, Publication
from cm_tui.core.queue import DeadlineIndex, OpenEntry
from cm_tui.core.recurrence import CHECKLIST_DAY
from cm_tui.store.archive import Archive, group_by_month, to_item
from cm_tui.store.entity import EntityRepo
from cm_tui.store.errors import StoreWriteError
from cm_tui.store.journal import DUMP_OPTIONS
from cm_tui.store.schema import MODELS, PAST_TABLES, PREFS_TABLE
from cm_tui.store.storage import DurableStorage
from cm_tui.store.tiered import EVERYTHING, Summary, TieredRepo, hot_boundary
from cm_tui.store.tracking import JournaledTable

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from cm_tui.core.stats import ResponseFigures

#: Queue statuses that are final: such items are archived once closed long enough.
CLOSED_STATUSES = frozenset({QueueStatus.REPLIED, QueueStatus.IGNORED})
#: the same, and the open statuses, as the strings stored in documents (raw scans)
_CLOSED = frozenset(status.value for status in CLOSED_STATUSES)
_OPEN = frozenset(status.value for status in QueueStatus if status.is_open)


_HANDLED = frozenset({OccurrenceStatus.DONE.value, OccurrenceStatus.SKIPPED.value})


def keep_latest(into: Summary, days: Iterable[tuple[str, str]]) -> Summary:
    """``into`` (template key -> ISO day) raised to the later of its day and each given one."""
    for template, day in days:
        if day > into.get(template, ""):
            into[template] = day
    return into


def latest_handled(docs: Iterable[dict[str, Any]], limit: str, into: Summary) -> Summary:
    """``into`` raised to the latest day below ``limit`` whose slot-0 occurrence in ``docs``
    was done or skipped (a scan of raw documents, no objects built)."""
    return keep_latest(
        into,
        (
            (doc["template_key"], doc["day"])
            for doc in docs
            if doc["day"] < limit and doc["slot"] == 0 and doc["status"] in _HANDLED
        ),
    )


class OccurrenceRepo(TieredRepo[TaskOccurrence]):
    """Occurrences are found by their key (``template@day#slot``) or by their day.

    Undated checklist occurrences (``CHECKLIST_DAY``) never leave the hot table: Today reads
    them all at every start. The past's summary is each template's last handled day.
    """

    time_field = "day"
    past_floor = CHECKLIST_DAY.isoformat()

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
        if doc_id is not None:
            return self.get(doc_id)
        day = key[key.rfind("@") + 1 : key.rfind("#")]
        past = self._reaching(day) if day > self.past_floor else None
        return None if past is None else past.by_key(key)

    def for_days(self, first: date, last: date) -> list[TaskOccurrence]:
        """Occurrences whose day is within ``first``..``last`` (inclusive), by day then id."""
        lo, hi = first.isoformat(), last.isoformat()
        found = self._select(key for key, doc in self._raw().items() if lo <= doc["day"] <= hi)
        past = self._reaching(lo)
        if past is not None:
            found += past.for_days(first, last)
        found.sort(key=lambda occ: (occ.day, occ.id))
        return found

    def last_handled_days(self, before: date) -> dict[str, date]:
        """Per template key, the latest day before ``before`` whose first occurrence (slot 0)
        was done or skipped: what "since last done" cadences count from.

        A scan of the hot documents (no objects built), plus the past's summary when the whole
        past is before ``before`` (the past itself is scanned otherwise).
        """
        limit = before.isoformat()
        latest = latest_handled(self._raw().values(), limit, {})
        if self._has_past():
            state = self._past_state()
            if state.before <= limit:
                keep_latest(latest, state.summary.items())
            else:
                latest_handled(self._past()._raw().values(), limit, latest)
        return {template: date.fromisoformat(day) for template, day in latest.items()}

    def _summarize(self, docs: Iterable[dict[str, Any]], summary: Summary) -> Summary:
        return latest_handled(docs, EVERYTHING, dict(summary))

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


class PostRepo(TieredRepo[Post]):
    """Posts, found by time range through an index of their stored instants.

    Stored instants are canonical ``isoformat()`` strings in UTC, whose text order is their
    time order, so the index sorts and bisects the strings without parsing them.
    """

    time_field = "at"

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
        found = self._select(str(doc_id) for _, doc_id in index[lo:hi])
        past = self._reaching(lo_at)
        if past is None:
            return found
        return list(heapq.merge(past.between(start, end), found, key=attrgetter("at", "id")))


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

    #: the open entries by id (``open_entries``), kept in step with every write once built
    _open: dict[int, OpenEntry] | None = None
    #: the list ``open_entries`` last gave (a new one after any change of an open entry)
    _open_list: list[OpenEntry] | None = None
    _by_deadline: DeadlineIndex | None = None

    def open_entries(self) -> list[OpenEntry]:
        """The open items as ``core.queue.OpenEntry`` (id, status and instants as stored),
        without building the items: what the Queue tab orders, counts and alerts on (in the
        table's order; an item opened again comes last).

        Read from the documents once, then kept in step with each write (``_index_change``):
        a triage key or a synced page changes a few entries, not 20,000. The same list comes
        back until an open entry changes (callers may compare it by identity); do not change
        it. The first list is read straight from the documents: the id -> entry dict that
        keeps it in step is made from it at the first write (not for the first frame)."""
        if self._open_list is None:
            entries = self._open
            self._open_list = self._read_open() if entries is None else list(entries.values())
        return self._open_list

    def deadline_index(self) -> DeadlineIndex:
        """``open_entries`` sorted by deadline (``core.queue.DeadlineIndex``), kept in step
        with each write like them. Read it at once; do not keep it across writes."""
        if self._by_deadline is None:
            self._by_deadline = DeadlineIndex(self._open_index().values())
        return self._by_deadline

    def _open_index(self) -> dict[int, OpenEntry]:
        if self._open is None:
            self._open = {entry[0]: entry for entry in self.open_entries()}
        return self._open

    def _read_open(self) -> list[OpenEntry]:
        """Built with ``tuple.__new__``: a named tuple's own constructor is a Python function, a
        millisecond more per 10,000 items at start-up; the fields read one by one into a plain
        tuple display (no unpacking of an ``itemgetter``'s tuple: 15 % less again)."""
        make = tuple.__new__
        return [
            make(
                OpenEntry,
                (int(key), status, doc["deadline"], doc["received_at"], doc.get("snoozed_until")),
            )
            for key, doc in self._raw().items()
            if (status := doc["status"]) in _OPEN
        ]

    def _index_reset(self) -> None:
        self._open = self._open_list = self._by_deadline = None

    def _index_change(
        self, doc_id: int, old: dict[str, Any] | None, new: dict[str, Any] | None
    ) -> None:
        if self._open is None and self._open_list is None:
            return
        entries = self._open_index()  # made from the list at the first write after reading it
        before = entries.get(doc_id)
        after = None
        if new is not None and new["status"] in _OPEN:
            after = OpenEntry(
                doc_id, new["status"], new["deadline"], new["received_at"], new.get("snoozed_until")
            )
            entries[doc_id] = after  # in its place if it was open already
        elif before is not None:
            del entries[doc_id]
        if before == after:
            return
        self._open_list = None
        index = self._by_deadline
        if index is not None:
            if before is not None:
                index.discard(before)
            if after is not None:
                index.add(after)

    def closed_entries(self, since: datetime) -> list[OpenEntry]:
        """``open_entries`` of the items closed (replied, ignored) at ``since`` or later and
        still in the hot table: what the Queue tab's status filter lists to find them again."""
        make = tuple.__new__  # as ``_read_open``
        lo = format_instant(since)
        return [
            make(
                OpenEntry,
                (int(key), status, doc["deadline"], doc["received_at"], doc.get("snoozed_until")),
            )
            for key, doc in self._raw().items()
            if (status := doc["status"]) in _CLOSED and (doc.get("closed_at") or "") >= lo
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

    def archived_keys(self) -> Iterator[tuple[Sequence[int], Sequence[int]]]:
        """Per archive month, the identities of its items for the import's duplicate check
        (``core.queue_identity``: ``dedupe_key`` and the non-zero ``id_key`` values), read
        from the month summaries, never from the month files unless a summary is rebuilt."""
        for summary in self._archive.summaries():
            yield summary.keys, summary.id_keys

    def archived_response_figures(
        self, tz: ZoneInfo, first: str = "", last: str = "\uffff"
    ) -> dict[tuple[str, str], ResponseFigures]:
        """``core.stats.response_figures`` of the archived items, (network, local month in
        ``tz``) -> figures, from the month summaries. ``first`` / ``last`` (``YYYY-MM``, UTC)
        limit the month files read; a caller keeps the local months it wants. A month with an
        item back in the hot table (a crash between the two steps of an archival) is read
        whole, without that item ("hot wins")."""
        from cm_tui.core.stats import response_figures
        from cm_tui.store.archive_summary import combine_figures

        hot = {int(key) for key in self._raw()}
        out: dict[tuple[str, str], ResponseFigures] = {}
        for name in self._archive.months():
            if not first <= name <= last:
                continue
            summary = self._archive.summary(name)
            if summary is None:
                continue
            if hot.isdisjoint(summary.ids):
                combine_figures(out, summary.response_figures(tz))
                continue
            docs = self._archive.read_docs(name)
            items = (to_item(key, doc) for key, doc in docs.items() if int(key) not in hot)
            combine_figures(out, response_figures(items, tz))
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

    def get_date(self, name: str) -> date | None:
        """The pref ``name`` as a day (stored as ``YYYY-MM-DD`` text); ``None`` when it is
        absent or not such a day, so that a bad value is ignored rather than fatal."""
        value = self.get(name)
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                return date.fromisoformat(value)
        return None

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

    def _on_reset(self, tables: builtins.set[str] | None) -> None:
        if tables is None or PREFS_TABLE in tables:
            self._ids = None


class Repository:
    """Every repo of one store (attribute per table)."""

    def __init__(self, storage: DurableStorage, table: Any, archive: Archive) -> None:
        def repo(name: str, cls: type[EntityRepo[Any]] = EntityRepo) -> Any:
            return cls(storage, table(name), MODELS[name])

        def tiered(name: str, cls: type[TieredRepo[Any]]) -> Any:
            past = repo(PAST_TABLES[name], cls)
            return cls(storage, table(name), MODELS[name], past=past, prefs=self.prefs)

        self.prefs = PrefsRepo(storage, table(PREFS_TABLE))
        self.networks: EntityRepo[NetworkProfile] = repo("networks")
        self.tasks: EntityRepo[TaskTemplate] = repo("tasks")
        self.occurrences: OccurrenceRepo = tiered("occurrences", OccurrenceRepo)
        self.posts: PostRepo = tiered("posts", PostRepo)
        self.queue = QueueRepo(storage, table("queue"), archive)
        self.figures: EntityRepo[MonthlyFigures] = repo("figures")
        #: per-post and per-day figures of the platforms' exports (``core.export_facts``)
        self.export_facts: EntityRepo[ExportFact] = repo("export_facts")
        self.campaigns: EntityRepo[AdCampaign] = repo("campaigns")
        self.competitors: EntityRepo[Competitor] = repo("competitors")
        self.influencers: EntityRepo[Influencer] = repo("influencers")
        self.hashtags: EntityRepo[Hashtag] = repo("hashtags")
        self.keywords: EntityRepo[WatchKeyword] = repo("keywords")
        self.documents: EntityRepo[ReferenceDocument] = repo("documents")
        self.accounts: EntityRepo[Account] = repo("accounts")
        self.outbox: EntityRepo[OutboxEntry] = repo("outbox")
        self.publications: EntityRepo[Publication] = repo("publications")

    def retire_old(self, today: date) -> int:
        """Move the occurrences and posts older than ``tiered.HOT_DAYS`` to their past tables
        (maintenance: see ``tiered``); return how many moved."""
        before = hot_boundary(today)
        return self.occurrences.retire(before) + self.posts.retire(before)

    def entity_repos(self) -> dict[str, EntityRepo[Any]]:
        """Table name -> repo, for every table of records."""
        return {r.table_name: r for r in vars(self).values() if isinstance(r, EntityRepo)}
