"""What an export reader declares: its columns in English and French, the ones it needs, and
how a row becomes a fact. One shape for the per-post CSV exports (Meta posts, X, YouTube), so
the recogniser and the reading are written once (``recognise``, ``plan``), and one builder of a
post's fact from its row (``post_fact``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from cm_tui.core.export_facts import POST, ExportFact
from cm_tui.core.i18n import t
from cm_tui.core.textsafe import clean_line
from cm_tui.io.exports import values as v
from cm_tui.io.headers import Aliases
from cm_tui.io.tabular import Bad, short

_ROUNDED = re.compile(r"^\d(?:[.,]\d+)?[eE]\+?\d+$")


@dataclass(frozen=True, slots=True)
class RowContext:
    """What a reader needs besides the row: the user's zone (instants without an offset are
    read in it), the file's order of slashed dates (day first in a French export), the file's
    name."""

    zone: ZoneInfo
    dates: v.DateOrder
    file: str
    #: field -> its column's header as the file writes it, shortened (for the problems)
    headers: Mapping[str, str] = field(default_factory=dict)

    def name(self, column: str) -> str:
        return self.headers.get(column, column)


@dataclass(frozen=True, slots=True)
class ExportSpec:
    """A per-row export: ``kind`` (its ``exports.kind.<kind>`` name), ``aliases`` (field ->
    folded column names, English then French), ``french`` (the names only French exports
    use), ``required`` (the fields a file must have), ``to_fact`` (one row, by field),
    ``labels`` (the required columns' English names)."""

    kind: str
    aliases: Aliases
    french: frozenset[str]
    required: Sequence[str]
    to_fact: Callable[[Mapping[str, str], RowContext], ExportFact | None]
    #: the required fields' columns as the English export names them (for a refusal)
    labels: Mapping[str, str] = field(default_factory=dict)


def post_key(permalink: str, post_id: str, column: str) -> str:
    """A post's stored key: its id, else its permalink (``export_facts.identities`` tells a
    post by either). An id a spreadsheet rounded (``1.22158E+17``) names no post: refused
    unless there is a permalink."""
    ident = post_id.strip()
    if ident and (ident.isdigit() or not _ROUNDED.match(ident)):
        return ident
    if permalink:
        return permalink.strip()
    if not ident:
        raise Bad(t("exports.err.no_id", column=column))
    raise Bad(t("exports.err.rounded_id", column=column, value=short(ident, 20)))


def post_fact(
    network: str,
    cells: Mapping[str, str],
    ctx: RowContext,
    ident: tuple[str, str],
    permalink: str,
    title: str,
    figures: Mapping[str, str],
) -> ExportFact:
    """A post's fact from its row: keyed by ``ident`` (field, its value), else by
    ``permalink``; published at the ``published`` cell (read in the file's zone and order);
    its title sanitised and cut; its ``figures`` (column -> figure) counted."""
    key = post_key(permalink, ident[1], ctx.name(ident[0]))
    at = v.instant(cells["published"], ctx.name("published"), ctx.zone, ctx.dates)
    text = clean_line(title).strip()[:120]
    values: dict[str, Any] = counts(cells, figures, ctx)
    return ExportFact(
        network,
        key,
        POST,
        ctx.file,
        at=at,
        permalink=permalink,
        title=text,
        figures=figures_tuple(values),
        **values,
    )


def counts(cells: Mapping[str, str], figures: Mapping[str, str], ctx: RowContext) -> dict[str, int]:
    """figure -> the count of its column, for the columns of ``figures`` (column -> figure)
    the file has; the plain digits most cells hold are read first, the rest by
    ``values.count`` (which names the column in a problem)."""
    out: dict[str, int] = {}
    for column, figure in figures.items():
        value = cells.get(column)
        if value is None:
            continue
        if value.isdigit() and value.isascii() and len(value) <= 12:
            out[figure] = int(value)
        else:
            out[figure] = v.count(value, ctx.name(column))
    return out


_FIGURE_TUPLES: dict[tuple[str, ...], tuple[str, ...]] = {}


def figures_tuple(values: Mapping[str, int]) -> tuple[str, ...]:
    """The names of ``values``, one shared tuple per set of names (every row of a file has
    the same: a fact costs no tuple of its own)."""
    names = tuple(values)
    return _FIGURE_TUPLES.setdefault(names, names)
