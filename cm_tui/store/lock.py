"""The exclusive lock of a store's writer.

``fcntl.flock(LOCK_EX | LOCK_NB)`` on ``store.lock``, held for the life of the Store. The kernel
drops it when the process dies, however it dies, so a lock left by a killed process never blocks.
The holder writes ``{"pid": …, "host": …}`` into the file so that a second instance can say who
holds it. The file is opened without truncation: opening it must not erase the holder's pid.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import socket
from pathlib import Path

import orjson

from cm_tui.store.errors import StoreLocked


def read_holder(lock_path: Path) -> tuple[int | None, str]:
    """(pid, host) written by the current or last holder; (None, "") if unknown."""
    try:
        info = orjson.loads(lock_path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None, ""
    if not isinstance(info, dict):
        return None, ""
    pid = info.get("pid")
    host = info.get("host")
    return (pid if isinstance(pid, int) else None), (host if isinstance(host, str) else "")


class StoreLock:
    """A held lock; ``release()`` (idempotent) lets the next writer in."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, lock_path: Path, db: Path) -> StoreLock:
        """Take the lock or raise ``StoreLocked`` naming the holder (pid and host)."""
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            pid, host = read_holder(lock_path)
            raise StoreLocked(db, pid, host) from None
        except BaseException:
            os.close(fd)
            raise
        try:
            info = orjson.dumps({"pid": os.getpid(), "host": socket.gethostname()}) + b"\n"
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


def holder_if_locked(lock_path: Path) -> tuple[int | None, str] | None:
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
