"""Which months the Stats tab offers (``core.stats_months``): the month the figures form opens
on, and how far ``[`` / ``]`` go, with or without figures in the store."""

from __future__ import annotations

from datetime import date

import pytest

from cm_tui.core.stats_months import (
    BROWSE_BACK,
    COMPILE_DAYS,
    browse_bounds,
    form_month,
    last_complete_month,
    step_month,
)


def test_the_compile_days_cover_every_first_monday() -> None:
    # the shipped "Compile the month's statistics" task falls on the first Monday of a month
    assert COMPILE_DAYS == 7


@pytest.mark.parametrize(
    ("today", "chosen", "shown", "expected"),
    [
        # the first days of a month: the month just ended, whatever the tab shows by itself
        (date(2026, 12, 3), None, None, "2026-11"),
        (date(2026, 12, 3), None, "2026-10", "2026-11"),
        (date(2027, 1, 7), None, "2026-10", "2026-12"),
        # later: the month the tab shows, else the month just ended
        (date(2026, 12, 8), None, "2026-10", "2026-10"),
        (date(2026, 12, 8), None, None, "2026-11"),
        # a month the user moved to wins at any time
        (date(2026, 12, 3), "2026-09", "2026-09", "2026-09"),
        (date(2026, 12, 20), "2026-12", "2026-12", "2026-12"),
    ],
)
def test_form_month(today: date, chosen: str | None, shown: str | None, expected: str) -> None:
    assert form_month(today, chosen=chosen, shown=shown) == expected


def test_last_complete_month_crosses_the_year() -> None:
    assert last_complete_month(date(2027, 1, 1)) == "2026-12"
    assert last_complete_month(date(2026, 12, 31)) == "2026-11"


def test_browsing_without_figures_goes_back_two_years_and_not_past_this_month() -> None:
    first, last = browse_bounds(date(2026, 12, 3), [])
    assert BROWSE_BACK == 24
    assert (first, last) == ("2024-12", "2026-12")
    assert step_month("2026-11", -1, (first, last)) == "2026-10"
    assert step_month("2026-12", 1, (first, last)) is None
    assert step_month("2024-12", -1, (first, last)) is None
    assert step_month("2026-11", 1, (first, last)) == "2026-12"


def test_browsing_reaches_every_month_with_figures() -> None:
    # figures older than two years (an import) and a month typed ahead stay reachable
    assert browse_bounds(date(2026, 12, 3), ["2023-05", "2026-01", "2027-02"]) == (
        "2023-05",
        "2027-02",
    )


def test_browsing_stops_at_the_first_supported_month() -> None:
    """Seen: with the clock at 2000-01-01, ``[`` went to 1998-01 and the form offered
    months before the days cm-tui handles (``core.timeutil.FIRST_DAY``)."""
    assert browse_bounds(date(2000, 1, 1), []) == ("2000-01", "2000-01")
    assert browse_bounds(date(2001, 3, 1), []) == ("2000-01", "2001-03")
    # a month stored before the forms refused it is not offered: "[" would stop the app on it
    assert browse_bounds(date(2026, 12, 3), ["0001-01", "2026-01"]) == ("2024-12", "2026-12")
