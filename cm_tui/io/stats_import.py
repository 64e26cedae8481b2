"""``cm-tui import FILE --table stats``: monthly figures from a spreadsheet (issue 6).

The file is CSV (``,`` ``;`` or tab, detected from the header line) in UTF-8 (BOM or not),
UTF-16 or Windows-1252, detected as the queue import does. One header line naming the columns:
``network`` and ``month`` (``YYYY-MM``) are required; the figure columns (``FIGURE_COLUMNS``) are
optional, whole numbers of 0 or more (spaces as thousands separators are accepted; an empty
cell counts 0). A row for a network and month already stored replaces those figures; the others
are added. All or nothing: any bad row rejects the file, with one line per problem.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cm_tui.core.i18n import t
from cm_tui.core.models import MonthlyFigures
from cm_tui.core.timeutil import parse_month

FIGURE_COLUMNS: tuple[str, ...] = MonthlyFigures.FIGURES
MAX_VALUE = 10**12


@dataclass
class FiguresPlan:
    new: list[MonthlyFigures] = field(default_factory=list)
    updates: list[MonthlyFigures] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def read_figures_csv(
    path: Path, networks: Sequence[str], existing: Iterable[MonthlyFigures]
) -> FiguresPlan:
    """Check every row of ``path``; the figures to add and to update, or the problems."""
    from cm_tui.io.queue_import import detect_delimiter, detect_encoding

    plan = FiguresPlan()
    try:
        encoding = detect_encoding(path)
        text = path.read_text(encoding=encoding)
    except Exception as exc:  # OSError, UnicodeError, or the queue importer's "no encoding fits"
        plan.errors.append(t("stats.import.encoding", path=path.name, reason=str(exc)))
        return plan
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=detect_delimiter(first))
    try:
        header = next(reader)
    except StopIteration:
        plan.errors.append(t("stats.import.empty", path=path.name))
        return plan
    columns = [h.strip().lower().replace(" ", "_") for h in header]
    unknown = [c for c in columns if c not in ("network", "month", *FIGURE_COLUMNS)]
    missing = [c for c in ("network", "month") if c not in columns]
    if unknown or missing:
        plan.errors.append(
            t(
                "stats.import.header",
                path=path.name,
                unknown=", ".join(unknown) or "–",
                missing=", ".join(missing) or "–",
                known=", ".join(("network", "month", *FIGURE_COLUMNS)),
            )
        )
        return plan
    known = {n.lower(): n for n in networks}
    stored = {(f.network, f.month): f for f in existing}
    seen: dict[tuple[str, str], int] = {}
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(columns):
            plan.errors.append(
                t("stats.import.cells", line=line, count=len(row), expected=len(columns))
            )
            continue
        cells = dict(zip(columns, (c.strip() for c in row), strict=True))
        network = known.get(cells["network"].lower())
        if network is None:
            plan.errors.append(
                t(
                    "stats.import.network",
                    line=line,
                    value=cells["network"][:40],
                    known=", ".join(networks),
                )
            )
            continue
        month = cells["month"]
        try:
            parse_month(month)
        except ValueError:
            plan.errors.append(t("stats.import.month", line=line, value=month[:20]))
            continue
        values: dict[str, int] = {}
        for name in FIGURE_COLUMNS:
            if name not in cells:
                continue
            raw = cells[name].replace(" ", "").replace("\u202f", "").replace("\u00a0", "")
            if not raw:
                values[name] = 0
            elif raw.isascii() and raw.isdigit() and int(raw) <= MAX_VALUE:
                values[name] = int(raw)
            else:
                plan.errors.append(
                    t("stats.import.number", line=line, column=name, value=cells[name][:20])
                )
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
