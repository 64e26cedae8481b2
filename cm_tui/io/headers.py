"""Which column of an imported file holds which field: one mechanism for every table.

A header is compared *folded* (``fold_name``: no case, no accents, no spaces or punctuation, so
``Reçu le`` is ``recule`` and ``Visites du profil`` is ``visitesduprofil``) with the names each
table knows for its fields, English and French (an ``Aliases`` table, written folded). The queue
(``io.queue_columns``), the posts (``io.csv_posts``) and the figures and competitors
(``io.stats_import``) each give their own table; the matching is this module's only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from cm_tui.core.queue import fold_text

#: field -> the folded names a column holding it may have, the preferred first
Aliases = Mapping[str, Sequence[str]]


def fold_name(name: str) -> str:
    """``name`` without case, accents, spaces or punctuation (what headers are compared as)."""
    return re.sub(r"[^a-z0-9]", "", fold_text(name))


@dataclass(slots=True)
class Columns:
    """Where each field is in a header: ``fields`` (field -> column index) and ``unknown``
    (the headers, as written, that no field claimed, in file order)."""

    fields: dict[str, int] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)


def match_columns(
    header: Sequence[str], aliases: Aliases, taken: Mapping[str, int] | None = None
) -> Columns:
    """Match ``header`` against ``aliases``: for each field in the table's order, the first of
    its names (in the order listed) found in a column no other field holds yet. ``taken``
    (field -> column, e.g. mapped explicitly by the user) is kept as it is and its columns are
    not matched again. A column is claimed by one field at most."""
    folded = [fold_name(name) for name in header]
    fields = dict(taken or {})
    for name, names in aliases.items():
        if name in fields:
            continue
        for alias in names:
            index = next(
                (i for i, f in enumerate(folded) if f == alias and i not in fields.values()), None
            )
            if index is not None:
                fields[name] = index
                break
    claimed = set(fields.values())
    unknown = [h for i, h in enumerate(header) if i not in claimed]
    return Columns(fields, unknown)
