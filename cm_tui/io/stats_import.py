"""``cm-tui import FILE --table stats|competitors``: monthly figures from a spreadsheet.

The file is read by the one import pipeline (``io.tabular``: CSV with ``,`` ``;`` or tab, UTF-8
with or without BOM, UTF-16 or Windows-1252). One header line naming the columns, in English
or French (``ALIASES``, compared by the one header matcher ``io.headers``: case, accents and
spaces ignored, so ``Réseau`` or ``Visites du profil``). All or nothing: any bad row rejects the
file (``ImportRejected``), with one line per problem.

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

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from cm_tui.core.i18n import t
from cm_tui.core.models import Competitor, CompetitorMonth, MonthlyFigures
from cm_tui.core.textsafe import clean_line
from cm_tui.core.timeutil import is_supported_month, parse_month, supported_days
from cm_tui.io.headers import Aliases, match_columns
from cm_tui.io.tabular import Bad, CsvFile, ImportPlan, read_csv_plan, short

FIGURE_COLUMNS: tuple[str, ...] = MonthlyFigures.FIGURES
MAX_VALUE = 10**12

#: column -> its known names, folded (``io.headers``), English then French
ALIASES: Aliases = {
    "name": ("name", "nom", "competitor", "concurrent"),
    "network": ("network", "reseau", "platform", "plateforme"),
    "month": ("month", "mois", "periode"),
    "handle": ("handle", "account", "compte", "pseudo", "identifiant"),
    "followers": ("followers", "abonnes", "abonnees", "fans"),
    "posts": ("posts", "publications", "nombredepublications"),
    "reach": ("reach", "portee"),
    "impressions": ("impressions", "affichages"),
    "reactions": ("reactions",),
    "comments": ("comments", "commentaires"),
    "shares": ("shares", "partages"),
    "clicks": ("clicks", "clics"),
    "profile_visits": ("profilevisits", "visitesduprofil", "visitesprofil"),
    "engagements": ("engagements", "engagement", "interactions"),
}


def _rows(
    table: CsvFile, plan: ImportPlan[Any], required: Sequence[str], optional: Sequence[str]
) -> Iterator[tuple[int, dict[str, str]]]:
    """The non-empty rows of ``table`` as (line number, column -> stripped cell), its columns
    named in English or French (``ALIASES``); a header naming an unknown column or missing a
    required one is line 1's problem, and no row is read then."""
    allowed = (*required, *optional)
    found = match_columns(table.header, {name: ALIASES[name] for name in allowed})
    missing = [c for c in required if c not in found.fields]
    if found.unknown or missing:
        plan.problem(
            1,
            t(
                "stats.import.header",
                unknown=", ".join(short(c.strip(), 20) for c in found.unknown) or "–",
                missing=", ".join(missing) or "–",
                known=", ".join(allowed),
            ),
        )
        return
    columns = sorted(found.fields.items(), key=lambda item: item[1])
    for line, row in table.rows():
        if isinstance(row, Bad):
            plan.problem(line, str(row))
        elif any(cell.strip() for cell in row):
            yield line, {name: row[index].strip() for name, index in columns}


def _network_month(
    line: int, cells: dict[str, str], networks: Sequence[str], plan: ImportPlan[Any]
) -> tuple[str, str] | None:
    """The row's network and month, or ``None`` (the problems added to ``plan``)."""
    network = _network(line, cells["network"], networks, plan)
    month = _month(line, cells["month"], plan)
    return None if network is None or month is None else (network, month)


def _network(line: int, text: str, networks: Sequence[str], plan: ImportPlan[Any]) -> str | None:
    """The stored key of the network named in a cell (any case), or ``None`` (reported)."""
    known = {n.lower(): n for n in networks}
    network = known.get(text.lower())
    if network is None:
        plan.problem(line, t("imports.err.network", value=short(text), known=", ".join(networks)))
    return network


def _month(line: int, text: str, plan: ImportPlan[Any]) -> str | None:
    try:
        parse_month(text)
    except ValueError:
        plan.problem(line, t("stats.import.month", value=short(text, 20)))
        return None
    if not is_supported_month(text):
        plan.problem(line, t("stats.import.unsupported_month", value=text, **supported_days()))
        return None
    return text


def _counts(
    line: int, cells: dict[str, str], names: Sequence[str], plan: ImportPlan[Any]
) -> dict[str, int]:
    """The whole numbers of the columns ``names`` the file has (empty: 0); problems reported."""
    values: dict[str, int] = {}
    for name in names:
        if name not in cells:
            continue
        raw = cells[name].replace(" ", "").replace("\u202f", "").replace("\u00a0", "")
        if not raw:
            values[name] = 0
        elif raw.isascii() and raw.isdigit() and len(raw) <= 13 and int(raw) <= MAX_VALUE:
            values[name] = int(raw)
        else:
            plan.problem(line, t("stats.import.number", column=name, value=short(cells[name], 20)))
    return values


def read_figures_csv(
    path: Path, networks: Sequence[str], existing: Iterable[MonthlyFigures]
) -> ImportPlan[MonthlyFigures]:
    """The figures of ``path`` to add and to update; ``ImportRejected`` if any row is bad."""
    stored = {(f.network, f.month): f for f in existing}

    def read(table: CsvFile, plan: ImportPlan[MonthlyFigures]) -> None:
        seen: dict[tuple[str, str], int] = {}
        for line, cells in _rows(table, plan, ("network", "month"), FIGURE_COLUMNS):
            where = _network_month(line, cells, networks, plan)
            if where is None:
                continue
            network, month = where
            values = _counts(line, cells, FIGURE_COLUMNS, plan)
            if where in seen:
                plan.problem(
                    line,
                    t("stats.import.twice", first=seen[where], network=network, month=month),
                )
                continue
            seen[where] = line
            old = stored.get(where)
            if old is None:
                plan.new.append(MonthlyFigures(network, month, **values))
            else:
                plan.updates.append(old.replace(**values))

    return read_csv_plan(path, read)


# --------------------------------------------------------------------------- competitors

COMPETITOR_COLUMNS: tuple[str, ...] = ("handle", "followers", "posts", "engagements")
_MONTH_FIGURES: tuple[str, ...] = ("followers", "posts", "engagements")


def read_competitors_csv(
    path: Path, networks: Sequence[str], existing: Iterable[Competitor]
) -> ImportPlan[Competitor]:
    """Check every row of ``path`` (one competitor's month per row); the competitors to add and
    to update; ``ImportRejected`` if any row is bad. Rows of one competitor are gathered into
    one record; a stored competitor whose months would not change is left out (importing again
    changes nothing)."""
    stored = {(c.name.strip().lower(), c.network): c for c in existing}
    return read_csv_plan(path, lambda table, plan: _read_competitors(table, plan, networks, stored))


def _read_competitors(
    table: CsvFile,
    plan: ImportPlan[Competitor],
    networks: Sequence[str],
    stored: dict[tuple[str, str], Competitor],
) -> None:
    rows = _rows(table, plan, ("name", "network", "month"), COMPETITOR_COLUMNS)
    #: (name, network) -> the record being built, in file order
    changed: dict[tuple[str, str], Competitor] = {}
    seen: dict[tuple[str, str, str], int] = {}
    for line, cells in rows:
        name = clean_line(cells["name"]).strip()
        if not name:
            plan.problem(line, t("stats.import.required", column="name"))
            continue
        where = _network_month(line, cells, networks, plan)
        if where is None:
            continue
        network, month = where
        counts = _counts(line, cells, _MONTH_FIGURES, plan)
        key = (name.lower(), network)
        if (*key, month) in seen:
            first = seen[(*key, month)]
            plan.problem(
                line,
                t(
                    "stats.import.competitor_twice",
                    first=first,
                    name=name[:40],
                    network=network,
                    month=month,
                ),
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
