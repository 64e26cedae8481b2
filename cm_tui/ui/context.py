"""What every pane needs from the app: the store, the settings, the clock and the edits.

Panes receive a ``UiContext`` instead of reaching into the ``App``: they can be built and tested
alone, and the rule "the UI holds no business rule" stays visible (a pane reads rows from
``core`` with the data found here and writes through ``repo``).

The one edit service lives here too: a change a user can undo is an ``Edit`` (``core.edits``)
made through ``apply``; ``undo`` and ``redo`` walk the app's single history, whatever tab
made the edit (docs/architecture.md, "Edits and undo").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from cm_tui.core.edits import Edit, EditHistory, Label, RecordsEdit, Run, Step
from cm_tui.core.value import Value, mutable

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from cm_tui.core.clock import Clock
    from cm_tui.core.queue import DeadlineIndex, OpenEntry, QueueCounts
    from cm_tui.core.settings import Settings
    from cm_tui.store import Repository, Store
    from cm_tui.store.entity import EntityRepo


@mutable(slots=False)
class UiContext(Value):
    """Shared, mutable state of one running app.

    ``version`` counts the writes made through ``write``: a pane that rendered an older version
    reloads when it is shown again, so a change made in one tab is visible in the others
    without every pane reloading after every keystroke.
    """

    store: Store
    settings: Settings
    clock: Clock
    store_name: str
    version: int = 0
    on_write_error: Callable[[Exception], None] | None = None
    #: the undo/redo history of the running app (in memory: nothing to undo after a restart)
    edits: EditHistory[Edit] = dataclasses.field(default_factory=EditHistory)
    #: the undo or redo being written in steps (``step_through``), if any
    stepping: Run[Edit] | None = None

    @property
    def repo(self) -> Repository:
        return self.store.repo

    @property
    def zone(self) -> ZoneInfo:
        return self.settings.zone

    def now(self) -> datetime:
        """The current instant (aware UTC), from the app's clock (fixed in tests and demos)."""
        return self.clock.now()

    def local_now(self) -> datetime:
        return self.clock.now().astimezone(self.settings.zone)

    def today(self) -> date:
        """The user's calendar day, in the user's time zone."""
        return self.local_now().date()

    def open_queue_entries(self) -> list[OpenEntry]:
        """The open queue items as ``OpenEntry`` (no items built): Today's counts, the Queue
        tab and the app's alerts share them. The repository keeps them in step with each write
        (``QueueRepo.open_entries``): a new list only when an open item changed."""
        return self.repo.queue.open_entries()

    def open_queue_counts(self, now: datetime) -> QueueCounts:
        """Open, due soon and overdue items at ``now`` (``core.queue.entry_counts`` of
        ``open_queue_entries``), from the deadline index: the Queue tab's label, its list's
        counts and Today's box read these every second."""
        return self.open_queue_index().counts(now)

    def open_queue_index(self) -> DeadlineIndex:
        """``open_queue_entries`` sorted by deadline (``core.queue.DeadlineIndex``), kept in
        step with each write by the repository (``QueueRepo.deadline_index``)."""
        return self.repo.queue.deadline_index()

    def write(self, change: Callable[[], object]) -> bool:
        """Run one store write (or a ``store.transaction()`` of several); ``True`` if it landed.

        On ``StoreWriteError`` the error is reported through ``on_write_error`` (the app shows
        its message, "Not saved: ...") and ``False`` comes back. The store guarantees that a
        failed write leaves memory unchanged, so the caller only has to skip its own follow-up.
        """
        from cm_tui.store import StoreWriteError

        try:
            change()
        except StoreWriteError as exc:
            if self.on_write_error is not None:
                self.on_write_error(exc)
            return False
        self.version += 1
        return True

    # ------------------------------------------------------------------ edits

    def _write_step(self, step: Callable[[], object]) -> bool:
        """One step of an edit: one durable write (all of it or nothing), through ``write``."""

        def run() -> None:
            with self.store.transaction():
                step()

        return self.write(run)

    def apply(self, edit: Edit) -> bool:
        """Make ``edit`` and remember it for undo; ``False`` if the store refused it (reported
        through ``on_write_error``, nothing remembered)."""
        return self.edits.apply(edit, self._write_step)

    def record(self, edit: Edit) -> None:
        """Remember ``edit``, already written by its maker in several transactions (an
        import written between keys), as one step of the history."""
        self.edits.record(edit)

    def undo(self) -> Step:
        """Revert the app's last edit, whichever tab made it."""
        return self.edits.undo(self._write_step)

    def redo(self) -> Step:
        """Apply again the edit undone last (a new edit clears what could be redone)."""
        return self.edits.redo(self._write_step)

    async def step_through(
        self, *, undo: bool, between: Callable[[Run[Edit]], Awaitable[None]]
    ) -> Step:
        """Undo (``undo``) or redo the app's last edit one write at a time, each one durable
        write, awaiting ``between(run)`` between two (a turn of the event loop: the app
        draws, timers run): an undo of a 100,000-record import no longer holds the
        UI thread for seconds. Keys typed meanwhile wait in the key gate (``ui.edit_steps``).
        A write the store refuses stops there (reported by ``write``); the next undo goes on
        from it (``core.edits.Run``). Not re-entrant: check ``stepping`` first."""
        run = self.edits.start(undo=undo)
        if run is None:
            return Step(None, False)
        self.stepping = run
        try:
            while (write := run.next_write()) is not None:
                if not self._write_step(write):
                    return Step(run.edit, False)
                run.landed()
                if run.next_write() is not None:
                    await between(run)
            return self.edits.end(run)
        finally:
            self.stepping = None

    def records_edit(
        self,
        records: EntityRepo[Any],
        before: Sequence[Any],
        after: Sequence[Any],
        label: Label,
        tab: str,
    ) -> RecordsEdit[Any]:
        """An edit of ``records`` (see ``RecordsEdit``), sharing that table's id aliases with
        every other edit of it."""
        aliases = self.edits.aliases(records.table_name)
        return RecordsEdit(records, aliases, before, after, label, tab)
