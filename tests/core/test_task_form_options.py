"""The task form sets what the recurrence engine supports, through ``core.today``'s validator
into the agenda: "N days after it was last done" or fixed days, pile-up or keep-latest for
missed occurrences, a time block ("Friday morning: blog"); and the form shows them again when
the task is edited (``form_of``)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from cm_tui.core import i18n
from cm_tui.core.agenda import Agenda, AgendaRow, build_agenda
from cm_tui.core.form_errors import FieldError
from cm_tui.core.labels import describe_cadence
from cm_tui.core.models import (
    Cadence,
    CadenceKind,
    MissedPolicy,
    OccurrenceStatus,
    TaskGroup,
    TaskOccurrence,
    TaskTemplate,
    occurrence_key,
)
from cm_tui.core.today import TaskForm, form_of, template_from_form

PARIS = ZoneInfo("Europe/Paris")
CREATED = date(2026, 11, 2)  # a Monday
MONDAY = date(2026, 11, 16)  # created that week: no Friday missed before it
THURSDAY = date(2026, 11, 19)
FRIDAY = date(2026, 11, 20)


def at(day: date, hh: int, mm: int = 0) -> datetime:
    """``hh:mm`` in Paris on ``day`` (CET: UTC+1), as the app's clock gives it."""
    return datetime(day.year, day.month, day.day, hh - 1, mm, tzinfo=UTC)


def done(template: TaskTemplate, day: date) -> dict[str, TaskOccurrence]:
    key = occurrence_key(template.key, day, 0)
    return {key: TaskOccurrence(key, template.key, day, 0, OccurrenceStatus.DONE, at(day, 10))}


def keys(rows: object) -> list[str]:
    return [r.occurrence_key for r in rows]  # type: ignore[attr-defined]


def own_rows(agenda: Agenda) -> list[AgendaRow]:
    """The rows of the agenda's own day (its group or "now"), not the overdue ones."""
    return [r for r in agenda.rows if r not in agenda.overdue]


def saved(form: TaskForm) -> TaskTemplate:
    """The template the form saves, and the form shows it again unchanged when edited."""
    template = template_from_form(form, [])
    again = form_of(template, "en")
    assert template_from_form(again, [template], editing=template) == template
    return template


# --------------------------------------------------------------------------- after last done


def test_every_14_days_after_last_done_keep_latest() -> None:
    form = TaskForm(
        "Check the ads",
        kind="daily",
        every="14",
        counts="done",
        missed="latest_only",
        day=CREATED,
    )
    ads = saved(form)
    cadence = ads.cadence
    assert (cadence.kind, cadence.every, cadence.after_completion, cadence.missed) == (
        CadenceKind.DAILY,
        14,
        True,
        MissedPolicy.LATEST_ONLY,
    )
    shown = form_of(ads, "en")
    assert (shown.every, shown.counts, shown.missed, shown.block) == (
        "14",
        "done",
        "latest_only",
        "",
    )
    history = done(ads, date(2026, 11, 5))  # a Thursday: due again two weeks later
    on = {
        day: build_agenda([ads], history, day, at(day, 9, 12), PARIS)
        for day in (date(2026, 11, 12), date(2026, 11, 18), THURSDAY, FRIDAY)
    }
    assert on[date(2026, 11, 12)].rows == []  # a week after: not yet
    assert on[date(2026, 11, 18)].rows == []
    assert keys(own_rows(on[THURSDAY])) == [f"{ads.key}@2026-11-19#0"]
    assert on[THURSDAY].overdue == ()
    assert keys(on[FRIDAY].overdue) == [f"{ads.key}@2026-11-20#0"]  # missed: late until done
    assert own_rows(on[FRIDAY]) == []
    # done late on Friday: the next one counts from Friday
    history |= done(ads, FRIDAY)
    assert (
        build_agenda([ads], history, date(2026, 12, 3), at(date(2026, 12, 3), 9), PARIS).rows == []
    )
    due = build_agenda([ads], history, date(2026, 12, 4), at(date(2026, 12, 4), 9), PARIS)
    assert keys(due.rows) == [f"{ads.key}@2026-12-04#0"]


def test_every_14_days_on_fixed_days_counts_from_its_first_day() -> None:
    ads = saved(
        TaskForm(
            "Check the ads", kind="daily", every="14", counts="calendar", day=date(2026, 11, 5)
        )
    )
    assert (ads.cadence.every, ads.cadence.after_completion) == (14, False)
    assert form_of(ads, "en").counts == "calendar"
    history = done(ads, date(2026, 11, 10))  # done early: the calendar does not move
    days = [
        day
        for day in (date(2026, 11, 5), date(2026, 11, 12), THURSDAY, date(2026, 12, 3))
        if own_rows(build_agenda([ads], history, day, at(day, 8), PARIS))
    ]
    assert days == [date(2026, 11, 5), THURSDAY, date(2026, 12, 3)]


# --------------------------------------------------------------------------- missed policy


@pytest.mark.parametrize(
    ("missed", "overdue_days"),
    [("latest_only", ["2026-11-17"]), ("pile_up", ["2026-11-16", "2026-11-17"])],
)
def test_missed_occurrences_pile_up_or_keep_the_latest(
    missed: str, overdue_days: list[str]
) -> None:
    report = saved(
        TaskForm(
            "Call the press", kind="weekly", detail="1,2", at="10:00", missed=missed, day=CREATED
        )
    )
    assert report.cadence.missed is MissedPolicy(missed)
    assert form_of(report, "en").missed == missed
    agenda = build_agenda([report], {}, THURSDAY, at(THURSDAY, 9, 12), PARIS)
    assert keys(agenda.overdue) == [f"{report.key}@{day}#0" for day in overdue_days]


# --------------------------------------------------------------------------- time block


def test_friday_morning_block_blog() -> None:
    blog = saved(TaskForm("Blog", kind="weekly", detail="5", block="morning", day=MONDAY))
    assert (blog.cadence.weekdays, blog.cadence.block, blog.cadence.at) == ((5,), "morning", None)
    assert blog.group is TaskGroup.WEEKLY
    assert form_of(blog, "en").block == "morning"
    assert build_agenda([blog], {}, THURSDAY, at(THURSDAY, 9, 12), PARIS).rows == []
    friday = build_agenda([blog], {}, FRIDAY, at(FRIDAY, 9, 30), PARIS)
    (row,) = friday.rows
    assert (row.day, row.time, row.block) == (FRIDAY, time(9, 0), "morning")  # the block's start
    assert friday.section("now") is not None and friday.section("now").rows == (row,)
    # in the afternoon block it starts at 14:00, and is not "now" on Friday morning
    later = saved(dataclasses.replace(form_of(blog, "en"), block="afternoon"))
    (row,) = build_agenda([later], {}, FRIDAY, at(FRIDAY, 9, 30), PARIS).section("weekly").rows
    assert (row.time, row.block) == (time(14, 0), "afternoon")


def test_the_task_description_names_its_block() -> None:
    """What the task's detail (``enter``) and the lists of ``M`` say of it."""
    blog = saved(TaskForm("Blog", kind="weekly", detail="5", block="morning", day=MONDAY))
    timed = dataclasses.replace(blog.cadence, at="10:30")
    before = i18n.language()
    try:
        i18n.set_language("en")
        assert describe_cadence(blog.cadence) == "Every week on Friday · Morning"
        assert describe_cadence(timed) == "Every week on Friday at 10:30"
        i18n.set_language("fr")
        assert describe_cadence(blog.cadence) == "Chaque semaine : vendredi · Matin"
    finally:
        i18n.set_language(before)


def test_a_time_in_a_block_keeps_both_and_a_one_off_may_have_a_block() -> None:
    blog = saved(
        TaskForm("Blog", kind="weekly", detail="5", at="10:30", block="morning", day=MONDAY)
    )
    (row,) = build_agenda([blog], {}, FRIDAY, at(FRIDAY, 8), PARIS).rows
    assert (row.time, row.block) == (time(10, 30), "morning")
    call = saved(TaskForm("Call the printer", kind="once", block="afternoon", day=FRIDAY))
    (row,) = build_agenda([call], {}, FRIDAY, at(FRIDAY, 8), PARIS).rows
    assert (row.time, row.block) == (time(14, 0), "afternoon")


# --------------------------------------------------------------------------- editing, defaults


def test_a_form_without_the_options_keeps_those_of_the_task_edited() -> None:
    """The one-off form shows no cadence options: editing through it keeps them."""
    ads = saved(
        TaskForm("Ads", kind="daily", every="14", counts="done", missed="pile_up", day=CREATED)
    )
    edited = template_from_form(TaskForm("Ads!", kind="daily"), [ads], editing=ads)
    assert edited.cadence == ads.cadence
    fresh = template_from_form(TaskForm("New", kind="weekly", detail="3"), [])
    assert (fresh.cadence.every, fresh.cadence.after_completion, fresh.cadence.block) == (
        1,
        False,
        None,
    )
    assert fresh.cadence.missed is MissedPolicy.LATEST_ONLY
    assert template_from_form(TaskForm("x", kind="occasional"), []).cadence.every == 3
    occasional = saved(TaskForm("Header images", kind="occasional", every="6", counts="done"))
    assert occasional.cadence.every == 6 and form_of(occasional, "en").counts == "done"


def test_a_new_rhythm_given_to_a_catalog_task_starts_on_the_forms_day() -> None:
    """A catalog task has no first day: "every 14 days" counts from the day it was edited
    for, not from an arbitrary origin."""
    report = TaskTemplate(
        "weekly.report",
        "Report",
        "Rapport",
        TaskGroup.WEEKLY,
        Cadence(CadenceKind.WEEKLY, weekdays=(1,), at="10:00"),
    )
    form = dataclasses.replace(form_of(report, "en"), kind="daily", every="14", day=THURSDAY)
    edited = template_from_form(form, [report], editing=report)
    assert (edited.cadence.kind, edited.cadence.every, edited.cadence.anchor) == (
        CadenceKind.DAILY,
        14,
        THURSDAY,
    )
    days = [
        day
        for day in (date(2026, 11, 18), THURSDAY, date(2026, 11, 26), date(2026, 12, 3))
        if own_rows(build_agenda([edited], {}, day, at(day, 8), PARIS))
    ]
    assert days == [THURSDAY, date(2026, 12, 3)]
    # the same rhythm edited again keeps its first day
    again = template_from_form(
        dataclasses.replace(form_of(edited, "en"), label="Report!"), [edited], editing=edited
    )
    assert again.cadence.anchor == THURSDAY


@pytest.mark.parametrize(
    ("form", "field", "key"),
    [
        (TaskForm("x", kind="daily", every="0"), "every", "today.form.error.every"),
        (TaskForm("x", kind="daily", every="two"), "every", "today.form.error.every"),
        (TaskForm("x", kind="weekly", every="53"), "every", "today.form.error.every"),
        (TaskForm("x", kind="workdays", every="2"), "every", "today.form.error.every_workdays"),
        (TaskForm("x", kind="times_per_day", counts="done"), "counts", "today.form.error.counts"),
        (
            TaskForm("x", kind="weekly", detail="5", counts="done"),
            "detail",
            "today.form.error.detail_after",
        ),
        (
            TaskForm("x", kind="monthly", detail="-1", counts="done"),
            "detail",
            "today.form.error.detail_after",
        ),
        (
            TaskForm("x", kind="occasional", counts="calendar"),
            "counts",
            "today.form.error.occasional",
        ),
        (TaskForm("x", kind="daily", counts="sometimes"), "counts", "today.form.error.choice"),
        (TaskForm("x", kind="daily", missed="forget"), "missed", "today.form.error.choice"),
        (TaskForm("x", kind="daily", block="night"), "block", "today.form.error.choice"),
        (
            TaskForm("x", kind="times_per_day", detail="3", block="morning"),
            "block",
            "today.form.error.block_spread",
        ),
    ],
)
def test_option_errors_name_their_field(form: TaskForm, field: str, key: str) -> None:
    form = dataclasses.replace(form, day=CREATED)
    with pytest.raises(FieldError) as caught:
        template_from_form(form, [])
    assert (caught.value.field, caught.value.message_key) == (field, key)


def test_two_weeks_after_last_done_has_no_weekday() -> None:
    """Counted from the last time done, the day comes from it: a weekday typed is refused
    (above), none is kept."""
    team = saved(TaskForm("Team lunch", kind="weekly", every="2", counts="done", day=CREATED))
    assert (team.cadence.weekdays, team.cadence.every, team.cadence.after_completion) == (
        (),
        2,
        True,
    )
    assert form_of(team, "en").detail == ""
    history = done(team, date(2026, 11, 5))
    assert build_agenda([team], history, date(2026, 11, 18), at(THURSDAY, 8), PARIS).rows == []
    assert len(own_rows(build_agenda([team], history, THURSDAY, at(THURSDAY, 8), PARIS))) == 1


def test_workdays_after_last_done_counts_days_then_the_next_working_day() -> None:
    review = saved(TaskForm("Review", kind="workdays", every="3", counts="done", day=CREATED))
    history = done(review, date(2026, 11, 17))  # a Tuesday: 3 days later is Friday 20
    assert build_agenda([review], history, THURSDAY, at(THURSDAY, 8), PARIS).rows == []
    assert len(build_agenda([review], history, FRIDAY, at(FRIDAY, 8), PARIS).rows) == 1
