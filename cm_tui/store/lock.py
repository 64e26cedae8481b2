"""The exclusive lock of a store's writer.

``fcntl.flock(LOCK_EX | LOCK_NB)`` on ``store.lock``, held for the life of the Store. The kernel
drops it when the process dies, however it dies, so a lock left by a killed process never blocks.
The holder writes ``{"pid": …, "host": …, "what": …}`` into the file so that a second instance can
say who holds it: which process, and which command (``errors.HOLDERS``: the app, an import…). The
file is opened without truncation: opening it must not erase the holder's pid.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import socket
from pathlib import Path
from typing import NamedTuple

import orjson

from cm_tui.store.errors import HOLDERS, StoreLocked


class Holder(NamedTuple):
    """Who holds (or last held) a lock: ``pid`` (``None`` if unknown), ``host``, and ``what``
    (one of ``errors.HOLDERS``, ``""`` if unknown)."""

    pid: int | None
    host: str
    what: str = ""


def read_holder(lock_path: Path) -> Holder:
    """The holder written by the current or last holder; ``Holder(None, "")`` if unknown."""
    try:
        info = orjson.loads(lock_path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return Holder(None, "")
    if not isinstance(info, dict):
        return Holder(None, "")
    pid = info.get("pid")
    host = info.get("host")
    what = info.get("what")
    return Holder(
        pid if isinstance(pid, int) and not isinstance(pid, bool) else None,
        host if isinstance(host, str) else "",
        what if what in HOLDERS else "",
    )


class StoreLock:
    """A held lock; ``release()`` (idempotent) lets the next writer in."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, lock_path: Path, db: Path, what: str = "app") -> StoreLock:
        """Take the lock for ``what`` (``errors.HOLDERS``) or raise ``StoreLocked`` naming the
        holder (its command, pid and host)."""
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            holder = read_holder(lock_path)
            raise StoreLocked(db, holder.pid, holder.host, holder.what) from None
        except BaseException:
            os.close(fd)
            raise
        try:
            mine = {"pid": os.getpid(), "host": socket.gethostname(), "what": what}
            info = orjson.dumps(mine) + b"\n"
            os.ftruncate(fd, 0)
            os.pwrite(fd, info, 0)
        except OSError:
            pass  # the pid is a courtesy for the error message; the flock is what protects
        return cls(lock_path, fd)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)


def holder_if_locked(lock_path: Path) -> Holder | None:
    """Who holds the lock right now, or ``None`` if nobody does (probes without keeping it)."""
    try:
        fd = os.open(lock_path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return read_holder(lock_path)
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)
