"""The Stats tab for a new user (real keys): the figures form picks its month (the month just
ended in the first days of a month), ``[`` / ``]`` move between months with no figures at all,
a future month is refused in one line, and a month's figures can be deleted (asks first, ``u``
brings them back).

The store is a new one (the shipped catalog and networks, no figures); Facebook and Instagram
are active, in that order. The clock is Thursday 3 December 2026, 10:00 in Paris.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from cm_tui.core.clock import FixedClock
from cm_tui.core.i18n import set_language
from cm_tui.core.models import MonthlyFigures
from cm_tui.core.settings import Settings
from cm_tui.io.seeding import seed_if_needed
from cm_tui.store import Store
from cm_tui.ui.panes.stats import StatsPane
from cm_tui.ui.screens.confirm import Confirm
from cm_tui.ui.screens.figures_form import FiguresForm
from tests.conftest import PARIS
from tests.ui.conftest import SIZE, screen_text, settle

DECEMBER_3 = datetime(2026, 12, 3, 10, 0, tzinfo=PARIS)


def settings(language: str = "en") -> Settings:
    return Settings(
        timezone="Europe/Paris", language=language, active_networks=("facebook", "instagram")
    )


def new_store(folder: Path, *figures: MonthlyFigures) -> Path:
    db = folder / "new" / "store.json"
    db.parent.mkdir()
    with Store.open(db) as store:
        seed_if_needed(store)
        if figures:
            store.repo.figures.add_many(list(figures))
    return db


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    return new_store(tmp_path)


@pytest.fixture
def november_db(tmp_path: Path) -> Path:
    return new_store(
        tmp_path,
        MonthlyFigures("facebook", "2026-11", followers=1200, reach=5000),
        MonthlyFigures("instagram", "2026-11", followers=800, reach=3000),
    )


def open_app(make_app: Any, db: Path, language: str = "en") -> Any:
    return make_app(
        db=db, settings=settings(language), clock=FixedClock(DECEMBER_3), initial_tab="stats"
    )


async def stats_pane(pilot: Any) -> StatsPane:
    await settle(pilot)
    pane = pilot.app.active_pane
    assert isinstance(pane, StatsPane)
    return pane


def stored(app: Any) -> list[tuple[str, str, int]]:
    return sorted((f.network, f.month, f.followers) for f in app.ctx.repo.figures.all())


def notes(app: Any) -> list[str]:
    return [note.message for note in app._notifications]


def question(app: Any) -> str:
    assert isinstance(app.screen, Confirm)
    return str(app.screen.query_one("#confirm-question").render())


def month_field(app: Any) -> Input:
    return app.screen.query_one("#figures-month", Input)


async def test_a_new_store_enters_last_months_figures_first(make_app, empty_db: Path) -> None:
    app = open_app(make_app, empty_db)
    async with app.run_test(size=SIZE) as pilot:
        pane = await stats_pane(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, FiguresForm)
        # 3 December: the month to compile is November, offered in the form's month field
        assert month_field(app).value == "2026-11"
        assert "Figures of Facebook" in screen_text(app)
        app.screen.query_one("#figures-followers", Input).value = "1200"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, FiguresForm)
        # November is saved alone: no December had to be saved first
        assert stored(app) == [("facebook", "2026-11", 1200)]
        assert pane.selected_month() == "2026-11"
        assert "Nov 2026" in str(app.query_one("#stats-table-box").border_title)


async def test_the_form_refuses_a_month_that_has_not_begun(make_app, empty_db: Path) -> None:
    app = open_app(make_app, empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await stats_pane(pilot)
        await pilot.press("e")
        await settle(pilot)
        month_field(app).value = "2027-01"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FiguresForm)  # still open, nothing saved
        assert app.screen.shown_errors() == [
            "Month (YYYY-MM): 2027-01 has not begun; choose 2026-12 or an earlier month"
        ]
        assert app.screen.focused is month_field(app)
        assert stored(app) == []
        # any past month is fine, and so is the current one
        month_field(app).value = "2025-03"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert stored(app) == [("facebook", "2025-03", 0)]


async def test_changing_the_month_shows_that_months_figures_and_never_stores_it_twice(
    make_app, november_db: Path
) -> None:
    app = open_app(make_app, november_db)
    async with app.run_test(size=SIZE) as pilot:
        pane = await stats_pane(pilot)
        await pilot.press("left_square_bracket")  # October: no figures
        await settle(pilot)
        assert pane.selected_month() == "2026-10"
        await pilot.press("e")
        await settle(pilot)
        followers = app.screen.query_one("#figures-followers", Input)
        assert (month_field(app).value, followers.value) == ("2026-10", "0")
        # nothing typed yet: choosing November shows November's stored figures
        month_field(app).value = "2026-11"
        await settle(pilot)
        assert followers.value == "1200"
        assert app.screen.query_one("#figures-reach", Input).value == "5000"
        followers.value = "1250"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert stored(app) == [("facebook", "2026-11", 1250), ("instagram", "2026-11", 800)]
        # typed figures are kept when the month changes, with a line saying what saving does
        await pilot.press("e")
        await settle(pilot)
        month_field(app).value = "2026-09"
        await settle(pilot)
        app.screen.query_one("#figures-followers", Input).value = "999"
        month_field(app).value = "2026-11"
        await settle(pilot)
        assert app.screen.query_one("#figures-followers", Input).value == "999"
        note = str(app.screen.query_one("#figures-note").render())
        assert note == "November 2026 already has figures: saving replaces them."
        await pilot.press("escape")
        await settle(pilot)
        assert stored(app) == [("facebook", "2026-11", 1250), ("instagram", "2026-11", 800)]


async def test_months_move_without_any_figures_within_two_years(make_app, empty_db: Path) -> None:
    app = open_app(make_app, empty_db)
    async with app.run_test(size=SIZE) as pilot:
        pane = await stats_pane(pilot)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        # from the month just ended (November) to October, no figures needed
        assert pane.selected_month() == "2026-10"
        assert "Oct 2026" in str(app.query_one("#stats-table-box").border_title)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(pilot)
        assert pane.selected_month() == "2026-12"
        await pilot.press("right_square_bracket")  # not after the current month
        await settle(pilot)
        assert pane.selected_month() == "2026-12"
        assert notes(app)[-1] == "December 2026 is the current month: there is no later one."
        for _ in range(30):
            await pilot.press("left_square_bracket")
        await settle(pilot)
        assert pane.selected_month() == "2024-12"  # 24 months back
        assert notes(app)[-1] == (
            "December 2024 is the earliest month: 24 months back, or the first with figures."
        )
        # e offers the month moved to
        await pilot.press("right_square_bracket", "e")
        await settle(pilot)
        assert month_field(app).value == "2025-01"


async def test_deleting_a_months_figures_asks_first_and_u_brings_them_back(
    make_app, november_db: Path
) -> None:
    app = open_app(make_app, november_db)
    async with app.run_test(size=SIZE) as pilot:
        pane = await stats_pane(pilot)
        assert pane.selected_month() == "2026-11"
        await pilot.press("f", "n")  # Facebook alone
        await settle(pilot)
        assert pane.network == "facebook"
        await pilot.press("x")
        await settle(pilot)
        assert question(app) == "Delete the figures of Facebook for November 2026?"
        await pilot.press("n")
        await settle(pilot)
        assert len(stored(app)) == 2
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        assert stored(app) == [("instagram", "2026-11", 800)]
        assert notes(app)[-1] == "Deleted the figures of Facebook for November 2026."
        assert pane.selected_month() == "2026-11"  # the month stays shown, now empty
        await pilot.press("u")
        await settle(pilot)
        assert stored(app) == [("facebook", "2026-11", 1200), ("instagram", "2026-11", 800)]
        assert notes(app)[-1] == "Undone: deleted the figures of Facebook for November 2026"
        reach = {f.network: f.reach for f in app.ctx.repo.figures.all()}
        assert reach == {"facebook": 5000, "instagram": 3000}
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert stored(app) == [("instagram", "2026-11", 800)]


async def test_with_every_network_shown_delete_takes_the_whole_month_in_one_step(
    make_app, november_db: Path
) -> None:
    app = open_app(make_app, november_db)
    async with app.run_test(size=SIZE) as pilot:
        pane = await stats_pane(pilot)
        assert pane.network is None
        await pilot.press("x")
        await settle(pilot)
        assert question(app) == (
            "Delete the figures of November 2026 for 2 networks (Facebook, Instagram)?"
        )
        await pilot.press("y")
        await settle(pilot)
        assert stored(app) == []
        await pilot.press("x")  # nothing left to delete: one line, no question
        await settle(pilot)
        assert not isinstance(app.screen, Confirm)
        assert notes(app)[-1] == "No figures stored for November 2026: nothing to delete."
        await pilot.press("u")
        await settle(pilot)
        assert len(stored(app)) == 2
        assert notes(app)[-1] == "Undone: deleted the figures of November 2026 for 2 networks"


async def test_delete_in_french(make_app, november_db: Path) -> None:
    set_language("fr")  # as the command line does from the settings (reset after each test)
    app = open_app(make_app, november_db, "fr")
    async with app.run_test(size=SIZE) as pilot:
        await stats_pane(pilot)
        await pilot.press("f", "n", "x")
        await settle(pilot)
        assert question(app) == "Supprimer les chiffres : Facebook, novembre 2026 ?"
        await pilot.press("y", "u")
        await settle(pilot)
        assert notes(app)[-1] == "Défait : supprimé les chiffres : Facebook, novembre 2026"


@pytest.mark.parametrize("month", ["0001-01", "1999-12"])
async def test_the_form_refuses_a_month_before_the_supported_days(
    make_app, empty_db: Path, month: str
) -> None:
    """Seen: ``0001-01`` typed in the figures form was stored, then the app stopped on
    ``ValueError: year 0 is out of range`` drawing "vs the month before"; every later start
    took that month as the baseline ("vs baseline Jan 1")."""
    app = open_app(make_app, empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await stats_pane(pilot)
        await pilot.press("e")
        await settle(pilot)
        month_field(app).value = month
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FiguresForm)  # still open, nothing saved
        assert app.screen.shown_errors() == [
            f"Month (YYYY-MM): {month} is outside the months cm-tui handles; "
            "choose a month from 2000-01 to 2026-12"
        ]
        assert stored(app) == []
