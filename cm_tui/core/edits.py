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
* in memory only: after a restart there is nothing to undo;
* a large edit (an import of 100,000 records undone) is written in ``Steps``: several writes
  of ``STEP_RECORDS`` records, each one durable write, so that the UI can draw and hold keys
  between them (``UiContext.step_through``). Each write runs exactly once: a write the store
  refuses stops the run there, the edit stays where it was in the history, and the next undo
  (or redo) of it goes on from that write (``Run``).

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
from functools import partial
from itertools import chain
from typing import Any, Generic, Protocol, Self, TypeVar

from cm_tui.core.i18n import t
from cm_tui.core.value import Value, frozen, mutable

#: how many edits can be undone, on every tab
DEPTH = 100

#: runs one step (``Edit.apply`` or ``Edit.revert``); ``True`` if it landed
Writer = Callable[[Callable[[], object]], bool]

RunEdit = TypeVar("RunEdit", bound="Edit")

#: records written by one write of a large edit: below the store's snapshot threshold (1,000
#: documents), so each write is one journal line and 10-20 ms of UI time, as an import's chunks
STEP_RECORDS = 500


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


def _nothing() -> None:
    pass


@mutable(slots=False)
class Steps(Value):
    """An edit's apply or revert cut in ``writes`` (each one durable write, run in order, each
    exactly once), then ``finish`` (memory only, once every write landed)."""

    writes: list[Callable[[], object]]
    finish: Callable[[], None] = _nothing

    def run(self) -> None:
        """Every write then ``finish``, here (inside the caller's write, if any)."""
        for write in self.writes:
            write()
        self.finish()


def steps_of(edit: Edit, *, undo: bool) -> Steps:
    """``edit``'s revert (``undo``) or apply in steps: its own ``steps`` if it has some (a
    large edit), else one write."""
    stepped = getattr(edit, "steps", None)
    if stepped is not None:
        return stepped(undo=undo)  # type: ignore[no-any-return]
    return Steps([edit.revert if undo else edit.apply])


@mutable(slots=False)
class Run(Value, Generic[RunEdit]):
    """An undo (``undo``) or a redo of ``edit`` under way: ``done`` writes of ``steps`` have
    landed. Kept by the history until it ends, so that a write the store refused is tried
    again from there, never one already made."""

    edit: RunEdit
    undo: bool
    steps: Steps
    done: int = 0

    @property
    def total(self) -> int:
        return len(self.steps.writes)

    def next_write(self) -> Callable[[], object] | None:
        """The next write to make, ``None`` once all landed."""
        return self.steps.writes[self.done] if self.done < self.total else None

    def landed(self) -> None:
        """The write ``next_write`` gave has landed."""
        self.done += 1


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
        #: an undo or a redo whose writes have not all landed yet (``Run``)
        self._run: Run[E] | None = None

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
        self.record(edit)
        return True

    def record(self, edit: E) -> None:
        """Remember ``edit``, already made by its maker in several writes (an import written
        in steps between keys), as one step; a new edit clears the redo list (and an undo or
        a redo left half-way: its edit stays as far as it got)."""
        self._done.append(edit)  # the deque forgets the oldest past ``depth``
        self._undone.clear()
        self._run = None

    def undo(self, write: Writer = _run) -> Step:
        """Revert the newest edit; it can then be redone."""
        return self._all_at_once(self.start(undo=True), write)

    def redo(self, write: Writer = _run) -> Step:
        """Apply again the edit undone last."""
        return self._all_at_once(self.start(undo=False), write)

    def start(self, *, undo: bool) -> Run[E] | None:
        """The undo (``undo``) or redo to make, in steps: the one left half-way if it is the
        same, else a new one; ``None`` if there is nothing to undo (redo). Give each write
        of ``Run.next_write`` to the writer, ``Run.landed`` once it landed, then ``end``."""
        stack = self._done if undo else self._undone
        if not stack:
            return None
        edit = stack[-1]
        run = self._run
        if run is None or run.edit is not edit or run.undo is not undo:
            run = self._run = Run(edit, undo, steps_of(edit, undo=undo))
        return run

    def end(self, run: Run[E]) -> Step:
        """Every write of ``run`` landed: its edit moves to the other list (found by identity:
        an import may have recorded an edit while the run yielded between its writes)."""
        run.steps.finish()
        if self._run is run:
            self._run = None
        source, target = (self._done, self._undone) if run.undo else (self._undone, self._done)
        if run.edit in source:
            source.remove(run.edit)
        target.append(run.edit)
        return Step(run.edit, True)

    def _all_at_once(self, run: Run[E] | None, write: Writer) -> Step:
        if run is None:
            return Step(None, False)
        while (step := run.next_write()) is not None:
            if not write(step):
                return Step(run.edit, False)
            run.landed()
        return self.end(run)


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
        self.steps(undo=False).run()

    def revert(self) -> None:
        self.steps(undo=True).run()

    def steps(self, *, undo: bool) -> Steps:
        """Make the table hold ``before`` (``undo``) instead of ``after``, or the reverse, in
        writes of ``STEP_RECORDS`` records: the records of the one side missing from the
        other deleted, then the others written back; ``finish`` keeps them as stored."""
        source, target = (self.after, self.before) if undo else (self.before, self.after)
        resolve = self.aliases.resolve
        kept = {resolve(r.id) for r in target if r.id}
        gone = [resolve(r.id) for r in source if r.id and resolve(r.id) not in kept]
        size = STEP_RECORDS
        writes: list[Callable[[], object]] = [
            partial(self.records.delete_many, gone[start : start + size])
            for start in range(0, len(gone), size)
        ]
        stored: dict[int, list[R]] = {}  # by part: a part written again replaces its own
        for part, start in enumerate(range(0, len(target), size)):
            writes.append(partial(self._write, stored, part, target[start : start + size]))

        def finish() -> None:
            written = tuple(chain.from_iterable(stored[part] for part in sorted(stored)))
            if undo:
                self.before, self._applied = written, False
            else:
                self.after, self._applied = written, True

        return Steps(writes, finish)

    def _write(self, stored: dict[int, list[R]], part: int, records: Sequence[R]) -> None:
        """Write ``records`` back (re-created if gone, under a new id ``aliases`` remembers);
        ``stored[part]``: them as stored."""
        resolve = self.aliases.resolve
        out: list[R] = []
        for record in records:
            current = resolve(record.id) if record.id else 0
            if current and self.records.get(current) is not None:
                out.append(self.records.update(record.replace(id=current)))
            else:
                new = self.records.add(record)
                if current:
                    self.aliases.moved(current, new.id)
                out.append(new)
        stored[part] = out


class GroupEdit:
    """Several edits as one step (an import that changes several tables): applied in order,
    reverted in the reverse order, under one ``label``."""

    def __init__(self, parts: Sequence[Edit], label: Label, tab: str) -> None:
        self.parts = tuple(parts)
        self.label = label
        self.tab = tab

    def apply(self) -> None:
        self.steps(undo=False).run()

    def revert(self) -> None:
        self.steps(undo=True).run()

    def steps(self, *, undo: bool) -> Steps:
        """The parts' steps one after the other (in the reverse order for ``undo``)."""
        parts = [steps_of(part, undo=undo) for part in (self.parts[::-1] if undo else self.parts)]
        writes = [write for steps in parts for write in steps.writes]

        def finish() -> None:
            for steps in parts:
                steps.finish()

        return Steps(writes, finish)


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
    "STEP_RECORDS",
    "Aliases",
    "Edit",
    "EditHistory",
    "GroupEdit",
    "KeyedEdit",
    "KeyedRecords",
    "Label",
    "Records",
    "RecordsEdit",
    "Run",
    "Step",
    "Steps",
    "Writer",
    "step_message",
    "steps_of",
]
