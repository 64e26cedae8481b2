"""The Calendar stays within the days cm-tui handles (``core.timeutil.FIRST_DAY`` ..
``LAST_DAY``): ``[``/``]`` and the cursor keys stop at the edge with a one-line notice, and ``n``
never prefills a day a form would refuse."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from cm_tui.core.clock import FixedClock
from cm_tui.core.i18n import t
from cm_tui.core.timeutil import FIRST_DAY, LAST_DAY, is_supported_day, supported_days
from cm_tui.ui.screens.post_form import PostForm
from tests.ui.conftest import screen_text, settle

EDGES = [
    (datetime(2199, 12, 27, 9, 0, tzinfo=UTC), "right_square_bracket", "l", LAST_DAY),
    (datetime(2000, 1, 4, 9, 0, tzinfo=UTC), "left_square_bracket", "h", FIRST_DAY),
]


def _pane(app: Any) -> Any:
    from cm_tui.ui.panes.calendar import CalendarPane

    return app.query_one(CalendarPane)


@pytest.mark.parametrize(("now", "page", "step", "edge"), EDGES, ids=["last", "first"])
@pytest.mark.parametrize("view", ["week", "month"])
async def test_navigation_stops_at_the_edge_of_the_supported_days(
    make_app: Any, now: datetime, page: str, step: str, edge: date, view: str
) -> None:
    """Seen: ``]`` went on to January 2200, then ``n`` opened a form dated 2200."""
    app = make_app(clock=FixedClock(now))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        if view == "month":
            await pilot.press("v")
        await settle(pilot)
        pane = _pane(app)
        for _ in range(3):
            await pilot.press(page)
            await settle(pilot)
        for _ in range(12):
            await pilot.press(step)
            await settle(pilot)
        assert pane.selected_day() == edge
        text = screen_text(app)
        notice = t("calendar.edge", **supported_days())
        # the notice whole on an 80-column line, once per run of refused keys (the pages, then
        # the steps), not once per key
        assert notice in text
        assert 1 <= [a.text for a in app.alerts.history].count(notice) <= 2
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, PostForm)
        prefilled = date.fromisoformat(form.values()["date"])
        assert is_supported_day(prefilled) and prefilled == edge
