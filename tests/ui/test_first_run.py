"""The first launch on a new store: the catalog's tasks are due from today on, not overdue
from a week before the user had the app."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path
from typing import Any

from cm_tui.core.agenda import ONBOARDING_OFFER_DAYS
from cm_tui.core.clock import FixedClock
from cm_tui.core.settings import Settings
from cm_tui.io.seeding import seed_if_needed
from cm_tui.store import Store
from tests.conftest import FIXED_NOW
from tests.ui.conftest import SIZE, close_quietly, screen_text, settle

PARIS = Settings(timezone="Europe/Paris", language="en")


def _new_store(db: Path, since: Any) -> None:
    with Store.open(db) as store:
        seed_if_needed(store, since=since)


async def test_a_new_store_has_an_agenda_but_nothing_overdue(tmp_path: Path, make_app: Any) -> None:
    db = tmp_path / "store.json"
    _new_store(db, since=FIXED_NOW.astimezone(PARIS.zone).date())
    app = make_app(db=db, settings=PARIS)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        agenda = app.active_pane.agenda
        assert agenda.total > 0
        assert not agenda.overdue


async def test_without_a_first_day_the_week_before_counts_as_overdue(
    tmp_path: Path, make_app: Any
) -> None:
    db = tmp_path / "store.json"
    _new_store(db, since=None)
    app = make_app(db=db, settings=PARIS)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.active_pane.agenda.overdue


def _onboarding_box(app: Any) -> str:
    body = app.active_pane.side.body("onboarding")
    return "" if body is None else body.plain


async def test_a_new_store_offers_the_onboarding_checklist_and_b_starts_it(
    tmp_path: Path, make_app: Any
) -> None:
    db = tmp_path / "store.json"
    thursday = FIXED_NOW.astimezone(PARIS.zone).date()
    _new_store(db, since=thursday)
    app = make_app(db=db, settings=PARIS)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        offer = _onboarding_box(app)
        assert "steps for your first weeks." in offer
        assert "b: start the checklist today" in offer
        assert "steps for your first weeks." in screen_text(app)
        await pilot.press("b", "escape")  # starts the checklist today (and shows it)
        await settle(pilot)
        assert _onboarding_box(app).startswith("week 1 · 0/")
        messages = [n.message for n in app._notifications]
        assert "Onboarding checklist started today: week 1" in messages
        await pilot.press("b", "d", "escape")  # from now on: the whole checklist, d ticks
        await settle(pilot)
        assert _onboarding_box(app).startswith("week 1 · 1/")
    close_quietly(app.ctx.store)

    again = make_app(db=db, settings=PARIS)  # the start is kept in the store
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert _onboarding_box(again).startswith("week 1 · 1/")
    close_quietly(again.ctx.store)

    earlier = dataclasses.replace(PARIS, onboarding_start=thursday - timedelta(days=14))
    settled = make_app(db=db, settings=earlier)  # a start in the settings file wins
    async with settled.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert _onboarding_box(settled).startswith("week 3 · 1/")


async def test_an_older_store_without_a_start_is_not_asked_but_b_still_starts(
    tmp_path: Path, make_app: Any
) -> None:
    db = tmp_path / "store.json"
    thursday = FIXED_NOW.astimezone(PARIS.zone).date()
    _new_store(db, since=thursday - timedelta(days=ONBOARDING_OFFER_DAYS))
    app = make_app(db=db, settings=PARIS)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.active_pane.side.body("onboarding") is None
        await pilot.press("b")
        await settle(pilot)
        assert _onboarding_box(app).startswith("week 1 · 0/")


async def test_a_day_off_says_why_nothing_is_planned(tmp_path: Path, make_app: Any) -> None:
    saturday = FIXED_NOW + timedelta(days=2)
    db = tmp_path / "store.json"
    _new_store(db, since=saturday.astimezone(PARIS.zone).date())
    app = make_app(db=db, settings=PARIS, clock=FixedClock(saturday))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.active_pane.list.rows == []
        text = screen_text(app)
        assert "Saturday is not a working day ([workday] days in the settings)" in text
        assert "Nothing planned for this day." not in text
        await pilot.press("]", "]")  # Monday: a working day
        await settle(pilot)
        assert app.active_pane.agenda.total > 0
        assert "not a working day" not in screen_text(app)
