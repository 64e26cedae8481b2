"""The inbox folder: files dropped there are imported into the queue by the running app.

``InboxWatch`` remembers what each file looked like at the last look, so the app can tell a
file that is complete from one still being written (docs/architecture.md, "Imports"):

* names writers use while writing are never read: hidden names (``.*``: rsync, editors),
  ``*.part``, ``*.tmp``, ``*.crdownload``, ``*.download``; so is any name without an import
  suffix (``SUFFIXES``). Writers should write elsewhere (or under such a name), then rename the
  file into the inbox;
* a file is read once its size and modification time have not changed for ``settle_seconds``:
  by its modification time when that is in the past and the wall clock has not jumped since
  the file was first seen (``core.clock.wall_jumped``), else (a time from another machine's
  clock, or a clock set since) by watching it that long on the monotonic clock;
* if the file changed between the start of its reading and its move, it is not moved: it
  stays in the inbox and is read again once it settles (rows already imported are skipped
  then as duplicates);
* a symlink, FIFO, device or socket is never opened: it goes to ``failed/`` with a reason
  that quotes nothing of a target; a file above ``max_bytes`` too, with a reason that says to
  use ``cm-tui import``.

One app at a time handles an inbox: ``InboxWatch.claim`` takes a lock (``LOCK_NAME``, hidden,
so never read as a file to import) for as long as the app runs; another app on the same
inbox (a second store opened with ``--db``) leaves it alone, and never imports a file twice.

A file that imports goes to ``processed/``; a rejected one to ``failed/`` beside a
``<name>.reason.txt`` (private, and shown safely in a terminal: ``textsafe.for_terminal``).
Moves never overwrite: a name already taken gets a numeric suffix. The importer is the same
all-or-nothing pipeline as ``cm-tui import``.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cm_tui.core.clock import wall_jumped
from cm_tui.core.i18n import t
from cm_tui.core.textsafe import for_terminal
from cm_tui.core.value import Value, frozen
from cm_tui.io.queue_import import ImportResult
from cm_tui.io.tabular import Bad, ImportRejected, check_source
from cm_tui.store.atomic import make_private_dir, write_atomic

PROCESSED = "processed"
FAILED = "failed"
#: default of ``[import] inbox_settle_seconds``
SETTLE_SECONDS = 5.0
#: default of ``[import] inbox_max_mb``
MAX_MB = 50
#: the platforms' exports come as CSV and XLSX (an old XLS is refused with what to do)
SUFFIXES = (".csv", ".tsv", ".txt", ".json", ".jsonl", ".ndjson", ".xlsx", ".xls")
#: names of files still being written (downloads, copies): never read
WRITING_SUFFIXES = (".part", ".tmp", ".crdownload", ".download")

#: the lock an app holds on the inbox it handles (a hidden name: never a file to import)
LOCK_NAME = ".cm-tui-inbox.lock"

#: what a file looked like: (size, mtime in ns, inode, file type)
Signature = tuple[int, int, int, int]


@frozen(slots=False)
class InboxOutcome(Value):
    """What became of one file: imported (``result``), refused (``report``), or left in the
    inbox because it changed while it was read (``changed``)."""

    name: str
    result: ImportResult | None
    report: str = ""
    changed: bool = False

    @property
    def ok(self) -> bool:
        return self.result is not None


def signature_of(info: os.stat_result) -> Signature:
    return (info.st_size, info.st_mtime_ns, info.st_ino, stat.S_IFMT(info.st_mode))


@dataclass
class InboxWatch:
    """The inbox ``folder`` and what its files looked like when last seen (see module doc).

    ``wall`` and ``monotonic`` are the clocks (injected by tests); one ``InboxWatch`` lives as
    long as the app."""

    folder: Path
    settle_seconds: float = SETTLE_SECONDS
    max_bytes: int = MAX_MB * 1_000_000
    wall: Callable[[], float] = time.time
    monotonic: Callable[[], float] = time.monotonic
    #: name -> (signature, monotonic time it was first seen with it, wall - monotonic then)
    _seen: dict[str, tuple[Signature, float, float]] = field(default_factory=dict)
    #: the open lock file, once claimed
    _lock_fd: int | None = None
    #: after ``ready``: seconds until the soonest file still settling may have settled, if any
    settles_in: float | None = None

    def claim(self) -> bool:
        """Hold the inbox's lock (kept until ``release``); ``False`` while another process
        holds it, or if the folder cannot hold a lock file (then nothing is imported)."""
        if self._lock_fd is not None:
            return True
        try:
            fd = os.open(self.folder / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
        except OSError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._lock_fd = fd
        return True

    def release(self) -> None:
        """Let another app handle the inbox (closing the file drops the lock)."""
        if self._lock_fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._lock_fd)
            self._lock_fd = None

    def ready(self) -> list[Path]:
        """The files to handle now, oldest first."""
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return []
        now_wall, now_mono = self.wall(), self.monotonic()
        found: list[tuple[int, Path]] = []
        names = set()
        waits: list[float] = []
        for entry in entries:
            name = entry.name
            if not is_candidate(name):
                continue
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if stat.S_ISDIR(info.st_mode):
                continue
            names.add(name)
            wait = self._settle_wait(name, info, now_wall, now_mono)
            if wait <= 0:
                found.append((info.st_mtime_ns, Path(entry.path)))
            else:
                waits.append(wait)
        for gone in set(self._seen) - names:
            del self._seen[gone]
        self.settles_in = min(waits, default=None)
        return [path for _mtime, path in sorted(found)]

    def _settle_wait(
        self, name: str, info: os.stat_result, now_wall: float, now_mono: float
    ) -> float:
        """Seconds until ``name`` has settled if it stays as it is; 0 if it has."""
        sig = signature_of(info)
        previous = self._seen.get(name)
        offset = now_wall - now_mono
        if previous is None or previous[0] != sig:
            self._seen[name] = previous = (sig, now_mono, offset)
        if not stat.S_ISREG(info.st_mode):
            return 0.0  # never opened: refused at once
        watched = now_mono - previous[1]
        if not wall_jumped(previous[2], offset):
            watched = max(watched, now_wall - info.st_mtime)
        return max(self.settle_seconds - watched, 0.0)

    def forget(self, name: str) -> None:
        """Watch ``name`` afresh (it changed while it was read)."""
        self._seen.pop(name, None)

    def process(
        self,
        importer: Callable[[Path], ImportResult],
        report: Callable[[InboxOutcome], None] | None = None,
        passthrough: tuple[type[BaseException], ...] = (),
    ) -> list[InboxOutcome]:
        """Import every ready file with ``importer`` and move it aside (module doc).

        ``report(outcome)`` runs after each file. An exception in ``passthrough`` (the app
        closing) stops the pass and leaves the file where it is, for the next one; any other
        failure is that file's, which goes to ``failed/``: one file never stops the inbox.
        """
        outcomes = []
        for path in self.ready():
            outcome = self._process_one(path, importer, passthrough)
            if outcome is None:
                continue
            outcomes.append(outcome)
            if report is not None:
                report(outcome)
        return outcomes

    def _process_one(
        self,
        path: Path,
        importer: Callable[[Path], ImportResult],
        passthrough: tuple[type[BaseException], ...],
    ) -> InboxOutcome | None:
        """What became of ``path``; ``None`` if it vanished before it was read."""
        name = path.name
        if _signature_or_none(path) is None:
            return None
        try:
            before = signature_of(check_source(path, self.max_bytes))
        except Bad as bad:
            return self._refuse(path, t("imports.rejected_one", name=name, reason=str(bad)))
        result: ImportResult | None = None
        try:
            result = importer(path)
        except passthrough:
            raise
        except ImportRejected as rejected:
            reason = rejected.report()
        except OSError as exc:
            reason = t("imports.rejected_one", name=name, reason=exc.strerror or str(exc))
        except Exception as exc:  # a bug, not the file's fault: still, one file never stops us
            cause = t("imports.err.internal", kind=type(exc).__name__, reason=str(exc)[:200])
            reason = t("imports.rejected_one", name=name, reason=cause)
        self.forget(name)
        if _signature_or_none(path) != before:
            return InboxOutcome(name, None, t("imports.changed", name=name), changed=True)
        if result is None:
            return self._refuse(path, reason)
        _move(path, self.folder / PROCESSED)
        return InboxOutcome(name, result)

    def _refuse(self, path: Path, reason: str) -> InboxOutcome:
        """Move ``path`` to ``failed/`` beside its reason file."""
        self.forget(path.name)
        target = _move(path, self.folder / FAILED)
        reason_file = target.with_name(target.name + ".reason.txt")
        write_atomic(reason_file, (for_terminal(reason) + "\n").encode("utf-8"))
        return InboxOutcome(path.name, None, reason)


def is_candidate(name: str) -> bool:
    """A name the inbox reads (module doc): an import suffix, and no writer's name."""
    lower = name.lower()
    return (
        not name.startswith(".")
        and lower.endswith(SUFFIXES)
        and not lower.endswith(WRITING_SUFFIXES)
    )


def _signature_or_none(path: Path) -> Signature | None:
    try:
        return signature_of(path.lstat())
    except OSError:
        return None


def _move(path: Path, folder: Path) -> Path:
    make_private_dir(folder)
    target = folder / path.name
    n = 1
    while target.exists() or target.is_symlink():
        target = folder / f"{path.stem}.{n}{path.suffix}"
        n += 1
    os.replace(path, target)
    return target
