"""Import queue items (comments, messages, mentions, reviews) from CSV, JSON, JSON Lines or
Mastodon notifications.

The file is read by the one import pipeline (``io.tabular``: what may be read, encodings,
CSV rows, problems); this module maps rows to ``QueueItem``. Contract:

* **all or nothing**: every row is checked; one bad row rejects the whole file with a report of
  line numbers and reasons (``ImportRejected``) and nothing is written (the rows go into the
  store inside one transaction, rolled back on the first problem);
* **streaming**: CSV and JSON Lines are read row by row and written in chunks, so the importer's
  own memory does not grow with the file (only the dedupe keys are kept, 8 to 16 bytes a row in
  ``io.keyset``; a JSON array or a Mastodon export is one document and is parsed whole);
* **never silent mojibake**: UTF-8, UTF-8 with BOM and UTF-16 (BOM, or NUL pattern) are decoded
  strictly; anything else must decode as strict Windows-1252 (whose five undefined bytes are
  refused), else the file is rejected with the byte offset;
* **dedupe**: a row is a duplicate only when the same network, external id, author and text
  are already in the store (hot table or archives) or earlier in the file; without an id, the
  same network, author, instant and text. A row whose id is taken by a different author or
  text is a new item (many tools number rows 1…N per export), counted in ``reused_ids``;
* **known networks only**: a network that is not one of ``ImportOptions.networks`` (after the
  usual aliases: twitter → x, fb → facebook...) is that row's problem, naming the known ones;
* **bounded**: a date outside ``timeutil``'s supported years, a nested JSON document, a field
  holding a structure: each is a problem of its line or element (``io.tabular``), never an
  exception;
* text is cleaned by ``core.textsafe`` and watch keywords are matched at import.

Naive times are read in the source's zone (``tz``); French dates (``19/11/2026 9h12``) are
recognised. Which column or key holds which field is ``io.queue_columns``'s (English and
French names, ``[import.columns]``, ``--column``); a Mastodon export's rows are
``io.mastodon_export``'s.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from cm_tui.core.deadline import DEFAULT_POLICY, DeadlinePolicy, deadline_for
from cm_tui.core.i18n import t
from cm_tui.core.models import QueueItem, QueueKind
from cm_tui.core.queue import fold_text, match_keywords
from cm_tui.core.queue_identity import dedupe_key, id_key
from cm_tui.core.settings import KNOWN_NETWORKS
from cm_tui.core.textsafe import clean_line, clean_text
from cm_tui.core.timeutil import in_supported_range
from cm_tui.core.value import Value, frozen
from cm_tui.io.keyset import KeySet, SortedKeys
from cm_tui.io.mastodon_export import html_to_text, is_mastodon, mastodon_rows
from cm_tui.io.queue_columns import (
    fold_name,
    internal_field,
    map_header,
    object_fields,
    parse_column_option,
)
from cm_tui.io.tabular import (
    ELEMENT,
    LINE,
    MAX_PROBLEMS,
    CsvFile,
    ImportRejected,
    Problem,
    deep_element,
    file_problems,
    row_problem,
    short,
    text_stream,
)
from cm_tui.io.tabular import Bad as _Bad
from cm_tui.io.tabular import detect_encoding as detect_encoding

__all__ = [
    "ImportRejected",
    "Problem",
    "detect_encoding",
    "html_to_text",
    "internal_field",
    "parse_column_option",
]

FORMATS: tuple[str, ...] = ("auto", "csv", "json", "jsonl", "mastodon")
#: rows written per ``add_many`` call inside the import's transaction
CHUNK = 2_000
#: rows between two calls of an import's ``pace`` (about 2 ms of reading)
PACE_ROWS = 100
#: a JSON document nested deeper than this is refused (a queue item needs 3 levels)
MAX_JSON_DEPTH = 32

# --------------------------------------------------------------------------- results


@dataclass
class ImportResult:
    format: str
    rows: int = 0
    added: int = 0
    skipped: int = 0
    #: rows whose network and id were known with another author or text: imported as new
    reused_ids: int = 0
    encoding: str = ""
    delimiter: str = ""


# --------------------------------------------------------------------------- options


@frozen(slots=False)
class ImportOptions(Value):
    """What the file does not say: its format, default network, the zone of naive times, the
    deadline policy (a ``Settings``-like object) and the watch keywords."""

    format: str = "auto"
    network: str | None = None
    tz: ZoneInfo = field(default_factory=lambda: ZoneInfo("UTC"))
    deadline_policy: DeadlinePolicy = DEFAULT_POLICY
    keywords: tuple[str, ...] = ()
    #: the networks a row may name (``KNOWN_NETWORKS``: the shipped profiles)
    networks: tuple[str, ...] = KNOWN_NETWORKS
    #: explicit CSV column names: field (``IMPORT_FIELDS``) -> header (``{"text": "Body"}``),
    #: tried before the known names; a header absent from the file is ignored (the settings'
    #: ``[import.columns]`` apply to every file) unless its field is in ``strict_columns``
    columns: Mapping[str, str] = field(default_factory=dict)
    #: fields whose explicit header must be in the file (``--column``: said for this file)
    strict_columns: frozenset[str] = frozenset()
    #: the message saying how to name a column none of the known names found: the command
    #: line's names ``--column``; the app's (``ctrl+o``, the inbox) the settings file only
    column_hint: str = "queue.import.err.map_hint"


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
    "masto": "mastodon",
    "bsky": "bluesky",
}
_TRUE = frozenset({"1", "true", "yes", "y", "x", "oui", "o", "vrai"})
_FALSE = frozenset({"", "0", "false", "no", "n", "non", "faux"})


# --------------------------------------------------------------------------- values


_FR_DATE = re.compile(
    r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})"
    r"(?:[ T,]+(?:[àa]\s+)?(\d{1,2})\s*[:hH]\s*(\d{2})?(?:\s*:\s*(\d{2}))?)?\s*$"
)


def parse_instant(value: str, tz: ZoneInfo) -> datetime:
    """An instant from ISO-8601 (with or without offset, ``Z`` accepted) or a French day-first
    date (``19/11/2026``, ``19/11/2026 09:12``, ``19.11.2026 9h12``); naive means ``tz``."""
    text = value.strip()
    if len(text) > 64:
        raise _Bad(t("queue.import.err.date", value=short(value)))
    match = None if text[4:5] == "-" else _FR_DATE.match(text)  # ISO: YYYY-...
    try:
        if match is not None:
            raise ValueError
        at = datetime.fromisoformat(text)
    except ValueError:
        match = match or _FR_DATE.match(text)
        if match is None:
            raise _Bad(t("queue.import.err.date", value=short(value))) from None
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
            raise _Bad(t("queue.import.err.date", value=short(value))) from None
    if at.tzinfo is None:
        at = at.replace(tzinfo=tz)
    if not in_supported_range(at):
        raise _Bad(t("imports.err.date_range"))
    return at.astimezone(UTC)


def parse_kind(value: str) -> QueueKind:
    if not value.strip():
        return QueueKind.COMMENT
    kind = _KINDS.get(fold_name(value))
    if kind is None:
        raise _Bad(t("queue.import.err.kind", value=short(value)))
    return kind


def parse_network(
    value: str | None, default: str | None, known: tuple[str, ...] = KNOWN_NETWORKS
) -> str:
    """The network key a cell names (any case, accents, spaces; aliases such as ``twitter``),
    ``default`` when empty; ``_Bad`` naming the known ones if it is not in ``known``."""
    text = (value or "").strip() or (default or "")
    if not text:
        raise _Bad(t("queue.import.err.missing", field="network"))
    key = fold_text(text).strip().replace(" ", "")
    key = _NETWORK_ALIASES.get(key, key)
    if key not in known:
        raise _Bad(t("imports.err.network", value=short(text), known=", ".join(known)))
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
    raise _Bad(t("queue.import.err.bool", value=short(str(value))))


def _clean_line(text: str) -> str:
    """``clean_line``, with a fast path for the common already-clean value (``isprintable``
    is false for every character ``clean_text`` removes or changes: controls, bidi formats,
    separators, and for any whitespace but the plain space)."""
    if text.isprintable() and "  " not in text and text == text.strip():
        return text
    return clean_line(text)


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
            network = self._networks[raw] = parse_network(
                raw, self.options.network, self.options.networks
            )
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
        """The item of ``row``; ``_Bad`` for any problem its values cause (``row_problem``)."""
        try:
            return self._build(row)
        except Exception as exc:
            bad = row_problem(exc)
            if bad is None:
                raise
            raise bad from None

    def _build(self, row: Mapping[str, Any]) -> QueueItem:
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


# --------------------------------------------------------------------------- CSV


def _csv_rows(
    path: Path, encoding: str, result: ImportResult, options: ImportOptions
) -> Iterator[tuple[int, Any]]:
    """``(line, row-or-_Bad)`` for each data row of a CSV file in ``encoding``."""
    with CsvFile(path, encoding) as table:
        result.encoding, result.delimiter = table.encoding, table.delimiter
        try:
            mapping = map_header(
                table.header, options.columns, options.strict_columns, options.column_hint
            )
        except _Bad as bad:
            yield 1, bad
            return
        items = list(mapping.items())
        for line, row in table.rows():
            if isinstance(row, _Bad):
                yield line, row
            else:
                yield line, {fld: row[index] for fld, index in items}


# --------------------------------------------------------------------------- JSON / JSONL


def _jsonl_rows(path: Path, encoding: str) -> Iterator[tuple[int, Any]]:
    with text_stream(path, encoding) as stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            if "\0" in line:
                yield number, _Bad(t("imports.err.nul"))
                continue
            try:
                obj = json.loads(line)
            except RecursionError:
                yield number, _Bad(t("imports.err.deep"))
                continue
            except ValueError as exc:
                yield number, _Bad(t("imports.err.json", reason=short(str(exc), 80)))
                continue
            yield number, object_fields(obj)


def _load_json(path: Path, encoding: str) -> Any:
    """The whole document; ``_Bad`` naming the line of a syntax error, or the element of the
    top-level array that is nested too deeply."""
    with open(path, encoding=encoding, errors="strict") as handle:
        text = handle.read()
    if "\0" in text:
        raise _Bad(t("imports.err.nul"))
    try:
        return json.loads(text)
    except RecursionError:
        raise _Bad(t("imports.err.deep"), deep_element(text, MAX_JSON_DEPTH), ELEMENT) from None
    except ValueError as exc:
        reason = t("imports.err.json", reason=short(getattr(exc, "msg", str(exc)), 80))
        raise _Bad(reason, getattr(exc, "lineno", 0), LINE) from None


def _json_rows(data: Any) -> Iterator[tuple[int, Any]]:
    """Rows of a JSON document: an array of objects, or ``{"items": [...]}``; the "line" of
    a row is its position in the array (1-based)."""
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        data = data["items"]
    if not isinstance(data, list):
        yield 0, _Bad(t("queue.import.err.object"))
        return
    for number, obj in enumerate(data, 1):
        yield number, object_fields(obj)


# --------------------------------------------------------------------------- entry point


def guess_format(path: Path, encoding: str) -> str:
    """The format ``auto`` means for ``path``: by its suffix, else by its first characters."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv", ".txt"):
        return "csv"
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    with text_stream(path, encoding) as stream:
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
        if fmt == "mastodon" and options.network is None:
            options = dataclasses.replace(options, network="mastodon")
        rows = mastodon_rows(data) if fmt == "mastodon" else _json_rows(data)
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
    known: Callable[[], Iterable[tuple[Iterable[int], Iterable[int]]]] = lambda: (),
    cancelled: Callable[[], bool] = lambda: False,
    pace: Callable[[], object] | None = None,
) -> tuple[ImportResult, list[QueueItem]]:
    """Check the whole of ``path`` and return its new items, writing nothing: the first half
    of an import whose writes happen elsewhere (the app reads on a worker thread and writes on
    its own, see ``ui.queue_import_flow``). Same rules as ``import_queue`` (``existing`` and
    ``known`` included): ``ImportRejected`` if any row is bad. ``cancelled()`` is asked every
    ``CHUNK`` rows (``ImportCancelled``), ``pace()`` every ``PACE_ROWS`` (the app pauses the
    reading there while keys arrive).

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

    result = import_queue(path, options, existing=existing, known=known, write=collect, pace=pace)
    return result, items


def import_queue(
    path: Path,
    options: ImportOptions,
    *,
    existing: Callable[[], Iterable[QueueItem]] = lambda: (),
    known: Callable[[], Iterable[tuple[Iterable[int], Iterable[int]]]] = lambda: (),
    write: Callable[[list[QueueItem]], object] | None = None,
    transaction: Callable[[], Any] | None = None,
    pace: Callable[[], object] | None = None,
) -> ImportResult:
    """Read ``path`` and hand its new items to ``write`` in chunks, inside ``transaction()``
    (all or nothing: a problem anywhere raises ``ImportRejected`` and the transaction rolls
    back). ``write=None`` is a dry run. ``existing`` gives the items already stored (dedupe);
    ``known``, the identities of more stored items without the items (``dedupe_key`` and
    ``id_key`` values, e.g. the archive's month summaries: ``QueueRepo.archived_keys``).
    ``pace()``, if given, is called every ``PACE_ROWS`` rows, and every ``PACE_ROWS`` items
    of ``existing``.
    """
    import contextlib

    result = ImportResult(format=options.format)
    seen = _Seen(existing(), pace, known())
    problems: list[Problem] = []
    count = 0
    chunk: list[QueueItem] = []

    def flush() -> None:
        if chunk and write is not None and not count:
            write(list(chunk))
        chunk.clear()

    tx = transaction() if (transaction is not None and write is not None) else None
    with file_problems(path), tx if tx is not None else contextlib.nullcontext():
        try:
            for where, row in iter_items(path, options, result):
                if pace is not None and not where % PACE_ROWS:
                    pace()
                if isinstance(row, _Bad):
                    count += 1
                    if len(problems) < MAX_PROBLEMS:
                        problems.append(row.problem(where, _unit(result)))
                    chunk.clear()
                    continue
                result.rows += 1
                verdict = seen.add(row)
                if verdict is _Seen.DUPLICATE:
                    result.skipped += 1
                    continue
                result.reused_ids += verdict is _Seen.REUSED_ID
                result.added += 1
                if not count:
                    chunk.append(row)
                    if len(chunk) >= CHUNK:
                        flush()
        except _Bad as bad:
            count += 1
            problems.append(bad.problem())
        if count:
            raise ImportRejected(str(path), problems, count)
        flush()
    return result


def _unit(result: ImportResult) -> str:
    """What a row's number counts: elements of a JSON array, else lines."""
    return ELEMENT if result.format in ("json", "mastodon") else LINE


class _Seen:
    """The identities of the items stored and of the rows read so far (``dedupe_key``), and
    which network ids are taken (``id_key``), in ``io.keyset`` sets: a dry run of a million rows
    keeps 16 to 32 MB of keys, not a growing set of objects. Identities known in bulk
    (``known``: pairs of key and id-key sequences, the archive's) are kept apart, sorted."""

    NEW, DUPLICATE, REUSED_ID = "new", "duplicate", "reused id"

    def __init__(
        self,
        items: Iterable[QueueItem],
        pace: Callable[[], object] | None = None,
        known: Iterable[tuple[Iterable[int], Iterable[int]]] = (),
    ) -> None:
        self.keys = KeySet()
        self.ids = KeySet()
        pairs = list(known)
        self.known_keys = SortedKeys(keys for keys, _ids in pairs)
        self.known_ids = SortedKeys(ids for _keys, ids in pairs)
        for count, item in enumerate(items, 1):
            if self.keys.add(dedupe_key(item)):
                ident = id_key(item)
                if ident:
                    self.ids.add(ident)
            if pace is not None and not count % PACE_ROWS:
                pace()

    def add(self, item: QueueItem) -> str:
        key = dedupe_key(item)
        if key in self.known_keys or not self.keys.add(key):
            return self.DUPLICATE
        ident = id_key(item)
        if ident and (ident in self.known_ids or not self.ids.add(ident)):
            return self.REUSED_ID
        return self.NEW
