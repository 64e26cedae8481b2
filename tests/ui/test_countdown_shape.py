"""Time left before a deadline reads the same everywhere it shows: the Queue's rows, its detail,
the counts under the list and Today's response box, in English and French
(``core.locale.countdown``)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from cm_tui.core.i18n import set_language
from tests.ui.conftest import screen_text, settle

#: the old shape under an hour ("0:53", "-0:39"): a one-digit hour before a colon
COLON_COUNTDOWN = re.compile(r"(?<![\d:])-?\d:\d\d\b")
HOURS_COUNTDOWN = re.compile(r"-?\d+h\d\d\b")


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("size", [(80, 24), (140, 45)])
async def test_countdowns_have_one_shape(
    make_app: Any, language: str, size: tuple[int, int]
) -> None:
    """Seen: "1h00" on one row and "0:53" on the next."""
    set_language(language)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        today = screen_text(app)
        assert "< 0h15" in today
        await pilot.press("3")
        await settle(pilot)
        queue = screen_text(app)
    assert not COLON_COUNTDOWN.findall(queue), queue
    shown = HOURS_COUNTDOWN.findall(queue)
    assert len(shown) >= 5, queue
    # the detail repeats the selected row's countdown, in the same shape
    assert f"({shown[0]})" in queue.replace("\n", " ")
    assert "< 0h15" in queue
