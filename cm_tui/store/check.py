"""``check(path)``: a read-only integrity report (the ``cm-tui check`` command).

Reads everything a store is made of, without locking and without writing, so it also works while
the app has the store open: the snapshot and journal (strict load), every document through its
record class's ``from_dict``, every archive file, every backup.

The closing line advises what the problems found call for, by where they are (``_verdict``):
``restore`` only when the store itself is damaged and a good backup exists to bring back; a bad
archive or backup file leaves the store sound, and a restore would replace it by an older copy.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from cm_tui.core.i18n import t
from cm_tui.store import archive, backups, load
from cm_tui.store.archive_summary import content_hash, read_summary, summary_path
from cm_tui.store.documents import bad_documents
from cm_tui.store.errors import StoreError
from cm_tui.store.journal import JournalCorrupt
from cm_tui.store.journal import read as read_journal
from cm_tui.store.lock import holder_if_locked
from cm_tui.store.paths import StorePaths
from cm_tui.store.schema import PAST_TABLES, SCHEMA_VERSION, MigrationFailed
from cm_tui.store.schema import MigrationMissing as _MigrationMissing
from cm_tui.store.store import refuse_if_not_a_store
from cm_tui.store.text_check import control_text_problems

#: At most this many bad documents are listed (the count is always given).
MAX_LISTED = 10

#: Where a problem is (``CheckReport.problem``): the store itself (its data file and journal),
#: its archive, its backups, or outside the store (the settings).
STORE, ARCHIVE, BACKUPS, OUTSIDE = "store", "archive", "backups", "outside"


@dataclass(slots=True)
class CheckReport:
    ok: bool = True
    lines: list[str] = field(default_factory=list)
    #: the places (``STORE``, ``ARCHIVE``, ``BACKUPS``, ``OUTSIDE``) that have a problem
    damaged: set[str] = field(default_factory=set)
    #: backups that load in full (what ``restore`` could bring back)
    good_backups: int = 0

    def problem(self, line: str, where: str = STORE) -> None:
        self.ok = False
        self.damaged.add(where)
        self.lines.append(line)


def check(
    path: Path | str,
    also: Iterable[str] = (),
    *,
    now: datetime | None = None,
    restore: str = "cm-tui restore",
) -> CheckReport:
    """Report on the store at ``path``; ``.ok`` is False if anything would stop it opening or
    lose data. ``also``: problems found outside the store that would stop the app (the
    settings), listed after the store's; ``now`` orders the backups (``backups.list_backups``);
    ``restore``: the command that restores this store, for the advice of the closing line.
    Raises ``NotAStore`` for what is not a store at all (a FIFO, a folder, someone's notes),
    as opening it does: there is nothing to report on, and a FIFO would block the read."""
    paths = StorePaths.for_db(path)
    refuse_if_not_a_store(paths)
    report = CheckReport()
    holder = holder_if_locked(paths.lock)
    if holder is not None:
        pid, host = holder.pid, holder.host
        report.lines.append(t("store.check.locked", pid=pid or "?", host=host or "?"))
    _check_store(paths, report)
    _check_archive(paths, report)
    _check_backups(paths, report, now)
    for line in also:
        report.problem(line, OUTSIDE)
    report.lines.append(_verdict(report, restore))
    return report


def _verdict(report: CheckReport, restore: str) -> str:
    """The closing line: OK, or the one thing to do about what is damaged, and where."""
    damaged = report.damaged
    if STORE in damaged:
        if report.good_backups:
            return t("store.check.failed", restore=restore)
        return t("store.check.failed_no_backup")
    if OUTSIDE in damaged:
        return t("store.check.failed_outside")
    if ARCHIVE in damaged:
        return t("store.check.failed_archive")
    if BACKUPS in damaged:
        return t("store.check.failed_backups")
    return t("store.check.ok")


def _check_store(paths: StorePaths, report: CheckReport) -> None:
    try:
        loaded = load.load_reader(paths, documents=False, trust_seal=False)
    except load.TooNew as exc:
        report.problem(
            t("store.schema_too_new", db=paths.db.name, found=exc.found, known=SCHEMA_VERSION)
        )
        return
    except load.SnapshotError as exc:
        report.problem(f"{paths.db.name}: {exc.reason}")
        return
    except JournalCorrupt as exc:
        report.problem(f"{paths.journal.name}: {exc.reason}")
        return
    except MigrationFailed as exc:
        report.problem(t("store.reason.migration_failed", version=exc.version, detail=exc.detail))
        return
    except _MigrationMissing as exc:
        report.problem(t("store.reason.migration_missing", version=exc.version))
        return
    if loaded is None:
        _check_orphan_journal(paths, report)
        return
    docs = sum(len(table) for table in loaded.data.values())
    report.lines.append(
        t(
            "store.check.snapshot",
            db=paths.db,
            docs=t("store.check.documents", count=docs),
            tables=t("store.check.tables", count=len(loaded.data)),
            schema=loaded.snapshot.schema,
            seq=loaded.seq,
        )
    )
    report.lines.append(t("store.check.journal", journal=paths.journal.name, count=loaded.replayed))
    if loaded.journal.torn:
        report.lines.append(t("store.check.journal_torn", journal=paths.journal.name))
    bad = 0
    for problem in bad_documents(loaded.data):
        bad += 1
        if bad <= MAX_LISTED:
            report.problem(problem.line())
    for shown, line in enumerate(control_text_problems(loaded.data)):
        bad += 1
        if shown < MAX_LISTED:
            report.problem(line)
    for name, past in PAST_TABLES.items():
        hot = loaded.data.get(name) or {}
        for key in sorted((loaded.data.get(past) or {}).keys() & hot.keys(), key=int):
            bad += 1
            report.problem(t("store.check.past_twice", table=name, id=key, past=past))
    if bad == 0:
        report.lines.append(t("store.check.docs_ok", count=docs))


def _check_orphan_journal(paths: StorePaths, report: CheckReport) -> None:
    """No data file: fine (the first open creates it), unless a journal holds changes that a
    writer would refuse to open without their snapshot."""
    report.lines.append(t("store.check.missing", db=paths.db))
    try:
        content = read_journal(paths.journal)
    except JournalCorrupt as exc:
        report.problem(f"{paths.journal.name}: {exc.reason}")
        return
    if content.entries:
        report.problem(f"{paths.journal.name}: {t('store.reason.journal_orphan')}")


def _check_archive(paths: StorePaths, report: CheckReport) -> None:
    """Every month file: one whose bytes hash to what its summary recorded at sealing
    (``store/archive_summary.py``) was checked in full then and is not parsed again; any other
    is parsed and checked document by document, and a missing or stale summary is mentioned
    (not a problem: it is rebuilt when the archive is next read)."""
    folder = paths.archive
    if not folder.is_dir():
        return
    months = 0
    items = 0
    for month in archive.Archive(paths).months():
        file = folder / f"queue-{month}.json"
        try:
            raw = file.read_bytes()
            summary = read_summary(folder, month)
            if summary is not None and summary.sha256 == content_hash(raw):
                months += 1
                items += len(summary.ids)
                continue
            docs = archive.parse_month(raw, month, file.name)
            for bad in bad_documents({"queue": docs}):
                raise load.SnapshotError(bad.line())
        except load.SnapshotError as exc:
            report.problem(t("store.check.archive_bad", file=file.name, detail=exc.reason), ARCHIVE)
            continue
        except Exception as exc:
            detail = _detail(exc)
            report.problem(t("store.check.archive_bad", file=file.name, detail=detail), ARCHIVE)
            continue
        months += 1
        items += len(docs)
        name = summary_path(folder, month).name
        report.lines.append(t("store.check.summary_stale", file=name, month=file.name))
    report.lines.append(
        t(
            "store.check.archive",
            months=t("store.check.months", count=months),
            items=t("store.check.items", count=items),
        )
    )


def _check_backups(paths: StorePaths, report: CheckReport, now: datetime | None) -> None:
    found = backups.list_backups(paths.db, now=now)
    if not found:
        report.lines.append(t("store.check.no_backups", folder=paths.backups))
        return
    report.lines.append(
        t("store.check.backups", count=len(found), folder=paths.backups, newest=found[0].name)
    )
    for backup in found:
        try:
            backups.validate(backup)
        except (StoreError, OSError) as exc:
            reason = getattr(exc, "reason", None) or str(exc)
            report.problem(t("store.check.backup_bad", file=backup.name, detail=reason), BACKUPS)
            continue
        report.good_backups += 1


def _detail(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"
