"""LinkedIn page analytics workbooks (XLSX): a sheet of content figures per day
(``Impressions (total)``, ``Clicks (total)``, ``Reactions (total)``, ``Comments (total)``,
``Reposts (total)``), one of visitors (``Total page views (total)``), one of followers. The
header row may follow a line of explanation, so the first rows are searched for it. Read with
openpyxl in read-only mode (rows streamed, memory flat); imported only when such a file is read.
The followers sheet gives new followers per day, not the count: it is recognised and left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from cm_tui.core.export_facts import DAY, ExportFact
from cm_tui.core.i18n import t
from cm_tui.io.exports import values as v
from cm_tui.io.exports.spec import figures_tuple
from cm_tui.io.headers import fold_name, match_columns
from cm_tui.io.tabular import Bad

#: rows searched for a sheet's header
HEADER_ROWS = 5
CONTENT = {
    "date": ("date",),
    "impressions": ("impressionstotal", "totalimpressions"),
    "clicks": ("clickstotal", "clicstotal"),
    "reactions": ("reactionstotal",),
    "comments": ("commentstotal", "commentairestotal"),
    "shares": ("repoststotal", "sharestotal", "republicationstotal", "partagestotal"),
}
VISITORS = {
    "date": ("date",),
    "profile_visits": (
        "totalpageviewstotal",
        "pageviewstotal",
        "allpageviewstotal",
        "vuesdelapagetotal",
        "totaldesvuesdelapagetotal",
        "vuesdepagetotal",
    ),
}
FOLLOWERS = {"date": ("date",), "total": ("totalfollowers", "totaldesabonnes", "abonnestotal")}
SHEETS = {"content": CONTENT, "visitors": VISITORS, "followers": FOLLOWERS}


def sheet_kind(header: list[Any]) -> tuple[str, dict[str, int]] | None:
    """Which LinkedIn sheet a header row is (and where its fields are), or ``None``."""
    cells = ["" if c is None else str(c) for c in header]
    for kind, aliases in SHEETS.items():
        found = match_columns(cells, aliases)
        if len(found.fields) == len(aliases):
            return kind, found.fields
    return None


def looks_like(header: list[str]) -> bool:
    """A header with ``Date`` and a column only LinkedIn's sheets have (a sheet saved as CSV)."""
    names = {fold_name(c) for c in header}
    if "date" not in names:
        return False
    return any(
        alias in names
        for aliases in SHEETS.values()
        for field, folded in aliases.items()
        if field != "date"
        for alias in folded
    )


@contextmanager
def opened_book(path: Path) -> Iterator[Any]:
    """The workbook ``path`` holds, streamed read-only, closed on leaving. Read from an open
    file, not a path: openpyxl judges a path by its name's extension, and LinkedIn may name
    an XLSX workbook ``.xls``."""
    from openpyxl import load_workbook

    with open(path, "rb") as handle:
        book = load_workbook(handle, read_only=True, data_only=True)
        try:
            yield book
        finally:
            book.close()


def recognised_sheets(book: Any) -> list[str]:
    """The kinds of the sheets of ``book`` that are LinkedIn's (in order)."""
    kinds = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows(max_row=HEADER_ROWS, values_only=True):
            found = sheet_kind(list(row))
            if found is not None:
                kinds.append(found[0])
                break
    return kinds


def facts(book: Any, file: str, order: v.DateOrder) -> Iterator[tuple[int, ExportFact | Bad]]:
    """Day facts of the content and visitors sheets; a row's problem names its sheet. A date
    written as text (``03/02/2026``) is read in ``order`` (month first: LinkedIn's own)."""
    for sheet in book.worksheets:
        fields: dict[str, int] | None = None
        for number, row in enumerate(sheet.iter_rows(values_only=True), 1):
            if fields is None:
                if number > HEADER_ROWS:
                    break
                found = sheet_kind(list(row))
                if found is not None:
                    kind, fields = found
                    if kind == "followers":
                        break
                continue
            if all(c is None or str(c).strip() == "" for c in row):
                continue
            yield number, _fact(sheet.title, row, fields, file, order)


def _fact(
    title: str, row: tuple[Any, ...], fields: dict[str, int], file: str, order: v.DateOrder
) -> ExportFact | Bad:
    def cell(name: str) -> Any:
        index = fields[name]
        return row[index] if index < len(row) else None

    try:
        day = v.day_of(cell("date"), "Date", order)
        values = {name: v.count(cell(name), name) for name in fields if name != "date"}
    except Bad as bad:
        return Bad(t("exports.err.sheet", sheet=title[:31], reason=str(bad)))
    fact = ExportFact("linkedin", day.isoformat(), DAY, file, day=day)
    for name, value in values.items():
        setattr(fact, name, value)
    fact.figures = figures_tuple(values)
    return fact


def folded(value: Any) -> str:
    return fold_name("" if value is None else str(value))
