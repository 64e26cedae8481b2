"""Today's guards (``core.today``): a done occurrence is not snoozed or skipped over; the days
shown and planned stay within ``timeutil.FIRST_DAY``..``LAST_DAY``, and the refusals read as
sentences in both languages."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from cm_tui.core import i18n
from cm_tui.core.agenda import RowStatus, build_agenda
from cm_tui.core.form_errors import FieldError
from cm_tui.core.models import OccurrenceStatus
from cm_tui.core.posts import parse_post_fields
from cm_tui.core.timeutil import FIRST_DAY, LAST_DAY
from cm_tui.core.today import (
    TaskForm,
    occurrence_change,
    set_aside_refusal,
    shifted_day,
    template_from_form,
)
from tests.core.test_agenda_today import NOW, PARIS, THURSDAY, task


@pytest.fixture
def french() -> Iterator[None]:
    before = i18n.language()
    i18n.set_language("fr")
    yield
    i18n.set_language(before)


def test_a_done_row_is_refused_a_snooze_or_a_skip_the_others_are_not() -> None:
    template = task("watch", "Watch", kind="workdays", at="09:00")
    (row,) = build_agenda([template], {}, THURSDAY, NOW, PARIS).rows
    assert set_aside_refusal(row) is None
    for status in (OccurrenceStatus.SKIPPED, OccurrenceStatus.SNOOZED):
        history = {row.occurrence_key: occurrence_change(row, status, NOW, until=NOW)}
        (handled,) = build_agenda([template], history, THURSDAY, NOW, PARIS).rows
        assert handled.status is not RowStatus.DONE and set_aside_refusal(handled) is None
    done = {row.occurrence_key: occurrence_change(row, OccurrenceStatus.DONE, NOW)}
    (ticked,) = build_agenda([template], done, THURSDAY, NOW, PARIS).rows
    key = set_aside_refusal(ticked)
    assert key is not None
    assert i18n.t(key) == "Already done: press d first to mark it not done."


def test_shifted_day_stops_at_the_supported_bounds() -> None:
    assert shifted_day(THURSDAY, 1) == THURSDAY + timedelta(days=1)
    assert shifted_day(LAST_DAY, 1) is None
    assert shifted_day(FIRST_DAY, -1) is None
    assert shifted_day(LAST_DAY, -1) == LAST_DAY - timedelta(days=1)
    assert shifted_day(date(2200, 1, 1), -1) == LAST_DAY  # back in from beyond
    assert shifted_day(date.max, 1) is None


@pytest.mark.parametrize("day", [date(2200, 1, 3), date(1999, 12, 31)])
def test_task_form_refuses_a_day_outside_the_supported_range(day: date) -> None:
    with pytest.raises(FieldError) as caught:
        template_from_form(TaskForm("Far away", day=day), [])
    assert caught.value.field == "day"
    assert "(2000-01-01 to 2199-12-31)" in caught.value.message
    assert template_from_form(TaskForm("Near", day=LAST_DAY), []).cadence.anchor == LAST_DAY


def test_task_form_day_error_in_french(french: None) -> None:
    with pytest.raises(FieldError) as caught:
        template_from_form(TaskForm("Loin", day=date(2200, 1, 3)), [])
    assert caught.value.message == (
        "Le 2200-01-03 est hors des jours gérés par cm-tui (du 2000-01-01 au 2199-12-31) :"
        " ajoutez la tâche un jour compris entre les deux."
    )


def test_post_date_out_of_range_reads_as_a_sentence() -> None:
    fields = {"network": "x", "date": "2200-03-01", "time": "09:00", "title": "t"}
    _, errors = parse_post_fields(fields, PARIS, ["x"])
    (error,) = [e for e in errors if e.field == "date"]
    assert error.message == (
        "2200-03-01 is outside the dates cm-tui handles: choose a day from 2000-01-01"
        " to 2199-12-31."
    )
    i18n.set_language("fr")
    try:
        assert error.message == (
            "2200-03-01 est hors des dates gérées par cm-tui : choisissez un jour du"
            " 2000-01-01 au 2199-12-31."
        )
    finally:
        i18n.set_language("en")
