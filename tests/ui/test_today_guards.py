"""Pilot tests of Today's guards: a done task is not snoozed or skipped over, a saved task is
the one selected, days stay within the supported range, the targets box reads at 80 columns."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from cm_tui.core.agenda import AgendaRow, RowStatus
from cm_tui.core.clock import FixedClock
from cm_tui.core.i18n import set_language
from cm_tui.core.timeutil import LAST_DAY
from cm_tui.ui.panes.today import TodayPane
from cm_tui.ui.screens.today_modals import SkipScreen, SnoozeScreen, TaskFormScreen
from tests.ui.conftest import SIZE, screen_text, settle
from tests.ui.test_today import current, pane_of, to_day_rows

NARROW = (80, 24)


def messages(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.message for n in app._notifications]


async def _done_row(pilot) -> AgendaRow:  # type: ignore[no-untyped-def]
    row = await to_day_rows(pilot)
    await pilot.press("d")
    await settle(pilot)
    assert current(pilot.app).status is RowStatus.DONE
    return row


async def test_snooze_and_skip_refuse_a_done_task(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        row = await _done_row(pilot)
        version = app.ctx.version
        done = pane_of(app).agenda.done
        for key in ("s", "i"):
            await pilot.press(key)
            await settle(pilot)
            assert not isinstance(app.screen, SnoozeScreen | SkipScreen)
            stored = app.ctx.repo.occurrences.by_key(row.occurrence_key)
            assert stored is not None and stored.status.value == "done"
            assert pane_of(app).agenda.done == done
        assert app.ctx.version == version  # nothing written
        assert "Already done: press d first to mark it not done." in messages(app)


async def test_a_new_one_off_task_is_selected_after_saving(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*"Call the printer", "ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, TaskFormScreen)
        assert current(app).label("en") == "Call the printer"


async def test_a_new_recurring_task_on_the_shown_day_is_selected(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"Check mentions", "ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, TaskFormScreen)
        assert current(app).label("en") == "Check mentions"
        # an edit keeps it selected too
        await pilot.press("g")
        await settle(pilot)
        assert current(app).label("en") != "Check mentions"
        pane = pane_of(app)
        index = next(
            i
            for i, line in enumerate(pane.list.rows)
            if isinstance(line, AgendaRow) and line.label("en") == "Check mentions"
        )
        pane.list.move_to(index)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert current(app).label("en") == "Check mentions"


async def test_next_day_stops_at_the_last_supported_day(make_app) -> None:
    clock = FixedClock(datetime(2199, 12, 31, 10, 0, tzinfo=UTC))
    app = make_app(clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert pane_of(app).shown_day == LAST_DAY
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(pilot)
        assert pane_of(app).shown_day == LAST_DAY
        assert any("2199-12-31" in m for m in messages(app)), messages(app)


async def test_task_form_refuses_a_day_past_the_supported_range(make_app) -> None:
    clock = FixedClock(datetime(2199, 12, 31, 23, 0, tzinfo=UTC))  # 2200-01-01 in Paris
    app = make_app(clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert pane_of(app).shown_day == date(2200, 1, 1)  # no further
        before = len(app.ctx.repo.tasks.all())
        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*"Far away", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TaskFormScreen)  # refused, under the fields
        assert any("2199-12-31" in line for line in app.screen.shown_errors())
        assert len(app.ctx.repo.tasks.all()) == before


@pytest.mark.parametrize("lang", ["en", "fr"])
async def test_target_summary_reads_at_80_columns(make_app, lang: str) -> None:
    set_language(lang)
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        assert isinstance(app.active_pane, TodayPane)
        text = screen_text(app)
        assert ("Objectifs" in text) is (lang == "fr"), text
        lines = [line.split("│")[-2] for line in text.splitlines() if "● " in line]
        assert len(lines) >= 4, text  # Facebook, X, Instagram, LinkedIn on target
        for line in lines:
            assert "…" not in line, text
            assert " / " in line and any(ch.isdigit() for ch in line), text
