"""Pilot tests of the onboarding checklist (``b`` on Today): every step, done or not, with the day
it was done; any step ticked or unticked with ``d`` or space, in any order, as an edit ``u``
undoes (in the checklist and on Today), persisted across a restart."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from cm_tui.core.models import OccurrenceStatus, TaskOccurrence
from cm_tui.core.onboarding import ChecklistStep
from cm_tui.core.recurrence import CHECKLIST_DAY
from cm_tui.store import Store
from cm_tui.ui.screens.checklist import ChecklistScreen
from cm_tui.ui.screens.detail import DetailScreen
from tests.ui.conftest import SIZE, close_quietly, screen_text, settle

THURSDAY = date(2026, 11, 19)


def fresh_checklist(db: Path, done_first: bool) -> list[str]:
    """Clear the demo's checklist records (the first step done on 12 Nov if ``done_first``);
    the checklist's template keys, in order."""
    from cm_tui.core.onboarding import checklist_steps

    with Store.open(db) as store:
        occurrences = store.repo.occurrences
        old = occurrences.for_days(CHECKLIST_DAY, CHECKLIST_DAY)
        occurrences.delete_many(o.id for o in old)
        steps = checklist_steps(store.repo.tasks.all(), {})
        if done_first:
            first = steps[0]
            at = datetime(2026, 11, 12, 14, tzinfo=UTC)
            occurrences.set(
                TaskOccurrence(
                    first.key, first.template.key, CHECKLIST_DAY, 0, OccurrenceStatus.DONE, at
                )
            )
        return [s.template.key for s in steps]


def checklist(app) -> ChecklistScreen:  # type: ignore[no-untyped-def]
    screen = app.screen
    assert isinstance(screen, ChecklistScreen)
    return screen


def steps_of(app) -> list[ChecklistStep]:  # type: ignore[no-untyped-def]
    return [row for row in checklist(app).list.rows if isinstance(row, ChecklistStep)]


def done_keys(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.template.key for s in steps_of(app) if s.done]


async def test_checklist_shows_every_step_and_ticks_any_one_undoably(
    make_app, demo_settings, demo_db: Path
) -> None:
    settings = dataclasses.replace(demo_settings, onboarding_start=THURSDAY - timedelta(days=10))
    keys = fresh_checklist(demo_db, done_first=True)
    first, second, third = keys[:3]
    app = make_app(settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "week 2 · 1/" in screen_text(app)
        await pilot.press("b")
        await settle(pilot)
        # every step, the done one included, with the day it was done
        assert [s.template.key for s in steps_of(app)] == keys
        assert done_keys(app) == [first]
        text = screen_text(app)
        assert f"1/{len(keys)}" in text
        assert "Meet your colleagues" in text and "Sort your tasks by frequency" in text
        assert "12 Nov" in text  # the first step's day
        assert "FIRST WEEKS" in text and "FIRST MONTHS" in text  # its two parts
        # step 3 before step 2
        await pilot.press("j", "j")
        await settle(pilot)
        assert checklist(app).list.current.template.key == third
        await pilot.press("d")
        await settle(pilot)
        assert done_keys(app) == [first, third]
        assert app.ctx.repo.occurrences.by_key(steps_of(app)[2].key) is not None
        assert "19 Nov" in screen_text(app)  # ticked today
        # u unticks, ctrl+r ticks again, space unticks and ticks too
        await pilot.press("u")
        await settle(pilot)
        assert done_keys(app) == [first]
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert done_keys(app) == [first, third]
        await pilot.press("k", "k", "space")  # the first step: not done any more
        await settle(pilot)
        assert done_keys(app) == [third]
        await pilot.press("space")
        await settle(pilot)
        assert done_keys(app) == [first, third]
        # enter: the step's whole text; escape goes back to the checklist
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        detail = screen_text(app)
        assert "Meet your colleagues (own team and other departments)" in detail
        assert "12 Nov" not in detail and "19 Nov" in detail  # ticked again today
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ChecklistScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, ChecklistScreen)
        assert f"week 2 · 2/{len(keys)}" in screen_text(app)  # the Today box follows
        # the same history on Today: u unticks the first step again, then ctrl+r
        await pilot.press("u")
        await settle(pilot)
        assert f"week 2 · 1/{len(keys)}" in screen_text(app)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert f"week 2 · 2/{len(keys)}" in screen_text(app)
    close_quietly(app.ctx.store)

    again = make_app(db=demo_db, settings=settings)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert done_keys(again) == [first, third]
        assert second not in done_keys(again)


async def test_b_without_a_start_starts_the_checklist_and_shows_it(
    make_app, demo_settings, demo_db: Path
) -> None:
    settings = dataclasses.replace(demo_settings, onboarding_start=None)
    keys = fresh_checklist(demo_db, done_first=False)
    with Store.open(demo_db) as store:
        store.repo.prefs.delete("onboarding.start")
    app = make_app(settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert [s.template.key for s in steps_of(app)] == keys
        assert done_keys(app) == []
        assert app.ctx.repo.prefs.get_date("onboarding.start") == THURSDAY
        await pilot.press("escape")
        await settle(pilot)
        assert f"week 1 · 0/{len(keys)}" in screen_text(app)
