"""The day's agenda: which task occurrences to show on Today, in which section, with what status.

``build_agenda`` is pure and fast (it runs on every refresh of the Today tab): for each active
template it asks ``recurrence`` for the day's slots and looks their occurrence records up *by
key* in a mapping (the store keeps them keyed), so its cost grows with the number of templates,
not with the length of the history.

Sections, in order:

1. ``overdue``: undone occurrences of the 7 days before ``day``, oldest first. Per template, the
   cadence's missed policy applies: ``pile_up`` keeps every missed occurrence; ``latest_only``
   keeps only the most recent past one, and none when the template has a slot on ``day`` itself
   (a new occurrence replaces the missed ones). Occurrences snoozed to ``day`` or earlier are
   always carried (the user asked for them). Days before ``history_start`` are ignored (no
   backlog on a new store). A "since last done" cadence (occasional tasks, "N days after it was
   done") is in its group on the working day it falls due (``recurrence.due_day``), then here,
   as that day's occurrence, on each working day until done (snoozes respected): doing it late
   records the day it was done, which the next interval counts from. Never done, it counts
   from its anchor, else from ``history_start`` (a new store's first day: no occasional chore
   on day one), else it is overdue (nothing to count from).
2. ``now``: the day's rows in the current time block (only when ``day`` is today).
3. one section per ``TaskGroup`` (several_daily, daily, weekly, monthly, occasional, then the
   anchored one-off items of onboarding/first_months), rows by time.

``progress`` is (handled, total) over the day's own rows (not the overdue ones); done and
skipped both count as handled, so a fully handled day reads 100 %.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from cm_tui.core.models import (
    Cadence,
    CadenceKind,
    MissedPolicy,
    NetworkProfile,
    OccurrenceStatus,
    PostingPeriod,
    TaskGroup,
    TaskOccurrence,
    TaskTemplate,
)
from cm_tui.core.recurrence import (
    CHECKLIST_DAY,
    WorkHours,
    block_of,
    checklist_key,
    day_matcher,
    due_day,
    interval_due,
    is_since_last_done,
    lookback_start,
    slot_times,
)
from cm_tui.core.timeutil import FIRST_DAY, local_to_utc
from cm_tui.core.value import Value, frozen

OVERDUE_DAYS = 7

#: Section order after ``overdue`` and ``now``.
GROUP_ORDER: tuple[TaskGroup, ...] = (
    TaskGroup.SEVERAL_DAILY,
    TaskGroup.DAILY,
    TaskGroup.WEEKLY,
    TaskGroup.MONTHLY,
    TaskGroup.OCCASIONAL,
    TaskGroup.ONBOARDING,
    TaskGroup.FIRST_MONTHS,
)


class OccurrenceLookup(Protocol):
    """What the agenda needs from the occurrence records: a look-up by key. A ``dict`` works;
    so does a thin adapter over the store's key index (no copy of the history)."""

    def get(self, key: str, /) -> TaskOccurrence | None: ...


class RowStatus(StrEnum):
    PENDING = "pending"
    DONE = "done"
    SKIPPED = "skipped"
    SNOOZED = "snoozed"


_STATUS_OF = {
    OccurrenceStatus.DONE: RowStatus.DONE,
    OccurrenceStatus.SKIPPED: RowStatus.SKIPPED,
    OccurrenceStatus.SNOOZED: RowStatus.SNOOZED,
}
_HANDLED = (OccurrenceStatus.DONE, OccurrenceStatus.SKIPPED)


@frozen
class AgendaRow(Value):
    """One occurrence on the agenda. ``label(lang)`` gives the task's text in either language."""

    occurrence_key: str
    template: TaskTemplate
    day: date
    slot: int
    time: time | None
    block: str | None
    at_utc: datetime
    status: RowStatus
    #: pending and its time has passed (``at_utc <= now``), or snoozed until a passed instant
    late: bool = False
    snoozed_until: datetime | None = None
    occurrence: TaskOccurrence | None = None

    @property
    def template_key(self) -> str:
        return self.template.key

    @property
    def group(self) -> TaskGroup:
        return self.template.group

    @property
    def network(self) -> str | None:
        return self.template.network

    @property
    def minutes(self) -> int:
        return self.template.minutes

    @property
    def handled(self) -> bool:
        return self.status in (RowStatus.DONE, RowStatus.SKIPPED)

    def label(self, lang: str) -> str:
        return self.template.label(lang)


@frozen
class AgendaSection(Value):
    """``key`` is ``"overdue"``, ``"now"`` or a ``TaskGroup`` value."""

    key: str
    rows: tuple[AgendaRow, ...]


@frozen
class Agenda(Value):
    day: date
    is_today: bool
    #: block of ``now`` when ``day`` is today, else ``None``
    current_block: str | None
    sections: tuple[AgendaSection, ...]
    done: int
    total: int

    @property
    def progress(self) -> tuple[int, int]:
        return self.done, self.total

    @property
    def rows(self) -> list[AgendaRow]:
        """Every row in display order (sections concatenated)."""
        return [row for section in self.sections for row in section.rows]

    def section(self, key: str) -> AgendaSection | None:
        for section in self.sections:
            if section.key == key:
                return section
        return None

    @property
    def overdue(self) -> tuple[AgendaRow, ...]:
        section = self.section("overdue")
        return section.rows if section else ()


def _settings_value(settings: Any, name: str, default: Any) -> Any:
    return getattr(settings, name, default) if settings is not None else default


class _DayKeys:
    """Caches ``"@YYYY-MM-DD#"`` fragments so key building in loops is one concatenation."""

    __slots__ = ("_cache",)

    def __init__(self) -> None:
        self._cache: dict[date, str] = {}

    def prefix(self, day: date) -> str:
        value = self._cache.get(day)
        if value is None:
            value = f"@{day.isoformat()}#"
            self._cache[day] = value
        return value


def find_last_done(
    template_key: str,
    occurrences: OccurrenceLookup,
    first: date,
    before: date,
    _keys: _DayKeys | None = None,
) -> date | None:
    """Latest day in ``[first, before)`` whose slot-0 occurrence of the template is done or
    skipped (what "since last done" cadences count from)."""
    keys = _keys or _DayKeys()
    day = before - timedelta(days=1)
    while day >= first:
        occ = occurrences.get(template_key + keys.prefix(day) + "0")
        if occ is not None and occ.status in _HANDLED:
            return day
        day -= timedelta(days=1)
    return None


def build_agenda(
    templates: Iterable[TaskTemplate],
    occurrences: OccurrenceLookup,
    day: date,
    now: datetime,
    tz: ZoneInfo,
    settings: Any = None,
    *,
    last_done: Mapping[str, date] | None = None,
    history_start: date | None = None,
    active_networks: Iterable[str] | None = None,
) -> Agenda:
    """The agenda of local ``day`` (see module doc).

    * ``occurrences``: occurrence records by ``key`` (at least those of ``day`` and the 7 days
      before, plus enough history for "since last done" cadences);
    * ``settings``: ``None``, a ``WorkHours`` or a settings-like object (``workday_start``,
      ``workday_end``, ``workdays``, ``active_networks``);
    * ``last_done``: optional template key -> last handled day before ``day`` (what
      ``OccurrenceRepo.last_handled_days(day)`` gives), to skip the history look-up; when given
      it is complete: a template missing from it was never done;
    * ``active_networks``: templates bound to another network are left out (default: the
      settings' ``active_networks``, else all).
    """
    hours = WorkHours.of(settings)
    if active_networks is None:
        active_networks = _settings_value(settings, "active_networks", None)
    networks = frozenset(active_networks) if active_networks is not None else None
    now_local = now.astimezone(tz)
    is_today = now_local.date() == day
    current_block = block_of(now_local.time(), hours) if is_today else None
    keys = _DayKeys()
    day_prefix = keys.prefix(day)
    # nothing falls due before the first day cm-tui handles (no record may be dated there)
    earliest = max(day - timedelta(days=OVERDUE_DAYS), FIRST_DAY)
    if history_start is not None and history_start > earliest:
        earliest = history_start
    # the earlier days probed for overdue occurrences, newest first, with their key fragments
    probes: list[tuple[date, str]] = []
    probe = day - timedelta(days=1)
    while probe >= earliest:
        probes.append((probe, keys.prefix(probe)))
        probe -= timedelta(days=1)

    by_group: dict[TaskGroup, list[AgendaRow]] = {}
    now_rows: list[AgendaRow] = []
    overdue: list[AgendaRow] = []
    done = total = 0

    for template in templates:
        if not template.active:
            continue
        if (
            networks is not None
            and template.network is not None
            and template.network not in networks
        ):
            continue
        cadence = template.cadence
        tkey = template.key
        if cadence.kind is CadenceKind.ONCE and cadence.anchor is None:
            continue  # checklist items: see onboarding_progress
        since_done = is_since_last_done(cadence)
        previous: date | None = None
        if since_done:
            previous = last_done.get(tkey) if last_done is not None else None
            if last_done is None or (previous is not None and previous >= day):
                previous = find_last_done(
                    tkey, occurrences, lookback_start(cadence, day), day, keys
                )
            if previous is None and cadence.anchor is None and history_start is not None:
                previous = history_start  # a new store counts from its first day
        matcher = day_matcher(cadence, hours, previous)
        times: list[time] | None = None
        if since_done and matcher(day):
            due = due_day(cadence, hours, previous)
            if due is None or due < day:  # fell due on an earlier day: overdue until done
                row = _late_since_done(
                    template, day, day_prefix, due, probes, occurrences, now, tz, hours
                )
                if row is not None:
                    overdue.append(row)
                continue
        if matcher(day):
            times = slot_times(cadence, hours)
            rows = by_group.setdefault(template.group, [])
            for index, at in enumerate(times):
                row = _row(template, day, index, at, day_prefix, occurrences, now, tz, hours)
                total += 1
                if row.handled:
                    done += 1
                if current_block is not None and row.block == current_block:
                    now_rows.append(row)
                else:
                    rows.append(row)
        if not since_done:
            _overdue_rows(
                template,
                matcher,
                probes,
                times,
                times is not None,
                occurrences,
                hours,
                tz,
                now,
                overdue,
            )

    overdue.sort(key=_time_order)
    sections: list[AgendaSection] = []
    if overdue:
        sections.append(AgendaSection("overdue", tuple(overdue)))
    if now_rows:
        now_rows.sort(key=_time_order)
        sections.append(AgendaSection("now", tuple(now_rows)))
    for group in GROUP_ORDER:
        group_rows = by_group.get(group)
        if group_rows:
            group_rows.sort(key=_time_order)
            sections.append(AgendaSection(group.value, tuple(group_rows)))
    return Agenda(day, is_today, current_block, tuple(sections), done, total)


def _due_by(instant: datetime, day: date, tz: ZoneInfo) -> bool:
    """Whether ``instant`` falls on local ``day`` or earlier."""
    return instant.astimezone(tz).date() <= day


def _time_order(row: AgendaRow) -> tuple[datetime, str, int]:
    return row.at_utc, row.template.key, row.slot


def _row(
    template: TaskTemplate,
    day: date,
    index: int,
    at: time,
    prefix: str,
    occurrences: OccurrenceLookup,
    now: datetime,
    tz: ZoneInfo,
    hours: WorkHours,
) -> AgendaRow:
    key = template.key + prefix + str(index)
    occ = occurrences.get(key)
    at_utc = local_to_utc(day, at, tz)
    cadence = template.cadence
    block = (
        cadence.block
        if cadence.block and cadence.kind is not CadenceKind.TIMES_PER_DAY
        else block_of(at, hours)
    )
    if occ is None:
        return AgendaRow(
            key, template, day, index, at, block, at_utc, RowStatus.PENDING, at_utc <= now
        )
    status = _STATUS_OF[occ.status]
    until = occ.snoozed_until if status is RowStatus.SNOOZED else None
    return AgendaRow(
        key,
        template,
        day,
        index,
        at,
        block,
        at_utc,
        status,
        until is not None and until <= now,
        until,
        occ,
    )


def _late_since_done(
    template: TaskTemplate,
    day: date,
    prefix: str,
    due: date | None,
    probes: list[tuple[date, str]],
    occurrences: OccurrenceLookup,
    now: datetime,
    tz: ZoneInfo,
    hours: WorkHours,
) -> AgendaRow | None:
    """The overdue row, on ``day``, of a "since last done" task that fell due on ``due``
    (``None``: before anything is known), or ``None`` when it is not shown on ``day``.

    The row is the day's own occurrence, so that doing it late records the day it was done,
    which the next interval counts from. Done or skipped that day, it leaves the overdue rows
    (as any overdue row). A snooze, that day's or the latest of the probed days since it fell
    due, hides it until the day the snooze ends."""
    occ = occurrences.get(template.key + prefix + "0")
    if occ is None:
        for probe, probe_prefix in probes:  # newest first
            if due is not None and probe < due:
                break
            earlier = occurrences.get(template.key + probe_prefix + "0")
            if earlier is not None and earlier.status is OccurrenceStatus.SNOOZED:
                if _snoozed_past(earlier, day, tz):
                    return None
                break
    elif occ.status in _HANDLED or _snoozed_past(occ, day, tz):
        return None
    at = slot_times(template.cadence, hours)[0]
    return _row(template, day, 0, at, prefix, occurrences, now, tz, hours)


def _snoozed_past(occ: TaskOccurrence, day: date, tz: ZoneInfo) -> bool:
    """Whether ``occ`` is snoozed to a later day than ``day``."""
    until = occ.snoozed_until
    return (
        occ.status is OccurrenceStatus.SNOOZED and until is not None and not _due_by(until, day, tz)
    )


_INDEX = tuple(str(i) for i in range(64))


def _overdue_rows(
    template: TaskTemplate,
    matcher: Callable[[date], bool],
    probes: list[tuple[date, str]],
    times: list[time] | None,
    has_slot_today: bool,
    occurrences: OccurrenceLookup,
    hours: WorkHours,
    tz: ZoneInfo,
    now: datetime,
    out: list[AgendaRow],
) -> None:
    """Append the template's undone occurrences of the probed days (``probes``: newest first,
    ending the day before the agenda's) per its missed policy (see module doc)."""
    if not probes:
        return
    pile_up = template.cadence.missed is MissedPolicy.PILE_UP
    day = probes[0][0] + timedelta(days=1)
    get = occurrences.get
    tkey = template.key
    # latest_only: only the most recent past occurrence may be overdue, and none if today has one
    candidate_pending = not pile_up and not has_slot_today
    for probe, prefix in probes:
        if not matcher(probe):
            continue
        if times is None:
            times = slot_times(template.cadence, hours)
        base = tkey + prefix
        for index in range(len(times) - 1, -1, -1):
            occ = get(base + (_INDEX[index] if index < 64 else str(index)))
            if occ is None:
                carry = pile_up or candidate_pending
            elif occ.status is OccurrenceStatus.SNOOZED:
                until = occ.snoozed_until
                carry = until is None or _due_by(until, day, tz)
            else:
                carry = False  # done or skipped
            candidate_pending = False
            if carry:
                out.append(
                    _row(template, probe, index, times[index], prefix, occurrences, now, tz, hours)
                )


# --------------------------------------------------------------------------- network targets

#: Key prefix of the catalog's "publish on <network>" templates.
PUBLISH_PREFIX = "publish."
#: Weekdays used when a network's target is per week, by number of posts a week.
_WEEK_SPREAD: dict[int, tuple[int, ...]] = {
    1: (3,),
    2: (2, 4),
    3: (1, 3, 5),
    4: (1, 2, 4, 5),
    5: (1, 2, 3, 4, 5),
    6: (1, 2, 3, 4, 5, 6),
    7: (1, 2, 3, 4, 5, 6, 7),
}


def apply_network_targets(
    templates: Iterable[TaskTemplate], networks: Iterable[NetworkProfile]
) -> list[TaskTemplate]:
    """The templates with each ``publish.<network>`` task following that network's *current*
    target (``Settings.network_profiles`` applies the per-organisation variants):

    * per day: ``times`` = ``target_min`` (the commitment; at least 1);
    * per week: weekly on ``target_min`` spread working days (2 a week: Tuesday and Thursday),
      at the template's time.

    Other templates are returned unchanged (same objects); nothing is mutated.
    """
    profiles = {n.key: n for n in networks}
    out: list[TaskTemplate] = []
    for template in templates:
        profile = profiles.get(template.network or "")
        if profile is None or not template.key.startswith(PUBLISH_PREFIX):
            out.append(template)
            continue
        cadence = template.cadence
        count = max(1, profile.target_min)
        if profile.period is PostingPeriod.WEEK:
            new = Cadence(
                CadenceKind.WEEKLY,
                weekdays=_WEEK_SPREAD[min(count, 7)],
                at=cadence.at or "11:00",
                missed=cadence.missed,
                anchor=cadence.anchor,
            )
        elif cadence.kind is CadenceKind.TIMES_PER_DAY and cadence.times != count:
            new = cadence.replace(times=count, at=cadence.at if count == 1 else None)
        else:
            out.append(template)
            continue
        out.append(template.replace(cadence=new))
    return out


# --------------------------------------------------------------------------- onboarding


@frozen
class OnboardingProgress(Value):
    """Progress of the onboarding + first-months checklists (``ONCE`` items without a day).

    ``week`` is 1 in the first 7 days after ``start``. ``next_items`` are the first undone items
    in catalog order (onboarding before first months). ``finished`` hides the Today section.
    """

    week: int
    done: int
    total: int
    next_items: tuple[TaskTemplate, ...]
    by_group: tuple[tuple[TaskGroup, int, int], ...]

    @property
    def percent(self) -> int:
        return 100 if self.total == 0 else (100 * self.done) // self.total

    @property
    def finished(self) -> bool:
        return self.done >= self.total


CHECKLIST_GROUPS = (TaskGroup.ONBOARDING, TaskGroup.FIRST_MONTHS)

#: how long a new store invites the user to start the checklist when no start date is set
ONBOARDING_OFFER_DAYS = 28


def offers_onboarding(tracking_since: date | None, day: date) -> bool:
    """Whether Today invites the user to start the checklist on ``day`` (no start date set
    yet): only in the first weeks of a store (``tracking_since``), so that a seasoned
    community manager who never wants it is not asked for ever."""
    return tracking_since is not None and 0 <= (day - tracking_since).days < ONBOARDING_OFFER_DAYS


def is_checklist_item(template: TaskTemplate) -> bool:
    return template.cadence.kind is CadenceKind.ONCE and template.cadence.anchor is None


def checklist_items(templates: Iterable[TaskTemplate]) -> list[TaskTemplate]:
    """The checklist's steps: the active ``ONCE`` items without a day of the onboarding, then
    of the first months, each part in catalog order."""
    items = [
        t for t in templates if t.active and t.group in CHECKLIST_GROUPS and is_checklist_item(t)
    ]
    items.sort(key=lambda t: CHECKLIST_GROUPS.index(t.group))  # stable: catalog order kept
    return items


def onboarding_progress(
    templates: Iterable[TaskTemplate],
    occurrences: OccurrenceLookup,
    start: date,
    today: date,
    *,
    next_count: int = 3,
) -> OnboardingProgress:
    """Checklist progress since ``start`` (the settings' ``onboarding_start``).

    An item counts as done when the occurrence at ``checklist_key(template)`` is done or skipped.
    """
    items = checklist_items(templates)
    counts = {g: [0, 0] for g in CHECKLIST_GROUPS}
    pending: list[TaskTemplate] = []
    done = 0
    for item in items:
        occ = occurrences.get(checklist_key(item))
        counts[item.group][1] += 1
        if occ is not None and occ.status in _HANDLED:
            done += 1
            counts[item.group][0] += 1
        else:
            pending.append(item)
    week = max(1, (today - start).days // 7 + 1)
    return OnboardingProgress(
        week=week,
        done=done,
        total=len(items),
        next_items=tuple(pending[:next_count]),
        by_group=tuple((g, counts[g][0], counts[g][1]) for g in CHECKLIST_GROUPS),
    )


__all__ = [
    "CHECKLIST_DAY",
    "ONBOARDING_OFFER_DAYS",
    "OVERDUE_DAYS",
    "Agenda",
    "AgendaRow",
    "AgendaSection",
    "OccurrenceLookup",
    "OnboardingProgress",
    "RowStatus",
    "apply_network_targets",
    "build_agenda",
    "checklist_items",
    "find_last_done",
    "interval_due",
    "is_checklist_item",
    "offers_onboarding",
    "onboarding_progress",
]
