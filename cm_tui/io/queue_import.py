"""Import queue items (comments, messages, mentions, reviews) from CSV, JSON, JSON Lines or
Mastodon notifications.

Contract (issue 5, "Getting items in"):

* **all or nothing**: every row is checked; one bad row rejects the whole file with a report of
  line numbers and reasons (``ImportRejected``) and nothing is written (the rows go into the
  store inside one transaction, rolled back on the first problem);
* **streaming**: CSV and JSON Lines are read row by row and written in chunks, so the importer's
  own memory does not grow with the file (only the dedupe keys are kept, 16 bytes a row; a JSON
  array or a Mastodon export is one document and is parsed whole);
* **never silent mojibake**: UTF-8, UTF-8 with BOM and UTF-16 (BOM, or NUL pattern) are decoded
  strictly; anything else must decode as strict Windows-1252 (whose five undefined bytes are
  refused), else the file is rejected with the byte offset;
* **dedupe**: a row whose network + external id (else a hash of network, author, instant and
  text) is already in the store (hot table or archives) or earlier in the file is skipped;
* text is cleaned by ``core.textsafe`` and watch keywords are matched at import.

Naive times are read in the source's zone (``tz``); French dates (``19/11/2026 9h12``) and
column names (``auteur``, ``réseau``, ``reçu le``...) are recognised. Other CSV headers are
mapped explicitly (``ImportOptions.columns``, from ``[import.columns]`` in the settings and
``cm-tui import --column FIELD=HEADER``); a file whose needed columns cannot be found is
rejected with a report that says how to map them.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from cm_tui.core.i18n import t
from cm_tui.core.models import QueueItem, QueueKind
from cm_tui.core.queue import deadline_for, fold_text, match_keywords
from cm_tui.core.settings import IMPORT_FIELDS
from cm_tui.core.textsafe import clean_line, clean_text
from cm_tui.core.value import Value, frozen

FORMATS: tuple[str, ...] = ("auto", "csv", "json", "jsonl", "mastodon")
#: a CSV field longer than this is refused ("huge field"); the csv module's default limit
MAX_FIELD = csv.field_size_limit()
#: problems listed in a rejection report (the count says how many there were in all)
MAX_PROBLEMS = 20
#: rows written per ``add_many`` call inside the import's transaction
CHUNK = 2_000
_READ_BLOCK = 1 << 16

# --------------------------------------------------------------------------- results


@frozen(slots=False)
class Problem(Value):
    line: int
    reason: str

    def __str__(self) -> str:
        if self.line <= 0:
            return self.reason
        return t("queue.import.line", line=self.line, reason=self.reason)


class ImportRejected(Exception):
    """The file was refused whole: ``problems`` (the first ``MAX_PROBLEMS``) and ``count``."""

    def __init__(self, path: str, problems: list[Problem], count: int) -> None:
        self.path = path
        self.problems = problems
        self.count = count
        super().__init__(self.report())

    def report(self) -> str:
        lines = [t("queue.import.rejected", path=self.path, count=self.count)]
        lines += [f"  {p}" for p in self.problems]
        if self.count > len(self.problems):
            lines.append("  " + t("queue.import.more", count=self.count - len(self.problems)))
        return "\n".join(lines)


@dataclass
class ImportResult:
    format: str
    rows: int = 0
    added: int = 0
    skipped: int = 0
    encoding: str = ""
    delimiter: str = ""


class _Bad(Exception):
    """One row's problem (internal)."""


# --------------------------------------------------------------------------- options


@frozen(slots=False)
class ImportOptions(Value):
    """What the file does not say: its format, default network, the zone of naive times, the
    deadline policy (a ``Settings``-like object) and the watch keywords."""

    format: str = "auto"
    network: str | None = None
    tz: ZoneInfo = field(default_factory=lambda: ZoneInfo("UTC"))
    deadline_policy: Any = 60
    keywords: tuple[str, ...] = ()
    #: explicit CSV column names: field (``IMPORT_FIELDS``) -> header (``{"text": "Body"}``),
    #: tried before the known names; a header absent from the file is ignored (the settings'
    #: ``[import.columns]`` apply to every file) unless its field is in ``strict_columns``
    columns: Mapping[str, str] = field(default_factory=dict)
    #: fields whose explicit header must be in the file (``--column``: said for this file)
    strict_columns: frozenset[str] = frozenset()


# --------------------------------------------------------------------------- field names

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


_KINDS: dict[str, QueueKind] = {
    **{k.value: k for k in QueueKind},
    "commentaire": QueueKind.COMMENT,
    "reply": QueueKind.COMMENT,
    "reponse": QueueKind.COMMENT,
    "dm": QueueKind.MESSAGE,
    "mp": QueueKind.MESSAGE,
    "privatemessage": QueueKind.MESSAGE,
    "messageprive": QueueKind.MESSAGE,
    "directmessage": QueueKind.MESSAGE,
    "avis": QueueKind.REVIEW,
    "note": QueueKind.REVIEW,
}
_NETWORK_ALIASES = {
    "twitter": "x",
    "fb": "facebook",
    "ig": "instagram",
    "insta": "instagram",
    "li": "linkedin",
    "snap": "snapchat",
}
_NETWORK_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,39}$")
_TRUE = frozenset({"1", "true", "yes", "y", "x", "oui", "o", "vrai"})
_FALSE = frozenset({"", "0", "false", "no", "n", "non", "faux"})


def _fold_name(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold_text(name))


# --------------------------------------------------------------------------- values


_FR_DATE = re.compile(
    r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})"
    r"(?:[ T,]+(?:[àa]\s+)?(\d{1,2})\s*[:hH]\s*(\d{2})?(?:\s*:\s*(\d{2}))?)?\s*$"
)


def parse_instant(value: str, tz: ZoneInfo) -> datetime:
    """An instant from ISO-8601 (with or without offset, ``Z`` accepted) or a French day-first
    date (``19/11/2026``, ``19/11/2026 09:12``, ``19.11.2026 9h12``); naive means ``tz``."""
    text = value.strip()
    match = None if text[4:5] == "-" else _FR_DATE.match(text)  # ISO: YYYY-...
    try:
        if match is not None:
            raise ValueError
        at = datetime.fromisoformat(text)
    except ValueError:
        match = match or _FR_DATE.match(text)
        if match is None:
            raise _Bad(t("queue.import.err.date", value=_short(value))) from None
        day, month, year, hour, minute, second = match.groups()
        try:
            at = datetime(
                int(year),
                int(month),
                int(day),
                int(hour or 0),
                int(minute or 0),
                int(second or 0),
            )
        except ValueError:
            raise _Bad(t("queue.import.err.date", value=_short(value))) from None
    if at.tzinfo is None:
        at = at.replace(tzinfo=tz)
    return at.astimezone(UTC)


def parse_kind(value: str) -> QueueKind:
    if not value.strip():
        return QueueKind.COMMENT
    kind = _KINDS.get(_fold_name(value))
    if kind is None:
        raise _Bad(t("queue.import.err.kind", value=_short(value)))
    return kind


def parse_network(value: str | None, default: str | None) -> str:
    text = (value or "").strip() or (default or "")
    if not text:
        raise _Bad(t("queue.import.err.missing", field="network"))
    key = fold_text(text).strip().replace(" ", "")
    key = _NETWORK_ALIASES.get(key, key)
    if not _NETWORK_RE.match(key):
        raise _Bad(t("queue.import.err.network", value=_short(text)))
    return key


def parse_bool(value: str | bool | None, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    folded = fold_text(str(value).strip())
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return default if folded == "" else False
    raise _Bad(t("queue.import.err.bool", value=_short(str(value))))


def _clean_line(text: str) -> str:
    """``clean_line``, with a fast path for the common already-clean value (``isprintable``
    is false for every character ``clean_text`` removes or changes: controls, bidi formats,
    separators, and for any whitespace but the plain space)."""
    if text.isprintable() and "  " not in text and text == text.strip():
        return text
    return clean_line(text)


def _short(value: str, size: int = 40) -> str:
    value = clean_line(value)
    return value if len(value) <= size else value[: size - 1] + "…"


# --------------------------------------------------------------------------- rows -> items


class _Builder:
    """Turns one row (field -> raw value) into a ``QueueItem``; shared by every format."""

    def __init__(self, options: ImportOptions) -> None:
        self.options = options
        self.keywords = tuple(options.keywords)
        # a file has few distinct kinds and networks: parse each once (rows/s matters)
        self._kinds: dict[str, QueueKind] = {}
        self._networks: dict[str, str] = {}
        self._delays: dict[tuple[QueueKind, str], timedelta] = {}

    def kind(self, raw: str) -> QueueKind:
        kind = self._kinds.get(raw)
        if kind is None:
            kind = self._kinds[raw] = parse_kind(raw)
        return kind

    def network(self, raw: str) -> str:
        network = self._networks.get(raw)
        if network is None:
            network = self._networks[raw] = parse_network(raw, self.options.network)
        return network

    def deadline(self, kind: QueueKind, network: str, received: datetime) -> datetime:
        """``deadline_for`` with the delay of each (kind, network) computed once (the policy
        has no working-hours option here, so the deadline is plain UTC arithmetic)."""
        delay = self._delays.get((kind, network))
        if delay is None:
            base = datetime(2000, 1, 1, tzinfo=UTC)
            delay = deadline_for(kind.value, network, base, self.options.deadline_policy) - base
            self._delays[(kind, network)] = delay
        return received + delay

    def build(self, row: Mapping[str, Any]) -> QueueItem:
        opts = self.options
        text = row.get("text")
        if text is None or not str(text).strip():
            raise _Bad(t("queue.import.err.missing", field="text"))
        received_raw = row.get("received_at")
        if received_raw is None or not str(received_raw).strip():
            raise _Bad(t("queue.import.err.missing", field="received_at"))
        text = clean_text(str(text)).strip("\n")
        handle = _clean_line(str(row.get("author_handle") or ""))
        name = _clean_line(str(row.get("author_name") or ""))
        if not handle:
            handle = name
        if not handle:
            raise _Bad(t("queue.import.err.missing", field="author"))
        received = parse_instant(str(received_raw), opts.tz)
        kind = self.kind(str(row.get("kind") or ""))
        network = self.network(str(row.get("network") or ""))
        link = row.get("link")
        external_id = row.get("external_id")
        return QueueItem(
            kind=kind,
            network=network,
            author_handle=handle,
            author_name=name,
            text=text,
            received_at=received,
            deadline=self.deadline(kind, network, received),
            link=_clean_line(str(link)) if link else "",
            external_id=_clean_line(str(external_id)) if external_id else "",
            ambassador=parse_bool(row.get("ambassador"), False),
            influencer=parse_bool(row.get("influencer"), False),
            follower=parse_bool(row.get("follower"), True),
            keywords=match_keywords(text, self.keywords) if self.keywords else (),
        )


def dedupe_key(item: QueueItem) -> bytes:
    """16 bytes: network + external id, else network + author + instant + text."""
    if item.external_id:
        raw = f"id\0{item.network}\0{item.external_id}"
    else:
        raw = (
            f"h\0{item.network}\0{item.author_handle}\0{item.received_at.isoformat()}\0{item.text}"
        )
    return hashlib.blake2b(raw.encode("utf-8", "surrogatepass"), digest_size=16).digest()


# --------------------------------------------------------------------------- decoding


def detect_encoding(path: Path) -> str:
    """The file's encoding: a BOM, else UTF-16 by its NUL pattern, else UTF-8 if the whole file
    decodes strictly, else Windows-1252 if it decodes strictly; ``_Bad`` otherwise. Reads the
    file in blocks (constant memory)."""
    with open(path, "rb") as handle:
        head = handle.read(4096)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if len(head) >= 4:
        even, odd = head[0::2], head[1::2]
        if odd.count(0) > len(odd) * 0.4 and even.count(0) < len(even) * 0.1:
            return "utf-16-le"
        if even.count(0) > len(even) * 0.4 and odd.count(0) < len(odd) * 0.1:
            return "utf-16-be"
    failed = _first_error(path, "utf-8")
    if failed is None:
        return "utf-8"
    if _first_error(path, "cp1252") is None:
        return "cp1252"
    raise _Bad(t("queue.import.err.encoding", offset=failed))


def _first_error(path: Path, encoding: str) -> int | None:
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    offset = 0
    with open(path, "rb") as handle:
        while block := handle.read(_READ_BLOCK):
            try:
                decoder.decode(block)
            except UnicodeDecodeError as exc:
                return offset + exc.start
            offset += len(block)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            return offset + exc.start
    return None


def _text_stream(path: Path, encoding: str) -> io.TextIOWrapper:
    # newline="": the csv module sees \r\n, \r and \n as they are (quoted newlines too)
    return open(path, encoding=encoding, errors="strict", newline="")


# --------------------------------------------------------------------------- CSV


def detect_delimiter(first_line: str) -> str:
    """``,`` ``;`` or tab: the one found most often outside quotes in the header line."""
    counts = {",": 0, ";": 0, "\t": 0}
    quoted = False
    for char in first_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _map_header(
    header: list[str], explicit: Mapping[str, str], strict: frozenset[str] = frozenset()
) -> dict[str, int]:
    """Field -> column index: the ``explicit`` headers first (names compared folded, like the
    known ones), then the first known name of each field not mapped yet. ``_Bad`` if a field
    in ``strict`` names a missing header, or a needed field has no column (the message says
    how to map one)."""
    folded = [_fold_name(name) for name in header]
    columns = ", ".join(_short(h, 20) for h in header) or "-"
    mapping: dict[str, int] = {}
    for name, column in explicit.items():
        fld = internal_field(name) or name
        wanted = _fold_name(column)
        if wanted in folded:
            mapping[fld] = folded.index(wanted)
        elif name in strict:
            raise _Bad(
                t("queue.import.err.no_column", field=name, column=_short(column), columns=columns)
            )
    for fld, names in FIELD_NAMES.items():
        if fld in mapping:
            continue
        for name in names:  # the first recognised name wins, in the order listed
            if name in folded and folded.index(name) not in mapping.values():
                mapping[fld] = folded.index(name)
                break
    missing = [f for f in _REQUIRED if f not in mapping]
    if "author_handle" not in mapping and "author_name" not in mapping:
        missing.append("author")
    if missing:
        problem = t("queue.import.err.no_header", field=", ".join(missing), columns=columns)
        hint = t("queue.import.err.map_hint", field=missing[0])
        raise _Bad(problem + hint)
    return mapping


def _csv_rows(
    path: Path, encoding: str, result: ImportResult, options: ImportOptions
) -> Iterator[tuple[int, Any]]:
    """``(line, row-or-_Bad)`` for each data row of a CSV file."""
    with _text_stream(path, encoding) as stream:
        first = stream.readline()
        delimiter = detect_delimiter(first)
        result.delimiter = delimiter
        stream.seek(0)
        reader = csv.reader(stream, delimiter=delimiter, strict=True)
        start = 1
        try:
            header = next(reader)
        except StopIteration:
            yield 0, _Bad(t("queue.import.err.empty"))
            return
        except csv.Error as exc:
            yield 1, _csv_bad(exc)
            return
        if any("\0" in cell for cell in header):
            yield 1, _Bad(t("queue.import.err.nul"))
            return
        header[0] = header[0].lstrip("\ufeff")
        try:
            mapping = _map_header(header, options.columns, options.strict_columns)
        except _Bad as bad:
            yield 1, bad
            return
        width = len(header)
        items = list(mapping.items())
        while True:
            start = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield start, _csv_bad(exc)
                return  # the reader cannot resynchronise after a broken quote
            if not row or (len(row) == 1 and not row[0].strip()):
                continue  # blank line
            if len(row) != width:
                yield start, _Bad(t("queue.import.err.ragged", found=len(row), expected=width))
                continue
            for cell in row:
                if "\0" in cell:
                    yield start, _Bad(t("queue.import.err.nul"))
                    break
            else:
                yield start, {fld: row[index] for fld, index in items}


def _csv_bad(exc: csv.Error) -> _Bad:
    message = str(exc)
    if "field larger than field limit" in message:
        return _Bad(t("queue.import.err.huge", limit=MAX_FIELD))
    if "unexpected end of data" in message or "EOF" in message:
        return _Bad(t("queue.import.err.quote"))
    if "NUL" in message or "null byte" in message:
        return _Bad(t("queue.import.err.nul"))
    return _Bad(t("queue.import.err.csv", reason=message))


# --------------------------------------------------------------------------- JSON / JSONL


def _object_fields(obj: Any) -> Mapping[str, Any] | _Bad:
    if not isinstance(obj, dict):
        return _Bad(t("queue.import.err.object"))
    out: dict[str, Any] = {}
    folded = {_fold_name(str(k)): v for k, v in obj.items()}
    for fld, names in FIELD_NAMES.items():
        for name in (_fold_name(fld), *names):
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
    for fld in ("text", "author_handle", "author_name", "link", "external_id"):
        value = out.get(fld)
        if value is not None and not isinstance(value, str):
            out[fld] = str(value)
    return out


def _jsonl_rows(path: Path, encoding: str) -> Iterator[tuple[int, Any]]:
    with _text_stream(path, encoding) as stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            if "\0" in line:
                yield number, _Bad(t("queue.import.err.nul"))
                continue
            try:
                obj = json.loads(line)
            except ValueError as exc:
                yield number, _Bad(t("queue.import.err.json", reason=exc))
                continue
            yield number, _object_fields(obj)


def _load_json(path: Path, encoding: str) -> Any:
    with open(path, encoding=encoding, errors="strict") as handle:
        text = handle.read()
    if "\0" in text:
        raise _Bad(t("queue.import.err.nul"))
    try:
        return json.loads(text)
    except ValueError as exc:
        line = getattr(exc, "lineno", 0)
        raise _LineBad(line, t("queue.import.err.json", reason=exc)) from None


class _LineBad(_Bad):
    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line = line


def _json_rows(data: Any) -> Iterator[tuple[int, Any]]:
    """Rows of a JSON document: an array of objects, or ``{"items": [...]}``; the "line" of
    a row is its position in the array (1-based)."""
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        data = data["items"]
    if not isinstance(data, list):
        yield 0, _Bad(t("queue.import.err.object"))
        return
    for number, obj in enumerate(data, 1):
        yield number, _object_fields(obj)


# --------------------------------------------------------------------------- Mastodon


class _HtmlText(HTMLParser):
    """Plain text of a Mastodon status: paragraphs and ``<br>`` become newlines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag == "p" and self.parts:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(markup: str) -> str:
    parser = _HtmlText()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)  # convert_charrefs: entities are already decoded


def is_mastodon(data: Any) -> bool:
    return (
        isinstance(data, list)
        and bool(data)
        and isinstance(data[0], dict)
        and "account" in data[0]
        and "type" in data[0]
    )


def _mastodon_rows(data: Any) -> Iterator[tuple[int, Any]]:
    """Mentions (which include replies) of a Mastodon ``GET /api/v1/notifications`` export;
    other notification types (favourites, boosts, follows) are not questions: skipped."""
    if not isinstance(data, list):
        yield 0, _Bad(t("queue.import.err.object"))
        return
    for number, note in enumerate(data, 1):
        if not isinstance(note, dict):
            yield number, _Bad(t("queue.import.err.object"))
            continue
        if note.get("type") != "mention":
            continue
        status = note.get("status") or {}
        account = note.get("account") or {}
        if not isinstance(status, dict) or not isinstance(account, dict):
            yield number, _Bad(t("queue.import.err.object"))
            continue
        if status.get("visibility") == "direct":
            kind = "message"
        elif status.get("in_reply_to_id"):
            kind = "comment"
        else:
            kind = "mention"
        yield (
            number,
            {
                "kind": kind,
                "text": html_to_text(str(status.get("content") or "")),
                "received_at": status.get("created_at") or note.get("created_at"),
                "author_handle": "@" + str(account.get("acct") or "").lstrip("@"),
                "author_name": str(account.get("display_name") or ""),
                "link": str(status.get("url") or ""),
                "external_id": str(status.get("id") or note.get("id") or ""),
            },
        )


# --------------------------------------------------------------------------- entry point


def guess_format(path: Path, encoding: str) -> str:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv", ".txt"):
        return "csv"
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    with _text_stream(path, encoding) as stream:
        head = stream.read(4096).lstrip("\ufeff \t\r\n")
    if suffix == ".json" or head.startswith(("[", "{")):
        if head.startswith("{") and "\n{" in head and not head.rstrip().endswith(","):
            first = head.split("\n", 1)[0].strip()
            if first.startswith("{") and first.endswith("}"):
                return "jsonl"
        return "json"
    raise _Bad(t("queue.import.err.format"))


def iter_items(
    path: Path, options: ImportOptions, result: ImportResult
) -> Iterator[tuple[int, QueueItem | _Bad]]:
    """``(line, item or problem)`` for every row of ``path``; fills ``result.format`` etc."""
    encoding = detect_encoding(path)
    result.encoding = encoding
    fmt = options.format
    if fmt == "auto":
        fmt = guess_format(path, encoding)
    if fmt != "csv" and options.strict_columns:  # said for this file, and it has no columns
        raise _Bad(t("queue.import.err.column_csv_only"))
    rows: Iterable[tuple[int, Any]]
    if fmt == "csv":
        rows = _csv_rows(path, encoding, result, options)
    elif fmt == "jsonl":
        rows = _jsonl_rows(path, encoding)
    else:
        data = _load_json(path, encoding)
        if fmt == "json" and options.format == "auto" and is_mastodon(data):
            fmt = "mastodon"
        rows = _mastodon_rows(data) if fmt == "mastodon" else _json_rows(data)
    result.format = fmt
    builder = _Builder(options)
    for line, row in rows:
        if isinstance(row, _Bad):
            yield line, row
            continue
        try:
            yield line, builder.build(row)
        except _Bad as bad:
            yield line, bad


class ImportCancelled(Exception):
    """``read_new_items`` stopped because its ``cancelled()`` said so (the app is closing)."""


def read_new_items(
    path: Path,
    options: ImportOptions,
    *,
    existing: Callable[[], Iterable[QueueItem]] = lambda: (),
    cancelled: Callable[[], bool] = lambda: False,
) -> tuple[ImportResult, list[QueueItem]]:
    """Check the whole of ``path`` and return its new items, writing nothing: the first half
    of an import whose writes happen elsewhere (the app reads on a worker thread and writes on
    its own, see ``ui.queue_import_flow``). Same rules as ``import_queue``: ``ImportRejected``
    if any row is bad. ``cancelled()`` is asked every ``CHUNK`` rows (``ImportCancelled``).

    The new items are held in memory until written (the store then holds them all in memory
    anyway); the importer's other state stays as small as in a streamed import.
    """
    items: list[QueueItem] = []

    def collect(chunk: list[QueueItem]) -> None:
        # import_queue hands over chunks before it has seen the whole file; a later bad row
        # raises ImportRejected, and then ``items`` is simply dropped
        if cancelled():
            raise ImportCancelled
        items.extend(chunk)

    result = import_queue(path, options, existing=existing, write=collect)
    return result, items


def import_queue(
    path: Path,
    options: ImportOptions,
    *,
    existing: Callable[[], Iterable[QueueItem]] = lambda: (),
    write: Callable[[list[QueueItem]], object] | None = None,
    transaction: Callable[[], Any] | None = None,
) -> ImportResult:
    """Read ``path`` and hand its new items to ``write`` in chunks, inside ``transaction()``
    (all or nothing: a problem anywhere raises ``ImportRejected`` and the transaction rolls
    back). ``write=None`` is a dry run. ``existing`` gives the items already stored (dedupe).
    """
    import contextlib

    result = ImportResult(format=options.format)
    problems: list[Problem] = []
    count = 0
    seen = {dedupe_key(item) for item in existing()}
    chunk: list[QueueItem] = []

    def flush() -> None:
        if chunk and write is not None and not count:
            write(list(chunk))
        chunk.clear()

    class _Abort(Exception):
        pass

    tx = transaction() if (transaction is not None and write is not None) else None
    try:
        with tx if tx is not None else contextlib.nullcontext():
            try:
                for line, row in iter_items(path, options, result):
                    if isinstance(row, _Bad):
                        count += 1
                        if len(problems) < MAX_PROBLEMS:
                            problems.append(Problem(getattr(row, "line", line), str(row)))
                        chunk.clear()
                        continue
                    result.rows += 1
                    key = dedupe_key(row)
                    if key in seen:
                        result.skipped += 1
                        continue
                    seen.add(key)
                    result.added += 1
                    if not count:
                        chunk.append(row)
                        if len(chunk) >= CHUNK:
                            flush()
            except _Bad as bad:
                count += 1
                problems.append(Problem(getattr(bad, "line", 0), str(bad)))
            if count:
                raise _Abort
            flush()
    except _Abort:
        raise ImportRejected(str(path), problems, count) from None
    return result
