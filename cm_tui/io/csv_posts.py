"""Posts as a spreadsheet: ``cm-tui export csv --table posts`` and ``cm-tui import FILE --table
posts``.

The file is UTF-8 with a BOM (so spreadsheet programs detect the encoding), comma-separated,
one header line, columns ``COLUMNS``. ``at`` is the local instant with its offset
(``2026-11-19T09:00+01:00``); on import, ``at`` may also be written without an offset
(``2026-11-19 09:00``, local time in the user's zone), or split into ``date`` and ``time``
columns. The import knows the columns' French names too (``Réseau``, ``Titre``, ``Heure``…:
``ALIASES``, matched by the one header matcher ``io.headers``). ``id`` is the post's id: an
existing id updates that post, an empty or unknown one adds a post, so a file exported, edited
and imported again updates instead of duplicating.

Formula injection: a cell starting with ``= + - @`` (or with a ``'`` followed by one of those or
another ``'``) is written with a leading ``'``, which spreadsheets show as text; the import
removes exactly that one ``'`` again, so every text survives the round trip.

Import goes through the one import pipeline (``io.tabular``: encodings, delimiters,
line-numbered problems) and is all or nothing: every row is checked with the form's rules
(``core.posts.parse_post_fields``) and any bad row rejects the file, with one line per problem.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from zoneinfo import ZoneInfo

from cm_tui.core.form_errors import FieldError
from cm_tui.core.i18n import t
from cm_tui.core.models import Post
from cm_tui.core.posts import FIELDS, parse_post_fields, post_fields
from cm_tui.io.headers import Aliases, match_columns
from cm_tui.io.tabular import Bad, CsvFile, ImportPlan, read_csv_plan

COLUMNS: tuple[str, ...] = (
    "id",
    "network",
    "at",
    *[f for f in FIELDS if f not in ("network", "date", "time")],
)
#: column -> its known names, folded (``io.headers``), English then French
ALIASES: Aliases = {
    "id": ("id", "identifiant"),
    "network": ("network", "reseau", "platform", "plateforme"),
    "at": ("at", "datetime", "dateheure", "dateetheure", "horodatage"),
    "date": ("date", "jour"),
    "time": ("time", "heure"),
    "title": ("title", "titre"),
    "text": ("text", "texte", "content", "contenu"),
    "status": ("status", "statut", "etat"),
    "campaign": ("campaign", "campagne"),
    "tags": ("tags", "etiquettes"),
    "hashtags": ("hashtags", "motsdiese"),
    "link": ("link", "url", "lien"),
    "notes": ("notes", "note", "remarques"),
}
#: first characters a spreadsheet may read as a formula (tab and CR too, per OWASP)
_RISKY = "=+-@\t\r"


def _quoted(cell: str) -> bool:
    return len(cell) > 1 and cell[0] == "'" and cell[1] in _RISKY + "'"


def neutralise(cell: str) -> str:
    """The cell as written to the file (see module doc)."""
    if (cell and cell[0] in _RISKY) or _quoted(cell):
        return "'" + cell
    return cell


def restore(cell: str) -> str:
    """The cell as read back: the inverse of ``neutralise``."""
    return cell[1:] if _quoted(cell) else cell


def export_posts_csv(posts: Iterable[Post], tz: ZoneInfo) -> bytes:
    """The posts as CSV bytes (UTF-8 with BOM), in the order given."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for post in posts:
        fields = post_fields(post, tz, full_instant=True)
        fields["at"] = fields.pop("date")
        fields["id"] = str(post.id)
        writer.writerow([neutralise(fields.get(name, "")) for name in COLUMNS])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def read_posts_csv(
    path: Path, tz: ZoneInfo, networks: Iterable[str], existing_ids: Iterable[int]
) -> ImportPlan[Post]:
    """The posts of ``path`` to add and to update; ``ImportRejected`` if any row is bad (each
    row is checked with the post form's rules, ``core.posts.parse_post_fields``)."""
    known = list(networks)
    ids = set(existing_ids)

    def read(table: CsvFile, plan: ImportPlan[Post]) -> None:
        columns = match_columns(table.header, ALIASES).fields
        has_when = "at" in columns or {"date", "time"} <= columns.keys()
        missing = [c for c in ("network", "title") if c not in columns]
        if not has_when:
            missing.append("at")
        if missing:
            named = {"columns": ", ".join(missing), "count": len(missing)}
            plan.problem(1, t("calendar.csv.missing_columns", **named))
            return
        for line, row in table.rows():
            if isinstance(row, Bad):
                plan.problem(line, str(row))
                continue
            cells = {name: restore(row[index]) for name, index in columns.items()}
            if any(v.strip() for v in cells.values()):
                _read_post(line, cells, plan, tz, known, ids)

    return read_csv_plan(path, read)


def _read_post(
    line: int,
    cells: dict[str, str],
    plan: ImportPlan[Post],
    tz: ZoneInfo,
    known: list[str],
    ids: set[int],
) -> None:
    fields = {name: cells.get(name, "") for name in FIELDS}
    if cells.get("at", "").strip():
        fields["date"], fields["time"] = cells["at"], ""
    raw_id = cells.get("id", "").strip()
    post_id = 0
    if raw_id:
        if not raw_id.isdigit() or len(raw_id) > 18:
            plan.problem(
                line, _describe(FieldError("id", "calendar.field.bad_id", {"value": raw_id}))
            )
            return
        post_id = int(raw_id) if int(raw_id) in ids else 0
    post, errors = parse_post_fields(fields, tz, known, post_id=post_id)
    for error in errors:
        plan.problem(line, _describe(error))
    if post is not None:
        (plan.updates if post_id else plan.new).append(post)


def _describe(error: FieldError) -> str:
    return t("calendar.csv.row_error", field=error.field, reason=error.message)
