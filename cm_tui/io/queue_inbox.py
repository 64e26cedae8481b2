"""The inbox folder: files dropped there are imported into the queue by the running app.

``process_inbox(folder, importer)`` handles every regular file at the top of ``folder`` (hidden
files and files still being written are left for the next pass): a file that imports goes to
``processed/``, a rejected one to ``failed/`` beside a ``<name>.reason.txt`` with the report.
Moves never overwrite: a name already taken gets a numeric suffix. The importer is the same
all-or-nothing ``import_queue`` as ``cm-tui import``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from cm_tui.core.value import Value, frozen
from cm_tui.io.queue_import import ImportRejected, ImportResult

PROCESSED = "processed"
FAILED = "failed"
#: a file modified less than this many seconds ago may still be being written: next pass
SETTLE_SECONDS = 2.0
SUFFIXES = (".csv", ".tsv", ".txt", ".json", ".jsonl", ".ndjson")


@frozen(slots=False)
class InboxOutcome(Value):
    name: str
    result: ImportResult | None
    report: str = ""

    @property
    def ok(self) -> bool:
        return self.result is not None


def pending_files(folder: Path, now: float | None = None) -> list[Path]:
    """Files ready to import, oldest first."""
    if not folder.is_dir():
        return []
    now = time.time() if now is None else now
    out = []
    for entry in os.scandir(folder):
        if entry.name.startswith(".") or not entry.is_file():
            continue
        if not entry.name.lower().endswith(SUFFIXES):
            continue
        stat = entry.stat()
        if now - stat.st_mtime < SETTLE_SECONDS:
            continue
        out.append((stat.st_mtime, Path(entry.path)))
    return [path for _mtime, path in sorted(out)]


def process_inbox(
    folder: Path,
    importer: Callable[[Path], ImportResult],
    now: float | None = None,
    report: Callable[[InboxOutcome], None] | None = None,
) -> list[InboxOutcome]:
    """Import every pending file of ``folder`` with ``importer`` and move it aside.

    ``report(outcome)`` runs after each file (the app tells the user file by file). An
    exception other than ``ImportRejected`` or ``OSError`` from ``importer`` (the app closing)
    stops the pass and leaves the file where it is, for the next one.
    """
    outcomes = []
    for path in pending_files(folder, now):
        try:
            result = importer(path)
        except ImportRejected as rejected:
            target = _move(path, folder / FAILED)
            target.with_name(target.name + ".reason.txt").write_text(
                rejected.report() + "\n", encoding="utf-8"
            )
            outcome = InboxOutcome(path.name, None, rejected.report())
        except OSError as exc:
            target = _move(path, folder / FAILED)
            reason = exc.strerror or str(exc)
            target.with_name(target.name + ".reason.txt").write_text(reason + "\n", "utf-8")
            outcome = InboxOutcome(path.name, None, reason)
        else:
            _move(path, folder / PROCESSED)
            outcome = InboxOutcome(path.name, result)
        outcomes.append(outcome)
        if report is not None:
            report(outcome)
    return outcomes


def _move(path: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / path.name
    n = 1
    while target.exists():
        target = folder / f"{path.stem}.{n}{path.suffix}"
        n += 1
    os.replace(path, target)
    return target
