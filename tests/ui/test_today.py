"""Pilot tests of the Today tab: real key presses, every change persisted and seen after a
restart on the same store (the fixed clock is Thursday 2026-11-19 09:12, Paris)."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from pathlib import Path

from cm_tui.core.agenda import AgendaRow, RowStatus
from cm_tui.core.models import CadenceKind, OccurrenceStatus
from cm_tui.store import Store
from cm_tui.ui.panes.today import TodayPane
from cm_tui.ui.screens.today_modals import SkipScreen, SnoozeScreen, TaskFormScreen
from tests.ui.conftest import SIZE, close_quietly, screen_text, send_in_one_burst, settle

THURSDAY = date(2026, 11, 19)


def pane_of(app) -> TodayPane:  # type: ignore[no-untyped-def]
    pane = app.active_pane
    assert isinstance(pane, TodayPane)
    return pane


def current(app) -> AgendaRow:  # type: ignore[no-untyped-def]
    row = pane_of(app).list.current
    assert isinstance(row, AgendaRow)
    return row


async def to_day_rows(pilot) -> AgendaRow:  # type: ignore[no-untyped-def]
    """Press ``j`` past the overdue rows (ticking one removes it from the list)."""
    app = pilot.app
    for _ in range(50):
        row = current(app)
        agenda = pane_of(app).agenda
        if row.day == agenda.day and row not in agenda.overdue:
            return row
        await pilot.press("j")
    raise AssertionError("no row of the shown day")


def status_of(app, key: str) -> RowStatus | None:  # type: ignore[no-untyped-def]
    agenda = pane_of(app).agenda
    assert agenda is not None
    return next((r.status for r in agenda.rows if r.occurrence_key == key), None)


async def test_d_ticks_and_unticks_and_survives_a_restart(make_app, demo_db: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        row = await to_day_rows(pilot)
        assert row.status is RowStatus.PENDING
        done_before = pane_of(app).agenda.done
        await pilot.press("d")
        await settle(pilot)
        assert status_of(app, row.occurrence_key) is RowStatus.DONE
        assert pane_of(app).agenda.done == done_before + 1
        assert app.ctx.repo.occurrences.by_key(row.occurrence_key).status is OccurrenceStatus.DONE
        await pilot.press("j", "d")  # the next row
        await settle(pilot)
        second = current(app)
        assert second.occurrence_key != row.occurrence_key
        assert second.status is RowStatus.DONE
        await pilot.press("d")  # not done again
        await settle(pilot)
        assert current(app).status is RowStatus.PENDING
    close_quietly(app.ctx.store)

    again = make_app(db=demo_db)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert status_of(again, row.occurrence_key) is RowStatus.DONE
        assert status_of(again, second.occurrence_key) is RowStatus.PENDING


async def test_undo_walks_back_several_steps_and_persists(make_app, demo_db: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = (await to_day_rows(pilot)).occurrence_key
        await pilot.press("d")  # done
        await pilot.press("i")  # refused on a done task: nothing written, nothing to undo
        await settle(pilot)
        assert not isinstance(app.screen, SkipScreen)
        await pilot.press("d")  # undone again (step 2)
        await pilot.press("d")  # done again (step 3)
        await pilot.press("j", "d")  # a second row (step 4)
        await settle(pilot)
        second = current(app).occurrence_key
        assert len(app.ctx.edits) == 4
        await pilot.press("u")
        await settle(pilot)
        assert status_of(app, second) is RowStatus.PENDING
        assert app.ctx.repo.occurrences.by_key(second) is None
        await pilot.press("u", "u")
        await settle(pilot)
        assert status_of(app, first) is RowStatus.DONE  # back to after step 1
        await pilot.press("u")
        await settle(pilot)
        assert status_of(app, first) is RowStatus.PENDING
        await pilot.press("u")  # nothing left: a notice, no crash
        await settle(pilot)
        assert "Nothing to undo." in [n.message for n in app._notifications]
    close_quietly(app.ctx.store)
    with Store.open(demo_db) as store:
        assert store.repo.occurrences.by_key(first) is None
        assert store.repo.occurrences.by_key(second) is None


async def test_undo_restores_the_previous_record_not_just_pending(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        key = (await to_day_rows(pilot)).occurrence_key
        await pilot.press("i")
        await settle(pilot)
        await pilot.press(*"client call")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("d")  # skipped -> done
        await settle(pilot)
        assert status_of(app, key) is RowStatus.DONE
        await pilot.press("u")
        await settle(pilot)
        record = app.ctx.repo.occurrences.by_key(key)
        assert record.status is OccurrenceStatus.SKIPPED and record.reason == "client call"


async def test_skip_with_a_reason_is_shown_and_persisted(make_app, demo_db: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        row = await to_day_rows(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, SkipScreen)
        await pilot.press(*"[b]no budget[/]")  # typed text stays text
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, SkipScreen)
        assert status_of(app, row.occurrence_key) is RowStatus.SKIPPED
        assert "skipped: [b]no budget[/]" in screen_text(app)
    close_quietly(app.ctx.store)
    with Store.open(demo_db) as store:
        record = store.repo.occurrences.by_key(row.occurrence_key)
        assert record.status is OccurrenceStatus.SKIPPED
        assert record.reason == "[b]no budget[/]"


async def test_snooze_later_today_and_tomorrow(make_app, demo_db: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = await to_day_rows(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, SnoozeScreen)
        assert "10:15" in screen_text(app)  # 09:12 + 1 h, rounded up to 5 minutes
        await pilot.press("l")
        await settle(pilot)
        record = app.ctx.repo.occurrences.by_key(first.occurrence_key)
        assert record.status is OccurrenceStatus.SNOOZED
        local = record.snoozed_until.astimezone(app.ctx.zone)
        assert (local.date(), local.hour, local.minute) == (THURSDAY, 10, 15)
        assert status_of(app, first.occurrence_key) is RowStatus.SNOOZED
        assert "until 10:15" in screen_text(app)

        await pilot.press("j", "s", "t")
        await settle(pilot)
        second = current(app)
        record = app.ctx.repo.occurrences.by_key(second.occurrence_key)
        local = record.snoozed_until.astimezone(app.ctx.zone)
        assert (local.date(), local.hour, local.minute) == (THURSDAY + timedelta(days=1), 9, 0)

        await pilot.press("j", "s", "escape")  # cancelled: nothing written
        await settle(pilot)
        assert app.ctx.repo.occurrences.by_key(current(app).occurrence_key) is None

        # tomorrow, the occurrence snoozed to Friday 09:00 is carried as overdue
        await pilot.press("right_square_bracket")
        await settle(pilot)
        overdue = pane_of(app).agenda.overdue
        assert second.occurrence_key in [r.occurrence_key for r in overdue]
    close_quietly(app.ctx.store)
    with Store.open(demo_db) as store:
        assert store.repo.occurrences.by_key(second.occurrence_key).status is (
            OccurrenceStatus.SNOOZED
        )


async def test_day_navigation_and_ticking_another_day(make_app, demo_db: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = pane_of(app)
        assert pane.agenda.day == THURSDAY and pane.agenda.is_today
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert pane.agenda.day == THURSDAY - timedelta(days=1)
        assert not pane.agenda.is_today and pane.agenda.section("now") is None
        assert "viewing Wed 18 Nov" in screen_text(app)
        row = await to_day_rows(pilot)
        assert row.day == THURSDAY - timedelta(days=1)
        was_done = row.status is RowStatus.DONE
        await pilot.press("d")
        await settle(pilot)
        assert (status_of(app, row.occurrence_key) is RowStatus.DONE) is not was_done
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        await settle(pilot)
        assert pane.agenda.day == THURSDAY + timedelta(days=2)  # Saturday: nothing on weekdays
        await pilot.press("t")
        await settle(pilot)
        assert pane.agenda.day == THURSDAY and pane.day is None
    close_quietly(app.ctx.store)
    with Store.open(demo_db) as store:
        record = store.repo.occurrences.by_key(row.occurrence_key)
        assert (record is not None and record.status is OccurrenceStatus.DONE) is not was_done


async def test_cursor_keys_skip_headings(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = pane_of(app)
        rows = pane.agenda.rows
        assert current(app).occurrence_key == rows[0].occurrence_key
        await pilot.press("j", "j")
        await settle(pilot)
        assert current(app).occurrence_key == rows[2].occurrence_key
        await pilot.press("k")
        await settle(pilot)
        assert current(app).occurrence_key == rows[1].occurrence_key
        await pilot.press("G")
        await settle(pilot)
        assert current(app).occurrence_key == rows[-1].occurrence_key
        await pilot.press("g")
        await settle(pilot)
        assert current(app).occurrence_key == rows[0].occurrence_key


async def test_filter_keeps_matching_rows_and_escape_clears(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = pane_of(app)
        total = len(pane.agenda.rows)
        await pilot.press("slash")
        await settle(pilot)
        await pilot.press(*"twitter")
        await settle(pilot)
        shown = [line for line in pane.list.rows if isinstance(line, AgendaRow)]
        assert 0 < len(shown) < total
        assert all(row.network == "x" or "twitter" in row.label("en").lower() for row in shown)
        await pilot.press("enter")  # back to the list, filter kept
        await settle(pilot)
        assert pane.list.has_focus
        await pilot.press("d")
        await settle(pilot)
        assert current(app).network == "x" or "twitter" in current(app).label("en").lower()
        assert current(app).status is RowStatus.DONE
        await pilot.press("slash", "escape")
        await settle(pilot)
        assert pane.filter_text == ""
        assert len([line for line in pane.list.rows if isinstance(line, AgendaRow)]) == total


async def test_escape_on_the_agenda_clears_the_filter_as_its_notice_says(make_app) -> None:
    """Seen: with the filter applied (``/``, a word, ``enter``) the agenda said "esc clears the
    filter", but ``esc`` on the agenda did nothing: only ``/`` then ``esc`` cleared it. As on
    the Calendar and the Queue, ``esc`` is the grammar's "clear the filters" (``today.clear``)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = pane_of(app)
        total = len(pane.agenda.rows)
        await pilot.press("slash", *"zzzz", "enter")
        await settle(pilot)
        assert pane.list.has_focus
        assert "No task matches “zzzz” (esc clears the filter)." in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert pane.filter_text == ""
        assert pane.list.has_focus
        assert len([line for line in pane.list.rows if isinstance(line, AgendaRow)]) == total
        assert "zzzz" not in screen_text(app)


async def test_add_a_one_off_task_with_validation(make_app, demo_db: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, TaskFormScreen)
        await pilot.press(*"Call the printer")
        await pilot.press("tab", *"25:99", "enter")
        await settle(pilot)
        assert isinstance(app.screen, TaskFormScreen)  # refused, values kept
        assert "is not a time" in screen_text(app)
        assert "Call the printer" in screen_text(app)
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace")
        await pilot.press(*"15:40", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, TaskFormScreen)
        rows = [r for r in pane_of(app).agenda.rows if r.label("en") == "Call the printer"]
        assert len(rows) == 1 and f"{rows[0].time:%H:%M}" == "15:40"
        assert rows[0].template.cadence.kind is CadenceKind.ONCE
        # the next day has it only as overdue (a missed one-off is carried over)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        carried = [r for r in pane_of(app).agenda.rows if r.label("en") == "Call the printer"]
        assert [r.day for r in carried] == [THURSDAY]
        assert carried[0] in pane_of(app).agenda.overdue
        await pilot.press("t")
        await settle(pilot)
        # undo removes the template again
        await pilot.press("u")
        await settle(pilot)
        assert not [r for r in pane_of(app).agenda.rows if r.label("en") == "Call the printer"]
        await pilot.press("a", *"Send invoices", "enter")
        await settle(pilot)
    close_quietly(app.ctx.store)
    with Store.open(demo_db) as store:
        labels = [t.label_en for t in store.repo.tasks.all() if t.source == "user"]
        assert labels == ["Send invoices"]


async def test_new_recurring_task_and_edit(make_app, demo_db: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, TaskFormScreen)
        await pilot.press(*"Weekly newsletter")
        form.query_one("#form-kind").value = "weekly"
        form.query_one("#form-at").value = "16:00"
        form.query_one("#form-detail").value = "4"  # Thursday
        form.query_one("#form-network").value = "nope"
        form.action_save()
        await settle(pilot)
        assert "Unknown network" in screen_text(app)
        form.query_one("#form-network").value = ""
        form.action_save()
        await settle(pilot)
        rows = [r for r in pane_of(app).agenda.rows if r.label("en") == "Weekly newsletter"]
        assert len(rows) == 1 and rows[0].template.cadence.weekdays == (4,)
        pane = pane_of(app)
        index = pane.list.rows.index(rows[0])
        pane.list.move_to(index)
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, TaskFormScreen)
        assert form.query_one("#form-label").value == "Weekly newsletter"
        form.query_one("#form-label").value = "Weekly newsletter (EN)"
        form.query_one("#form-detail").value = "5"  # moved to Friday
        form.action_save()
        await settle(pilot)
        assert not [r for r in pane.agenda.rows if r.template_key == rows[0].template_key]
        await pilot.press("right_square_bracket")
        await settle(pilot)
        moved = [r for r in pane.agenda.rows if r.template_key == rows[0].template_key]
        assert [r.label("en") for r in moved] == ["Weekly newsletter (EN)"]
    close_quietly(app.ctx.store)
    with Store.open(demo_db) as store:
        (task,) = [t for t in store.repo.tasks.all() if t.key == rows[0].template_key]
        assert task.cadence.weekdays == (5,) and task.label_en == "Weekly newsletter (EN)"


async def test_side_panels_reviews_and_influencer(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Due reviews" in text
        assert "Social media graphic charter" in text  # 400 days old, reviewed every 365
        assert "this week" in text


async def test_onboarding_panel_and_b_opens_the_checklist(
    make_app, demo_settings, demo_db: Path
) -> None:
    """``b`` shows the whole checklist (``test_today_checklist``), where ``d`` ticks a step."""
    settings = dataclasses.replace(demo_settings, onboarding_start=THURSDAY - timedelta(days=10))
    with Store.open(demo_db) as store:  # start from an untouched checklist
        checklist = [o for o in store.repo.occurrences.for_days(date(1970, 1, 1), date(1970, 1, 1))]
        store.repo.occurrences.delete_many(o.id for o in checklist)
    app = make_app(settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Onboarding" in text and "week 2 · 0/" in text
        await pilot.press("b", "d", "escape")
        await settle(pilot)
        assert "week 2 · 1/" in screen_text(app)
        await pilot.press("u")
        await settle(pilot)
        assert "week 2 · 0/" in screen_text(app)
        await pilot.press("b", "d", "escape")
        await settle(pilot)
    close_quietly(app.ctx.store)
    again = make_app(db=demo_db, settings=settings)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "week 2 · 1/" in screen_text(again)


async def test_manage_influencers_documents_and_tasks(make_app, demo_db: Path) -> None:
    from cm_tui.ui.screens.confirm import Confirm
    from cm_tui.ui.screens.today_modals import EntryForm, ManageScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("M")
        await settle(pilot)
        manage = app.screen
        assert isinstance(manage, ManageScreen) and manage.kind == "influencers"
        count = len(manage.list.rows)
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EntryForm)
        await pilot.press(*"[b]Ada[/b]", "enter")  # no network yet: refused, name kept
        await settle(pilot)
        assert isinstance(app.screen, EntryForm)
        assert "Give the network" in screen_text(app)
        form.query_one("#entry-network").value = "x"
        form.query_one("#entry-date").value = "2026-13-01"
        form.action_save()
        await settle(pilot)
        assert "is not a date" in screen_text(app)
        form.query_one("#entry-date").value = ""
        form.action_save()
        await settle(pilot)
        assert app.screen is manage and len(manage.list.rows) == count + 1
        assert "[b]Ada[/b]" in screen_text(app)  # shown as typed
        # never contacted: the influencer to contact this week once the others are recent
        manage.list.move_to(len(manage.list.rows) - 1)
        await pilot.press("c")  # contacted today
        await settle(pilot)
        ada = [p for p in app.ctx.repo.influencers.all() if p.name == "[b]Ada[/b]"]
        assert ada[0].last_contacted == THURSDAY
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")  # kept
        await settle(pilot)
        assert len(manage.list.rows) == count + 1
        manage.list.move_to(0)
        first = manage.list.current
        await pilot.press("d", "y")
        await settle(pilot)
        assert first.id not in [p.id for p in app.ctx.repo.influencers.all()]

        await pilot.press("tab")  # documents
        await settle(pilot)
        assert manage.kind == "documents"
        charter = next(
            i for i, d in enumerate(manage.list.rows) if d.title.startswith("Social media")
        )
        manage.list.move_to(charter)
        await pilot.press("c")  # reviewed today: no longer due
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EntryForm)
        form.query_one("#entry-extra").value = "zero"
        form.action_save()
        await settle(pilot)
        assert "days must be a whole number" in screen_text(app)
        form.query_one("#entry-extra").value = "30"
        form.action_save()
        await settle(pilot)

        await pilot.press("tab")  # task templates
        await settle(pilot)
        assert manage.kind == "tasks"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.active_pane, TodayPane)
        assert "Social media graphic charter" not in screen_text(app)  # reviewed: not due any more
    close_quietly(app.ctx.store)
    with Store.open(demo_db) as store:
        (charter_doc,) = [
            d for d in store.repo.documents.all() if d.title.startswith("Social media")
        ]
        assert (charter_doc.last_reviewed, charter_doc.review_every_days) == (THURSDAY, 30)
        assert [p.network for p in store.repo.influencers.all() if p.name == "[b]Ada[/b]"] == ["x"]


async def test_filter_text_with_markup_is_shown_literally(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"[/]", "enter")
        await settle(pilot)
        text = screen_text(app)
        assert "“[/]”: 0 tasks" in text
        assert "No task matches “[/]” (esc clears the filter)." in text
        assert "Nothing planned" not in text
        assert app.is_running


async def test_hostile_task_label_is_text_everywhere(make_app) -> None:
    hostile = "[@click=app.quit]x[/] [b]y"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", *hostile, "enter")
        await settle(pilot)
        assert hostile in screen_text(app)  # agenda row and notice, as typed
        row = next(r for r in pane_of(app).agenda.rows if r.label("en") == hostile)
        pane_of(app).list.move_to(pane_of(app).list.rows.index(row))
        await pilot.press("s")  # the modal's title quotes the label
        await settle(pilot)
        assert hostile in screen_text(app)
        await pilot.press("escape", "i")
        await settle(pilot)
        assert hostile in screen_text(app)
        await pilot.press("escape")
        await pilot.click("#today-list", offset=(30, 3))
        await settle(pilot)
        assert app.is_running and app.return_code is None


async def test_manage_task_templates_edit_and_delete(make_app, demo_db: Path) -> None:
    from cm_tui.ui.screens.confirm import Confirm
    from cm_tui.ui.screens.today_modals import ManageScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", *"Mine", "enter")  # a user task sorts first in the list
        await settle(pilot)
        await pilot.press("M", "tab", "tab")
        await settle(pilot)
        manage = app.screen
        assert isinstance(manage, ManageScreen) and manage.kind == "tasks"
        first = manage.list.current
        assert first.label_en == "Mine"
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, TaskFormScreen)
        app.screen.query_one("#form-at").value = "17:45"
        app.screen.action_save()
        await settle(pilot)
        assert app.ctx.repo.tasks.get(first.id).cadence.at == "17:45"
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        assert app.ctx.repo.tasks.get(first.id) is None
        await pilot.press("escape")
        await settle(pilot)
        assert not [r for r in pane_of(app).agenda.rows if r.label("en") == "Mine"]
    close_quietly(app.ctx.store)
    with Store.open(demo_db) as store:
        assert not [t for t in store.repo.tasks.all() if t.label_en == "Mine"]


async def test_keys_typed_in_one_burst_with_slash_go_to_the_filter(make_app) -> None:
    """``/pu`` pasted or typed fast: ``u`` and ``p`` were routed to the list before the field
    took focus; they must land in the field, and ``u`` must not run Undo."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = pane_of(app)
        await to_day_rows(pilot)
        await pilot.press("space")  # something Undo would take back
        await settle(pilot)
        done = pane.agenda.done
        send_in_one_burst(app, "slash", "u", "p")
        await settle(pilot)
        assert pane.filter_text == "up"
        assert pane.agenda.done == done
        assert pane.search_input("today-filter").has_focus
