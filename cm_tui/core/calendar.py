"""Editorial calendar grids: networks x days, with posts sorted by local time.

``week_grid`` is what the Calendar tab draws: a row per network, a cell per day Monday..Sunday,
each with its posts (all statuses, sorted by local time), the number that count towards the
target (scheduled + published, see ``targets``) and an ``under`` flag. For daily networks a
cell is under when its count is below ``target_min``; for weekly networks cells are never
flagged, the row is (its week total below ``target_min``).

Posts are filtered on UTC bounds first, so only the week's posts are converted to local time:
5,000 posts cost one comparison each.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from cm_tui.core.models import NetworkProfile, Post, PostingPeriod, TaskTemplate
from cm_tui.core.targets import COUNTED_STATUSES, target_state
from cm_tui.core.timeutil import (
    days_in_month,
    local_day_bounds,
    local_to_utc,
    parse_month,
    week_start_of,
)
from cm_tui.core.value import Value, frozen

__all__ = [
    "GridCell",
    "GridRow",
    "MonthCell",
    "MonthGrid",
    "TimeBlock",
    "WeekGrid",
    "month_grid",
    "time_blocks",
    "week_grid",
    "week_start_of",
]


@frozen
class GridCell(Value):
    day: date
    #: (local datetime, post), sorted by local time then title
    posts: tuple[tuple[datetime, Post], ...]
    count: int
    under: bool


@frozen
class GridRow(Value):
    network: NetworkProfile
    cells: tuple[GridCell, ...]
    week_count: int

    @property
    def under(self) -> bool:
        """Weekly network below its weekly minimum (daily networks: any cell under)."""
        if self.network.period is PostingPeriod.WEEK:
            return self.week_count < self.network.target_min
        return any(cell.under for cell in self.cells)

    @property
    def state(self) -> str:
        """Target state of the week total for weekly networks (daily ones: ``within`` when no
        cell is under or over)."""
        if self.network.period is PostingPeriod.WEEK:
            return target_state(self.week_count, self.network.target_min, self.network.target_max)
        states = {
            target_state(c.count, self.network.target_min, self.network.target_max)
            for c in self.cells
        }
        return "under" if "under" in states else "over" if "over" in states else "within"


@frozen
class WeekGrid(Value):
    week_start: date
    days: tuple[date, ...]
    rows: tuple[GridRow, ...]


def _bucket(
    posts: Iterable[Post], first: date, n_days: int, tz: ZoneInfo
) -> dict[tuple[str, date], list[tuple[datetime, Post]]]:
    start, _ = local_day_bounds(first, tz)
    _, end = local_day_bounds(first + timedelta(days=n_days - 1), tz)
    out: dict[tuple[str, date], list[tuple[datetime, Post]]] = {}
    for post in posts:
        if start <= post.at < end:
            local = post.at.astimezone(tz)
            out.setdefault((post.network, local.date()), []).append((local, post))
    for items in out.values():
        items.sort(key=lambda pair: (pair[0], pair[1].title, pair[1].id))
    return out


def week_grid(
    networks: Iterable[NetworkProfile],
    posts: Iterable[Post],
    week_start: date,
    tz: ZoneInfo,
) -> WeekGrid:
    """Grid of the 7 local days from ``week_start`` (normally a Monday: ``week_start_of``)."""
    days = tuple(week_start + timedelta(days=i) for i in range(7))
    buckets = _bucket(posts, week_start, 7, tz)
    rows = []
    for network in networks:
        daily = network.period is not PostingPeriod.WEEK
        cells = []
        week_count = 0
        for day in days:
            items = tuple(buckets.get((network.key, day), ()))
            count = sum(1 for _, p in items if p.status in COUNTED_STATUSES)
            week_count += count
            cells.append(GridCell(day, items, count, daily and count < network.target_min))
        rows.append(GridRow(network, tuple(cells), week_count))
    return WeekGrid(week_start, days, tuple(rows))


@frozen
class MonthCell(Value):
    day: date
    in_month: bool
    #: network key -> posts of that day (sorted by local time); only networks with posts
    posts: dict[str, tuple[tuple[datetime, Post], ...]]

    def count(self, network: str) -> int:
        return sum(1 for _, p in self.posts.get(network, ()) if p.status in COUNTED_STATUSES)


@frozen
class MonthGrid(Value):
    month: str
    #: weeks (Monday first) covering the month; days outside it have ``in_month = False``
    weeks: tuple[tuple[MonthCell, ...], ...]


def month_grid(
    networks: Iterable[NetworkProfile],
    posts: Iterable[Post],
    month: str,
    tz: ZoneInfo,
) -> MonthGrid:
    """Classic month grid of ``"YYYY-MM"``, Monday-first weeks, posts per day per network."""
    year, mon = parse_month(month)
    first = date(year, mon, 1)
    last = date(year, mon, days_in_month(year, mon))
    grid_start = week_start_of(first)
    n_days = (week_start_of(last) - grid_start).days + 7
    keys = [n.key for n in networks]
    buckets = _bucket(posts, grid_start, n_days, tz)
    weeks = []
    for w in range(n_days // 7):
        cells = []
        for d in range(7):
            day = grid_start + timedelta(days=7 * w + d)
            per = {k: tuple(buckets[(k, day)]) for k in keys if (k, day) in buckets}
            cells.append(MonthCell(day, day.month == mon, per))
        weeks.append(tuple(cells))
    return MonthGrid(month, tuple(weeks))


# --------------------------------------------------------------------------- time blocks


@frozen
class TimeBlock(Value):
    """A named block of a working day (``morning``...) with the tasks the agenda puts in it:
    what the iCalendar export writes beside the posts."""

    day: date
    block: str
    start: datetime  # aware UTC
    end: datetime  # aware UTC
    #: (local time, task label) in time order
    tasks: tuple[tuple[str, str], ...]


def time_blocks(
    templates: Iterable[TaskTemplate],
    first: date,
    last: date,
    tz: ZoneInfo,
    settings: Any,
    lang: str,
    *,
    last_done: Mapping[str, date] | None = None,
) -> list[TimeBlock]:
    """The Today agenda's time blocks of each local day ``first..last`` that hold a task.

    Bounds: morning = [workday start, 12:00), midday = [12:00, 14:00), afternoon = [14:00,
    workday end), evening = [workday end, +2 h] (at most 23:59). Occurrence records are not
    read: a block lists what is planned, done or not.
    """
    from cm_tui.core.agenda import build_agenda
    from cm_tui.core.recurrence import BLOCKS, WorkHours, block_start

    hours = WorkHours.of(settings)
    templates = list(templates)
    out: list[TimeBlock] = []
    day = first
    while day <= last:
        # ``now`` at the day's start: no row is "now"; overdue rows of other days are dropped
        agenda = build_agenda(
            templates, {}, day, local_day_bounds(day, tz)[0], tz, settings, last_done=last_done
        )
        per_block: dict[str, list[tuple[str, str]]] = {}
        overdue = {row.occurrence_key for row in agenda.overdue}
        for row in agenda.rows:
            if row.occurrence_key in overdue:
                continue  # planned on the day it fell due, not again on each later day
            if row.day == day and row.block is not None and row.time is not None:
                per_block.setdefault(row.block, []).append((f"{row.time:%H:%M}", row.label(lang)))
        for index, name in enumerate(BLOCKS):
            tasks = per_block.get(name)
            if not tasks:
                continue
            begin = block_start(name, hours)
            if index + 1 < len(BLOCKS):
                finish = block_start(BLOCKS[index + 1], hours)
            else:
                minutes = min(begin.hour * 60 + begin.minute + 120, 23 * 60 + 59)
                finish = time(minutes // 60, minutes % 60)
            start_utc = local_to_utc(day, begin, tz)
            end_utc = local_to_utc(day, finish, tz)
            if end_utc <= start_utc:
                end_utc = start_utc + timedelta(hours=1)
            out.append(TimeBlock(day, name, start_utc, end_utc, tuple(sorted(tasks))))
        day += timedelta(days=1)
    return out
