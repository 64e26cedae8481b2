"""Calendar and wall-clock helpers shared by recurrence, agenda, calendar, targets and stats.

Pure stdlib (``datetime`` + ``zoneinfo``); nothing here reads the clock.

Wall-clock policy (PEP 495, what ``zoneinfo`` does with ``fold=0``):

* a local time that does not exist (the hour skipped when clocks spring forward, e.g. 02:30 in
  Europe/Paris on the last Sunday of March) is read with the offset in force *before* the gap,
  which lands it *after* the gap, shifted by the gap's length: 02:30 becomes 03:30 local;
* a local time that exists twice (the hour repeated in autumn) means its *first* occurrence
  (the summer-time one).

So a task "at 09:00" is at 09:00 local on every day, DST days included, and a task inside the
gap happens once, right after it, never twice and never on the previous day.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

ONE_DAY = timedelta(days=1)
#: The days cm-tui accepts from outside: ``--now``, a date in an imported file or a setting.
#: Far inside ``datetime``'s years 1..9999, so that no computation around them (a year of demo
#: on each side, month arithmetic, deadlines, archive months) can overflow; far enough apart
#: for any real use.
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2199, 12, 31)
FIRST_SUPPORTED = datetime.combine(FIRST_DAY, time(0, 0), tzinfo=UTC)
LAST_SUPPORTED = datetime.combine(LAST_DAY, time(23, 59, 59, 999999), tzinfo=UTC)


def is_supported_day(day: date) -> bool:
    """``day`` lies from ``FIRST_DAY`` to ``LAST_DAY``."""
    return FIRST_DAY <= day <= LAST_DAY


def clamp_supported_day(day: date) -> date:
    """``day``, or the nearest of ``FIRST_DAY`` / ``LAST_DAY`` when it lies outside them."""
    return min(max(day, FIRST_DAY), LAST_DAY)


def supported_days() -> dict[str, str]:
    """``first`` and ``last``: the days cm-tui handles, for the messages that name them, as
    ``YYYY-MM-DD`` (what a date field takes; a ``FieldError`` is translated when shown, so its
    placeholders read the same in any language)."""
    return {"first": FIRST_DAY.isoformat(), "last": LAST_DAY.isoformat()}


def in_supported_range(at: datetime) -> bool:
    """``at`` (aware) lies on a UTC day from ``FIRST_DAY`` to ``LAST_DAY``."""
    return FIRST_SUPPORTED <= at <= LAST_SUPPORTED


def parse_hhmm(value: str | time) -> time:
    """``"09:30"`` -> ``time(9, 30)``; a ``time`` is returned unchanged.

    Raises ``ValueError`` for anything else (``"9h"``, ``"24:00"``, ``"07:60"``).
    """
    if isinstance(value, time):
        return value
    text = str(value)
    if len(text) != 5 or text[2] != ":" or not (text[:2] + text[3:]).isdigit():
        raise ValueError(f"not a HH:MM time: {value!r}")
    return time(int(text[:2]), int(text[3:]))


def format_hhmm(value: time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def local_to_utc(day: date, at: time, tz: ZoneInfo) -> datetime:
    """The UTC instant of wall-clock ``at`` on ``day`` in ``tz`` (gap/fold policy above)."""
    return datetime(
        day.year, day.month, day.day, at.hour, at.minute, at.second, tzinfo=tz
    ).astimezone(UTC)


def local_day_bounds(day: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """``[start, end)`` of the local day in UTC. 23 or 25 hours long on DST days."""
    return local_to_utc(day, time(0), tz), local_to_utc(day + ONE_DAY, time(0), tz)


def local_date(instant: datetime, tz: ZoneInfo) -> date:
    """The local calendar day an aware instant falls on."""
    return instant.astimezone(tz).date()


def week_start_of(day: date) -> date:
    """Monday of ``day``'s ISO week (weeks start on Monday)."""
    return day - timedelta(days=day.weekday())


def days_in_month(year: int, month: int) -> int:
    """28 to 31 (arithmetic, not the ``calendar`` module: one import less at start-up)."""
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - timedelta(days=1)).day


def month_key(day: date) -> str:
    """``date(2026, 3, 5)`` -> ``"2026-03"``."""
    return f"{day.year:04d}-{day.month:02d}"


def is_supported_month(month: str) -> bool:
    """``month`` (``YYYY-MM``) is a month of the supported days (``FIRST_DAY`` .. ``LAST_DAY``):
    a month typed or imported before them (``0001-01``) has no month before it to compare with."""
    return month_key(FIRST_DAY) <= month <= month_key(LAST_DAY)


def parse_month(month: str) -> tuple[int, int]:
    """``"2026-03"`` -> ``(2026, 3)``; ``ValueError`` otherwise."""
    year, sep, mon = month.partition("-")
    if not sep or len(year) != 4 or len(mon) != 2 or not (year + mon).isdigit():
        raise ValueError(f"not a YYYY-MM month: {month!r}")
    if not 1 <= int(mon) <= 12:
        raise ValueError(f"not a YYYY-MM month: {month!r}")
    return int(year), int(mon)


def month_index(year: int, month: int) -> int:
    """Months since year 0: consecutive months have consecutive indexes."""
    return year * 12 + month - 1


def shift_month(month: str, n: int) -> str:
    """``shift_month("2026-01", -1)`` -> ``"2025-12"``."""
    year, mon = parse_month(month)
    index = month_index(year, mon) + n
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def add_months(day: date, n: int) -> date:
    """Same day-of-month ``n`` months later, clamped to the month's length.

    ``add_months(date(2026, 1, 31), 1)`` -> Feb 28. Always computed from ``day`` itself: callers
    that need a series compute each term from the anchor (``add_months(anchor, k)``), never by
    chaining (which would drift Jan 31 -> Feb 28 -> Mar 28).
    """
    index = month_index(day.year, day.month) + n
    year, month = index // 12, index % 12 + 1
    return date(year, month, min(day.day, days_in_month(year, month)))


def nth_weekday_of_month(year: int, month: int, iso_weekday: int, n: int) -> date | None:
    """The ``n``-th (1..5) or last (``n == -1``) ``iso_weekday`` of the month, or ``None`` if the
    month has no such day (a 5th Monday)."""
    if n == -1:
        last = date(year, month, days_in_month(year, month))
        return last - timedelta(days=(last.isoweekday() - iso_weekday) % 7)
    first = date(year, month, 1)
    day = first + timedelta(days=(iso_weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    return day if day.month == month else None
