"""The TinyDB table whose writes cost O(documents changed), not O(documents stored).

Stock ``Table._update_table`` copies the whole raw table into an int-keyed dict, runs the
updater, copies it back and hands the whole database to ``Storage.write``. Here the updater gets a
``TrackingMap``: a thin int-keyed view over the live str-keyed table that remembers which
documents the updater touched and keeps an exact copy (orjson bytes) of each one's original. The
storage then journals only the touched documents that really changed, and can put the originals
back if the journal write fails.

TinyDB's updaters (insert, insert_multiple, update, update_multiple, upsert, remove, truncate)
use: ``id in table``, ``table[id]`` (then mutate the document in place), ``table[id] = doc``,
``del table[id]``, ``table.pop(id)``, ``list(table.keys())`` and ``table.clear()``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, MutableMapping
from typing import TYPE_CHECKING, Any

import orjson
from tinydb.table import Table

from cm_tui.store.journal import DUMP_OPTIONS

if TYPE_CHECKING:
    from cm_tui.store.storage import DurableStorage

Doc = dict[str, Any]


class TrackingMap(MutableMapping[int, Doc]):
    """An int-keyed view of one live table that records what the updater touches."""

    __slots__ = ("_raw", "originals")

    def __init__(self, raw: dict[str, Doc]) -> None:
        self._raw = raw
        #: str id -> orjson bytes of the document before the transaction, or None if absent.
        self.originals: dict[str, bytes | None] = {}

    def _touch(self, key: str) -> None:
        if key not in self.originals:
            doc = self._raw.get(key)
            self.originals[key] = None if doc is None else orjson.dumps(doc, option=DUMP_OPTIONS)

    def __getitem__(self, doc_id: int) -> Doc:
        key = str(doc_id)
        doc = self._raw[key]
        self._touch(key)  # the caller may mutate the returned document in place
        return doc

    def __setitem__(self, doc_id: int, doc: Doc) -> None:
        key = str(doc_id)
        self._touch(key)
        self._raw[key] = doc

    def __delitem__(self, doc_id: int) -> None:
        key = str(doc_id)
        if key not in self._raw:
            raise KeyError(doc_id)
        self._touch(key)
        del self._raw[key]

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self._raw

    def __iter__(self) -> Iterator[int]:
        return (int(key) for key in list(self._raw))

    def __len__(self) -> int:
        return len(self._raw)

    def clear(self) -> None:
        for key in self._raw:
            self._touch(key)
        self._raw.clear()

    # ------------------------------------------------------------------ used by the storage

    def changes(self) -> dict[str, Doc | None]:
        """Touched documents whose content differs from the original (None = deleted).

        Raises ``TypeError`` if a new document holds a value JSON cannot represent exactly.
        """
        out: dict[str, Doc | None] = {}
        raw = self._raw
        for key, before in self.originals.items():
            doc = raw.get(key)
            if doc is None:
                if before is not None:
                    out[key] = None
            elif before is None or orjson.dumps(doc, option=DUMP_OPTIONS) != before:
                out[key] = doc
        return out

    def restore(self) -> None:
        """Put every touched document back as it was before the transaction."""
        raw = self._raw
        for key, before in self.originals.items():
            if before is None:
                raw.pop(key, None)
            else:
                raw[key] = orjson.loads(before)
        self.originals.clear()


class JournaledTable(Table):
    """TinyDB table writing through ``DurableStorage``'s journal, one entry per transaction.

    ``id_floor``: new ids are always above what it returns (the queue's archived items keep their
    ids, which must never be handed out again once they left the hot table).
    """

    #: Returns the lowest id never to hand out again minus one (read lazily, at the first insert).
    id_floor: Callable[[], int] | None = None
    _next_id: int | None  # type: ignore[assignment]  # TinyDB's; its code types it as None

    def replace_document(self, doc_id: int, document: Mapping[str, Any]) -> None:
        """Replace document ``doc_id`` as a whole (``KeyError`` if it does not exist)."""

        def updater(table: dict[int, Mapping]) -> None:
            if doc_id not in table:
                raise KeyError(doc_id)
            table[doc_id] = dict(document)

        self._update_table(updater)

    def put_documents(self, documents: Mapping[int, Mapping[str, Any]]) -> None:
        """Store copies of ``documents`` under their own ids (documents moving between tables
        keep their ids; an existing document of the same id is replaced)."""

        def updater(table: dict[int, Mapping]) -> None:
            for doc_id, document in documents.items():
                table[doc_id] = dict(document)

        self._update_table(updater)

    def reserve_up_to(self, doc_id: int) -> None:
        """Never hand out ids up to ``doc_id`` (they are used elsewhere, e.g. archived)."""
        if self._next_id is not None and self._next_id <= doc_id:
            self._next_id = doc_id + 1

    def allocate_ids(self, count: int) -> list[int]:
        """Reserve ``count`` new ids without storing anything (archived items get these)."""
        return [self._get_next_id() for _ in range(count)]

    def _update_table(self, updater: Callable[[dict[int, Mapping]], None]) -> None:
        storage: DurableStorage = self._storage  # type: ignore[assignment]
        try:
            with storage.transaction():
                updater(storage.tracker(self.name))  # type: ignore[arg-type]
        finally:
            self.clear_cache()

    def _read_table(self) -> dict[str, Mapping]:
        """This table only (stock TinyDB reads the whole database: every pending table)."""
        storage: DurableStorage = self._storage  # type: ignore[assignment]
        return storage.table(self.name) or {}

    def _get_next_id(self) -> int:
        if self._next_id is None:
            top = max(map(int, self._read_table()), default=0)
            floor = self.id_floor() if self.id_floor is not None else 0
            self._next_id = max(top, floor) + 1
        next_id = self._next_id
        self._next_id = next_id + 1
        return next_id
