"""Pilot tests of the task form's cadence options (``n`` / ``e`` on Today): "N days after it was
last done", pile-up or keep-latest for missed occurrences, a time block; saved, shown again
when the task is edited, followed by the agenda, kept across a restart."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from cm_tui.core.agenda import AgendaRow
from cm_tui.core.models import CadenceKind, MissedPolicy
from cm_tui.store import Store
from cm_tui.ui.panes.today import TodayPane
from cm_tui.ui.screens.today_modals import TaskFormScreen
from tests.ui.conftest import SIZE, close_quietly, screen_text, settle

THURSDAY = date(2026, 11, 19)
FRIDAY = date(2026, 11, 20)


def pane_of(app) -> TodayPane:  # type: ignore[no-untyped-def]
    pane = app.active_pane
    assert isinstance(pane, TodayPane)
    return pane


def rows_named(app, label: str) -> list[AgendaRow]:  # type: ignore[no-untyped-def]
    agenda = pane_of(app).agenda
    assert agenda is not None
    return [r for r in agenda.rows if r.label("en") == label]


async def open_form(pilot, key: str) -> TaskFormScreen:  # type: ignore[no-untyped-def]
    await pilot.press(key)
    await settle(pilot)
    form = pilot.app.screen
    assert isinstance(form, TaskFormScreen)
    return form


def fill(form: TaskFormScreen, **values: str) -> None:
    for name, value in values.items():
        form.query_one(f"#form-{name}").value = value  # type: ignore[attr-defined]


async def edit_row(pilot, row: AgendaRow) -> TaskFormScreen:  # type: ignore[no-untyped-def]
    pane = pane_of(pilot.app)
    pane.list.move_to(pane.list.rows.index(row))
    return await open_form(pilot, "e")


async def test_every_14_days_after_last_done_keep_latest_round_trips(
    make_app, demo_db: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = await open_form(pilot, "n")
        await pilot.press(*"Check the ads")
        fill(form, kind="daily", every="14", counts="done", missed="latest_only")
        form.action_save()
        await settle(pilot)
        (row,) = rows_named(app, "Check the ads")  # new: due today, its first day
        cadence = row.template.cadence
        assert (cadence.kind, cadence.every, cadence.after_completion) == (
            CadenceKind.DAILY,
            14,
            True,
        )
        assert cadence.missed is MissedPolicy.LATEST_ONLY
        form = await edit_row(pilot, row)
        shown = form.values()
        assert (shown["kind"], shown["every"], shown["counts"], shown["missed"]) == (
            "daily",
            "14",
            "done",
            "latest_only",
        )
        fill(form, every="", counts="calendar")  # a wrong mix is refused under its field
        fill(form, kind="occasional")
        form.action_save()
        await settle(pilot)
        assert isinstance(app.screen, TaskFormScreen)
        (error,) = form.shown_errors()
        assert "counts from the last time it was done" in error
        form.action_cancel()
        await settle(pilot)
        await pilot.press("d")  # done today: not due again for 14 days
        await settle(pilot)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert rows_named(app, "Check the ads") == []
    close_quietly(app.ctx.store)
    with Store.open(demo_db) as store:
        (task,) = [t for t in store.repo.tasks.all() if t.label_en == "Check the ads"]
        assert (task.cadence.every, task.cadence.after_completion) == (14, True)


async def test_friday_morning_block_blog(make_app, demo_db: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = await open_form(pilot, "n")
        await pilot.press(*"Blog post")
        fill(form, kind="weekly", detail="5", block="morning", missed="pile_up")
        form.action_save()
        await settle(pilot)
        assert rows_named(app, "Blog post") == []  # Thursday
        await pilot.press("right_square_bracket")
        await settle(pilot)
        (row,) = rows_named(app, "Blog post")
        assert (row.day, row.time, row.block) == (FRIDAY, time(9, 0), "morning")
        assert "09:00" in screen_text(app)
        form = await edit_row(pilot, row)
        shown = form.values()
        assert (shown["kind"], shown["detail"], shown["block"], shown["missed"]) == (
            "weekly",
            "5",
            "morning",
            "pile_up",
        )
        fill(form, block="afternoon")
        form.action_save()
        await settle(pilot)
        (row,) = rows_named(app, "Blog post")
        assert (row.time, row.block) == (time(14, 0), "afternoon")
    close_quietly(app.ctx.store)
    with Store.open(demo_db) as store:
        (task,) = [t for t in store.repo.tasks.all() if t.label_en == "Blog post"]
        assert (task.cadence.weekdays, task.cadence.block) == ((5,), "afternoon")
        assert task.cadence.missed is MissedPolicy.PILE_UP
