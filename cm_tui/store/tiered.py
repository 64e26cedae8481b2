"""Past tables: old occurrences and posts leave the tables that Today reads at start-up.

Today reads the occurrences and posts of a few days, but a table is parsed whole on first read:
a year of history cost about 11 ms of every start (the year demo: 6,000 occurrences and 3,400
posts), and more every year. So each of these tables has a past twin in the same store file
(``occurrences_past``, ``posts_past``). Maintenance (hourly, and when the app closes) moves the
documents older than ``HOT_DAYS`` there in one transaction, and they keep their ids. A sealed
snapshot parses a big table only when something first reads it (``load``), so the past costs
nothing until a query reaches back that far.

``TieredRepo`` keeps these invariants:

* every document of the past table has its time field (``day`` or ``at``, text whose order is
  time order) below the stored boundary ``before``; the hot table may hold documents of any time;
* an id lives in one table, and ids moved to the past are never handed out again (``max_id``);
* a query whose range starts before the boundary reads both tables; an update of a past document
  moves it back to the hot table (the next maintenance moves it again if it is still old);
* the boundary, the highest id moved and the repo's summary of the past (occurrences: the last
  handled day of each task) are kept in ``prefs``, written in the same transaction as the past.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from datetime import date, timedelta
from operator import attrgetter
from typing import TYPE_CHECKING, Any, ClassVar, Self

from cm_tui.store.entity import EntityRepo, T
from cm_tui.store.schema import PREFS_TABLE
from cm_tui.store.storage import DurableStorage
from cm_tui.store.tracking import JournaledTable

if TYPE_CHECKING:
    from cm_tui.store.repository import PrefsRepo

#: Documents older than this many days leave the hot table: Calendar's month view and Today's
#: look-backs stay within it.
HOT_DAYS = 60
#: prefs name of a table's boundary: ``{"before": str, "max_id": int, "summary": {str: str}}``
PREF_PREFIX = "store.past."
#: ``before`` when the stored boundary is missing or damaged but the past table is not empty:
#: every query then reads both tables (slower, never wrong).
EVERYTHING = "\uffff"

Doc = dict[str, Any]
Summary = dict[str, str]


def hot_boundary(today: date) -> str:
    """The ``before`` that maintenance moves the boundary to on ``today``."""
    return (today - timedelta(days=HOT_DAYS)).isoformat()


class PastState:
    """A table's boundary as stored in ``prefs``."""

    __slots__ = ("before", "max_id", "summary")

    def __init__(self, before: str, max_id: int, summary: Summary) -> None:
        self.before = before
        self.max_id = max_id
        self.summary = summary

    def to_pref(self) -> dict[str, Any]:
        return {"before": self.before, "max_id": self.max_id, "summary": self.summary}

    @classmethod
    def from_pref(cls, value: Any) -> PastState | None:
        """The state stored in ``value``, or None if it is not a valid one."""
        if not isinstance(value, dict):
            return None
        before, max_id, summary = value.get("before"), value.get("max_id"), value.get("summary")
        if not (
            isinstance(before, str)
            and type(max_id) is int
            and max_id >= 0
            and isinstance(summary, dict)
            and all(isinstance(v, str) for v in summary.values())
        ):
            return None
        return cls(before, max_id, summary)


class TieredRepo(EntityRepo[T]):
    """An ``EntityRepo`` whose old documents live in a past table (see the module doc).

    The past is a repo of the same class without a past of its own (``past``), so the
    subclasses' queries run on it unchanged. Subclasses name their time field, and may keep a
    summary of the past (``_summarize``) for queries that would otherwise read all of it.
    """

    #: the document field whose text order is time order
    time_field: ClassVar[str]
    #: documents whose time is at or below this never leave the hot table
    past_floor: ClassVar[str] = ""

    def __init__(
        self,
        storage: DurableStorage,
        table: JournaledTable,
        model: type[T],
        *,
        past: Self | None = None,
        prefs: PrefsRepo | None = None,
    ) -> None:
        super().__init__(storage, table, model)
        self.past = past
        self._prefs = prefs
        self._pref_name = PREF_PREFIX + table.name
        self._state: PastState | None = None
        if past is not None:
            table.id_floor = lambda: self._past_state().max_id

    # ------------------------------------------------------------------ reads

    def get(self, id: int) -> T | None:
        found = super().get(id)
        if found is None and self._has_past():
            return self._past().get(id)
        return found

    def count(self) -> int:
        return super().count() + (self._past().count() if self._has_past() else 0)

    def all(self) -> list[T]:
        hot = super().all()
        if not self._has_past():
            return hot
        return list(heapq.merge(self._past().all(), hot, key=attrgetter("id")))

    def _reaching(self, lo: str) -> Self | None:
        """The past repo if documents from time ``lo`` on may be there, else None."""
        if self.past is None or not lo < self._past_state().before:
            return None
        return self.past

    # ------------------------------------------------------------------ writes

    def update(self, obj: T) -> T:
        """As ``EntityRepo.update``; a record of the past moves back to the hot table."""
        key = str(obj.id)  # type: ignore[attr-defined]
        if not self._has_past() or key in self._raw() or key not in self._past()._raw():
            return super().update(obj)
        doc = self._to_doc(obj)
        with self._storage.transaction():
            self._past().delete_many([obj.id])  # type: ignore[attr-defined]
            self._table.put_documents({obj.id: doc})  # type: ignore[attr-defined]
            self._put(obj, None, doc)
            self._past_changed()
        return obj

    def delete_many(self, ids: Iterable[int]) -> None:
        ids = list(ids)
        if not self._has_past():
            super().delete_many(ids)
            return
        raw = self._raw()
        elsewhere = [doc_id for doc_id in ids if str(doc_id) not in raw]
        past_raw = self._past()._raw() if elsewhere else {}
        in_past = [doc_id for doc_id in elsewhere if str(doc_id) in past_raw]
        with self._storage.transaction():
            super().delete_many(doc_id for doc_id in ids if str(doc_id) in raw)
            if in_past:
                self._past().delete_many(in_past)
                self._past_changed()

    def retire(self, before: str) -> int:
        """Move the documents whose time is within (``past_floor``, ``before``) to the past
        table, in one transaction, and return how many moved (old records brought back by an
        edit go again). The boundary never goes back."""
        past = self.past
        if past is None:
            return 0
        state = self._past_state()
        field = self.time_field
        if state.before == EVERYTHING:  # damaged boundary: repaired if the past allows it
            if any(doc[field] >= before for doc in past._raw().values()):
                return 0
        elif before < state.before:
            return 0
        floor = self.past_floor
        moving = {int(key): doc for key, doc in self._raw().items() if floor < doc[field] < before}
        if not moving and state.before != EVERYTHING:
            return 0
        moved = PastState(
            before, max([state.max_id, *moving]), self._summarize(moving.values(), state.summary)
        )
        with self._storage.transaction():
            past._table.put_documents(moving)  # type: ignore[attr-defined]
            super().delete_many(moving)
            self._save_state(moved)
        past._forget()
        return len(moving)

    # ------------------------------------------------------------------ the boundary

    def _summarize(self, docs: Iterable[Doc], summary: Summary) -> Summary:
        """``summary`` updated with ``docs`` now in the past (default: no summary)."""
        return summary

    def _past(self) -> Self:
        assert self.past is not None
        return self.past

    def _has_past(self) -> bool:
        return self.past is not None and self._past_state().before != ""

    def _past_state(self) -> PastState:
        if self._state is None:
            self._state = self._read_state()
        return self._state

    def _read_state(self) -> PastState:
        assert self._prefs is not None
        state = PastState.from_pref(self._prefs.get(self._pref_name))
        if state is not None:
            return state
        past = self._past()._raw()  # no valid boundary: only an empty past is cheap and simple
        if not past:
            return PastState("", 0, {})
        return PastState(EVERYTHING, max(map(int, past)), self._summarize(past.values(), {}))

    def _save_state(self, state: PastState) -> None:
        assert self._prefs is not None
        self._prefs.set(self._pref_name, state.to_pref())
        self._state = state

    def _past_changed(self) -> None:
        """Documents left the past table: its summary is computed again (it is parsed now)."""
        state = self._past_state()
        summary = self._summarize(self._past()._raw().values(), {})
        if summary != state.summary:
            self._save_state(PastState(state.before, state.max_id, summary))

    def _on_reset(self, tables: set[str] | None) -> None:
        super()._on_reset(tables)
        names = {PREFS_TABLE, self._table.name} | ({self.past.table_name} if self.past else set())
        if tables is None or not names.isdisjoint(tables):
            self._state = None
