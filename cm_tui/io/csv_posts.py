"""Posts as a spreadsheet: ``cm-tui export csv --table posts`` and ``cm-tui import FILE --table
posts``.

The file is UTF-8 with a BOM (so spreadsheet programs detect the encoding), comma-separated,
one header line, columns ``COLUMNS``. ``at`` is the local instant with its offset
(``2026-11-19T09:00+01:00``); on import, ``at`` may also be written without an offset
(``2026-11-19 09:00``, local time in the user's zone), or split into ``date`` and ``time``
columns. ``id`` is the post's id: an existing id updates that post, an empty or unknown one adds
a post, so a file exported, edited and imported again updates instead of duplicating.

Formula injection: a cell starting with ``= + - @`` (or with a ``'`` followed by one of those or
another ``'``) is written with a leading ``'``, which spreadsheets show as text; the import
removes exactly that one ``'`` again, so every text survives the round trip.

Import is all or nothing: every row is checked with the form's rules
(``core.posts.parse_post_fields``) and any bad row rejects the file, with one line per problem.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from cm_tui.core.i18n import t
from cm_tui.core.models import Post
from cm_tui.core.posts import FIELDS, FieldError, parse_post_fields, post_fields
from cm_tui.core.value import Value, frozen

COLUMNS: tuple[str, ...] = (
    "id",
    "network",
    "at",
    *[f for f in FIELDS if f not in ("network", "date", "time")],
)
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


@frozen
class RowError(Value):
    line: int
    error: FieldError

    def describe(self) -> str:
        e = self.error
        return t(
            "calendar.csv.row_error",
            line=self.line,
            field=e.field,
            reason=t(e.message_key, **e.params),
        )


@dataclass
class PostImport:
    """What a file would change: posts to add, posts to update, and the problems found."""

    new: list[Post] = field(default_factory=list)
    updates: list[Post] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    #: a problem with the whole file (encoding, columns), already translated
    fatal: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors and not self.fatal

    def report(self) -> list[str]:
        return [self.fatal] if self.fatal else [e.describe() for e in self.errors]


def read_posts_csv(
    data: bytes, name: str, tz: ZoneInfo, networks: Iterable[str], existing_ids: Iterable[int]
) -> PostImport:
    """Check a whole file; nothing is written here (``PostImport`` says what would be)."""
    out = PostImport()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        out.fatal = t("calendar.csv.not_utf8", path=name)
        return out
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    has_when = "at" in header or {"date", "time"} <= set(header)
    missing = [c for c in ("network", "title") if c not in header]
    if not has_when:
        missing.append("at")
    if missing:
        out.fatal = t("calendar.csv.missing_columns", path=name, columns=", ".join(missing))
        return out
    known = list(networks)
    ids = set(existing_ids)
    line = 1
    for row in reader:
        start = line + 1
        line = reader.line_num
        cells = {k: restore(v or "") for k, v in row.items() if isinstance(k, str)}
        if not any(v.strip() for v in cells.values()):
            continue  # a blank line
        fields = {name: cells.get(name, "") for name in FIELDS}
        if "at" in header and cells.get("at", "").strip():
            fields["date"], fields["time"] = cells["at"], ""
        raw_id = cells.get("id", "").strip()
        post_id = 0
        if raw_id:
            if not raw_id.isdigit():
                out.errors.append(
                    RowError(start, FieldError("id", "calendar.field.bad_id", {"value": raw_id}))
                )
                continue
            post_id = int(raw_id) if int(raw_id) in ids else 0
        post, errors = parse_post_fields(fields, tz, known, post_id=post_id)
        out.errors.extend(RowError(start, e) for e in errors)
        if post is not None:
            (out.updates if post_id else out.new).append(post)
    return out
