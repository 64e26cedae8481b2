"""``EntityRepo``: the records of one class in one table, the base of every repository.

Contract (the whole Repository API follows it):

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

from collections.abc import Iterable
from typing import Any, Generic, TypeVar

from cm_tui.core.models import Record
from cm_tui.store.storage import DurableStorage
from cm_tui.store.tracking import JournaledTable

T = TypeVar("T", bound=Record)


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

    def peek(self, id: int) -> T | None:
        """``get`` that keeps nothing it builds: for one-off reads (an alert's message) that
        must not leave an object per record in memory for the rest of the day."""
        obj = self._cache.get(id)
        if obj is not None:
            return obj
        doc = self._raw().get(str(id))
        return None if doc is None else self._build(str(id), doc)

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
            obj = self._cache[doc_id] = self._build(key, doc)
        return obj

    def _build(self, key: str, doc: dict[str, Any]) -> T:
        obj = self._model.from_dict(doc)
        obj.id = int(key)  # type: ignore[attr-defined]
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
        """Keep ``stored`` in step with its document: cached if its old object was, or if the
        cache holds every record (``all()``). A record nobody read yet is not cached: its
        document is enough until someone does (an app open all day receiving thousands of
        comments keeps one copy of each, not two)."""
        doc_id = stored.id  # type: ignore[attr-defined]
        if doc_id in self._cache or self._complete:
            if self._complete and doc_id not in self._cache and self._cache:
                self._complete = doc_id > next(reversed(self._cache))
            self._cache[doc_id] = stored
        self._index_change(doc_id, old, new)

    def _on_reset(self, tables: set[str] | None) -> None:
        if tables is None or self._table.name in tables:
            self._forget()

    def _forget(self) -> None:
        """Drop the objects and indexes built so far (the table changed under them)."""
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
