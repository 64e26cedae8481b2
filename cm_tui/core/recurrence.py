"""When does a task occur? Pure rules over local calendar days.

``slots_on(template, day, tz, ...)`` lists the occurrences ("slots") of a task template on one
local day of the user's time zone. It never reads the clock and never chains dates: every
answer is computed from the day itself and the cadence's ``anchor``, so a rule cannot drift.

Cadences (``models.CadenceKind``):

* ``TIMES_PER_DAY``: ``times`` slots on each working day (or on ``weekdays`` when given), spread
  evenly over the working hours: slot *i* sits in the middle of the *i*-th of ``times`` equal
  parts of ``[start, end)`` (``at``, when given, replaces the start), rounded down to 5 minutes.
  9-18 with 3 slots gives 10:30, 13:30, 16:30; one slot gives 13:30, or ``at`` when set. Every
  slot's block is the one its time falls in.
* ``DAILY``: every day (weekends included), or every ``every`` days counted from ``anchor``.
* ``WORKDAYS``: each working day of the settings.
* ``WEEKLY``: on ``weekdays`` (ISO 1 = Monday) of every ``every``-th ISO week, the phase counted
  from ``anchor``'s week (or from the week of 2001-01-01, a Monday, when there is no anchor).
* ``MONTHLY``: every ``every`` months (phase from ``anchor``'s month, else from January 2000) on
  ``nth_weekday`` ``(iso_weekday, n)`` (n = 1..5, -1 = last), else on ``day_of_month`` (-1 = last
  day; 29-31 clamped to the month's last day: "the 31st" is Jan 31, Feb 28/29, Mar 31, Apr 30),
  else on ``anchor``'s day, else on the 1st. A 5th weekday that a month lacks gives no slot.
* ``QUARTERLY``: ``MONTHLY`` with ``every`` x 3 months (default phase: January, April, July,
  October).
* ``OCCASIONAL``: every ``every`` months *since last done*: due from ``add_months(last_done,
  every)`` (or from ``anchor``/at once if never done) until done. ``due_day`` is the working
  day it falls due; the agenda shows it in its group that day only, and as overdue on the
  working days after, until it is done (``core.agenda``).
* ``ONCE``: a checklist item. It has a slot only on its ``anchor`` day (one-off tasks); without an
  anchor (onboarding and first-months checklists) it has none and is tracked by
  ``checklist_key``.

``after_completion`` turns ``DAILY``/``WORKDAYS`` (``every`` days), ``WEEKLY`` (``every`` weeks),
``MONTHLY`` (``every`` months) and ``QUARTERLY`` into the same "since last done" rule as
``OCCASIONAL``. ``last_done`` is the most recent local day, strictly before ``day``, on which the
task was done (or skipped: a skip also restarts the interval); on the day it is done the slot
is still listed, so it shows as done.

Times of the other cadences: ``at`` if set, else the start of ``block``, else the start of the
working day; their block is ``block`` if set, else the one the time falls in. DST: see
``timeutil`` (09:00 is 09:00 local every day; a time in the spring-forward gap moves past it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from cm_tui.core.models import Cadence, CadenceKind, TaskTemplate, occurrence_key
from cm_tui.core.timeutil import (
    add_months,
    days_in_month,
    local_to_utc,
    month_index,
    nth_weekday_of_month,
    parse_hhmm,
    week_start_of,
)
from cm_tui.core.value import Value, frozen

#: Named time blocks of a working day, in order. ``block_start`` / ``block_of`` give their bounds:
#: morning = [workday start, 12:00), midday = [12:00, 14:00), afternoon = [14:00, workday end),
#: evening = [workday end, midnight). Times before the workday start count as morning.
BLOCKS: tuple[str, ...] = ("morning", "midday", "afternoon", "evening")
_MIDDAY = time(12, 0)
_AFTERNOON = time(14, 0)

#: Phase origin of ``WEEKLY`` cadences without an anchor (a Monday).
WEEK_EPOCH = date(2001, 1, 1)
#: Day used in the occurrence key of a ``ONCE`` checklist item that has no anchor day.
CHECKLIST_DAY = date(1970, 1, 1)

DEFAULT_WORKDAYS: tuple[int, ...] = (1, 2, 3, 4, 5)


@frozen
class WorkHours(Value):
    """The working day: ``[start, end)`` local time on ISO ``workdays``."""

    start: time = time(9, 0)
    end: time = time(18, 0)
    workdays: tuple[int, ...] = DEFAULT_WORKDAYS

    @classmethod
    def of(cls, settings: Any = None) -> WorkHours:
        """Build from ``None`` (defaults), a ``WorkHours``, or any settings-like object with
        ``workday_start`` / ``workday_end`` (``"HH:MM"`` or ``time``) and ``workdays``."""
        if settings is None:
            return cls()
        if isinstance(settings, WorkHours):
            return settings
        return cls(
            start=parse_hhmm(getattr(settings, "workday_start", "09:00")),
            end=parse_hhmm(getattr(settings, "workday_end", "18:00")),
            workdays=tuple(getattr(settings, "workdays", DEFAULT_WORKDAYS)),
        )


@frozen
class Slot(Value):
    """One occurrence of a task on a day: its index within the day, local time, block, instant."""

    index: int
    local_time: time | None
    block: str | None
    at_utc: datetime


def block_start(name: str, hours: WorkHours) -> time:
    """Local start of a named block (``ValueError`` for an unknown name)."""
    if name == "morning":
        return hours.start
    if name == "midday":
        return _MIDDAY
    if name == "afternoon":
        return _AFTERNOON
    if name == "evening":
        return hours.end
    raise ValueError(f"unknown time block {name!r}; use one of {', '.join(BLOCKS)}")


def block_of(at: time, hours: WorkHours) -> str:
    """The named block a local time falls in."""
    if at >= hours.end:
        return "evening"
    if at < _MIDDAY:
        return "morning"
    if at < _AFTERNOON:
        return "midday"
    return "afternoon"


def checklist_key(template: TaskTemplate) -> str:
    """Occurrence key of a ``ONCE`` item: its anchor day, else ``CHECKLIST_DAY``, slot 0."""
    return occurrence_key(template.key, template.cadence.anchor or CHECKLIST_DAY, 0)


def validate_cadence(cadence: Cadence) -> list[str]:
    """Problems with a cadence, as short English phrases naming the field (empty list: valid).

    Used by the shipped-data loader and by forms that create templates.
    """
    problems: list[str] = []
    if cadence.times < 1 or cadence.times > 48:
        problems.append(f"cadence.times must be 1..48, got {cadence.times}")
    if cadence.every < 1:
        problems.append(f"cadence.every must be at least 1, got {cadence.every}")
    if any(not 1 <= d <= 7 for d in cadence.weekdays):
        problems.append(f"cadence.weekdays must be ISO weekdays 1..7, got {list(cadence.weekdays)}")
    dom = cadence.day_of_month
    if dom is not None and not (1 <= dom <= 31 or dom == -1):
        problems.append(f"cadence.day_of_month must be 1..31 or -1, got {dom}")
    if cadence.nth_weekday is not None:
        wd, n = cadence.nth_weekday
        if not 1 <= wd <= 7 or not (1 <= n <= 5 or n == -1):
            problems.append(
                f"cadence.nth_weekday must be (weekday 1..7, n 1..5 or -1), got {[wd, n]}"
            )
    if cadence.at is not None:
        try:
            parse_hhmm(cadence.at)
        except ValueError:
            problems.append(f"cadence.at must be HH:MM, got {cadence.at!r}")
    if cadence.block is not None and cadence.block not in BLOCKS:
        problems.append(f"cadence.block must be one of {', '.join(BLOCKS)}, got {cadence.block!r}")
    return problems


# --------------------------------------------------------------------------- day rules


def _months_phase_ok(cadence: Cadence, day: date, every: int, default_origin: int) -> bool:
    origin = (
        month_index(cadence.anchor.year, cadence.anchor.month)
        if cadence.anchor is not None
        else default_origin
    )
    return (month_index(day.year, day.month) - origin) % every == 0


def _monthly_day(cadence: Cadence, year: int, month: int) -> date | None:
    """The day a monthly rule falls on in the given month (``None``: no such day)."""
    if cadence.nth_weekday is not None:
        wd, n = cadence.nth_weekday
        return nth_weekday_of_month(year, month, wd, n)
    dom = cadence.day_of_month
    if dom is None:
        dom = cadence.anchor.day if cadence.anchor is not None else 1
    last = days_in_month(year, month)
    return date(year, month, last if dom == -1 else min(dom, last))


def interval_due(cadence: Cadence, last_done: date) -> date:
    """First day a "since last done" task is due again after being done on ``last_done``."""
    kind = cadence.kind
    if kind in (CadenceKind.MONTHLY, CadenceKind.OCCASIONAL):
        return add_months(last_done, cadence.every)
    if kind is CadenceKind.QUARTERLY:
        return add_months(last_done, 3 * cadence.every)
    if kind is CadenceKind.WEEKLY:
        return last_done + timedelta(weeks=cadence.every)
    return last_done + timedelta(days=cadence.every)


#: ``lookback_start``'s margin: a week (every week has a working day) and 3 days of month
#: clamping, so that a completion older than the look-back makes the task due *before* the day
_LOOKBACK_MARGIN = timedelta(days=10)


def lookback_start(cadence: Cadence, day: date) -> date:
    """Earliest completion day that can still make a "since last done" task due on ``day`` or
    later: callers look for ``last_done`` in ``[lookback_start, day)`` only. Any completion
    before it gives a ``due_day`` before ``day`` (overdue), as no completion at all does."""
    kind = cadence.kind
    if kind in (CadenceKind.MONTHLY, CadenceKind.OCCASIONAL):
        return add_months(day, -cadence.every) - _LOOKBACK_MARGIN
    if kind is CadenceKind.QUARTERLY:
        return add_months(day, -3 * cadence.every) - _LOOKBACK_MARGIN
    if kind is CadenceKind.WEEKLY:
        return day - timedelta(weeks=cadence.every) - _LOOKBACK_MARGIN
    return day - timedelta(days=cadence.every) - _LOOKBACK_MARGIN


def due_day(cadence: Cadence, hours: WorkHours, last_done: date | None) -> date | None:
    """The working day a "since last done" task falls due: the first working day on or after
    ``interval_due(last_done)`` and its ``anchor``; never done, on or after its ``anchor``;
    ``None`` when it was never done and has no anchor (due since before anything is known)."""
    anchor = cadence.anchor
    if last_done is not None:
        start = interval_due(cadence, last_done)
        if anchor is not None and anchor > start:
            start = anchor  # never before its anchor (``day_matcher``)
    elif anchor is not None:
        start = anchor
    else:
        return None
    workdays = frozenset(hours.workdays) or frozenset(range(1, 8))
    while start.isoweekday() not in workdays:
        start += timedelta(days=1)
    return start


def is_since_last_done(cadence: Cadence) -> bool:
    """True for cadences driven by the last completion rather than by the calendar."""
    if cadence.kind is CadenceKind.OCCASIONAL:
        return True
    return cadence.after_completion and cadence.kind not in (
        CadenceKind.ONCE,
        CadenceKind.TIMES_PER_DAY,
    )


def occurs_on(cadence: Cadence, day: date, hours: WorkHours, last_done: date | None = None) -> bool:
    """Whether the cadence has at least one slot on ``day`` (cheap: date arithmetic only)."""
    return day_matcher(cadence, hours, last_done)(day)


def day_matcher(
    cadence: Cadence, hours: WorkHours, last_done: date | None = None
) -> Callable[[date], bool]:
    """A predicate ``day -> occurs?`` specialised once for a cadence, for loops over many days
    (the agenda probes eight days per template on every refresh)."""
    anchor = cadence.anchor
    kind = cadence.kind
    if kind is CadenceKind.ONCE:
        return lambda day: anchor is not None and day == anchor
    test = _calendar_test(cadence, hours, last_done)
    if anchor is None:
        return test
    return lambda day: day >= anchor and test(day)


def _calendar_test(
    cadence: Cadence, hours: WorkHours, last_done: date | None
) -> Callable[[date], bool]:
    kind = cadence.kind
    every = cadence.every
    anchor = cadence.anchor
    workdays = frozenset(hours.workdays)
    if is_since_last_done(cadence):
        if last_done is None:
            return lambda day: day.isoweekday() in workdays
        due = interval_due(cadence, last_done)
        return lambda day: day >= due and day.isoweekday() in workdays
    if kind is CadenceKind.TIMES_PER_DAY:
        days = frozenset(cadence.weekdays) or workdays
        return lambda day: day.isoweekday() in days
    if kind is CadenceKind.WORKDAYS:
        return lambda day: day.isoweekday() in workdays
    if kind is CadenceKind.DAILY:
        if every == 1:
            return lambda day: True
        origin = anchor or WEEK_EPOCH
        return lambda day: (day - origin).days % every == 0
    if kind is CadenceKind.WEEKLY:
        weekdays = frozenset(cadence.weekdays or ((anchor.isoweekday(),) if anchor else (1,)))
        if every == 1:
            return lambda day: day.isoweekday() in weekdays
        week_origin = week_start_of(anchor) if anchor is not None else WEEK_EPOCH
        return lambda day: (
            day.isoweekday() in weekdays
            and ((week_start_of(day) - week_origin).days // 7) % every == 0
        )
    if kind in (CadenceKind.MONTHLY, CadenceKind.QUARTERLY):
        period = every * 3 if kind is CadenceKind.QUARTERLY else every

        def monthly(day: date) -> bool:
            if period > 1 and not _months_phase_ok(cadence, day, period, 0):
                return False
            return _monthly_day(cadence, day.year, day.month) == day

        return monthly
    raise ValueError(f"unknown cadence kind {kind!r}")  # pragma: no cover - enum is closed


def slot_times(cadence: Cadence, hours: WorkHours) -> list[time]:
    """Local times of the day's slots (the same on every day the cadence occurs). Never empty."""
    if cadence.kind is CadenceKind.TIMES_PER_DAY and not (cadence.times == 1 and cadence.at):
        start = parse_hhmm(cadence.at) if cadence.at else hours.start
        start_min = start.hour * 60 + start.minute
        end_min = hours.end.hour * 60 + hours.end.minute
        times = cadence.times
        span = max(end_min - start_min, times)  # degenerate hours: slots one minute apart
        step5 = span >= 5 * times
        out = []
        for i in range(times):
            minute = start_min + (2 * i + 1) * span // (2 * times)
            if step5:
                minute -= minute % 5
            minute = min(minute, 24 * 60 - 1)
            out.append(time(minute // 60, minute % 60))
        return out
    if cadence.at:
        return [parse_hhmm(cadence.at)]
    if cadence.block:
        return [block_start(cadence.block, hours)]
    return [hours.start]


def slots_on(
    template: TaskTemplate,
    day: date,
    tz: ZoneInfo,
    workday_start: str | time = time(9, 0),
    workday_end: str | time = time(18, 0),
    workdays: Iterable[int] = DEFAULT_WORKDAYS,
    last_done: date | None = None,
) -> list[Slot]:
    """The slots of ``template`` on local ``day`` in ``tz``, in time order (see module doc).

    ``last_done`` only matters for "since last done" cadences (``OCCASIONAL`` and
    ``after_completion``): the last local day, before ``day``, the task was done.
    """
    hours = WorkHours(parse_hhmm(workday_start), parse_hhmm(workday_end), tuple(workdays))
    return slots_for(template.cadence, day, tz, hours, last_done)


def slots_for(
    cadence: Cadence,
    day: date,
    tz: ZoneInfo,
    hours: WorkHours,
    last_done: date | None = None,
) -> list[Slot]:
    """``slots_on`` for a bare cadence and a ``WorkHours`` (the form hot loops use)."""
    if not occurs_on(cadence, day, hours, last_done):
        return []
    fixed_block = cadence.block if cadence.kind is not CadenceKind.TIMES_PER_DAY else None
    return [
        Slot(i, at, fixed_block or block_of(at, hours), local_to_utc(day, at, tz))
        for i, at in enumerate(slot_times(cadence, hours))
    ]


def occurrences_on(
    template: TaskTemplate, day: date, tz: ZoneInfo, settings: Any = None
) -> list[Slot]:
    """Contract alias of ``slots_on`` taking a settings-like object (see ``WorkHours.of``)."""
    return slots_for(template.cadence, day, tz, WorkHours.of(settings))
