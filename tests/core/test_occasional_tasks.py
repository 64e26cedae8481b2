"""Occasional tasks (and every "since last done" cadence) on the Today agenda: shown on the day
they fall due, then as overdue until done; never on every day of a new store."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from cm_tui.core.agenda import Agenda, RowStatus, build_agenda
from cm_tui.core.models import (
    Cadence,
    CadenceKind,
    OccurrenceStatus,
    TaskGroup,
    TaskOccurrence,
    TaskTemplate,
    occurrence_key,
)
from cm_tui.core.recurrence import WorkHours
from cm_tui.io.shipped import load_catalog

PARIS = ZoneInfo("Europe/Paris")
THURSDAY = date(2026, 11, 19)
FRIDAY = date(2026, 11, 20)
MONDAY = date(2026, 11, 23)
TUESDAY = date(2026, 11, 24)
HEADER = TaskTemplate(
    "header",
    "Change the header images",
    "Changer les images d'en-tête",
    TaskGroup.OCCASIONAL,
    Cadence(CadenceKind.OCCASIONAL, every=3, at="15:00"),
)


def morning(day: date) -> datetime:
    """09:12 in Paris on ``day`` (the day is today)."""
    return datetime.combine(day, time(9, 12), PARIS).astimezone(UTC)


def record(day: date, status: str = "done", until: datetime | None = None) -> TaskOccurrence:
    key = occurrence_key("header", day, 0)
    return TaskOccurrence(
        key, "header", day, 0, OccurrenceStatus(status), morning(day), snoozed_until=until
    )


def agenda_of(
    day: date,
    records: list[TaskOccurrence] = (),  # type: ignore[assignment]
    **kwargs: object,
) -> Agenda:
    history = {r.key: r for r in records}
    return build_agenda([HEADER], history, day, morning(day), PARIS, **kwargs)  # type: ignore[arg-type]


def where(agenda: Agenda) -> list[str]:
    """The sections the header task shows in, with its occurrence key."""
    return [f"{s.key}:{r.occurrence_key}" for s in agenda.sections for r in s.rows]


def test_a_new_store_shows_no_occasional_task_on_thursday_friday_or_monday() -> None:
    """The store started tracking on Thursday: the five occasional tasks of the catalog are
    counted from that day (every 1 to 12 months), so none is on the first days."""
    catalog = load_catalog()
    occasional = [t for t in catalog if t.group is TaskGroup.OCCASIONAL]
    assert len(occasional) == 5
    for day in (THURSDAY, FRIDAY, MONDAY):
        agenda = build_agenda(
            catalog, {}, day, morning(day), PARIS, last_done={}, history_start=THURSDAY
        )
        shown = [r.template_key for r in agenda.rows if r.group is TaskGroup.OCCASIONAL]
        assert shown == [], day
        assert agenda.section("occasional") is None


def test_a_new_store_shows_them_when_they_fall_due() -> None:
    """Counted from the first day: the monthly one falls due a month later (a Saturday: the
    next working day), then it is overdue."""
    catalog = load_catalog()
    meet = [t for t in catalog if t.key == "occasional.meet_others"]
    first_due = date(2026, 12, 21)  # 19 Dec is a Saturday
    for day, section in ((date(2026, 12, 18), None), (first_due, "occasional")):
        agenda = build_agenda(meet, {}, day, morning(day), PARIS, history_start=THURSDAY)
        assert [s.key for s in agenda.sections if s.rows] == ([section] if section else [])
    later = build_agenda(
        meet, {}, first_due + timedelta(days=1), morning(first_due), PARIS, history_start=THURSDAY
    )
    assert [s.key for s in later.sections] == ["overdue"]


def test_due_on_thursday_then_overdue_on_friday_and_monday_until_done() -> None:
    done_in_august = [record(date(2026, 8, 19))]  # every 3 months: due Thursday 19 November
    thursday = agenda_of(THURSDAY, done_in_august)
    assert where(thursday) == ["occasional:header@2026-11-19#0"]
    assert thursday.progress == (0, 1)
    friday = agenda_of(FRIDAY, done_in_august)
    assert where(friday) == ["overdue:header@2026-11-20#0"]
    assert friday.progress == (0, 0)  # an overdue row is not one of the day's tasks
    assert where(agenda_of(MONDAY, done_in_august)) == ["overdue:header@2026-11-23#0"]
    # done on Monday: gone from Monday's overdue rows (as any overdue row done), and not due
    # again until three months after Monday
    done_monday = [*done_in_august, record(MONDAY)]
    assert where(agenda_of(MONDAY, done_monday)) == []
    assert where(agenda_of(TUESDAY, done_monday)) == []
    assert where(agenda_of(date(2027, 2, 19), done_monday)) == []
    assert where(agenda_of(date(2027, 2, 23), done_monday)) == ["occasional:header@2027-02-23#0"]


def test_the_same_agenda_from_the_last_done_map() -> None:
    done_in_august = [record(date(2026, 8, 19))]
    for day in (THURSDAY, FRIDAY, MONDAY):
        walked = agenda_of(day, done_in_august)
        mapped = agenda_of(day, done_in_august, last_done={"header": date(2026, 8, 19)})
        assert walked == mapped


def test_done_on_its_due_day_it_stays_listed_as_done() -> None:
    records = [record(date(2026, 8, 19)), record(THURSDAY)]
    (row,) = agenda_of(THURSDAY, records).rows
    assert row.status is RowStatus.DONE
    assert agenda_of(THURSDAY, records).progress == (1, 1)
    assert where(agenda_of(FRIDAY, records)) == []


def test_an_overdue_one_snoozed_to_monday_is_back_on_monday() -> None:
    monday_nine = datetime.combine(MONDAY, time(9, 0), PARIS).astimezone(UTC)
    records = [record(date(2026, 8, 19)), record(FRIDAY, "snoozed", until=monday_nine)]
    assert where(agenda_of(FRIDAY, records)) == []  # snoozed to a later day
    assert where(agenda_of(MONDAY, records)) == ["overdue:header@2026-11-23#0"]
    # snoozed to later the same day: listed, as snoozed
    today_noon = datetime.combine(FRIDAY, time(12, 0), PARIS).astimezone(UTC)
    records = [record(date(2026, 8, 19)), record(FRIDAY, "snoozed", until=today_noon)]
    (row,) = agenda_of(FRIDAY, records).overdue
    assert row.status is RowStatus.SNOOZED


def test_never_done_counts_from_its_anchor_else_from_the_first_day_else_it_is_overdue() -> None:
    anchored = HEADER.replace(cadence=HEADER.cadence.replace(anchor=FRIDAY))
    history: dict[str, TaskOccurrence] = {}
    for day, expected in ((THURSDAY, []), (FRIDAY, ["occasional"]), (MONDAY, ["overdue"])):
        agenda = build_agenda([anchored], history, day, morning(day), PARIS)
        assert [s.key for s in agenda.sections] == expected
    # no anchor, tracking since Thursday: due three months later
    assert where(agenda_of(MONDAY, history_start=THURSDAY)) == []
    # nothing to count from (a store made before cm-tui recorded its first day): overdue
    assert where(agenda_of(MONDAY)) == ["overdue:header@2026-11-23#0"]


def test_due_day_is_the_first_working_day_on_or_after_the_interval() -> None:
    from cm_tui.core.recurrence import due_day

    hours = WorkHours()
    cadence = HEADER.cadence
    assert due_day(cadence, hours, date(2026, 8, 19)) == THURSDAY
    assert due_day(cadence, hours, date(2026, 8, 21)) == MONDAY  # 21 Nov is a Saturday
    assert due_day(cadence.replace(anchor=FRIDAY), hours, None) == FRIDAY
    assert due_day(cadence, hours, None) is None


def test_time_blocks_list_an_occasional_task_on_its_due_day_only() -> None:
    """The ICS export's time blocks plan a task where it falls due, not again on each later
    day of the range where it would show as overdue."""
    from cm_tui.core.calendar import time_blocks
    from cm_tui.core.settings import Settings

    blocks = time_blocks(
        [HEADER],
        THURSDAY,
        TUESDAY,
        PARIS,
        Settings(timezone="Europe/Paris"),
        "en",
        last_done={"header": date(2026, 8, 19)},
    )
    days = sorted({block.start.astimezone(PARIS).date() for block in blocks})
    assert days == [THURSDAY]
