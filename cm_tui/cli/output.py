"""What the command line prints: one-line errors and warnings, exit statuses, text made safe
for the terminal, payloads written on stdout or atomically to ``--out FILE``.

Contract: every exception that reaches ``main`` becomes ONE line (``_describe``); every text
line passes ``for_terminal`` while a command runs (``_terminal_safe_output``). Imported by
``cm-tui --help`` already: nothing heavy at import time.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from cm_tui.core.i18n import t
from cm_tui.core.textsafe import for_terminal

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


class CliError(Exception):
    """A user error already phrased for the user (one line); ``code`` is the exit status."""

    def __init__(self, message: str, code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.code = code


def _loaded_store_class(name: str) -> type[Any] | None:
    """``cm_tui.store``'s class ``name`` if that module was imported (which an error of that
    class implies), without importing it for errors of other kinds."""
    return getattr(sys.modules.get("cm_tui.store"), name, None)


def _describe(exc: BaseException) -> tuple[str, int]:
    """One line and an exit status for any exception that reaches ``main``."""
    from cm_tui.core.settings import SettingsError

    if isinstance(exc, CliError):
        return str(exc), exc.code
    if isinstance(exc, SettingsError):
        return str(exc), EXIT_USAGE
    store_error = _loaded_store_class("StoreError")
    if store_error is not None and isinstance(exc, store_error):
        return _one_line(str(exc)), EXIT_ERROR
    if isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
        if exc.filename is not None:
            return t("cli.error.os", path=exc.filename, reason=reason), EXIT_ERROR
        return t("cli.error.os_nopath", reason=reason), EXIT_ERROR
    if os.environ.get("CM_TUI_DEBUG"):
        raise exc
    return (
        t("cli.error.internal", kind=type(exc).__name__, reason=_one_line(str(exc))),
        EXIT_ERROR,
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _stdout_gone() -> None:
    """Standard output's reader went away (``| head``): point the descriptor at the null
    device, so that nothing else written, nor Python's flush at exit, fails a second time
    ("Exception ignored ... BrokenPipeError"), as the ``signal`` module's docs advise."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _print_lines(lines: Iterable[str]) -> None:
    """Print ``lines`` on stdout; a reader that stops early (``| head``) ends them quietly."""
    try:
        for line in lines:
            print(line)
        sys.stdout.flush()
    except BrokenPipeError:
        _stdout_gone()


def _write_stdout(payload: bytes) -> None:
    """Write ``payload`` on stdout; a reader that stops early (``| head``) is not an error."""
    try:
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
    except BrokenPipeError:
        _stdout_gone()


def _print_error(message: str) -> None:
    print(t("cli.error.prefix", message=_one_line(message)), file=sys.stderr)


def _print_warning(message: str) -> None:
    """A problem the command goes on despite: one ``cm-tui: warning: …`` line on stderr."""
    print(t("cli.warning.prefix", message=_one_line(message)), file=sys.stderr)


class _TerminalText:
    """A text stream whose every write passes ``for_terminal`` (same length: one placeholder
    per character replaced); anything else (``buffer``, ``fileno``, ``flush``) is the stream's.

    ``buffer`` stays raw on purpose: payloads written there (a JSON export, a report) are made
    safe where they are built, and their bytes must be exact.
    """

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(for_terminal(text))  # type: ignore[no-any-return]

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def _terminal_safe_output() -> Iterator[None]:
    """``sys.stdout`` and ``sys.stderr`` pass ``for_terminal`` for the duration of a command
    (the one choke point of the command line's text; the app draws on its own driver)."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _TerminalText(sys.stdout), _TerminalText(sys.stderr)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def write_output(out: str, payload: bytes) -> Path | None:
    """Every ``--out`` of the command line (exports, reports): ``-`` is standard output (None
    is returned); anything else goes through ``store.atomic.write_out`` (a regular file is
    replaced atomically and privately; a symlink's target, a FIFO, a device or a socket is
    written in place, never replaced) and the path written is returned, for the message."""
    if out == "-":
        _write_stdout(payload)
        return None
    from cm_tui.store.atomic import write_out

    path = Path(out).expanduser()
    try:
        write_out(path, payload)
    except OSError as exc:
        unwritable = _unwritable(path, exc)
        if unwritable is None:
            raise
        raise unwritable from exc
    return path


#: what refusing to create a file in an existing folder looks like (``/proc``: "No such file")
_CANNOT_CREATE = {"ENOENT", "EACCES", "EPERM", "EROFS"}
#: what a full disk (or quota, or file size limit) looks like, at any path
_NO_ROOM = {"ENOSPC", "EDQUOT", "EFBIG"}


def _unwritable(path: Path, exc: OSError) -> CliError | None:
    """The one line for an ``--out`` that cannot take the data: a full disk (``/dev/full``),
    or a folder that exists but takes no file (a read-only or pseudo file system such as
    ``/proc``, no permission): it cannot write there, and what to do. ``None`` for other
    errors (a missing folder, a folder given as the file: said as is)."""
    import errno

    code = errno.errorcode.get(exc.errno or 0)
    reason = exc.strerror or str(exc)
    if code in _NO_ROOM:
        return CliError(t("cli.error.out_no_room", path=path, reason=reason))
    if code not in _CANNOT_CREATE or path.is_dir():
        return None
    folder = (path.resolve() if path.is_symlink() else path).parent
    if not folder.is_dir():
        return None
    return CliError(t("cli.error.out_unwritable", path=path, reason=reason))
