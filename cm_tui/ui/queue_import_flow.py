"""Queue imports, off the UI thread: a file chosen with ``ctrl+o`` on the Queue tab, and the files
dropped in the inbox folder, polled by the app from its start (``CmTuiApp.check_inbox``) whatever
tab is shown. ``QueuePane`` and the app only delegate here.

What runs where, and why
------------------------
Reading, decoding, checking and deduplicating a file is most of an import's time (a 100,000-row
CSV: about 0.7 s; the archive is checked through its month summaries, never read item by item)
and runs in a Textual **thread worker**. That thread never touches the live store: the store's
tables and the repositories' caches are plain dicts that every pane reads on the UI thread,
timers included, without taking the store's lock (the lock only serialises writers). A write
from another thread could change a dict while the UI thread iterates it ("dictionary changed
size during iteration") or show the rows of a transaction not yet committed; and holding the
store's transaction in the worker for the whole import would block the UI thread on the next
triage key until the import ends, which is the freeze this module exists to remove.

So the store is only used on the UI thread, marshalled there with ``app.call_from_thread``:

1. UI thread: a copy of the hot table's documents (for dedupe; ``QueueRepo.hot_documents``,
   the items are built in the worker) and the import options
   (time zone, deadline policy, watch keywords, ``[import.columns]``);
2. worker: ``read_new_items`` checks the WHOLE file against that snapshot and the archive's
   identities (``QueueRepo.archived_keys``: the month summaries, read from disk; they are
   replaced atomically). A bad row rejects the file: nothing written;
3. UI thread, in chunks of ``WRITE_CHUNK`` items: each chunk is one ``ctx.write`` transaction
   that begins and ends inside a single callback. A triage key pressed meanwhile runs between
   two chunks, in its own transaction: it can never land inside the import's transaction, and
   neither write can roll the other back. A chunk costs 10-20 ms of UI time (more when the
   store compacts its journal meanwhile), so keys stay responsive while a large file is
   written: measured on 100,000 rows, the UI answered within 16 ms at p95 (it froze for about
   3 s when the whole import ran on the UI thread).

The price of step 3 is that an import is several transactions. The file is fully validated
before the first one; if a chunk cannot be saved, the chunks this import already wrote are
removed again (one more transaction) and the import is reported as not saved. Only if that
removal fails too, or the app quits in the middle, do the items already written stay; importing
the same file again then adds just the rest (dedupe). ``cm-tui import`` has no UI to keep alive
and stays one transaction.

One import at a time: the worker group ``GROUP`` is checked before starting (``ctrl+o`` while an
import runs says so; the inbox, looked at meanwhile, is looked at again the moment the running
import ends: ``when_idle``). Not ``exclusive=True``: that would cancel the running import rather
than wait for it.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from textual.content import Content
from textual.notifications import SeverityLevel
from textual.worker import Worker, get_current_worker

from cm_tui.core import locale as l10n
from cm_tui.core.edits import Label
from cm_tui.core.i18n import t
from cm_tui.core.models import QueueItem
from cm_tui.core.value import Value, frozen
from cm_tui.io.queue_import import (
    ImportCancelled,
    ImportOptions,
    ImportRejected,
    ImportResult,
    read_new_items,
)
from cm_tui.ui import keys_first

if TYPE_CHECKING:
    from cm_tui.io.exports.recognise import Recognised
    from cm_tui.io.exports.writing import ExportWrite
    from cm_tui.io.queue_inbox import InboxOutcome, InboxWatch
    from cm_tui.ui.app import CmTuiApp
    from cm_tui.ui.context import UiContext
    from cm_tui.ui.panes.base import Pane

#: the worker group of queue imports (one at a time)
GROUP = "queue-import"
#: the worker group of what waits for an import to end (``QueueImportFlow.when_idle``)
WAITING = "queue-import-waiting"
#: items written per UI-thread transaction: below the store's snapshot threshold (1,000
#: documents), so each chunk is one journal line, and 10-20 ms of UI time
WRITE_CHUNK = 500

T = TypeVar("T")

#: what an export does with month figures typed by hand that it would replace: ``ask`` (a file
#: chosen with ``ctrl+o``: a ``Confirm`` asks, and the answer imports it again with ``keep`` or
#: ``replace``), or ``inbox`` (nobody may be there and a key typed elsewhere must never answer:
#: kept, and the notice says how to replace them). Never a command-line flag in the app.
Typed = Literal["ask", "keep", "replace", "inbox"]


class _Stopped(Exception):
    """The worker was cancelled or the app stopped: end quietly."""


@frozen(slots=False)
class _Snapshot(Value):
    """What the worker needs from the store, taken on the UI thread."""

    options: ImportOptions
    hot: dict[str, dict[str, Any]]


class QueueImportFlow:
    """Imports started by ``owner`` (the Queue pane, or the app for the inbox), which runs the
    worker and shows the notifications; ``after_write`` repaints what shows the queue once
    items landed. Stateless: the running import is found in the app's worker list, so a new
    ``QueueImportFlow`` per call is fine."""

    def __init__(self, owner: CmTuiApp | Pane, after_write: Callable[[], None]) -> None:
        self.owner = owner
        self.after_write = after_write

    @property
    def _ctx(self) -> UiContext:
        return self.owner.ctx

    # ------------------------------------------------------------------ UI thread: entry points

    @property
    def busy(self) -> bool:
        """An import is running (started from the Queue tab or from the inbox)."""
        return any(
            worker.group == GROUP and not worker.is_finished for worker in self.owner.app.workers
        )

    def ask_file(self) -> None:
        """``ctrl+o``: ask for a path (``ImportFileScreen``), then import it in the background."""
        from cm_tui.ui.screens.queue_modals import ImportFileScreen

        if self._refuse_if_busy():
            return

        def done(raw: str | None) -> None:
            if raw is not None:
                self.start_file(Path(raw))

        self.owner.app.push_screen(ImportFileScreen(), done)

    def start_file(self, path: Path, typed: Typed = "ask") -> Worker[None] | None:
        """Import ``path`` in a thread worker; the worker, or ``None`` if it did not start (no
        such file, not a regular file, or an import is already running: each said in a
        notification). ``typed``: what a platform's export does with figures typed by hand
        (``Typed``)."""
        from cm_tui.io.tabular import source_problem

        path = path.expanduser()
        problem = source_problem(path)
        if problem is not None:
            self.owner.notify(problem, severity="error", markup=False)
            return None
        if self._refuse_if_busy():
            return None
        return self._run(partial(self._file_thread, path, typed), f"import {path.name}")

    def start_inbox(self, watch: InboxWatch) -> Worker[None] | None:
        """Import the files of the inbox folder (``cm-tui where``) that are ready
        (``io.queue_inbox``) in a thread worker, moving each to ``processed/`` or ``failed/``;
        ``None`` if there is nothing to do, an import is running, or another app handles
        this inbox (the next poll tries again)."""
        if self.busy:
            # looked at while an import runs: again as soon as it ends, not at the next poll
            if not self._waiting:
                self.when_idle(cast("CmTuiApp", self.owner.app).check_inbox)
            return None
        if not watch.claim() or not watch.ready():
            return None
        return self._run(partial(self._inbox_thread, watch), "import inbox")

    # ------------------------------------------------------------------ worker thread

    def _file_thread(self, path: Path, typed: Typed) -> None:
        try:
            self._call(self._notify, t("queue.import.started", path=str(path)))
            try:
                result = self._import(path, typed)
            except ImportRejected as rejected:
                self._call(self._show_report, rejected.report())
                return
            except OSError as exc:
                self._call(self._notify, _os_error(exc, path), "error")
                return
            except (_Stopped, ImportCancelled):
                raise
            except Exception as exc:  # a bug, not the file's: the app goes on all the same
                cause = t("imports.err.internal", kind=type(exc).__name__, reason=str(exc)[:200])
                self._call(self._notify, t("imports.rejected_one", name=path.name, reason=cause))
                return
            if result is not None:
                self._call(self._notify, _done(result, str(path)))
        except (_Stopped, ImportCancelled):
            return

    def _inbox_thread(self, watch: InboxWatch) -> None:
        def importer(path: Path) -> ImportResult:
            self._call(self._notify, t("queue.import.started", path=path.name))
            result = self._import(path, "inbox")
            if result is None:
                raise OSError(t("queue.inbox.not_saved"))
            return result

        def report(outcome: InboxOutcome) -> None:
            if outcome.result is not None:
                self._call(self._notify, _done(outcome.result, outcome.name))
            elif outcome.changed:
                self._call(self._notify, outcome.report, "warning")
            else:
                self._call(self._notify, t("queue.inbox.failed", name=outcome.name), "error")

        try:
            watch.process(importer, report, passthrough=(_Stopped, ImportCancelled))
        except OSError as exc:  # a file could not be moved aside (permissions, disk full)
            with contextlib.suppress(_Stopped):
                self._call(self._notify, _os_error(exc, watch.folder), "error")
        except (_Stopped, ImportCancelled):
            return

    def _import(self, path: Path, typed: Typed) -> ImportResult | None:
        """Check ``path`` here, write its new items on the UI thread (module docstring); the
        result, or ``None`` if the store refused a write (already reported by ``ctx.write``)
        or the user is asked first. Raises ``ImportRejected``, ``OSError``, or
        ``_Stopped``/``ImportCancelled``. A platform's export (recognised by its content) goes
        to the month figures instead (``_import_export``)."""
        found = _export_of(path)
        if found is not None:
            return self._import_export(path, found, typed)
        worker = get_current_worker()
        snapshot = self._call(self._snapshot)  # per file: the inbox's later files see earlier ones
        queue = self._ctx.repo.queue

        pace = self._pace
        result, items = read_new_items(
            path,
            snapshot.options,
            existing=lambda: queue.items_of(snapshot.hot),
            # the archive's identities from its month summaries (read from disk, no cache:
            # safe off the UI thread), never its items: a year of archive is 100,000 of them
            known=queue.archived_keys,
            cancelled=lambda: worker.is_cancelled,
            pace=pace,
        )
        written: list[int] = []
        for start in range(0, len(items), WRITE_CHUNK):
            pace()
            ids = self._call(self._write_chunk, items[start : start + WRITE_CHUNK])
            if ids is None:
                self._call(self._take_back, written, str(path), result.added)
                return None
            written += ids
        if written:
            self._call(self.after_write)
        return result

    def _import_export(self, path: Path, found: Recognised, typed: Typed) -> ImportResult | None:
        """A platform's export (``io.exports``): checked here against a copy of the store's
        facts, figures and posts taken on the UI thread, then written there in steps of one
        transaction each, keys first (``io.exports.writing``; a 100,000-post file is 100,000
        facts). A step the store refuses takes back what the others wrote; once all landed,
        the import is one step of the undo history (``u``). Figures typed by hand that the
        export would replace: ``Typed`` (``None`` back once the question is asked)."""
        from cm_tui.io.exports.plan import read_export, summary
        from cm_tui.io.exports.writing import ExportWrite

        inputs = self._call(self._export_inputs)
        plan = read_export(path, recognised=found, replace=typed == "replace", **inputs)
        if typed == "ask" and plan.months.kept:
            self._call(self._ask_replace, path, plan.months.kept)
            return None
        ctx = self._ctx
        writer = ExportWrite(ctx.repo, plan, ctx.store.transaction)
        for step in writer.steps():
            self._pace()
            if not self._call(ctx.write, partial(writer.run, step)):
                self._call(self._take_back_export, writer, str(path))
                return None
        self._call(self._remember_export, writer, path.name)
        self._call(self.after_write)
        lines = tuple(summary(plan, False, partial(_kept_line, typed, path.name)))
        return ExportImported(found.kind, rows=plan.rows, lines=lines)

    def _export_inputs(self) -> dict[str, Any]:
        ctx = self._ctx
        repo = ctx.repo
        return {
            "zone": ctx.zone,
            "networks": [n.key for n in repo.networks.all()],
            "stored_facts": repo.export_facts.all(),
            "figures": repo.figures.all(),
            "posts": repo.posts.all(),
        }

    def _ask_replace(self, path: Path, kept: list[tuple[str, str, str]]) -> None:
        """Ask whether the export's figures replace those typed by hand (``Confirm``: y / n,
        esc), then import ``path`` again with the answer (the store may have changed while
        the question was open, so the file is checked again)."""
        from cm_tui.ui.screens.confirm import Confirm

        names = {n.key: n.name for n in self._ctx.repo.networks.all()}
        by_month: dict[tuple[str, str], list[str]] = {}
        for network, month, figure in kept:
            by_month.setdefault((network, month), []).append(t(f"core.metric.{figure}"))
        months = "\n".join(
            t(
                "queue.import.replace_month",
                network=names.get(network, network),
                month=l10n.month(month, "month_long"),
                figures=", ".join(figures),
            )
            for (network, month), figures in by_month.items()
        )
        question = t("queue.import.replace_ask", file=path.name, months=months)

        def answered(yes: bool | None) -> None:
            typed: Typed = "replace" if yes else "keep"
            self.when_idle(lambda: self.start_file(path, typed))

        self.owner.app.push_screen(Confirm(question), answered)

    @property
    def _waiting(self) -> bool:
        """Something already waits for the running import to end (``when_idle``)."""
        app = self.owner.app
        return any(w.group == WAITING and not w.is_finished for w in app.workers)

    def when_idle(self, then: Callable[[], object]) -> None:
        """``then()`` on the UI thread now if no import runs, else once the running ones have
        ended (awaited on the app's loop, not polled)."""
        running = [w for w in self.owner.app.workers if w.group == GROUP and not w.is_finished]
        if not running:
            then()
            return

        async def after() -> None:
            for worker in running:
                with contextlib.suppress(Exception):
                    await worker.wait()
            self.when_idle(then)

        self.owner.run_worker(after(), group=WAITING, name="after the import")

    def _take_back_export(self, writer: ExportWrite, path: str) -> None:
        """A step was not saved: remove what the others wrote (all or nothing); if even that
        fails, say so and that importing again completes it."""
        if not self._ctx.write(writer.take_back):
            self.owner.notify(t("exports.partial", path=path), severity="error", markup=False)
        self.after_write()

    def _remember_export(self, writer: ExportWrite, name: str) -> None:
        ctx = self._ctx
        label = Label.of("edits.stats.export_imported", file=name)
        ctx.record(writer.edit(label, "stats", ctx.edits.aliases))

    def _pace(self) -> None:
        """Keys first (``ui.keys_first``): the reading and the writing wait while the user is
        typing (measured: a key took 25 ms to show while the archives were read for the
        duplicate check, 7 ms with this pause; the collector's share is
        ``_without_collector``'s)."""
        keys_first.pace(cast("CmTuiApp", self.owner.app))

    def _call(self, callback: Callable[..., T], *args: Any) -> T:
        """``callback(*args)`` on the UI thread, its result here; ``_Stopped`` once the worker
        is cancelled or the app has stopped (nothing more is written then)."""
        if get_current_worker().is_cancelled:
            raise _Stopped
        try:
            return self.owner.app.call_from_thread(callback, *args)
        except (RuntimeError, concurrent.futures.CancelledError):
            raise _Stopped from None

    # ------------------------------------------------------------------ UI thread: steps

    def _run(self, work: Callable[[], None], name: str) -> Worker[None]:
        return self.owner.run_worker(
            partial(_without_collector, work), name=name, group=GROUP, thread=True
        )

    def _refuse_if_busy(self) -> bool:
        if self.busy:
            self.owner.notify(t("queue.import.busy"), severity="warning", markup=False)
        return self.busy

    def _snapshot(self) -> _Snapshot:
        ctx = self._ctx
        repo = ctx.repo
        options = ImportOptions(
            tz=ctx.zone,
            deadline_policy=ctx.settings.deadline_policy,
            keywords=tuple(k.term for k in repo.keywords.all()),
            columns=dict(ctx.settings.import_columns),
            column_hint="queue.import.err.map_hint_app",
        )
        return _Snapshot(options, repo.queue.hot_documents())

    def _write_chunk(self, items: list[QueueItem]) -> list[int] | None:
        """One transaction: the ids given to ``items``, or ``None`` if it was not saved."""
        stored: list[QueueItem] = []

        def write() -> None:
            stored.extend(self._ctx.repo.queue.add_many(items))

        if not self._ctx.write(write):
            return None
        return [item.id for item in stored]

    def _take_back(self, ids: list[int], path: str, added: int) -> None:
        """A chunk was not saved: remove what this import already wrote (all or nothing); if
        even that fails, say how much stayed and that importing again adds the rest."""
        if not ids:
            return
        repo = self._ctx.repo
        if not self._ctx.write(lambda: repo.queue.delete_many(ids)):
            message = t("queue.import.partial", path=path, saved=l10n.number(len(ids)), count=added)
            self.owner.notify(message, severity="error", markup=False)
        self.after_write()

    def _notify(self, message: str, severity: SeverityLevel = "information") -> None:
        self.owner.notify(message, severity=severity, markup=False)

    def _show_report(self, report: str) -> None:
        from cm_tui.ui.screens.detail import DetailScreen

        # the report quotes the file (headers, values): plain Content, never markup
        self.owner.app.push_screen(DetailScreen(Content(report)))


def _without_collector(work: Callable[[], None]) -> None:
    """Run ``work`` (an import) with the cyclic garbage collector paused
    (``io.collector``): each collection would hold the interpreter for 15-40 ms while the UI
    thread waits (a key took that much longer to show). One import runs at a time
    (``GROUP``)."""
    from cm_tui.io.collector import collector_paused

    with collector_paused():
        work()


@dataclass
class ExportImported(ImportResult):
    """A platform's export imported: ``lines`` say what it was taken for and what changed."""

    lines: tuple[str, ...] = ()


def _export_of(path: Path) -> Recognised | None:
    """What ``path`` is if it is a platform's export (``ImportRejected`` for a look-alike)."""
    from cm_tui.io.exports.recognise import recognise
    from cm_tui.io.tabular import file_problems

    with file_problems(path):
        return recognise(path)


def _kept_line(typed: Typed, name: str, figures: str) -> str:
    """The notice's line for month figures kept as typed (``Typed``): the app's own way to
    replace them, never the command line's flag."""
    if typed == "inbox":
        return t("queue.import.kept_inbox", figures=figures, name=name)
    return t("queue.import.kept", figures=figures)


def _done(result: ImportResult, path: str) -> str:
    if isinstance(result, ExportImported):
        return "\n".join(result.lines)
    skipped = l10n.number(result.skipped)
    done = t("queue.import.done", count=result.added, skipped=skipped, path=path)
    if result.reused_ids:
        done += "\n" + t("imports.reused", count=result.reused_ids)
    return done


def _os_error(exc: OSError, path: Path) -> str:
    return t("cli.error.os", path=exc.filename or path, reason=exc.strerror or str(exc))
