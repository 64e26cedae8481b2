"""The Queue tab's state without the screen: which items it lists and in which order, what the
filter lets through, which items are marked, and where the cursor goes after a change.

The pane renders ``shown`` and routes keys; every step that can move rows takes the list's
cursor (an index into ``shown`` before the step) and returns where it goes (an index into
``shown`` after it, ``None`` when nothing is shown). Contract, kept by every step:

* ``base`` is what the status filter chooses from: the open items (no status filter, or an
  open status) in queue order (``core.queue.order_entries``: by deadline, items still snoozed
  last, ties by received time then id); or, for a closed status (replied, ignored), the items
  closed since ``closed_since`` with that status, by deadline then id;
* ``shown`` is ``base`` less what the filter refuses, order kept;
* ``marked`` only ever holds ids of ``shown`` (a filter that hides a marked item unmarks it:
  a bulk key never acts on what the user cannot see);
* the cursor stays on the item it was on while that item is still shown; after a triage step
  it goes to the first row after it that was not acted on; else it keeps its index (clamped).

Fast on 10,000 open items: ordering works on ``OpenEntry`` tuples (what the store gives without
building items), items are built only when read (``LazyItems``), and a triage step removes the
closed rows from the ordered ids instead of ordering again (unless a snooze began or ended).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from operator import itemgetter
from typing import overload

from cm_tui.core.models import QueueItem, QueueStatus, format_instant
from cm_tui.core.queue import (
    OPEN_STATUSES,
    OpenEntry,
    QueueFilter,
    entry_of,
    entry_snoozed,
    filter_items,
    order_entries,
)

#: what the status filter offers, in the order it cycles through them: every ``QueueStatus``,
#: the open ones first (the closed ones list what was closed today, to find it and reopen it)
STATUS_FILTERS: tuple[QueueStatus, ...] = (
    QueueStatus.NEW,
    QueueStatus.ESCALATED,
    QueueStatus.SNOOZED,
    QueueStatus.REPLIED,
    QueueStatus.IGNORED,
)
_CLOSED_VALUES = frozenset(s.value for s in QueueStatus if not s.is_open)
#: closed items: by deadline, then id
_CLOSED_ORDER = itemgetter(2, 0)
#: an entry's id, as a C-level getter (10,000 entries ordered at the Queue's first frame)
_ID = itemgetter(0)

ItemGetter = Callable[[int], "QueueItem | None"]


def next_choice(values: Sequence[str], current: str | None) -> str | None:
    """The next value of a filter that cycles: all (``None``) -> first -> ... -> last -> all."""
    if not values:
        return None
    if current is None or current not in values:
        return values[0]
    index = list(values).index(current) + 1
    return values[index] if index < len(values) else None


class LazyItems(Sequence[QueueItem]):
    """Items in a given order of ids, each built (by ``get``, once, by the repository) when
    first read: a first frame on 10,000 open items builds the forty visible ones."""

    def __init__(self, ids: list[int], get: ItemGetter) -> None:
        self.ids = ids
        self._get = get
        self._index: dict[int, int] | None = None

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> QueueItem: ...

    @overload
    def __getitem__(self, index: slice) -> list[QueueItem]: ...

    def __getitem__(self, index: int | slice) -> QueueItem | list[QueueItem]:
        if isinstance(index, slice):
            return [self._item(i) for i in self.ids[index]]
        return self._item(self.ids[index])

    def _item(self, doc_id: int) -> QueueItem:
        item = self._get(doc_id)
        if item is None:  # pragma: no cover - ids come from the store's entries
            raise LookupError(doc_id)
        return item

    def index_of(self, doc_id: int) -> int | None:
        if self._index is None:
            self._index = {i: n for n, i in enumerate(self.ids)}
        return self._index.get(doc_id)


class QueueView:
    """The Queue tab's list: order, filter, marks and cursor-keeping (see the module)."""

    def __init__(self, get: ItemGetter) -> None:
        self._get = get
        #: id -> entry of each open item, and of each item closed since ``closed_since``
        self._entries: dict[int, OpenEntry] | None = {}
        #: ``load``'s open entries, until ``entries`` is first read
        self._loaded: list[OpenEntry] = []
        self._closed: dict[int, OpenEntry] = {}
        #: where ``closed`` comes from until first read (``load``)
        self._closed_source: Callable[[], Iterable[OpenEntry]] | None = None
        #: closed items count from this instant (stored text, ``format_instant``)
        self.closed_since = ""
        self.filter = QueueFilter()
        self.marked: set[int] = set()
        #: every open item, in queue order
        self.all = LazyItems([], get)
        self._closed_order: LazyItems | None = None
        self.shown: Sequence[QueueItem] = self.all

    # ------------------------------------------------------------------ reading

    @property
    def base(self) -> LazyItems:
        """What the status filter chooses from (see the module)."""
        if not self.lists_closed:
            return self.all
        if self._closed_order is None:
            ids = [e.id for e in sorted(self.closed.values(), key=_CLOSED_ORDER)]
            self._closed_order = LazyItems(ids, self._get)
        return self._closed_order

    @property
    def entries(self) -> dict[int, OpenEntry]:
        """Id -> entry of each open item; made from ``load``'s list on first use (its first
        ordering reads the list: the first frame needs no dict of 10,000 entries)."""
        if self._entries is None:
            self._entries = {entry.id: entry for entry in self._loaded}
            self._loaded = []  # the dict is the entries from now on
        return self._entries

    @property
    def closed(self) -> dict[int, OpenEntry]:
        """Id -> entry of each item closed since ``closed_since``: read from ``load``'s source
        on first use (the open list, what the first frame shows, does not need them)."""
        source = self._closed_source
        if source is not None:
            self._closed_source = None
            self._closed = {entry.id: entry for entry in source()}
        return self._closed

    @property
    def lists_closed(self) -> bool:
        """Whether the status filter lists closed items (replied, ignored) instead of open ones."""
        return self.filter.status in _CLOSED_VALUES

    def current(self, cursor: int | None) -> QueueItem | None:
        """The item at row ``cursor`` of ``shown``, if any (``None`` too if the store no longer
        has it: archived meanwhile)."""
        if cursor is None or not 0 <= cursor < len(self.shown):
            return None
        try:
            return self.shown[cursor]
        except LookupError:
            return None

    def marked_items(self) -> list[QueueItem]:
        """The marked items, in list order."""
        if not self.marked:
            return []
        return [item for item in self.shown if item.id in self.marked]

    def networks(self) -> list[str]:
        """The networks of the items the status filter chooses from, sorted (what the network
        filter cycles through)."""
        return sorted({item.network for item in self.base})

    # ------------------------------------------------------------------ changes

    def load(
        self,
        open_entries: Iterable[OpenEntry],
        now: datetime,
        cursor: int | None = None,
        closed_entries: Iterable[OpenEntry] | Callable[[], Iterable[OpenEntry]] = (),
        closed_since: datetime | None = None,
    ) -> int | None:
        """Everything again from the store's entries (items are read anew through ``get``);
        the cursor stays on its item if still shown. ``closed_entries`` may be a function
        giving them, called when they are first needed (``closed``): the store at that time,
        which ``merge`` keeps the view in step with, as it does the entries read now."""
        keep = self._id_at(cursor)
        self._loaded = list(open_entries)
        self._entries = None
        if callable(closed_entries):
            self._closed_source = closed_entries
        else:
            self._closed_source = None
            self._closed = {entry.id: entry for entry in closed_entries}
        if closed_since is not None:
            self.closed_since = format_instant(closed_since)
        self._order(now)
        return self._refilter(keep, cursor)

    def reread(self, cursor: int | None) -> int | None:
        """The same ids, their items read again (they changed in the store, not their place)."""
        keep = self._id_at(cursor)
        self.all = LazyItems(self.all.ids, self._get)
        self._closed_order = None
        return self._refilter(keep, cursor)

    def set_filter(self, flt: QueueFilter, cursor: int | None) -> int | None:
        """Show what ``flt`` lets through; the cursor stays on its item if still shown, else
        goes to the first row."""
        keep = self._id_at(cursor)
        self.filter = flt
        return self._refilter(keep, 0)

    def toggle_mark(self, cursor: int | None) -> bool:
        """Mark the item under the cursor, or unmark it; whether there was one."""
        item = self.current(cursor)
        if item is None or item.id is None:
            return False
        self.marked ^= {item.id}
        return True

    def merge(
        self,
        changed: Sequence[QueueItem],
        now: datetime,
        cursor: int | None,
        *,
        select: int | None = None,
    ) -> int | None:
        """Fold the new versions of ``changed`` (just written) into the list without reading
        the store again: closed items leave the open list (and join the closed ones if closed
        since ``closed_since``), reopened ones join it. The order is computed again only when
        an item's place can change (it opened, or a snooze began or ended); otherwise the
        closed rows are only removed. The cursor goes to the item ``select`` if given and
        shown (an undo shows what it put back), else to the first row after it not in
        ``changed``, else keeps its index."""
        keep = select
        if keep is None:
            keep = self._next_after(cursor, {item.id for item in changed})
        now_text = format_instant(now)
        reorder = False
        closed: list[int] = []
        for new in changed:
            doc_id: int = new.id  # type: ignore[assignment]
            old = self.entries.pop(doc_id, None)
            if self.closed.pop(doc_id, None) is not None or new.status not in OPEN_STATUSES:
                self._closed_order = None
            if new.status in OPEN_STATUSES:
                entry = entry_of(new)
                self.entries[doc_id] = entry
                reorder = reorder or old is None or _place(old, now_text) != _place(entry, now_text)
                continue
            if old is not None:
                closed.append(doc_id)
            if new.closed_at is not None and format_instant(new.closed_at) >= self.closed_since:
                self.closed[doc_id] = entry_of(new)
        if reorder:
            self._order(now)
        else:
            self.all = LazyItems(self._without(closed, cursor), self._get)
        return self._refilter(keep, cursor)

    # ------------------------------------------------------------------ inside

    def _id_at(self, cursor: int | None) -> int | None:
        item = self.current(cursor)
        return None if item is None else item.id

    def _next_after(self, cursor: int | None, acted: set[int | None]) -> int | None:
        """The id of the first row after ``cursor`` not in ``acted`` (rows built one by one:
        usually the next one is it)."""
        if cursor is None:
            return None
        shown = self.shown
        for index in range(cursor + 1, len(shown)):
            item = shown[index]
            if item.id not in acted:
                return item.id
        return None

    def _order(self, now: datetime) -> None:
        entries = self._loaded if self._entries is None else self._entries.values()
        ids = list(map(_ID, order_entries(entries, now)))
        self.all = LazyItems(ids, self._get)
        self._closed_order = None

    def _without(self, closed: list[int], cursor: int | None) -> list[int]:
        """The open ids in order, less ``closed``: a copy of the list and a few deletions, no
        test per row (a triage key stays cheap at 10,000 rows). The item acted on is usually
        under the cursor: found there without building an index."""
        ids = self.all.ids
        under = cursor if cursor is not None and self.shown is self.all else None
        positions: list[int] = []
        for doc_id in closed:
            if under is not None and 0 <= under < len(ids) and ids[under] == doc_id:
                positions.append(under)
                continue
            position = self.all.index_of(doc_id)
            if position is not None:
                positions.append(position)
        kept = list(ids)
        for position in sorted(set(positions), reverse=True):
            del kept[position]
        return kept

    def _refilter(self, keep: int | None, fallback: int | None) -> int | None:
        """Apply the filter to ``base``, drop marks no longer shown, and say where the cursor
        goes: on ``keep`` if still shown, else on ``fallback`` (clamped)."""
        base = self.base
        flt = self.filter
        self.shown = filter_items(base, flt) if flt.active else base
        shown = self.shown
        if self.marked:
            if shown is self.all:
                self.marked &= self.entries.keys()
            else:
                self.marked &= {item.id for item in shown}  # type: ignore[misc]
        if not shown:
            return None
        if keep is not None:
            at = fallback if fallback is not None and 0 <= fallback < len(shown) else None
            if at is not None and shown[at].id == keep:
                return at  # the usual case after a triage key: no search
            found = self._index_in_shown(keep)
            if found is not None:
                return found
        if fallback is None:
            return 0
        return max(0, min(fallback, len(shown) - 1))

    def _index_in_shown(self, doc_id: int) -> int | None:
        shown = self.shown
        if isinstance(shown, LazyItems):
            return shown.index_of(doc_id)
        return next((n for n, item in enumerate(shown) if item.id == doc_id), None)


def _place(entry: OpenEntry, now_text: str) -> tuple[object, ...]:
    """What an entry's place in the open list depends on (``order_entries``): asleep or
    not, its wake-up time, its deadline and when it came."""
    asleep = entry_snoozed(entry, now_text)
    return (asleep, entry.snoozed_until if asleep else None, entry.deadline, entry.received_at)
