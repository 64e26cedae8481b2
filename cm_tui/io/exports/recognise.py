"""Which platform export a file is, by its content, never its name.

* an XLSX (a zip: ``PK\\x03\\x04``) is a LinkedIn workbook if one of its sheets has a LinkedIn
  header (``linkedin.sheet_kind``); an old binary XLS (``\\xd0\\xcf\\x11\\xe0``) is refused in
  one line saying to save it as XLSX (no maintained reader is worth a dependency); a file named
  as a spreadsheet that is neither, or a zip openpyxl cannot read, is refused in one line
  saying which export to download;
* a CSV with LinkedIn's columns is a LinkedIn sheet saved as CSV: refused, saying to import the
  workbook LinkedIn gives;
* a text file whose first line is ``sep=,`` is Meta's daily series (line 3 ``Date, Primary``);
* any other text file is one of the per-post CSV exports if its header names that export's
  required columns, in English or French (``SPECS``);
* a file with some of an export's required columns but not all looks like it without being it:
  refused, naming what was expected and what is missing (a column renamed or cut off);
* anything else is no platform export (``None``): the caller reads it as cm-tui's own tables.

``identify_header`` and ``head_lines`` are pure (a header or a file's first bytes in);
``recognise`` reads the first bytes (or a workbook's first rows) and, only for an export, checks
the whole file's encoding: a file that is no export costs the queue's import nothing more.
"""

from __future__ import annotations

import codecs
import csv
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cm_tui.core.i18n import t
from cm_tui.io.exports import meta_daily, meta_posts, x_analytics, youtube
from cm_tui.io.exports.spec import ExportSpec
from cm_tui.io.headers import fold_name, match_columns
from cm_tui.io.tabular import Bad, detect_delimiter, detect_encoding, short

SPECS: tuple[ExportSpec, ...] = (meta_posts.SPEC, x_analytics.SPEC, youtube.SPEC)
XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0"
#: names a spreadsheet goes by (only to word a refusal: what a file is comes from its content)
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls")
#: names of the kinds, for the messages (``exports.kind.<kind>``)
KINDS = ("meta_posts", "meta_daily", "linkedin", "x_analytics", "youtube")
#: what is read of a text file to recognise it (a header of a few hundred characters)
HEAD_BYTES = 1 << 14


@dataclass(frozen=True, slots=True)
class Recognised:
    """What a file was taken for: ``kind`` (one of ``KINDS``), and for text files the
    ``encoding``, the ``spec`` (per-post CSVs), whether its headers are French, and
    ``detail`` (Meta daily: the metric's name; LinkedIn: its sheets)."""

    kind: str
    encoding: str = ""
    spec: ExportSpec | None = None
    french: bool = False
    detail: str = ""

    def describe(self) -> str:
        """``a Meta Business Suite posts export (French headers)``, translated."""
        text = t(f"exports.kind.{self.kind}")
        if self.detail:
            text += f" ({short(self.detail, 60)})"
        if self.french:
            text += " " + t("exports.french")
        return text


def expected() -> str:
    """Every export cm-tui reads, named (for a refusal)."""
    return ", ".join(t(f"exports.kind.{kind}") for kind in KINDS)


def identify_header(header: Sequence[str]) -> tuple[ExportSpec, bool] | None:
    """The per-post export ``header`` is (and whether it is French), ``None`` if it is none;
    ``Bad`` (line 1) for a header with two or more of an export's required columns but not
    all of them."""
    for spec in SPECS:
        found = match_columns(header, spec.aliases)
        missing = [name for name in spec.required if name not in found.fields]
        if not missing:
            french = any(fold_name(h) in spec.french for h in header)
            return spec, french
        if len(spec.required) - len(missing) >= 2:
            raise Bad(
                t(
                    "exports.err.lookalike",
                    kind=t(f"exports.kind.{spec.kind}"),
                    missing=", ".join(spec.labels.get(name, name) for name in missing),
                ),
                1,
            )
    return None


def recognise(path: Path) -> Recognised | None:
    """What ``path`` is (module doc); ``None``: no platform export; ``Bad``: refused."""
    with open(path, "rb") as handle:
        head = handle.read(HEAD_BYTES)
    if head.startswith(XLS_MAGIC):
        raise Bad(t("exports.err.xls"))
    if head.startswith(XLSX_MAGIC):
        return _recognise_workbook(path)
    if path.suffix.lower() in SPREADSHEET_SUFFIXES:
        raise Bad(t("exports.err.not_spreadsheet"))
    lines = head_lines(head)
    if lines and meta_daily.is_preamble(lines[0]):
        name = lines[1].strip().strip('"') if len(lines) > 1 else ""
        third = next(csv.reader([lines[2]]), []) if len(lines) > 2 else []
        if not meta_daily.is_header(third):
            raise Bad(t("exports.err.daily_header", kind=t("exports.kind.meta_daily")), 3)
        return Recognised("meta_daily", detect_encoding(path), detail=name)
    first = lines[0] if lines else ""
    header = next(csv.reader([first], delimiter=detect_delimiter(first)), [])
    found = identify_header(header)
    if found is None:
        from cm_tui.io.exports import linkedin

        if linkedin.looks_like(header):
            raise Bad(t("exports.err.linkedin_csv"), 1)
        return None  # not read further: the file is left to the caller's own tables
    spec, french = found
    return Recognised(spec.kind, detect_encoding(path), spec, french)


def head_lines(head: bytes) -> list[str]:
    """The whole lines of a file's first bytes, decoded as the file is likely encoded (a BOM,
    UTF-16's NUL pattern, UTF-8, else Windows-1252), BOM removed; pure. Only to recognise the
    file: an export is then decoded whole, strictly (``detect_encoding``)."""
    if head.startswith(codecs.BOM_UTF8):
        text = head[3:].decode("utf-8", "replace")
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = head.decode("utf-16", "replace")
    elif len(head) >= 4 and head[1::2].count(0) > len(head) * 0.2 and not head[0::2].count(0):
        text = head.decode("utf-16-le", "replace")
    else:
        try:
            text = head.decode("utf-8")
        except UnicodeDecodeError as exc:
            good = exc.start >= len(head) - 3  # a character cut by the head's end
            text = head[: exc.start].decode("utf-8") if good else head.decode("cp1252", "replace")
    lines = text.lstrip("\ufeff").splitlines()
    if len(head) == HEAD_BYTES and len(lines) > 1:
        lines.pop()  # the last line may be cut
    return lines[:3]


def _recognise_workbook(path: Path) -> Recognised:
    import zlib
    from xml.etree.ElementTree import ParseError

    from openpyxl.utils.exceptions import InvalidFileException

    from cm_tui.io.exports import linkedin

    unreadable = (zipfile.BadZipFile, zlib.error, EOFError, KeyError, OSError, ValueError)
    try:
        with linkedin.opened_book(path) as book:
            kinds = linkedin.recognised_sheets(book)
    except (*unreadable, ParseError, InvalidFileException):
        raise Bad(t("exports.err.not_spreadsheet")) from None
    if not kinds:
        raise Bad(t("exports.err.not_linkedin"))
    return Recognised("linkedin", detail=", ".join(t(f"exports.sheet.{k}") for k in kinds))
