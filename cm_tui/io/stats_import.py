"""``cm-tui import FILE --table stats|competitors``: monthly figures from a spreadsheet (issue 6).

The file is CSV (``,`` ``;`` or tab, detected from the header line) in UTF-8 (BOM or not),
UTF-16 or Windows-1252, detected as the queue import does. One header line naming the columns
(case and spaces ignored). All or nothing: any bad row rejects the file, with one line per
problem.

* ``--table stats`` (``read_figures_csv``): ``network`` and ``month`` (``YYYY-MM``) are
  required; the figure columns (``FIGURE_COLUMNS``) are optional, whole numbers of 0 or more
  (spaces as thousands separators are accepted; an empty cell counts 0). A row for a network
  and month already stored replaces those figures; the others are added.
* ``--table competitors`` (``read_competitors_csv``): ``name``, ``network`` and ``month`` are
  required; ``handle``, ``followers``, ``posts`` and ``engagements`` optional. A competitor is
  known by its name (any case) and network: its month is added or replaced; an unknown one is
  added with its months. A row that changes nothing is skipped, so importing a file again
  adds and updates nothing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from cm_tui.core.i18n import t
from cm_tui.core.models import Competitor, CompetitorMonth, MonthlyFigures
from cm_tui.core.textsafe import clean_line
from cm_tui.core.timeutil import parse_month

FIGURE_COLUMNS: tuple[str, ...] = MonthlyFigures.FIGURES
MAX_VALUE = 10**12

R = TypeVar("R")


@dataclass
class ImportPlan(Generic[R]):
    """Records to add and stored ones to update, or the problems (then nothing is written)."""

    new: list[R] = field(default_factory=list)
    updates: list[R] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _read_table(
    path: Path, required: Sequence[str], optional: Sequence[str], errors: list[str]
) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]]] | None:
    """The columns of ``path`` and its non-empty rows as (line number, column -> stripped
    cell); ``None`` (with the problem appended to ``errors``) when the file cannot be read or
    its header is wrong. A row with the wrong number of cells is reported and skipped."""
    from cm_tui.io.queue_import import detect_delimiter, detect_encoding

    try:
        encoding = detect_encoding(path)
        text = path.read_text(encoding=encoding)
    except Exception as exc:  # OSError, UnicodeError, or the queue importer's "no encoding fits"
        errors.append(t("stats.import.encoding", path=path.name, reason=str(exc)))
        return None
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=detect_delimiter(first))
    try:
        header = next(reader)
    except StopIteration:
        errors.append(t("stats.import.empty", path=path.name))
        return None
    columns = [h.strip().lower().replace(" ", "_") for h in header]
    allowed = (*required, *optional)
    unknown = [c for c in columns if c not in allowed]
    missing = [c for c in required if c not in columns]
    if unknown or missing:
        errors.append(
            t(
                "stats.import.header",
                path=path.name,
                unknown=", ".join(unknown) or "–",
                missing=", ".join(missing) or "–",
                known=", ".join(allowed),
            )
        )
        return None

    def rows() -> Iterator[tuple[int, dict[str, str]]]:
        for line, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(columns):
                errors.append(
                    t("stats.import.cells", line=line, count=len(row), expected=len(columns))
                )
                continue
            yield line, dict(zip(columns, (c.strip() for c in row), strict=True))

    return columns, rows()


def _network_month(
    line: int, cells: dict[str, str], networks: Sequence[str], errors: list[str]
) -> tuple[str, str] | None:
    """The row's network and month, or ``None`` (the problems added to ``errors``)."""
    network = _network(line, cells["network"], networks, errors)
    month = _month(line, cells["month"], errors)
    return None if network is None or month is None else (network, month)


def _network(line: int, text: str, networks: Sequence[str], errors: list[str]) -> str | None:
    """The stored key of the network named in a cell (any case), or ``None`` (reported)."""
    known = {n.lower(): n for n in networks}
    network = known.get(text.lower())
    if network is None:
        errors.append(
            t("stats.import.network", line=line, value=text[:40], known=", ".join(networks))
        )
    return network


def _month(line: int, text: str, errors: list[str]) -> str | None:
    try:
        parse_month(text)
    except ValueError:
        errors.append(t("stats.import.month", line=line, value=text[:20]))
        return None
    return text


def _counts(
    line: int, cells: dict[str, str], names: Sequence[str], errors: list[str]
) -> dict[str, int]:
    """The whole numbers of the columns ``names`` the file has (empty: 0); problems reported."""
    values: dict[str, int] = {}
    for name in names:
        if name not in cells:
            continue
        raw = cells[name].replace(" ", "").replace("\u202f", "").replace("\u00a0", "")
        if not raw:
            values[name] = 0
        elif raw.isascii() and raw.isdigit() and int(raw) <= MAX_VALUE:
            values[name] = int(raw)
        else:
            errors.append(t("stats.import.number", line=line, column=name, value=cells[name][:20]))
    return values


def read_figures_csv(
    path: Path, networks: Sequence[str], existing: Iterable[MonthlyFigures]
) -> ImportPlan[MonthlyFigures]:
    """Check every row of ``path``; the figures to add and to update, or the problems."""
    plan: ImportPlan[MonthlyFigures] = ImportPlan()
    table = _read_table(path, ("network", "month"), FIGURE_COLUMNS, plan.errors)
    if table is None:
        return plan
    _columns, rows = table
    stored = {(f.network, f.month): f for f in existing}
    seen: dict[tuple[str, str], int] = {}
    for line, cells in rows:
        where = _network_month(line, cells, networks, plan.errors)
        if where is None:
            continue
        network, month = where
        values = _counts(line, cells, FIGURE_COLUMNS, plan.errors)
        key = (network, month)
        if key in seen:
            plan.errors.append(
                t("stats.import.twice", line=line, first=seen[key], network=network, month=month)
            )
            continue
        seen[key] = line
        old = stored.get(key)
        if old is None:
            plan.new.append(MonthlyFigures(network, month, **values))
        else:
            plan.updates.append(old.replace(**values))
    return plan


# --------------------------------------------------------------------------- competitors

COMPETITOR_COLUMNS: tuple[str, ...] = ("handle", "followers", "posts", "engagements")
_MONTH_FIGURES: tuple[str, ...] = ("followers", "posts", "engagements")


def read_competitors_csv(
    path: Path, networks: Sequence[str], existing: Iterable[Competitor]
) -> ImportPlan[Competitor]:
    """Check every row of ``path`` (one competitor's month per row); the competitors to add and
    to update, or the problems. Rows of one competitor are gathered into one record; a stored
    competitor whose months would not change is left out (importing again changes nothing)."""
    plan: ImportPlan[Competitor] = ImportPlan()
    table = _read_table(path, ("name", "network", "month"), COMPETITOR_COLUMNS, plan.errors)
    if table is None:
        return plan
    _columns, rows = table
    stored = {(c.name.strip().lower(), c.network): c for c in existing}
    #: (name, network) -> the record being built, in file order
    changed: dict[tuple[str, str], Competitor] = {}
    seen: dict[tuple[str, str, str], int] = {}
    for line, cells in rows:
        name = clean_line(cells["name"]).strip()
        if not name:
            plan.errors.append(t("stats.import.required", line=line, column="name"))
            continue
        where = _network_month(line, cells, networks, plan.errors)
        if where is None:
            continue
        network, month = where
        counts = _counts(line, cells, _MONTH_FIGURES, plan.errors)
        key = (name.lower(), network)
        if (*key, month) in seen:
            first = seen[(*key, month)]
            plan.errors.append(
                t(
                    "stats.import.competitor_twice",
                    line=line,
                    first=first,
                    name=name[:40],
                    network=network,
                    month=month,
                )
            )
            continue
        seen[(*key, month)] = line
        record = changed.get(key) or stored.get(key) or Competitor(name, network)
        handle = clean_line(cells.get("handle", "")).strip() or record.handle
        known = {m.month: m for m in record.months}
        before = known.get(month, CompetitorMonth(month))
        known[month] = before.replace(**counts)
        months = tuple(sorted(known.values(), key=lambda m: m.month))
        changed[key] = record.replace(handle=handle, months=months)
    for key, record in changed.items():
        old = stored.get(key)
        if old is None:
            plan.new.append(record)
        elif record != old:
            plan.updates.append(record)
    return plan
