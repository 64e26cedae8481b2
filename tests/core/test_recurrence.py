"""Recurrence rules: hand-computed cases, then hypothesis properties (month ends, leap years,
DST in Europe/Paris and America/Montreal, ISO weeks at year boundaries, after-completion)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cm_tui.core.models import Cadence, CadenceKind, TaskGroup, TaskTemplate
from cm_tui.core.recurrence import (
    CHECKLIST_DAY,
    WorkHours,
    block_of,
    checklist_key,
    interval_due,
    occurrences_on,
    occurs_on,
    slot_times,
    slots_on,
    validate_cadence,
)
from cm_tui.core.timeutil import add_months, days_in_month, local_to_utc

PARIS = ZoneInfo("Europe/Paris")
MONTREAL = ZoneInfo("America/Montreal")
ZONES = st.sampled_from([PARIS, MONTREAL])
HOURS = WorkHours()
DAYS = st.dates(min_value=date(1999, 1, 1), max_value=date(2060, 12, 31))


def tpl(**cadence: object) -> TaskTemplate:
    return TaskTemplate("t", "T", "T", TaskGroup.DAILY, Cadence(**cadence))  # type: ignore[arg-type]


def days_of(cadence: Cadence, first: date, last: date, last_done: date | None = None) -> list[date]:
    out = []
    day = first
    while day <= last:
        if occurs_on(cadence, day, HOURS, last_done):
            out.append(day)
        day += timedelta(days=1)
    return out


# --------------------------------------------------------------------------- times of day


def test_times_per_day_spread_evenly_over_working_hours() -> None:
    assert slot_times(Cadence(CadenceKind.TIMES_PER_DAY, times=3), HOURS) == [
        time(10, 30),
        time(13, 30),
        time(16, 30),
    ]
    assert slot_times(Cadence(CadenceKind.TIMES_PER_DAY, times=6), HOURS) == [
        time(9, 45),
        time(11, 15),
        time(12, 45),
        time(14, 15),
        time(15, 45),
        time(17, 15),
    ]
    # one a day without a time: the middle of the working day; with a time: that time
    assert slot_times(Cadence(CadenceKind.TIMES_PER_DAY, times=1), HOURS) == [time(13, 30)]
    assert slot_times(Cadence(CadenceKind.TIMES_PER_DAY, times=1, at="11:00"), HOURS) == [
        time(11, 0)
    ]


def test_times_follow_custom_working_hours() -> None:
    hours = WorkHours(time(8, 0), time(12, 0))
    assert slot_times(Cadence(CadenceKind.TIMES_PER_DAY, times=2), hours) == [
        time(9, 0),
        time(11, 0),
    ]


def test_time_from_at_then_block_then_workday_start() -> None:
    assert slot_times(Cadence(CadenceKind.DAILY, at="07:45"), HOURS) == [time(7, 45)]
    assert slot_times(Cadence(CadenceKind.DAILY, block="afternoon"), HOURS) == [time(14, 0)]
    assert slot_times(Cadence(CadenceKind.DAILY), WorkHours(time(8, 30))) == [time(8, 30)]


def test_blocks() -> None:
    assert block_of(time(9, 0), HOURS) == "morning"
    assert block_of(time(7, 0), HOURS) == "morning"
    assert block_of(time(12, 0), HOURS) == "midday"
    assert block_of(time(14, 0), HOURS) == "afternoon"
    assert block_of(time(17, 59), HOURS) == "afternoon"
    assert block_of(time(18, 0), HOURS) == "evening"


def test_slot_carries_index_block_and_utc_instant() -> None:
    slots = slots_on(tpl(kind="times_per_day", times=2), date(2026, 7, 1), PARIS)
    assert [s.index for s in slots] == [0, 1]
    assert slots[0].local_time == time(11, 15)
    assert slots[0].block == "morning"
    assert slots[0].at_utc == datetime(2026, 7, 1, 9, 15, tzinfo=UTC)  # CEST = UTC+2
    assert slots[1].block == "afternoon"


def test_settings_like_object_and_strings() -> None:
    class S:
        workday_start = "08:00"
        workday_end = "16:00"
        workdays = (1, 2, 3, 4, 5, 6)

    slots = occurrences_on(tpl(kind="workdays"), date(2026, 3, 7), PARIS, S())  # a Saturday
    assert [s.local_time for s in slots] == [time(8, 0)]
    assert slots_on(tpl(kind="workdays"), date(2026, 3, 7), PARIS) == []


# --------------------------------------------------------------------------- day rules


def test_daily_workdays_and_times_per_day_days() -> None:
    week = [date(2026, 3, 9) + timedelta(days=i) for i in range(7)]  # Mon..Sun
    assert [occurs_on(Cadence(CadenceKind.DAILY), d, HOURS) for d in week] == [True] * 7
    assert [occurs_on(Cadence(CadenceKind.WORKDAYS), d, HOURS) for d in week] == [True] * 5 + [
        False
    ] * 2
    tpd = Cadence(CadenceKind.TIMES_PER_DAY, times=3)
    assert [occurs_on(tpd, d, HOURS) for d in week] == [True] * 5 + [False] * 2
    weekend = Cadence(CadenceKind.TIMES_PER_DAY, times=3, weekdays=(6, 7))
    assert [occurs_on(weekend, d, HOURS) for d in week] == [False] * 5 + [True] * 2


def test_daily_every_n_days_from_anchor() -> None:
    cadence = Cadence(CadenceKind.DAILY, every=3, anchor=date(2026, 1, 30))
    assert days_of(cadence, date(2026, 1, 25), date(2026, 2, 8)) == [
        date(2026, 1, 30),
        date(2026, 2, 2),
        date(2026, 2, 5),
        date(2026, 2, 8),
    ]


def test_weekly_friday_morning_blog_post() -> None:
    cadence = Cadence(CadenceKind.WEEKLY, weekdays=(5,), block="morning", at="09:00")
    assert days_of(cadence, date(2026, 3, 1), date(2026, 3, 31)) == [
        date(2026, 3, 6),
        date(2026, 3, 13),
        date(2026, 3, 20),
        date(2026, 3, 27),
    ]
    slot = slots_on(TaskTemplate("b", "B", "B", TaskGroup.WEEKLY, cadence), date(2026, 3, 6), PARIS)
    assert slot[0].local_time == time(9, 0) and slot[0].block == "morning"


def test_weekly_every_two_weeks_phase_from_anchor_across_year_end() -> None:
    # anchor Wednesday 2025-12-24 (ISO week 52 of 2025); every 2 weeks on Mon and Thu
    cadence = Cadence(CadenceKind.WEEKLY, weekdays=(1, 4), every=2, anchor=date(2025, 12, 24))
    assert days_of(cadence, date(2025, 12, 20), date(2026, 1, 20)) == [
        date(2025, 12, 25),  # week 52: Thursday (Monday 22nd is before the anchor)
        date(2026, 1, 5),  # week 2 of 2026
        date(2026, 1, 8),
        date(2026, 1, 19),  # week 4
    ]


def test_monthly_31st_is_clamped_without_drift() -> None:
    cadence = Cadence(CadenceKind.MONTHLY, day_of_month=31)
    assert days_of(cadence, date(2024, 1, 1), date(2024, 5, 31)) == [
        date(2024, 1, 31),
        date(2024, 2, 29),  # leap year
        date(2024, 3, 31),
        date(2024, 4, 30),
        date(2024, 5, 31),
    ]
    assert days_of(cadence, date(2025, 2, 1), date(2025, 3, 31)) == [
        date(2025, 2, 28),
        date(2025, 3, 31),
    ]


def test_monthly_last_day_and_anchor_day_and_every() -> None:
    last = Cadence(CadenceKind.MONTHLY, day_of_month=-1)
    assert days_of(last, date(2026, 1, 1), date(2026, 3, 31)) == [
        date(2026, 1, 31),
        date(2026, 2, 28),
        date(2026, 3, 31),
    ]
    anchored = Cadence(CadenceKind.MONTHLY, every=2, anchor=date(2026, 1, 30))
    assert days_of(anchored, date(2026, 1, 1), date(2026, 7, 31)) == [
        date(2026, 1, 30),
        date(2026, 3, 30),
        date(2026, 5, 30),
        date(2026, 7, 30),
    ]


def test_monthly_nth_and_last_weekday() -> None:
    first_monday = Cadence(CadenceKind.MONTHLY, nth_weekday=(1, 1))
    assert days_of(first_monday, date(2026, 1, 1), date(2026, 3, 31)) == [
        date(2026, 1, 5),
        date(2026, 2, 2),
        date(2026, 3, 2),
    ]
    last_thursday = Cadence(CadenceKind.MONTHLY, nth_weekday=(4, -1))
    assert days_of(last_thursday, date(2026, 1, 1), date(2026, 3, 31)) == [
        date(2026, 1, 29),
        date(2026, 2, 26),
        date(2026, 3, 26),
    ]
    fifth_friday = Cadence(CadenceKind.MONTHLY, nth_weekday=(5, 5))
    assert days_of(fifth_friday, date(2026, 1, 1), date(2026, 3, 31)) == [date(2026, 1, 30)]


def test_quarterly() -> None:
    cadence = Cadence(CadenceKind.QUARTERLY, day_of_month=15)
    assert days_of(cadence, date(2026, 1, 1), date(2026, 12, 31)) == [
        date(2026, 1, 15),
        date(2026, 4, 15),
        date(2026, 7, 15),
        date(2026, 10, 15),
    ]
    shifted = Cadence(CadenceKind.QUARTERLY, anchor=date(2026, 2, 10))
    assert days_of(shifted, date(2026, 1, 1), date(2026, 8, 31)) == [
        date(2026, 2, 10),
        date(2026, 5, 10),
        date(2026, 8, 10),
    ]


def test_nothing_before_the_anchor() -> None:
    cadence = Cadence(CadenceKind.DAILY, anchor=date(2026, 3, 10))
    assert days_of(cadence, date(2026, 3, 8), date(2026, 3, 11)) == [
        date(2026, 3, 10),
        date(2026, 3, 11),
    ]


def test_once_only_on_its_anchor_and_checklist_key() -> None:
    one_off = Cadence(CadenceKind.ONCE, anchor=date(2026, 3, 10))
    assert days_of(one_off, date(2026, 3, 1), date(2026, 3, 31)) == [date(2026, 3, 10)]
    checklist = Cadence(CadenceKind.ONCE)
    assert days_of(checklist, date(2026, 3, 1), date(2026, 3, 31)) == []
    item = TaskTemplate("onboarding.x", "X", "X", TaskGroup.ONBOARDING, checklist)
    assert checklist_key(item) == f"onboarding.x@{CHECKLIST_DAY.isoformat()}#0"


def test_occasional_every_n_months_since_last_done() -> None:
    cadence = Cadence(CadenceKind.OCCASIONAL, every=3)
    # done on Jan 31: due again from Apr 30 (clamped), on working days only
    done = date(2026, 1, 31)
    assert interval_due(cadence, done) == date(2026, 4, 30)
    got = days_of(cadence, date(2026, 4, 27), date(2026, 5, 5), last_done=done)
    assert got == [date(2026, 4, 30), date(2026, 5, 1), date(2026, 5, 4), date(2026, 5, 5)]
    # never done: due at once (from the anchor if there is one)
    assert occurs_on(cadence, date(2026, 3, 10), HOURS, None)
    anchored = Cadence(CadenceKind.OCCASIONAL, every=3, anchor=date(2026, 6, 1))
    assert not occurs_on(anchored, date(2026, 3, 10), HOURS, None)


def test_after_completion_daily_and_weekly() -> None:
    every3 = Cadence(CadenceKind.DAILY, every=3, after_completion=True)
    assert interval_due(every3, date(2026, 3, 2)) == date(2026, 3, 5)
    assert days_of(every3, date(2026, 3, 3), date(2026, 3, 6), last_done=date(2026, 3, 2)) == [
        date(2026, 3, 5),
        date(2026, 3, 6),
    ]
    weekly = Cadence(CadenceKind.WEEKLY, every=2, after_completion=True)
    assert interval_due(weekly, date(2026, 3, 2)) == date(2026, 3, 16)


def test_validate_cadence() -> None:
    assert validate_cadence(Cadence(CadenceKind.WEEKLY, weekdays=(5,), at="09:00")) == []
    problems = validate_cadence(
        Cadence(
            CadenceKind.MONTHLY,
            weekdays=(0,),
            day_of_month=32,
            at="25:00",
            block="night",
            every=0,
            nth_weekday=(8, 6),
        )
    )
    joined = " ".join(problems)
    for field in ("weekdays", "day_of_month", "at", "block", "every", "nth_weekday"):
        assert f"cadence.{field}" in joined


# --------------------------------------------------------------------------- DST


def test_nine_oclock_is_nine_local_on_dst_days() -> None:
    daily = tpl(kind="daily", at="09:00")
    for tz, day in (
        (PARIS, date(2026, 3, 29)),  # spring forward
        (PARIS, date(2026, 10, 25)),  # fall back
        (MONTREAL, date(2026, 3, 8)),
        (MONTREAL, date(2026, 11, 1)),
    ):
        (slot,) = slots_on(daily, day, tz)
        local = slot.at_utc.astimezone(tz)
        assert (local.date(), local.time()) == (day, time(9, 0))


def test_spring_forward_gap_moves_after_the_gap() -> None:
    # 02:30 does not exist in Paris on 2026-03-29: it becomes 03:30 CEST (01:30 UTC)
    (slot,) = slots_on(tpl(kind="daily", at="02:30"), date(2026, 3, 29), PARIS)
    assert slot.at_utc == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    assert slot.at_utc.astimezone(PARIS).time() == time(3, 30)
    assert slot.local_time == time(2, 30)  # the rule's time, as written
    # Montreal: 02:30 on 2026-03-08 becomes 03:30 EDT
    (slot,) = slots_on(tpl(kind="daily", at="02:30"), date(2026, 3, 8), MONTREAL)
    assert slot.at_utc.astimezone(MONTREAL).time() == time(3, 30)


def test_fall_back_repeated_hour_means_first_occurrence() -> None:
    (slot,) = slots_on(tpl(kind="daily", at="02:30"), date(2026, 10, 25), PARIS)
    assert slot.at_utc == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # still CEST (+2)


# --------------------------------------------------------------------------- properties


@settings(max_examples=300)
@given(day=DAYS, minute=st.integers(0, 24 * 60 - 1), tz=ZONES)
def test_local_times_round_trip_or_move_past_a_gap(day: date, minute: int, tz: ZoneInfo) -> None:
    at = time(minute // 60, minute % 60)
    local = local_to_utc(day, at, tz).astimezone(tz)
    wanted = datetime.combine(day, at)
    got = local.replace(tzinfo=None)
    if got != wanted:
        # only inside a spring-forward gap: shifted forward by the gap (one hour here)
        assert got - wanted == timedelta(hours=1)
        before = datetime.combine(day, at, tzinfo=tz) - timedelta(hours=2)
        assert before.utcoffset() != local.utcoffset()


@given(day=DAYS, tz=ZONES)
def test_day_has_23_24_or_25_hours(day: date, tz: ZoneInfo) -> None:
    start = local_to_utc(day, time(0), tz)
    end = local_to_utc(day + timedelta(days=1), time(0), tz)
    assert end - start in (timedelta(hours=23), timedelta(hours=24), timedelta(hours=25))


@given(anchor_day=st.integers(1, 31), year=st.integers(1999, 2060), month=st.integers(1, 12))
def test_monthly_day_n_once_a_month_clamped(anchor_day: int, year: int, month: int) -> None:
    cadence = Cadence(CadenceKind.MONTHLY, day_of_month=anchor_day)
    last = days_in_month(year, month)
    got = days_of(cadence, date(year, month, 1), date(year, month, last))
    assert got == [date(year, month, min(anchor_day, last))]


@given(start=DAYS, n=st.integers(0, 40), dom=st.integers(28, 31))
def test_add_months_from_anchor_never_drifts(start: date, n: int, dom: int) -> None:
    anchor = date(start.year, start.month, min(dom, days_in_month(start.year, start.month)))
    got = add_months(anchor, n)
    assert got.day == min(anchor.day, days_in_month(got.year, got.month))
    assert (got.year * 12 + got.month) - (anchor.year * 12 + anchor.month) == n


@given(
    anchor=st.dates(min_value=date(2000, 1, 1), max_value=date(2050, 12, 31)),
    every=st.integers(1, 4),
    weekday=st.integers(1, 7),
    offset=st.integers(0, 400),
)
def test_weekly_every_n_has_period_n_weeks_across_years(
    anchor: date, every: int, weekday: int, offset: int
) -> None:
    cadence = Cadence(CadenceKind.WEEKLY, weekdays=(weekday,), every=every, anchor=anchor)
    day = anchor + timedelta(days=offset)
    later = day + timedelta(weeks=every)
    assert occurs_on(cadence, day, HOURS) == occurs_on(cadence, later, HOURS)
    if occurs_on(cadence, day, HOURS):
        assert day.isoweekday() == weekday
        # no other occurrence in the next every*7-1 days
        for k in range(1, 7 * every):
            assert not occurs_on(cadence, day + timedelta(days=k), HOURS)


@given(first=st.dates(min_value=date(2000, 12, 20), max_value=date(2050, 12, 31)))
def test_every_week_exactly_one_occurrence_per_iso_week(first: date) -> None:
    cadence = Cadence(CadenceKind.WEEKLY, weekdays=(3,))
    monday = first - timedelta(days=first.weekday())
    week = [monday + timedelta(days=i) for i in range(7)]
    hits = [d for d in week if occurs_on(cadence, d, HOURS)]
    assert len(hits) == 1
    assert hits[0].isocalendar()[:2] == monday.isocalendar()[:2]


@given(done=DAYS, every=st.integers(1, 12), probe=st.integers(0, 500))
def test_occasional_not_due_before_interval_and_due_after(
    done: date, every: int, probe: int
) -> None:
    cadence = Cadence(CadenceKind.OCCASIONAL, every=every)
    day = done + timedelta(days=probe + 1)
    due = interval_due(cadence, done)
    expected = day >= due and day.isoweekday() in HOURS.workdays
    assert occurs_on(cadence, day, HOURS, done) == expected


@given(
    kind=st.sampled_from(["daily", "workdays", "weekly", "monthly"]),
    every=st.integers(1, 6),
    done=DAYS,
)
def test_after_completion_due_date_is_after_last_done(kind: str, every: int, done: date) -> None:
    cadence = Cadence(CadenceKind(kind), every=every, after_completion=True)
    due = interval_due(cadence, done)
    assert due > done
    assert not occurs_on(cadence, due - timedelta(days=1), HOURS, done)


@pytest.mark.parametrize("times", [1, 2, 3, 4, 6, 12])
def test_spread_slots_inside_working_hours_and_increasing(times: int) -> None:
    got = slot_times(Cadence(CadenceKind.TIMES_PER_DAY, times=times), HOURS)
    assert len(got) == times
    assert got == sorted(set(got))
    assert all(HOURS.start <= t < HOURS.end for t in got)


@given(year=st.integers(1999, 2060), month=st.integers(1, 12))
def test_monthly_last_day_and_february_in_leap_years(year: int, month: int) -> None:
    last = Cadence(CadenceKind.MONTHLY, day_of_month=-1)
    (got,) = days_of(last, date(year, month, 1), date(year, month, days_in_month(year, month)))
    assert (got + timedelta(days=1)).day == 1
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        assert got.day == (29 if leap else 28)


@given(
    year=st.integers(1999, 2060),
    month=st.integers(1, 12),
    weekday=st.integers(1, 7),
    n=st.sampled_from([1, 2, 3, 4, -1]),
)
def test_nth_weekday_is_that_weekday_in_that_position(
    year: int, month: int, weekday: int, n: int
) -> None:
    cadence = Cadence(CadenceKind.MONTHLY, nth_weekday=(weekday, n))
    (got,) = days_of(cadence, date(year, month, 1), date(year, month, days_in_month(year, month)))
    assert got.isoweekday() == weekday
    if n == -1:
        assert (got + timedelta(days=7)).month != month
    else:
        assert (got.day - 1) // 7 + 1 == n


def test_days_in_month_is_the_calendar_modules() -> None:
    import calendar

    for year in (1, 1900, 2000, 2024, 2025, 2026, 2100, 9999):
        for month in range(1, 13):
            assert days_in_month(year, month) == calendar.monthrange(year, month)[1]
