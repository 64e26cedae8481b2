"""Reversible edits and the one undo/redo history of a running app.

Every change a user makes from a tab (a task ticked on Today, a post moved on the Calendar, a
reply on the Queue, a month's figures on Stats) is an ``Edit``: it applies and reverts itself
through the repository, and says what it did (``Label``, shown as "Undone: replied to @emma").
The app holds one ``EditHistory`` (``UiContext.edits``); ``u`` undoes and ``ctrl+r`` redoes.

Contract:

* **one history for the whole app**, not one per tab: ``u`` on any tab undoes the app's last
  edit, whichever tab made it, and the message names that tab when it is another one ("Undone
  (Queue): replied to @emma"). Undoing in the exact reverse order of the writes means every
  revert finds the records as its edit left them, even when two tabs write the same records;
* the same depth everywhere: the last ``DEPTH`` edits can be undone, older ones are forgotten;
* a new edit clears what could be redone (redo follows undo, nothing else);
* a write the store refuses leaves the history as it was: the step can be tried again;
* in memory only: after a restart there is nothing to undo.

Records deleted by an edit come back under a new id when it is undone (the store never reuses
an id). ``Aliases`` remembers where each one went, per table, so that older edits that name the
old id (a status change made before the deletion) act on the record that came back.

Pure: the edits reach the store only through the small protocols below (``Records``,
``KeyedRecords``), which the repositories fulfil; the UI runs each step through its write
function (one durable write, errors reported there).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, Protocol, Self, TypeVar

from cm_tui.core.i18n import t
from cm_tui.core.value import Value, frozen

#: how many edits can be undone, on every tab
DEPTH = 100

#: runs one step (``Edit.apply`` or ``Edit.revert``); ``True`` if it landed
Writer = Callable[[Callable[[], object]], bool]


@frozen
class Label(Value):
    """What an edit did, as a message key and its values (translated when shown)."""

    key: str
    params: tuple[tuple[str, str | int], ...] = ()

    @classmethod
    def of(cls, key: str, /, **params: str | int) -> Label:
        return cls(key, tuple(params.items()))

    def text(self) -> str:
        return t(self.key, **dict(self.params))


class Edit(Protocol):
    """A change made from a tab, able to apply and revert itself.

    ``apply`` is called once to make the change, then again by each redo; ``revert`` by each
    undo. Both raise what the store raises; the history calls them through its ``Writer``.
    """

    #: the pane id of the tab that made the edit (``"today"``, ``"queue"``, ...)
    tab: str
    label: Label

    def apply(self) -> None: ...

    def revert(self) -> None: ...


def _run(step: Callable[[], object]) -> bool:
    step()
    return True


@frozen(slots=False)
class Step(Value):
    """The outcome of ``undo`` / ``redo``: ``edit`` is ``None`` when there was nothing to undo
    (redo); ``done`` is ``False`` when the store refused the write (already reported)."""

    edit: Edit | None
    done: bool


E = TypeVar("E", bound=Edit)


class EditHistory(Generic[E]):
    """The edits that can be undone (newest last) and those that can be redone."""

    def __init__(self, depth: int = DEPTH) -> None:
        if depth < 1:
            raise ValueError("the history must hold at least one edit")
        self.depth = depth
        self._done: deque[E] = deque(maxlen=depth)
        self._undone: list[E] = []
        self._aliases: dict[str, Aliases] = {}

    def __len__(self) -> int:
        """How many edits can be undone."""
        return len(self._done)

    @property
    def redoable(self) -> int:
        return len(self._undone)

    def aliases(self, table: str) -> Aliases:
        """The id aliases of ``table``, shared by every edit of its records."""
        found = self._aliases.get(table)
        if found is None:
            found = self._aliases[table] = Aliases()
        return found

    def apply(self, edit: E, write: Writer = _run) -> bool:
        """Make ``edit`` (through ``write``) and remember it; a new edit clears the redo list.
        ``False`` if the write failed (nothing remembered)."""
        if not write(edit.apply):
            return False
        self._done.append(edit)  # the deque forgets the oldest past ``depth``
        self._undone.clear()
        return True

    def record(self, edit: E) -> None:
        """Remember ``edit``, already made by its maker in several writes (an import written
        in steps between keys), as one step; a new edit clears the redo list."""
        self._done.append(edit)
        self._undone.clear()

    def undo(self, write: Writer = _run) -> Step:
        """Revert the newest edit; it can then be redone."""
        if not self._done:
            return Step(None, False)
        edit = self._done[-1]
        if not write(edit.revert):
            return Step(edit, False)
        self._done.pop()
        self._undone.append(edit)
        return Step(edit, True)

    def redo(self, write: Writer = _run) -> Step:
        """Apply again the edit undone last."""
        if not self._undone:
            return Step(None, False)
        edit = self._undone[-1]
        if not write(edit.apply):
            return Step(edit, False)
        self._undone.pop()
        self._done.append(edit)
        return Step(edit, True)


def step_message(edit: Edit, *, undone: bool, tab: str) -> str:
    """The notice of an undo or a redo ("Undone: replied to @emma"), naming the edit's tab when
    it is not ``tab`` (the one shown)."""
    what = edit.label.text()
    verb = "undone" if undone else "redone"
    if edit.tab == tab:
        return t(f"edits.{verb}", what=what)
    return t(f"edits.{verb}_on", tab=t(f"ui.tab.{edit.tab}"), what=what)


# --------------------------------------------------------------------------- records by id


class Identified(Protocol):
    """A record: an ``id`` (0 until stored) and ``replace``."""

    @property
    def id(self) -> int: ...

    def replace(self, **changes: Any) -> Self: ...


R = TypeVar("R", bound=Identified)


class Records(Protocol[R]):
    """What a repository of records offers (``store.entity.EntityRepo`` fulfils it)."""

    def get(self, id: int) -> R | None: ...

    def add(self, obj: R) -> R: ...

    def update(self, obj: R) -> R: ...

    def delete_many(self, ids: Iterable[int]) -> None: ...


class Aliases:
    """Old id -> the id its record came back under (an undo or a redo re-created it)."""

    def __init__(self) -> None:
        self._moved: dict[int, int] = {}

    def resolve(self, record_id: int) -> int:
        while record_id in self._moved:
            record_id = self._moved[record_id]
        return record_id

    def moved(self, old: int, new: int) -> None:
        if old != new:
            self._moved[old] = new


class RecordsEdit(Generic[R]):
    """Records of one table as they were (``before``) and as the edit leaves them (``after``).

    An empty ``before`` is a creation (the records of ``after`` may have no id yet: they get one
    when first applied), an empty ``after`` a deletion, both an update. Applying makes the table
    hold ``after`` instead of ``before``, reverting the reverse: records of the one side missing
    from the other are deleted, the others written back (re-created if gone, under a new id
    that ``aliases`` remembers). ``current`` is what the last step left in the store.
    """

    def __init__(
        self,
        records: Records[R],
        aliases: Aliases,
        before: Sequence[R],
        after: Sequence[R],
        label: Label,
        tab: str,
    ) -> None:
        self.records = records
        self.aliases = aliases
        self.before = tuple(before)
        self.after = tuple(after)
        self.label = label
        self.tab = tab
        self._applied = False

    @property
    def current(self) -> tuple[R, ...]:
        return self.after if self._applied else self.before

    def apply(self) -> None:
        self.after = self._swap(self.before, self.after)
        self._applied = True

    def revert(self) -> None:
        self.before = self._swap(self.after, self.before)
        self._applied = False

    def _swap(self, source: tuple[R, ...], target: tuple[R, ...]) -> tuple[R, ...]:
        """Make the table hold ``target`` instead of ``source``; ``target`` as stored."""
        resolve = self.aliases.resolve
        kept = {resolve(r.id) for r in target if r.id}
        gone = [resolve(r.id) for r in source if r.id and resolve(r.id) not in kept]
        if gone:
            self.records.delete_many(gone)
        stored: list[R] = []
        for record in target:
            current = resolve(record.id) if record.id else 0
            if current and self.records.get(current) is not None:
                stored.append(self.records.update(record.replace(id=current)))
            else:
                new = self.records.add(record)
                if current:
                    self.aliases.moved(current, new.id)
                stored.append(new)
        return tuple(stored)


class GroupEdit:
    """Several edits as one step (an import that changes several tables): applied in order,
    reverted in the reverse order, under one ``label``."""

    def __init__(self, parts: Sequence[Edit], label: Label, tab: str) -> None:
        self.parts = tuple(parts)
        self.label = label
        self.tab = tab

    def apply(self) -> None:
        for part in self.parts:
            part.apply()

    def revert(self) -> None:
        for part in reversed(self.parts):
            part.revert()


# --------------------------------------------------------------------------- records by key


K = TypeVar("K")


class KeyedRecords(Protocol[K]):
    """Records found by a key, set or cleared (``OccurrenceRepo`` fulfils it)."""

    def set(self, obj: K) -> K: ...

    def clear(self, key: str) -> None: ...


class KeyedEdit(Generic[K]):
    """The record under ``key`` before and after the edit (``None``: there was none / it is
    cleared). Keys never change, so no aliases are needed."""

    def __init__(
        self,
        records: KeyedRecords[K],
        key: str,
        before: K | None,
        after: K | None,
        label: Label,
        tab: str,
    ) -> None:
        self.records = records
        self.key = key
        self.before = before
        self.after = after
        self.label = label
        self.tab = tab

    def apply(self) -> None:
        self._put(self.after)

    def revert(self) -> None:
        self._put(self.before)

    def _put(self, record: K | None) -> None:
        if record is None:
            self.records.clear(self.key)
        else:
            self.records.set(record)


__all__ = [
    "DEPTH",
    "Aliases",
    "Edit",
    "EditHistory",
    "GroupEdit",
    "KeyedEdit",
    "KeyedRecords",
    "Label",
    "Records",
    "RecordsEdit",
    "Step",
    "Writer",
    "step_message",
]
