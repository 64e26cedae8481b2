"""Which column of a CSV file, or which key of a JSON object, holds which field of a queue item.

Known names are English and French, compared folded by the one header matcher
(``io.headers``: no case, no accents, no spaces or punctuation: ``Reçu le`` is ``recule``);
other CSV headers are mapped explicitly
(``[import.columns]`` in the settings, ``cm-tui import --column FIELD=HEADER``). A file whose
needed columns cannot be found is rejected with a line that says how to map them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cm_tui.core.i18n import t
from cm_tui.core.settings import IMPORT_FIELDS
from cm_tui.io.headers import fold_name, match_columns
from cm_tui.io.tabular import Bad as _Bad
from cm_tui.io.tabular import short

#: field -> recognised column names, folded (no case, no accents, no spaces/punctuation)
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "kind": ("kind", "type", "genre", "nature", "category", "categorie"),
    "network": ("network", "reseau", "platform", "plateforme", "source", "canal", "channel"),
    "author_handle": (
        "author",
        "handle",
        "authorhandle",
        "username",
        "user",
        "account",
        "from",
        "auteur",
        "pseudo",
        "compte",
        "identifiantauteur",
        "utilisateur",
    ),
    "author_name": (
        "name",
        "authorname",
        "displayname",
        "nom",
        "nomauteur",
        "nomaffiche",
        "fullname",
        "nomcomplet",
    ),
    "text": (
        "text",
        "message",
        "content",
        "comment",
        "body",
        "texte",
        "contenu",
        "commentaire",
        "corps",
    ),
    "received_at": (
        "receivedat",
        "received",
        "date",
        "datetime",
        "createdat",
        "created",
        "timestamp",
        "time",
        "recu",
        "recule",
        "datedereception",
        "datereception",
        "dateheure",
        "horodatage",
        "publiele",
    ),
    "link": ("link", "url", "permalink", "lien", "adresse"),
    "external_id": ("externalid", "id", "messageid", "commentid", "identifiant", "idexterne"),
    "ambassador": ("ambassador", "ambassadeur", "ambassadrice"),
    "influencer": ("influencer", "influenceur", "influenceuse"),
    "follower": ("follower", "isfollower", "abonne", "abonnee", "fan"),
}
_REQUIRED = ("text", "received_at")
#: user-facing field name (settings, ``--column``, messages) -> ``FIELD_NAMES`` key
_FIELD_ALIASES = {"author": "author_handle"}


def internal_field(name: str) -> str | None:
    """The ``FIELD_NAMES`` key of an ``IMPORT_FIELDS`` name (``author`` -> ``author_handle``),
    or ``None`` if ``name`` is not a field a column can be mapped to."""
    if name not in IMPORT_FIELDS:
        return None
    return _FIELD_ALIASES.get(name, name)


def parse_column_option(value: str) -> tuple[str, str]:
    """``FIELD=HEADER`` (``cm-tui import --column``) -> ``(field, header)``; ``ValueError``
    with a one-line, translated message otherwise."""
    name, sep, header = value.partition("=")
    name = name.strip()
    if not sep or internal_field(name) is None or not header.strip():
        raise ValueError(
            t("queue.import.err.column_option", value=value, fields=", ".join(IMPORT_FIELDS))
        )
    return name, header.strip()


#: the columns a rejection names at most (a file may have 100,000 of them)
LISTED_COLUMNS = 12


def listed_columns(header: list[str]) -> str:
    """The file's columns for a rejection line: the first ``LISTED_COLUMNS``, each shortened,
    then how many more there are."""
    shown = ", ".join(short(h, 20) for h in header[:LISTED_COLUMNS]) or "-"
    more = len(header) - LISTED_COLUMNS
    return shown + t("queue.import.err.more_columns", count=more) if more > 0 else shown


def map_header(
    header: list[str],
    explicit: Mapping[str, str],
    strict: frozenset[str] = frozenset(),
    hint: str = "queue.import.err.map_hint",
) -> dict[str, int]:
    """Field -> column index: the ``explicit`` headers first (names compared folded, like the
    known ones), then the known names of the fields not mapped yet (``headers.match_columns``).
    ``_Bad`` if a field in ``strict`` names a missing header, or a needed field has no column
    (the message ``hint`` says how to map one where the file was given)."""
    folded = [fold_name(name) for name in header]
    columns = listed_columns(header)
    mapping: dict[str, int] = {}
    for name, column in explicit.items():
        fld = internal_field(name) or name
        wanted = fold_name(column)
        if wanted in folded:
            mapping[fld] = folded.index(wanted)
        elif name in strict:
            raise _Bad(
                t("queue.import.err.no_column", field=name, column=short(column), columns=columns)
            )
    mapping = match_columns(header, FIELD_NAMES, taken=mapping).fields
    missing = [f for f in _REQUIRED if f not in mapping]
    if "author_handle" not in mapping and "author_name" not in mapping:
        missing.append("author")
    if missing:
        problem = t("queue.import.err.no_header", field=", ".join(missing), columns=columns)
        raise _Bad(problem + t(hint, field=missing[0]))
    return mapping


_TEXT_FIELDS = frozenset({"text", "author_handle", "author_name", "link", "external_id"})


def object_fields(obj: Any) -> Mapping[str, Any] | _Bad:
    """The fields of one JSON object; a field holding a list or an object is refused (it is
    never turned into text: ``str()`` of a deep structure is its own hazard)."""
    if not isinstance(obj, dict):
        return _Bad(t("queue.import.err.object"))
    out: dict[str, Any] = {}
    folded = {fold_name(str(k)): v for k, v in obj.items()}
    for fld, names in FIELD_NAMES.items():
        for name in (fold_name(fld), *names):
            if name in folded and folded[name] is not None:
                out[fld] = folded[name]
                break
    author = obj.get("author")
    if isinstance(author, dict):  # {"author": {"handle": ..., "name": ...}}
        out["author_handle"] = author.get("handle") or author.get("acct") or ""
        out["author_name"] = author.get("name") or author.get("display_name") or ""
        for flag in ("ambassador", "influencer", "follower"):
            if flag in author:
                out[flag] = author[flag]
    for fld, value in out.items():
        if isinstance(value, (list, dict)):
            return _Bad(t("imports.err.scalar", field=fld))
        if fld in _TEXT_FIELDS and not isinstance(value, str):
            out[fld] = str(value)
    return out
