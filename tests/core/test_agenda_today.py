"""Rules behind the Today keys and panels (``core.today``): snooze instants, the records a key
writes, the filter, due reviews, the influencer of the week, task form validation."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cm_tui.core.agenda import build_agenda
from cm_tui.core.form_errors import FieldError
from cm_tui.core.models import (
    Cadence,
    CadenceKind,
    DocumentKind,
    Influencer,
    OccurrenceStatus,
    ReferenceDocument,
    TaskGroup,
    TaskTemplate,
)
from cm_tui.core.recurrence import WorkHours
from cm_tui.core.today import (
    SnoozeChoice,
    TaskForm,
    document_from_form,
    due_documents,
    filter_rows,
    fold,
    form_of,
    form_time,
    influencer_from_form,
    influencer_to_contact,
    occurrence_change,
    slug,
    snooze_until,
    template_from_form,
)

PARIS = ZoneInfo("Europe/Paris")
MONTREAL = ZoneInfo("America/Montreal")
HOURS = WorkHours()
THURSDAY = date(2026, 11, 19)
NOW = datetime(2026, 11, 19, 8, 12, tzinfo=UTC)  # 09:12 in Paris


def task(key: str, label: str, network: str | None = None, **cadence: object) -> TaskTemplate:
    return TaskTemplate(
        key, label, f"{label} (fr)", TaskGroup.DAILY, Cadence(**cadence), network=network
    )  # type: ignore[arg-type]


# --------------------------------------------------------------------------- snooze


def test_snooze_later_is_one_hour_rounded_up_to_five_minutes() -> None:
    until = snooze_until(SnoozeChoice.LATER, NOW, PARIS, HOURS)
    assert until.astimezone(PARIS).strftime("%Y-%m-%d %H:%M") == "2026-11-19 10:15"
    exact = datetime(2026, 11, 19, 8, 0, tzinfo=UTC)
    assert snooze_until(SnoozeChoice.LATER, exact, PARIS, HOURS) == exact + timedelta(hours=1)


def test_snooze_later_never_leaves_the_day() -> None:
    late = datetime(2026, 11, 19, 22, 40, tzinfo=UTC)  # 23:40 in Paris
    until = snooze_until(SnoozeChoice.LATER, late, PARIS, HOURS).astimezone(PARIS)
    assert (until.date(), until.hour, until.minute) == (THURSDAY, 23, 59)


def test_snooze_tomorrow_is_the_next_local_day_at_workday_start() -> None:
    until = snooze_until(SnoozeChoice.TOMORROW, NOW, PARIS, WorkHours(start=HOURS.end))
    assert until.astimezone(PARIS).strftime("%Y-%m-%d %H:%M") == "2026-11-20 18:00"


@given(
    instant=st.datetimes(
        min_value=datetime(2020, 1, 1), max_value=datetime(2035, 12, 31), timezones=st.just(UTC)
    ),
    zone=st.sampled_from([PARIS, MONTREAL]),
)
def test_snooze_properties_across_dst(instant: datetime, zone: ZoneInfo) -> None:
    local_day = instant.astimezone(zone).date()
    later = snooze_until(SnoozeChoice.LATER, instant, zone, HOURS)
    assert later.tzinfo is not None and later.utcoffset() == timedelta(0)
    assert later.astimezone(zone).date() == local_day  # "later today" stays today
    assert later >= instant or later.astimezone(zone).time().hour == 23
    tomorrow = snooze_until(SnoozeChoice.TOMORROW, instant, zone, HOURS).astimezone(zone)
    assert tomorrow.date() == local_day + timedelta(days=1)
    assert (tomorrow.hour, tomorrow.minute) == (9, 0)


def test_occurrence_change_keeps_only_the_fields_of_its_status() -> None:
    template = task("watch", "Watch", kind="workdays", at="09:00")
    (row,) = build_agenda([template], {}, THURSDAY, NOW, PARIS).rows
    until = NOW + timedelta(hours=1)
    snoozed = occurrence_change(row, OccurrenceStatus.SNOOZED, NOW, reason="x", until=until)
    assert (snoozed.key, snoozed.day, snoozed.slot) == ("watch@2026-11-19#0", THURSDAY, 0)
    assert snoozed.snoozed_until == until and snoozed.reason == ""
    skipped = occurrence_change(row, OccurrenceStatus.SKIPPED, NOW, reason="  sick  ", until=until)
    assert skipped.reason == "sick" and skipped.snoozed_until is None


# --------------------------------------------------------------------------- filter


def test_filter_matches_both_languages_network_names_and_ignores_accents() -> None:
    templates = [
        task("a", "Publish on X", "x", kind="workdays"),
        task("b", "Éditer la ligne éditoriale", kind="workdays"),
        task("c", "Answer comments", "facebook", kind="workdays"),
    ]
    rows = build_agenda(templates, {}, THURSDAY, NOW, PARIS).rows
    names = {"x": "X (Twitter)", "facebook": "Facebook"}

    def keys(query: str) -> list[str]:
        return sorted(r.template_key for r in filter_rows(rows, query, names))

    assert keys("") == ["a", "b", "c"]
    assert keys("twitter") == ["a"]
    assert keys("EDITORIALE") == ["b"]
    assert keys("(fr) answer") == ["c"]  # every word must match
    assert keys("workdays") == ["a", "b", "c"]
    assert keys("nothing") == []
    assert fold("Été") == "ete"


@given(query=st.text(max_size=12))
def test_filter_result_is_a_subsequence_and_empty_query_keeps_all(query: str) -> None:
    templates = [
        task(f"k{i}", label, kind="workdays") for i, label in enumerate(["ab", "cd", "éf"])
    ]
    rows = build_agenda(templates, {}, THURSDAY, NOW, PARIS).rows
    got = filter_rows(rows, query)
    assert all(row in rows for row in got)
    assert [rows.index(r) for r in got] == sorted(rows.index(r) for r in got)
    if not query.split():
        assert got == rows


# --------------------------------------------------------------------------- reviews


def doc(title: str, age: int | None, every: int) -> ReferenceDocument:
    last = None if age is None else THURSDAY - timedelta(days=age)
    return ReferenceDocument(
        DocumentKind.NETIQUETTE, title, last_reviewed=last, review_every_days=every
    )


def test_due_documents_never_reviewed_first_then_most_overdue() -> None:
    docs = [
        doc("fresh", 10, 30),
        doc("exactly due", 30, 30),
        doc("very late", 400, 365),
        doc("never", None, 90),
    ]
    assert [d.title for d in due_documents(docs, THURSDAY)] == ["never", "very late", "exactly due"]


def test_influencer_least_recently_contacted_unless_done_this_week() -> None:
    people = [
        Influencer("Zoé", "x", last_contacted=THURSDAY - timedelta(days=30)),
        Influencer("Ana", "x", last_contacted=THURSDAY - timedelta(days=60)),
        Influencer("Bob", "x", last_contacted=THURSDAY - timedelta(days=60)),
    ]
    pick = influencer_to_contact(people, THURSDAY)
    assert pick is not None and (pick.influencer.name, pick.contacted_this_week) == ("Ana", False)
    people.append(Influencer("New", "x"))
    assert influencer_to_contact(people, THURSDAY).influencer.name == "New"  # never contacted
    people.append(Influencer("Monday", "x", last_contacted=date(2026, 11, 16)))
    pick = influencer_to_contact(people, THURSDAY)
    assert (pick.influencer.name, pick.contacted_this_week) == ("Monday", True)
    # the next ISO week starts afresh
    assert influencer_to_contact(people, date(2026, 11, 23)).influencer.name == "New"
    assert influencer_to_contact([], THURSDAY) is None


# --------------------------------------------------------------------------- task forms


def test_one_off_form_makes_a_user_template_on_its_day() -> None:
    existing = [task("user.call-the-printer", "x", kind="once", anchor=THURSDAY)]
    form = TaskForm("  Call   the printer ", kind="once", at="9:05", day=THURSDAY)
    template = template_from_form(form, existing)
    assert template.key == "user.call-the-printer.2"  # unique
    assert (template.label_en, template.label_fr) == ("Call the printer", "Call the printer")
    assert template.source == "user" and template.group is TaskGroup.DAILY
    assert (template.cadence.kind, template.cadence.anchor, template.cadence.at) == (
        CadenceKind.ONCE,
        THURSDAY,
        "09:05",
    )


@pytest.mark.parametrize(
    ("form", "field", "key"),
    [
        (TaskForm("", day=THURSDAY), "label", "today.form.error.label"),
        (TaskForm("x" * 201, day=THURSDAY), "label", "today.form.error.label_long"),
        (TaskForm("ok", at="25:99", day=THURSDAY), "at", "today.form.error.time"),
        (TaskForm("ok", kind="weekly", detail="1,8"), "detail", "today.form.error.number"),
        (TaskForm("ok", kind="monthly", detail="0"), "detail", "today.form.error.number"),
        (TaskForm("ok", kind="times_per_day", detail="two"), "detail", "today.form.error.number"),
        (TaskForm("ok", kind="hourly"), "kind", "today.form.error.kind"),
        (TaskForm("ok", kind="once"), "day", "today.form.error.day"),
        (TaskForm("ok", kind="daily", network="myspace"), "network", "today.form.error.network"),
    ],
)
def test_form_errors_name_the_field_and_the_problem(form: TaskForm, field: str, key: str) -> None:
    with pytest.raises(FieldError) as caught:
        template_from_form(form, [], ["x", "facebook"])
    assert (caught.value.field, caught.value.message_key) == (field, key)


def test_recurring_forms_and_no_backlog_before_creation() -> None:
    weekly = template_from_form(
        TaskForm("Newsletter", kind="weekly", detail="5, 1", at="16:00", day=THURSDAY), []
    )
    assert weekly.cadence.weekdays == (1, 5) and weekly.group is TaskGroup.WEEKLY
    assert weekly.cadence.anchor == THURSDAY
    # created on Thursday: last Monday and Friday are not overdue
    agenda = build_agenda([weekly], {}, THURSDAY, NOW, PARIS)
    assert agenda.rows == []
    monthly = template_from_form(TaskForm("Report", kind="monthly", detail="-1"), [])
    assert monthly.cadence.day_of_month == -1 and monthly.group is TaskGroup.MONTHLY
    several = template_from_form(
        TaskForm("Reply", kind="times_per_day", detail="3", at="10:00"), []
    )
    assert several.cadence.times == 3 and several.cadence.at is None
    assert several.group is TaskGroup.SEVERAL_DAILY
    assert template_from_form(TaskForm("x", kind="occasional"), []).cadence.every == 3


def test_editing_keeps_key_hidden_fields_and_the_other_language() -> None:
    base = TaskTemplate(
        "weekly.blog",
        "Write the blog post",
        "Écrire l'article",
        TaskGroup.WEEKLY,
        Cadence(CadenceKind.WEEKLY, weekdays=(5,), block="morning", missed="pile_up"),
        id=7,
    )
    form = form_of(base, "fr")
    assert (form.label, form.kind, form.detail) == ("Écrire l'article", "weekly", "5")
    edited = template_from_form(
        TaskForm("Écrire le billet", kind="weekly", detail="4"), [base], editing=base, lang="fr"
    )
    assert (edited.key, edited.id, edited.group) == ("weekly.blog", 7, TaskGroup.WEEKLY)
    assert (edited.label_en, edited.label_fr) == ("Write the blog post", "Écrire le billet")
    assert edited.cadence.weekdays == (4,) and edited.cadence.block == "morning"
    assert edited.cadence.missed.value == "pile_up"
    moved = template_from_form(TaskForm("Écrire le billet", kind="monthly"), [], editing=base)
    assert moved.group is TaskGroup.MONTHLY


@pytest.mark.parametrize(
    ("text", "expected"),
    [("9:05", "09:05"), ("14h30", "14:30"), ("14h", "14:00"), ("7", "07:00"), ("", None)],
)
def test_form_time_accepts_common_spellings(text: str, expected: str | None) -> None:
    assert form_time(text) == expected


@pytest.mark.parametrize("text", ["24:00", "12:60", "noon", "1:2", "12:345"])
def test_form_time_refuses_the_rest(text: str) -> None:
    with pytest.raises(FieldError):
        form_time(text)


@pytest.mark.parametrize(
    ("make", "field", "key"),
    [
        (lambda: influencer_from_form({"name": " "}, ["x"]), "name", "today.form.error.name"),
        (
            lambda: influencer_from_form({"name": "Ada"}, ["x"]),
            "network",
            "today.form.error.network_required",
        ),
        (
            lambda: influencer_from_form({"name": "Ada", "network": "x", "date": "2026-13-01"}, []),
            "network",
            "today.form.error.network",
        ),
        (
            lambda: influencer_from_form({"name": "Ada", "network": "x", "date": "13/01"}, ["x"]),
            "date",
            "today.form.error.date",
        ),
        (
            lambda: document_from_form({"name": "C", "extra": "zero"}, []),
            "extra",
            "today.form.error.number",
        ),
        (
            lambda: document_from_form({"name": "C", "kind": "poem"}, []),
            "kind",
            "today.form.error.kind",
        ),
    ],
)
def test_list_form_errors_name_their_field(make: Any, field: str, key: str) -> None:
    with pytest.raises(FieldError) as caught:
        make()
    assert (caught.value.field, caught.value.message_key) == (field, key)


def test_slug() -> None:
    assert slug("Appeler l'équipe !") == "appeler-l-equipe"
    assert slug("!!!") == "task"
    assert len(slug("x" * 100)) == 30


# --------------------------------------------------------------------------- last_done shortcut


@given(
    kind=st.sampled_from(["occasional", "daily", "weekly", "monthly"]),
    every=st.integers(1, 4),
    done_offsets=st.lists(st.integers(1, 400), max_size=6),
    skipped=st.booleans(),
)
def test_last_done_map_gives_the_same_agenda_as_the_history_walk(
    kind: str, every: int, done_offsets: list[int], skipped: bool
) -> None:
    """The pane passes ``last_handled_days`` (one scan of the store); a template missing from
    it was never done. The agenda must equal the one found by walking the history."""
    from cm_tui.core.models import TaskOccurrence, occurrence_key

    after = kind != "occasional"
    template = task("t", "T", kind=kind, every=every, after_completion=after, at="10:00")
    history = {}
    for offset in done_offsets:
        day = THURSDAY - timedelta(days=offset)
        status = OccurrenceStatus.SKIPPED if skipped else OccurrenceStatus.DONE
        key = occurrence_key("t", day, 0)
        history[key] = TaskOccurrence(key, "t", day, 0, status, NOW)
    last = {"t": max(THURSDAY - timedelta(days=o) for o in done_offsets)} if done_offsets else {}
    walked = build_agenda([template], history, THURSDAY, NOW, PARIS)
    mapped = build_agenda([template], history, THURSDAY, NOW, PARIS, last_done=last)
    assert walked == mapped
