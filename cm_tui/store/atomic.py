"""File primitives that never leave a half-written file behind.

``write_atomic`` writes the new content beside the old file (``<name>.tmp-<pid>``), fsyncs it,
renames it over the old one with ``os.replace`` (atomic on POSIX) and fsyncs the folder so the
rename itself survives a power cut. A crash at any point leaves either the old or the new file,
plus perhaps a stale temp file that the lock holder removes at the next open.

It is the one writer of every file cm-tui writes whole (store, journal resets, backups,
archives, exports, reports, the settings template, inbox reason files), so it is also where
privacy lives: what it writes holds people's messages, so the file is made 0600 by an explicit
``fchmod`` (whatever the umask, and even over a stale temp file of another mode), and
``make_private_dir`` creates the folders it needs 0700. The temp file is opened with
``O_NOFOLLOW``: a symlink planted at its name is never followed.

``write_out`` is the door for outputs the user names (``--out``): it follows a symlink to its
target and writes a FIFO, device or socket in place instead of replacing it, else it is
``write_atomic``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

TMP_MARK = ".tmp-"
#: Modes of what cm-tui writes: only the user may read people's messages.
PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700
_TMP_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)

#: File content: bytes, or the pieces it is made of in order (a snapshot is written from its
#: tables' pieces, without joining them: one copy of a big store in memory, not two).
Blob = bytes | Sequence[bytes]


def chunks_of(data: Blob) -> Sequence[bytes]:
    return (data,) if isinstance(data, bytes) else data


class DirSyncError(OSError):
    """The file was renamed into place, but the folder could not be fsync'd.

    The new content is what every process now sees; only its survival of a power cut is unsure.
    Callers must not roll memory back to the old content (that would diverge from the file).
    """


def tmp_path(path: Path) -> Path:
    return path.with_name(f"{path.name}{TMP_MARK}{os.getpid()}")


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_all(fd: int, data: bytes) -> None:
    """``os.write`` until every byte is written (a single call may write fewer)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def write_atomic(
    path: Path, data: Blob, *, replace: bool = True, mode: int = PRIVATE_FILE_MODE
) -> None:
    """Replace ``path`` by ``data`` atomically and durably, as a private (0600) file (``mode``
    only for ``write_out``, keeping the mode of a symlink's existing target).

    ``replace=False`` creates ``path`` only if it does not exist (hard link instead of
    rename), raising ``FileExistsError`` otherwise: a file created meanwhile is never replaced.
    Raises ``OSError`` with the old file untouched if anything fails before the rename, and
    ``DirSyncError`` if only the final folder fsync failed (the new file is in place). The
    error names ``path``, never the temp file: that is the name the caller gave (an ``--out``
    in a missing folder is "No such file or directory" about it; a folder at ``path``, "Is a
    directory").
    """
    tmp = tmp_path(path)
    try:
        fd = os.open(tmp, _TMP_FLAGS, PRIVATE_FILE_MODE)
        try:
            os.fchmod(fd, mode)
            for chunk in chunks_of(data):
                write_all(fd, chunk)
            os.fsync(fd)
        finally:
            os.close(fd)
        if replace:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)
            finally:
                os.unlink(tmp)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            _name_target(exc, tmp, path)
        raise
    try:
        fsync_dir(path.parent)
    except OSError as exc:
        raise DirSyncError(exc.errno, f"cannot sync folder {path.parent}: {exc}") from exc


def write_out(path: Path, data: Blob) -> None:
    """Write an output the user named (``--out``): never replace what is not a plain file.

    * a symlink is followed (the whole chain; a dangling one creates its target), so the link
      stays and its target receives the data, rather than the link being replaced by a file;
      an existing target keeps its mode (the link says the file is the user's, perhaps shared:
      a 0644 target stays 0644), a new one is private;
    * a FIFO, a character or block device (``/dev/null``, a terminal) is opened and written in
      place, as a shell's ``>`` would: replacing a device node by a regular file (as root)
      breaks the system, and a FIFO's reader would get nothing;
    * a Unix socket is connected to and sent the data;
    * anything else (a regular file, or nothing yet) is written by ``write_atomic``: private,
      whole or not at all.

    Errors are ``OSError`` naming ``path`` (a loop of links, a folder, a missing folder...).
    """
    target = path
    if path.is_symlink():
        try:
            target = path.resolve(strict=False)
        except (OSError, RuntimeError) as exc:  # a loop of links
            raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(path)) from exc
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = 0
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        _write_in_place(target, data)
    elif stat.S_ISSOCK(mode):
        _send_to_socket(target, data)
    elif stat.S_ISREG(mode) and target is not path:
        write_atomic(target, data, mode=stat.S_IMODE(mode) & 0o777)  # never set-id bits
    else:
        write_atomic(target, data)


def _write_in_place(path: Path, data: Blob) -> None:
    """Write to an existing FIFO or device without creating, truncating or replacing it."""
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    try:
        for chunk in chunks_of(data):
            write_all(fd, chunk)
    finally:
        os.close(fd)


def _send_to_socket(path: Path, data: Blob) -> None:
    import socket

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.connect(str(path))
        for chunk in chunks_of(data):
            conn.sendall(chunk)
        conn.shutdown(socket.SHUT_WR)


def _name_target(exc: OSError, tmp: Path, path: Path) -> None:
    """Make ``exc`` about ``path`` if it names the temp file (alone, or as the first of the
    two names of a failed ``os.replace``/``os.link``)."""
    if exc.filename in (tmp, str(tmp)):
        exc.filename = str(path)
        exc.filename2 = None


def make_private_dir(folder: Path, *, tighten: bool = False) -> Path:
    """Create ``folder`` and its missing parents, each 0700 whatever the umask; ``folder``.

    Folders that exist are left as they are (the user's home or a folder named with ``--out``
    is not ours to change), unless ``tighten``: then ``folder`` itself is made 0700 too (for
    cm-tui's own folders, e.g. backups made world-readable by an earlier run under umask 000).
    Raises ``OSError`` if it cannot, e.g. ``FileExistsError`` when a file holds the name.
    """
    if folder.is_dir():
        if tighten:
            with contextlib.suppress(OSError):  # not the owner: still usable, left as is
                os.chmod(folder, PRIVATE_DIR_MODE)
        return folder
    if folder.parent != folder:
        make_private_dir(folder.parent)
    try:
        os.mkdir(folder, PRIVATE_DIR_MODE)
    except FileExistsError:
        if not folder.is_dir():
            raise
        return folder  # created meanwhile by someone else: theirs
    os.chmod(folder, PRIVATE_DIR_MODE)
    return folder


def utc_stamp(now: datetime | None = None) -> str:
    """``20250131T235959Z``: sortable, safe in file names on every platform."""
    return (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def move_aside(path: Path, label: str, stamp: str) -> Path:
    """Rename ``path`` to ``<name>.<label>-<stamp>`` (never overwriting) and return the new path.

    Used for files that must not be opened nor deleted: their bytes are kept exactly.
    """
    target = path.with_name(f"{path.name}.{label}-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.{label}-{stamp}-{n}")
    os.rename(path, target)
    fsync_dir(path.parent)
    return target


def remove_stale_tmp(folder: Path, prefixes: Iterable[str] | None = None) -> list[Path]:
    """Delete temp files (``*.tmp-*``) left in ``folder`` by a killed writer.

    Only the lock holder may call this: another writer's temp file would be in use otherwise.
    ``prefixes`` limits the cleaning to files whose name starts with one of them (the store's
    folder may be shared with other files).
    """
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    wanted = tuple(prefixes) if prefixes is not None else None
    for entry in folder.iterdir():
        name = entry.name
        if TMP_MARK not in name:
            continue
        if wanted is not None and not name.startswith(wanted):
            continue
        try:
            entry.unlink()
            removed.append(entry)
        except OSError:
            pass
    return removed
