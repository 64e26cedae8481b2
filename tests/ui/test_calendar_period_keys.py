"""The Calendar's ``[`` ``]`` ``t`` say what they move by: a week in the week view, a month in
the month view and the month's list. Seen: in the month view ``]`` showed January but the
footer still read "] Next week", "t This week"."""

from __future__ import annotations

import pytest

from cm_tui.core.clock import FixedClock
from cm_tui.core.i18n import set_language
from cm_tui.core.settings import Settings
from tests.conftest import FIXED_NOW
from tests.ui.conftest import SIZE, screen_text, settle

WEEK = ("[ Previous week", "] Next week", "t This week")
MONTH = ("[ Previous month", "] Next month", "t This month")
SEMAINE = ("[ Semaine précédente", "] Semaine suivante", "t Cette semaine")
MOIS = ("[ Mois précédent", "] Mois suivant", "t Ce mois-ci")


def footer(app) -> str:  # type: ignore[no-untyped-def]
    return screen_text(app).splitlines()[-1]


@pytest.mark.parametrize(
    ("language", "week", "month"), [("en", WEEK, MONTH), ("fr", SEMAINE, MOIS)]
)
async def test_the_period_keys_follow_the_view(
    make_app,  # type: ignore[no-untyped-def]
    language: str,
    week: tuple[str, ...],
    month: tuple[str, ...],
) -> None:
    set_language(language)
    settings = Settings(timezone="Europe/Paris", language=language)
    app = make_app(settings=settings, clock=FixedClock(FIXED_NOW), initial_tab="calendar")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for view in (week, month, month, week):  # week -> month -> list -> week
            line = footer(app)
            assert all(label in line for label in view), line
            other = month if view is week else week
            assert not any(label in line for label in other), line
            await pilot.press("v")
            await settle(pilot)
