"""Response queue rules: deadlines, order, countdown bands, keyword matching.

Deadlines are instants computed in UTC: ``received_at + minutes`` is exactly that many real
seconds later, whatever the wall clock does (a comment received at 01:30 local on the night
clocks spring forward is due 3,600 s later, which the wall clock shows as 03:30). Optionally the
delay is counted in working hours only (``hours`` + ``tz``): the clock then only runs inside the
working day, so a message received on Friday evening is due on Monday morning.

A countdown is always recomputed from ``now`` (``remaining``), never decremented.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from cm_tui.core.models import QueueItem, QueueStatus
from cm_tui.core.recurrence import WorkHours
from cm_tui.core.timeutil import local_to_utc

DUE_SOON = timedelta(minutes=15)
DUE_30 = timedelta(minutes=30)
BANDS: tuple[str, ...] = ("overdue", "due15", "due30", "ok")
#: ``QueueStatus.is_open`` as a set: a membership test is several times cheaper than the
#: property in loops over 10,000 items.
OPEN_STATUSES = frozenset(s for s in QueueStatus if s.is_open)


def deadline_minutes(
    kind: str, network: str, default_minutes: int = 60, overrides: Mapping[str, int] | None = None
) -> int:
    """Reply delay in minutes: ``"kind@network"``, then ``kind``, then ``network``, then the
    default (the most specific rule wins; a kind beats a network because reviews are slow
    everywhere). Same rule as ``Settings.deadline_minutes``."""
    if overrides:
        kind, network = str(kind), str(network)
        for key in (f"{kind}@{network}", kind, network):
            value = overrides.get(key)
            if value is not None:
                return value
    return default_minutes


def deadline_for(
    kind: str,
    network: str,
    received_at_utc: datetime,
    default_minutes: int | Any = 60,
    overrides: Mapping[str, int] | None = None,
    *,
    hours: WorkHours | None = None,
    tz: ZoneInfo | None = None,
) -> datetime:
    """Deadline (UTC) of an item received at ``received_at_utc`` (see module doc).

    ``default_minutes`` may also be a settings-like object (``reply_deadline_minutes`` and
    ``deadline_overrides`` attributes), as in the layer contract ``deadline_for(kind, network,
    received_at, settings)``. With ``hours`` and ``tz`` the delay only runs in working hours.
    """
    if not isinstance(default_minutes, int):
        settings = default_minutes
        default_minutes = int(getattr(settings, "reply_deadline_minutes", 60))
        if overrides is None:
            overrides = getattr(settings, "deadline_overrides", None)
    minutes = deadline_minutes(kind, network, default_minutes, overrides)
    received = received_at_utc.astimezone(UTC)
    if hours is None or tz is None:
        return received + timedelta(minutes=minutes)
    return add_working_time(received, timedelta(minutes=minutes), hours, tz)


def add_working_time(start: datetime, delay: timedelta, hours: WorkHours, tz: ZoneInfo) -> datetime:
    """``start`` plus ``delay`` of working time (UTC in, UTC out). Each working day's window is
    ``[hours.start, hours.end)`` local, measured in real seconds (a DST day keeps its window)."""
    if not hours.workdays or hours.end <= hours.start:
        return start + delay
    remaining = delay
    day = start.astimezone(tz).date()
    for _ in range(366 * 2):  # bounded: at most two years of days
        if day.isoweekday() in hours.workdays:
            open_at = local_to_utc(day, hours.start, tz)
            close_at = local_to_utc(day, hours.end, tz)
            begin = max(open_at, start)
            if begin < close_at:
                if begin + remaining <= close_at:
                    return begin + remaining
                remaining -= close_at - begin
        day += timedelta(days=1)
    return start + delay  # pragma: no cover - unreachable with a sane delay


def remaining(item: QueueItem, now: datetime) -> timedelta:
    """Time left before the deadline (negative once overdue), recomputed from ``now``."""
    return item.deadline - now


countdown = remaining  # name used in the layer contracts


def band(item: QueueItem, now: datetime) -> str:
    """``"overdue"`` (deadline reached), ``"due15"`` (<= 15 min left), ``"due30"`` (<= 30 min),
    else ``"ok"``. Only the deadline matters: callers pass open items."""
    left = item.deadline - now
    if left <= timedelta(0):
        return "overdue"
    if left <= DUE_SOON:
        return "due15"
    if left <= DUE_30:
        return "due30"
    return "ok"


def is_snoozed(item: QueueItem, now: datetime) -> bool:
    return (
        item.status is QueueStatus.SNOOZED
        and item.snoozed_until is not None
        and item.snoozed_until > now
    )


def order_queue(items: Iterable[QueueItem], now: datetime) -> list[QueueItem]:
    """Open-queue order: items by deadline (overdue ones, having the earliest deadlines, come
    first), then items still snoozed at ``now`` by wake-up time. Ties: received time, then id."""
    awake: list[QueueItem] = []
    sleeping: list[QueueItem] = []
    for item in items:
        (sleeping if is_snoozed(item, now) else awake).append(item)
    awake.sort(key=lambda i: (i.deadline, i.received_at, i.id))
    sleeping.sort(key=lambda i: (i.snoozed_until, i.deadline, i.id))
    return awake + sleeping


@dataclass(frozen=True, slots=True)
class QueueCounts:
    open: int
    due_soon: int
    overdue: int


def queue_counts(items: Iterable[QueueItem], now: datetime) -> QueueCounts:
    """Open items, those due within 15 minutes (not yet overdue), and overdue ones."""
    n_open = soon = late = 0
    limit = now + DUE_SOON
    for item in items:
        if item.status not in OPEN_STATUSES:
            continue
        n_open += 1
        if item.deadline <= now:
            late += 1
        elif item.deadline <= limit:
            soon += 1
    return QueueCounts(n_open, soon, late)


def format_countdown(delta: timedelta) -> str:
    """Compact, language-neutral countdown, minutes rounded up (so "0:00" only at the deadline):

    under an hour ``"0:47"``; hours ``"3h05"``; a day or more ``"2d03"`` (days, hours); overdue
    gets a leading ``-`` (``"-0:12"``).
    """
    seconds = delta.total_seconds()
    sign = "-" if seconds < 0 else ""
    minutes = int(-(-abs(seconds) // 60))  # ceil
    if minutes < 60:
        return f"{sign}0:{minutes:02d}"
    hours, mins = divmod(minutes, 60)
    if hours < 24:
        return f"{sign}{hours}h{mins:02d}"
    days, hours = divmod(hours, 24)
    return f"{sign}{days}d{hours:02d}"


# --------------------------------------------------------------------------- keywords


def fold_text(text: str) -> str:
    """Case- and accent-insensitive form: NFKD, combining marks dropped, casefolded
    (``"Évènement"`` -> ``"evenement"``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed.isascii():
        return decomposed.casefold()
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=64)
def _keyword_patterns(keywords: tuple[str, ...]) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    out = []
    seen: set[str] = set()
    for keyword in keywords:
        folded = fold_text(keyword.strip())
        if not folded or folded in seen:
            continue
        seen.add(folded)
        raw = folded.split()
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in raw) + r"(?!\w)")
        out.append((keyword, raw[0], pattern))
    return tuple(out)


def match_keywords(text: str, keywords: Sequence[str] | Iterable[str]) -> tuple[str, ...]:
    """The watch keywords found in ``text`` as whole words, ignoring case and accents, in the
    order of ``keywords`` (each once, spelled as given). ``"cafe"`` matches ``"Café!"`` but not
    ``"cafeteria"``; a multi-word keyword matches across any run of spaces."""
    patterns = _keyword_patterns(tuple(keywords))
    if not patterns or not text:
        return ()
    folded = fold_text(text)
    return tuple(
        keyword for keyword, head, pattern in patterns if head in folded and pattern.search(folded)
    )
