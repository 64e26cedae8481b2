"""The first launch on a new store: the catalog's tasks are due from today on, not overdue
from a week before the user had the app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cm_tui.core.settings import Settings
from cm_tui.io.seeding import seed_if_needed
from cm_tui.store import Store
from tests.conftest import FIXED_NOW
from tests.ui.conftest import SIZE, settle

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
