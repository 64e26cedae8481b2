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

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
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
    "CellLine",
    "GridCell",
    "GridRow",
    "MonthCell",
    "MonthGrid",
    "TimeBlock",
    "WeekGrid",
    "cell_lines",
    "cell_width",
    "count_lines",
    "day_counts",
    "first_post",
    "month_grid",
    "network_code",
    "time_blocks",
    "week_columns",
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


# --------------------------------------------------------------------------- what fits in a cell

#: the network column's width on a wide grid, and on a narrow one (its last cell is padding)
LABEL_WIDE, LABEL_NARROW = 13, 10
#: the narrowest day column worth drawing: an hour, a status mark and a word of the title
MIN_DAY_WIDTH = 12
#: short codes of the known networks in the month view (others: their first two letters)
NETWORK_CODES = {
    "facebook": "FB",
    "instagram": "IG",
    "x": "X",
    "twitter": "X",
    "linkedin": "LI",
    "pinterest": "PI",
    "snapchat": "SC",
    "tiktok": "TT",
    "youtube": "YT",
    "blog": "BL",
}


def week_columns(width: int, gutter: int = 1) -> tuple[int, int]:
    """(network column width, number of days shown) for a week grid ``width`` cells wide.

    As many whole days of at least ``MIN_DAY_WIDTH`` cells as fit, seven at most, at least
    one: a narrow terminal shows fewer days that can be read rather than seven cut to nothing.
    The network column is narrowed only when that shows one more day.
    """
    best = (0, LABEL_WIDE)
    for label in (LABEL_WIDE, LABEL_NARROW):
        days = max(1, min(7, (width - label) // (MIN_DAY_WIDTH + gutter)))
        if days > best[0]:
            best = (days, label)
    return best[1], best[0]


def cell_width(text: str) -> int:
    """Terminal cells ``text`` takes (wide East Asian characters and emoji: two; combining
    marks: none): the unit every cut below is made in."""
    if text.isascii():  # most titles: one cell per character, without a look-up each
        return len(text)
    return sum(_char_width(char) for char in text)


def _char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _cut(text: str, width: int, *, whole: bool = False) -> tuple[str, str]:
    """``text`` split where it stops fitting ``width`` cells: at the last space that fits,
    else after the last hyphen that fits, else inside the word (a word longer than the line),
    or with ``whole`` nowhere (``""`` and all of ``text``: the word goes to the next line).
    The rest has no leading space."""
    if cell_width(text) <= width:
        return text, ""
    end = len(text)
    if text.isascii():
        end = width
    else:
        used = 0
        for index, char in enumerate(text):
            used += _char_width(char)
            if used > width:
                end = index
                break
    space = text.rfind(" ", 0, end + 1)
    if space > 0:
        return text[:space], text[space + 1 :].lstrip()
    hyphen = text.rfind("-", 0, end)
    if hyphen > 0:  # "Questions-" / "réponses": a compound word breaks after its hyphen
        return text[: hyphen + 1], text[hyphen + 1 :].lstrip()
    if whole:
        return "", text
    end = max(end, 1)  # never an empty cut: a line always moves the text on
    return text[:end], text[end:].lstrip()


def _ellipsized(text: str, width: int) -> str:
    """``text`` in ``width`` cells, ending with ``…`` when it was longer."""
    if cell_width(text) <= width:
        return text
    head, _rest = _cut(text, max(width - 1, 0))
    while head and cell_width(head) > width - 1:
        head = head[:-1]
    return head.rstrip() + "…"


@frozen
class CellLine(Value):
    """One line of a week cell: the start of post ``post`` (``head``: after its hour and
    marks), or the rest of its title (a continuation line), or ``post`` ``None``: the line
    saying ``hidden`` more posts did not fit."""

    post: int | None
    head: bool
    text: str
    hidden: int = 0


def cell_lines(
    titles: Sequence[str], width: int, lines: int, prefix: int, keep: int | None = None
) -> list[CellLine]:
    """The lines a week cell ``width`` x ``lines`` shows of its posts' ``titles`` (in order).

    A post's first line starts with ``prefix`` cells (its hour, status and check marks, drawn
    by the caller) then its title; the rest of the title wraps onto continuation lines one
    cell in (``width - 1``). Every post gets its first line before any post gets a second,
    every post a second before any a third, and so on; a title cut short ends with ``…``.
    When the posts outnumber the lines, the last line says how many are hidden; the posts
    shown are the first ones, or the ones up to post ``keep`` (the chosen one stays in view).
    """
    if lines <= 0 or width <= 0:
        return []
    titles = [" ".join(title.split()) for title in titles]
    count = len(titles)
    if count > lines:
        shown = lines - 1
        start = 0 if keep is None or keep < shown else min(keep, count - 1) - shown + 1
        out = [
            CellLine(i, True, _ellipsized(titles[i], width - prefix))
            for i in range(start, start + shown)
        ]
        return [*out, CellLine(None, False, "", hidden=count - shown)]
    # the lines each title needs whole, then rounds of one more line each while lines remain
    wrapped = [_wrap(title, width - prefix, width - 1) for title in titles]
    given = [1] * count
    spare = lines - count
    while spare > 0:
        grew = False
        for index in range(count):
            if spare and given[index] < len(wrapped[index]):
                given[index] += 1
                spare -= 1
                grew = True
        if not grew:
            break
    out = []
    for index, parts in enumerate(wrapped):
        kept = parts[: given[index]]
        if len(parts) > len(kept):
            rest = " ".join(part for part in parts[len(kept) - 1 :] if part)
            room = (width - prefix) if len(kept) == 1 else width - 1
            kept[-1] = _ellipsized(rest, room)
        out += [CellLine(index, line == 0, text) for line, text in enumerate(kept)]
    return out


def _wrap(title: str, first: int, other: int) -> list[str]:
    """``title`` cut into a first line of ``first`` cells and further lines of ``other``."""
    if first <= 0:
        parts = [""]
    else:
        # a first word that fits no first line but a whole one starts on the next line
        word = title.split(" ", 1)[0]
        word = word[: word.find("-") + 1] or word  # up to a hyphen it may break after
        head, title = _cut(title, first, whole=cell_width(word) <= other)
        parts = [head]
    while title and other > 0:
        head, title = _cut(title, other)
        parts.append(head)
    return parts


def network_code(key: str) -> str:
    """The short code of a network in the month view (``FB``, ``IG``…)."""
    return NETWORK_CODES.get(key, key[:2].upper())


def day_counts(cell: MonthCell, keys: Sequence[str]) -> list[tuple[str, int]]:
    """(network key, posts of the day) for the networks ``keys`` (in that order) that have
    any: every status counts, what is planned is what the month view is read for."""
    return [(key, len(cell.posts[key])) for key in keys if cell.posts.get(key)]


def count_lines(counts: Sequence[tuple[str, int]], width: int) -> list[list[tuple[str, int]]]:
    """``day_counts`` packed into lines of ``width`` cells, as ``CODE n`` groups a space
    apart: a count never wraps away from its network's code (a group wider than the line
    gets a line of its own)."""
    lines: list[list[tuple[str, int]]] = []
    used = 0
    for key, count in counts:
        size = cell_width(f"{network_code(key)} {count}")
        if lines and used + 1 + size <= width:
            lines[-1].append((key, count))
            used += 1 + size
        else:
            lines.append([(key, count)])
            used = size
    return lines


def first_post(cell: MonthCell, keys: Sequence[str]) -> Post | None:
    """The day's earliest post among the networks ``keys`` (ties: the order of ``keys``)."""
    order = {key: index for index, key in enumerate(keys)}
    firsts = [
        (items[0][0], order[key], items[0][1])
        for key, items in cell.posts.items()
        if key in order and items
    ]
    return min(firsts, key=lambda triple: triple[:2])[2] if firsts else None


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
