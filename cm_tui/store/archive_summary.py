"""A small summary kept beside each month file of the archive, so history costs little.

An archive month file (``queue-YYYY-MM.json``) holds every closed item of a month: 50 MB for
100,000 items. Reading them whole made every import's duplicate check, every monthly report and
``check`` pay for all of history. So when a month file is sealed (``Archive.merge``), its summary
is written beside it, through the one atomic writer, as ``summary-YYYY-MM.json``:

* ``sealed``: the month file's size and mtime (what a reader compares with ``stat`` to know the
  summary still describes the file) and the SHA-256 of its bytes (what ``check`` compares: a file
  whose hash matches what was sealed is not parsed again);
* ``ids``: the items' ids (a reader must skip an archived item that is also in the hot table);
* ``keys`` / ``id_keys``: each item's identity for the import's duplicate check
  (``core.queue_identity``), sorted (months merge fast), as little-endian 64-bit arrays in
  base64;
* ``figures`` and ``edges``: the response figures (``core.stats.response_figures``) of the
  month's items. Figures are counted per *local* month, in the user's zone, while files are UTC
  months: an item at least a day away from the month's UTC bounds is in that local month in
  every zone, so those are summed per network (``figures``); the few items of the first and last
  day keep what the figures need (``edges``) and are placed by the zone at reading time. So
  ``response_figures(tz)`` is exact in every zone and never goes stale when the zone changes.

A summary that is missing, damaged, of another ``VERSION`` or whose ``sealed`` size and mtime no
longer match its month file is rebuilt from the file on first use (and written back when the
folder is writable: it is derived data, any process may write it, atomically).
"""

from __future__ import annotations

import base64
import hashlib
import os
import sys
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import orjson

from cm_tui.core.models import QueueItem, QueueStatus
from cm_tui.core.queue_identity import dedupe_key, id_key
from cm_tui.store.atomic import write_atomic

if TYPE_CHECKING:
    from cm_tui.core.stats import ResponseFigures

#: Bumped when what a summary holds or how it is computed changes: older summaries are rebuilt.
VERSION = 1
PREFIX = "summary-"
#: Items this close to their UTC month's bounds may be in another local month in some zone.
EDGE = timedelta(days=1)

#: ``edges`` rows: network, received_at (ISO), kind, status, minutes to reply or None, on time.
Edge = tuple[str, str, str, str, float | None, bool]


def summary_path(folder: Path, month: str) -> Path:
    return folder / f"{PREFIX}{month}.json"


@dataclass(slots=True)
class Totals:
    """Response figures of some items of one network (``core.stats.ResponseFigures`` fields)."""

    received: int = 0
    replied: int = 0
    on_time: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    by_status: dict[str, int] = field(default_factory=dict)
    minutes: list[float] = field(default_factory=list)

    def add(self, kind: str, status: str, minutes: float | None, on_time: bool) -> None:
        self.received += 1
        self.by_kind[kind] = self.by_kind.get(kind, 0) + 1
        self.by_status[status] = self.by_status.get(status, 0) + 1
        if minutes is not None:
            self.replied += 1
            self.minutes.append(minutes)
            self.on_time += on_time

    def to_json(self) -> dict[str, Any]:
        return {
            "received": self.received,
            "replied": self.replied,
            "on_time": self.on_time,
            "by_kind": self.by_kind,
            "by_status": self.by_status,
            "minutes": self.minutes,
        }

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> Totals:
        return cls(
            int(value["received"]),
            int(value["replied"]),
            int(value["on_time"]),
            {str(k): int(v) for k, v in value["by_kind"].items()},
            {str(k): int(v) for k, v in value["by_status"].items()},
            [float(m) for m in value["minutes"]],
        )


@dataclass(slots=True)
class MonthSummary:
    """What ``summary-YYYY-MM.json`` holds (see the module doc)."""

    month: str
    size: int
    mtime_ns: int
    sha256: str
    ids: array[int]
    keys: array[int]
    id_keys: array[int]
    figures: dict[str, Totals]
    edges: list[Edge]

    def describes(self, size: int, mtime_ns: int) -> bool:
        """Whether this summary was made from a month file of this size and mtime."""
        return self.size == size and self.mtime_ns == mtime_ns

    def response_figures(self, tz: ZoneInfo) -> dict[tuple[str, str], ResponseFigures]:
        """(network, local month in ``tz``) -> the figures of this file's items."""
        out: dict[tuple[str, str], ResponseFigures] = {}
        for network, totals in self.figures.items():
            _add(out, network, self.month, totals)
        for network, received, kind, status, minutes, on_time in self.edges:
            local = datetime.fromisoformat(received).astimezone(tz)
            one = Totals()
            one.add(kind, status, minutes, on_time)
            _add(out, network, f"{local.year:04d}-{local.month:02d}", one)
        return out

    def to_bytes(self) -> bytes:
        return orjson.dumps(
            {
                "version": VERSION,
                "month": self.month,
                "sealed": {"size": self.size, "mtime_ns": self.mtime_ns, "sha256": self.sha256},
                "ids": _pack(self.ids),
                "keys": _pack(self.keys),
                "id_keys": _pack(self.id_keys),
                "figures": {name: totals.to_json() for name, totals in self.figures.items()},
                "edges": self.edges,
            }
        )

    @classmethod
    def from_bytes(cls, raw: bytes, month: str) -> MonthSummary | None:
        """The summary in ``raw``, or None if it is damaged, of another version or month."""
        try:
            value = orjson.loads(raw)
            if value["version"] != VERSION or value["month"] != month:
                return None
            sealed = value["sealed"]
            return cls(
                month,
                int(sealed["size"]),
                int(sealed["mtime_ns"]),
                str(sealed["sha256"]),
                _unpack(value["ids"]),
                _unpack(value["keys"]),
                _unpack(value["id_keys"]),
                {str(k): Totals.from_json(v) for k, v in value["figures"].items()},
                [
                    (str(n), str(r), str(k), str(s), None if m is None else float(m), bool(o))
                    for n, r, k, s, m, o in value["edges"]
                ],
            )
        except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError):
            return None


def combine_figures(
    into: dict[tuple[str, str], ResponseFigures], more: dict[tuple[str, str], ResponseFigures]
) -> None:
    """Add ``more`` to ``into`` (both ``core.stats.response_figures`` results), in place: the
    figures of the hot table and of each archive month add up to those of all the items."""
    for (network, month), fig in more.items():
        totals = Totals(
            fig.received,
            fig.replied,
            fig.on_time,
            fig.by_kind,
            fig.by_status,
            fig.response_minutes,
        )
        _add(into, network, month, totals)


def _add(
    out: dict[tuple[str, str], ResponseFigures], network: str, month: str, totals: Totals
) -> None:
    from cm_tui.core.stats import ResponseFigures

    fig = out.get((network, month))
    if fig is None:
        fig = out[(network, month)] = ResponseFigures(network, month)
    fig.received += totals.received
    fig.replied += totals.replied
    fig.on_time += totals.on_time
    for kind, count in totals.by_kind.items():
        fig.by_kind[kind] = fig.by_kind.get(kind, 0) + count
    for status, count in totals.by_status.items():
        fig.by_status[status] = fig.by_status.get(status, 0) + count
    fig.response_minutes.extend(totals.minutes)


def summarize(
    month: str, raw: bytes, items: Iterable[QueueItem], st: os.stat_result
) -> MonthSummary:
    """The summary of the month file whose bytes are ``raw``, items ``items`` and ``stat``
    ``st`` (taken on the same open file, so a concurrent rewrite makes it stale, never wrong)."""
    year, mon = int(month[:4]), int(month[5:7])
    start = datetime(year, mon, 1, tzinfo=UTC)
    end = datetime(year + mon // 12, mon % 12 + 1, 1, tzinfo=UTC)
    lo, hi = start + EDGE, end - EDGE
    ids: array[int] = array("Q")
    keys: array[int] = array("Q")
    id_keys: array[int] = array("Q")
    figures: dict[str, Totals] = {}
    edges: list[Edge] = []
    replied = QueueStatus.REPLIED
    for item in items:
        ids.append(item.id)
        keys.append(dedupe_key(item))
        ident = id_key(item)
        if ident:
            id_keys.append(ident)
        minutes: float | None = None
        on_time = False
        if item.status is replied and item.replied_at is not None:
            minutes = (item.replied_at - item.received_at).total_seconds() / 60
            on_time = item.replied_at <= item.deadline
        kind, status = item.kind.value, item.status.value
        if lo <= item.received_at < hi:
            totals = figures.get(item.network)
            if totals is None:
                totals = figures[item.network] = Totals()
            totals.add(kind, status, minutes, on_time)
        else:
            received = item.received_at.isoformat()
            edges.append((item.network, received, kind, status, minutes, on_time))
    return MonthSummary(
        month,
        st.st_size,
        st.st_mtime_ns,
        hashlib.sha256(raw).hexdigest(),
        ids,
        array("Q", sorted(keys)),
        array("Q", sorted(id_keys)),
        figures,
        edges,
    )


def read_summary(folder: Path, month: str) -> MonthSummary | None:
    """The stored summary of ``month`` as it is (None if missing or damaged), not checked
    against its month file: callers compare ``describes`` or the hash."""
    try:
        raw = summary_path(folder, month).read_bytes()
    except OSError:
        return None
    return MonthSummary.from_bytes(raw, month)


def write_summary(folder: Path, summary: MonthSummary) -> bool:
    """Write ``summary`` atomically; False if the folder is not writable (it is derived data:
    the next reader rebuilds it)."""
    try:
        write_atomic(summary_path(folder, summary.month), summary.to_bytes())
    except OSError:
        return False
    return True


def content_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _pack(values: array[int]) -> str:
    data = values if sys.byteorder == "little" else _swapped(values)
    return base64.b64encode(data.tobytes()).decode("ascii")


def _unpack(text: str) -> array[int]:
    values: array[int] = array("Q")
    values.frombytes(base64.b64decode(text, validate=True))
    return values if sys.byteorder == "little" else _swapped(values)


def _swapped(values: array[int]) -> array[int]:
    copy = array("Q", values)
    copy.byteswap()
    return copy
