"""The one import pipeline's reading half: a file a user hands to cm-tui, whatever it feeds.

Every import goes through here (queue items, posts, monthly figures, competitors; from
``cm-tui import``, ``o`` on the Queue tab and the inbox folder), so each gets the same
guarantees (docs/architecture.md, "Imports"):

* ``check_source``: only a regular file is read; a symlink, folder, FIFO or device is refused
  without being opened (a symlink would quote a file the user never meant to import), and a file
  above ``max_bytes`` is refused before it is read;
* ``detect_encoding``: UTF-8 (BOM or not), UTF-16, else strict Windows-1252: never mojibake;
* ``csv_rows``: ``,`` ``;`` or tab, line-numbered rows; a ragged row, a NUL byte, a broken
  quote is that line's problem;
* ``Problem`` and ``ImportRejected``: all or nothing, one line per problem naming the line (CSV,
  JSON Lines) or the element (a JSON array);
* ``file_problems`` and ``row_problem``: whatever a file's content can make Python raise while
  it is read or checked (nested too deeply, a date or number out of range, undecodable text)
  becomes a problem of that file or row, never an exception that reaches the app or the CLI.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from cm_tui.core import locale as l10n
from cm_tui.core.i18n import t
from cm_tui.core.textsafe import clean_line, cut
from cm_tui.core.value import Value, frozen

#: problems listed in a rejection report (the count says how many there were in all)
MAX_PROBLEMS = 20
#: a CSV field longer than this is refused ("huge field"); the csv module's default limit
MAX_FIELD = csv.field_size_limit()
_READ_BLOCK = 1 << 16
LINE = "line"
ELEMENT = "element"


@frozen(slots=False)
class Problem(Value):
    """One thing wrong with a file: where (a line or an element, 1-based; 0: the whole file)
    and why, already translated."""

    where: int
    reason: str
    unit: str = LINE

    def __str__(self) -> str:
        if self.where <= 0:
            return self.reason
        return t(f"imports.{self.unit}", where=self.where, reason=self.reason)


class ImportRejected(Exception):
    """The file was refused whole: ``problems`` (the first ``MAX_PROBLEMS``) and ``count``."""

    def __init__(self, path: str, problems: list[Problem], count: int | None = None) -> None:
        self.path = path
        self.problems = problems[:MAX_PROBLEMS]
        self.count = len(problems) if count is None else count
        super().__init__(self.report())

    def report(self) -> str:
        """One line naming the file and the count, then one line per problem."""
        lines = [t("imports.rejected", path=self.path, count=self.count)]  # one line: t()
        lines += [f"  {p}" for p in self.problems]
        if self.count > len(self.problems):
            lines.append("  " + t("imports.more", count=self.count - len(self.problems)))
        return "\n".join(lines)


class Bad(Exception):
    """A problem found while reading; ``where``/``unit`` when it belongs to one line or
    element of the file."""

    def __init__(self, reason: str, where: int = 0, unit: str = LINE) -> None:
        super().__init__(reason)
        self.where = where
        self.unit = unit

    def problem(self, where: int = 0, unit: str = LINE) -> Problem:
        return Problem(self.where or where, str(self), self.unit if self.where else unit)


def short(value: str, size: int = 40) -> str:
    """``value`` on one line, cut to ``size`` characters: quoting a file never echoes it whole."""
    return cut(clean_line(value[: size * 4]), size)


R = TypeVar("R")


@dataclass
class ImportPlan(Generic[R]):
    """What a checked file would change: records to add and stored ones to update. Built row
    by row with ``problem``; ``read_csv_plan`` refuses the file whole if any was found."""

    new: list[R] = field(default_factory=list)
    updates: list[R] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def problem(self, line: int, reason: str) -> None:
        self.problems.append(Problem(line, reason))


def read_csv_plan(path: Path, read_rows: Callable[[CsvFile, ImportPlan[R]], None]) -> ImportPlan[R]:
    """The plan ``read_rows`` makes of the CSV file ``path``; ``ImportRejected`` with every
    problem if there is one (all or nothing), or if the file cannot be read at all."""
    plan: ImportPlan[R] = ImportPlan()
    with file_problems(path):
        check_source(path)
        with CsvFile(path) as table:
            read_rows(table, plan)
    if plan.problems:
        raise ImportRejected(str(path), plan.problems)
    return plan


# --------------------------------------------------------------------------- what may be read


def check_source(path: Path, max_bytes: int | None = None) -> os.stat_result:
    """``path``'s status if it is a regular file cm-tui may read; ``Bad`` otherwise. Looks at
    the name itself (``lstat``): a symlink is refused, whatever it points to."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        raise Bad(t("imports.err.missing")) from None
    if stat.S_ISLNK(info.st_mode):
        raise Bad(t("imports.err.symlink"))
    if not stat.S_ISREG(info.st_mode):
        raise Bad(t("imports.err.not_regular"))
    if max_bytes is not None and info.st_size > max_bytes:
        raise Bad(t("imports.err.too_big", size=_mb(info.st_size), limit=_mb(max_bytes)))
    return info


def source_problem(path: Path) -> str | None:
    """Why ``path`` cannot be imported, as the one line shown to the user (``check_source``),
    or ``None`` if it can be read."""
    try:
        check_source(path)
    except Bad as bad:
        return t("cli.error.import_source", path=path, reason=str(bad))
    return None


def _mb(size: int) -> str:
    return l10n.number(size / 1_000_000, 0 if size >= 10_000_000 else 1)


def row_problem(exc: BaseException) -> Bad | None:
    """The problem a row's content caused, for the exceptions a row's values can raise while
    they are checked (``None`` for any other: a bug, which must not be passed off as the
    file's fault)."""
    if isinstance(exc, Bad):
        return exc
    if isinstance(exc, RecursionError):
        return Bad(t("imports.err.deep"))
    if isinstance(exc, OverflowError):
        return Bad(t("imports.err.range"))
    if isinstance(exc, UnicodeError):
        return Bad(t("imports.err.text"))
    if isinstance(exc, (ValueError, TypeError)):
        return Bad(t("imports.err.value", reason=short(str(exc), 80)))
    return None


@contextlib.contextmanager
def file_problems(path: Path | str) -> Iterator[None]:
    """Run a reader; any problem its file causes, however deep, ends as ``ImportRejected``
    (``MemoryError`` too: a file too big to read must not end the app)."""
    try:
        yield
    except ImportRejected:
        raise
    except MemoryError:
        raise ImportRejected(str(path), [Problem(0, t("imports.err.memory"))]) from None
    except Exception as exc:
        bad = row_problem(exc)
        if bad is None:
            raise
        raise ImportRejected(str(path), [bad.problem()]) from None


# --------------------------------------------------------------------------- decoding


def detect_encoding(path: Path) -> str:
    """The file's encoding: a BOM, else UTF-16 by its NUL pattern, else UTF-8 if the whole file
    decodes strictly, else Windows-1252 if it decodes strictly; ``Bad`` otherwise. Reads the
    file in blocks (constant memory)."""
    with open(path, "rb") as handle:
        head = handle.read(4096)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if len(head) >= 4:
        even, odd = head[0::2], head[1::2]
        if odd.count(0) > len(odd) * 0.4 and even.count(0) < len(even) * 0.1:
            return "utf-16-le"
        if even.count(0) > len(even) * 0.4 and odd.count(0) < len(odd) * 0.1:
            return "utf-16-be"
    failed = _first_error(path, "utf-8")
    if failed is None:
        return "utf-8"
    if _first_error(path, "cp1252") is None:
        return "cp1252"
    raise Bad(t("imports.err.encoding", offset=failed))


def _first_error(path: Path, encoding: str) -> int | None:
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    offset = 0
    with open(path, "rb") as handle:
        while block := handle.read(_READ_BLOCK):
            try:
                decoder.decode(block)
            except UnicodeDecodeError as exc:
                return offset + exc.start
            offset += len(block)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            return offset + exc.start
    return None


def text_stream(path: Path, encoding: str) -> io.TextIOWrapper:
    """``path`` as text; ``newline=""`` so the csv module sees line ends as they are."""
    return open(path, encoding=encoding, errors="strict", newline="")


# --------------------------------------------------------------------------- CSV


def detect_delimiter(first_line: str) -> str:
    """``,`` ``;`` or tab: the one found most often outside quotes in the header line."""
    counts = {",": 0, ";": 0, "\t": 0}
    quoted = False
    for char in first_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


class CsvFile:
    """A CSV file being read: ``encoding`` and ``delimiter`` detected, ``header`` (the first
    line's cells, BOM removed) and ``rows()``. Use as a context manager (the file is open
    until then). ``Bad`` from the constructor: the file cannot be read as CSV at all.
    ``encoding``: the caller's ``detect_encoding(path)``, if it already has it (detecting
    decodes the whole file once)."""

    def __init__(self, path: Path, encoding: str | None = None) -> None:
        self.encoding = detect_encoding(path) if encoding is None else encoding
        self._stream = text_stream(path, self.encoding)
        try:
            self.delimiter = detect_delimiter(self._stream.readline())
            self._stream.seek(0)
            self._reader = csv.reader(self._stream, delimiter=self.delimiter, strict=True)
            try:
                header = next(self._reader)
            except StopIteration:
                raise Bad(t("imports.err.empty")) from None
            except csv.Error as exc:
                raise Bad(str(csv_problem(exc)), 1) from None
            if any("\0" in cell for cell in header):
                raise Bad(t("imports.err.nul"), 1)
            if header:
                header[0] = header[0].lstrip("\ufeff")
            self.header = header
        except BaseException:
            self._stream.close()
            raise

    def __enter__(self) -> CsvFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stream.close()

    def rows(self) -> Iterator[tuple[int, list[str] | Bad]]:
        """``(line, cells)`` for each data row (blank lines skipped), or ``(line, Bad)``: a row
        whose cell count differs from the header's, a NUL byte, or a broken quote (after which
        the reader cannot resynchronise: the rows end there)."""
        reader = self._reader
        width = len(self.header)
        while True:
            start = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield start, csv_problem(exc)
                return
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            if len(row) != width:
                yield start, Bad(t("imports.err.ragged", count=len(row), expected=width))
            elif "\0" in "".join(row):  # one search, not one per cell
                yield start, Bad(t("imports.err.nul"))
            else:
                yield start, row


def csv_problem(exc: csv.Error) -> Bad:
    message = str(exc)
    if "field larger than field limit" in message:
        return Bad(t("imports.err.huge", count=MAX_FIELD))
    if "unexpected end of data" in message or "EOF" in message:
        return Bad(t("imports.err.quote"))
    if "NUL" in message or "null byte" in message:
        return Bad(t("imports.err.nul"))
    return Bad(t("imports.err.csv", reason=short(message, 80)))


# --------------------------------------------------------------------------- JSON depth


def deep_element(text: str, limit: int) -> int:
    """The 1-based index of the first element of the top-level JSON array ``text`` nested
    deeper than ``limit`` (0 if the document is no array or none is). Only run once a parse
    failed for depth, to say which element: a plain scan that tracks strings and brackets."""
    depth = 0
    element = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            continue
        if char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth == 1 and char == "{":
                return 0
            if depth == 2 and element == 0:
                element = 1
            if depth > limit:
                return element
        elif char in "]}":
            depth -= 1
        elif char == "," and depth == 1:
            element += 1
        if depth == 1 and element == 0 and not char.isspace() and char != "[":
            element = 1
    return 0
