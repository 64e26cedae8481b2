"""An idle app costs nothing: the per-second work (header clock, countdowns, the Queue's
counts) repaints what changed and never lays the screen out again (``docs/architecture.md``,
"All day"). A layout pass is counted where Textual does it, ``Screen._refresh_layout``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from textual.screen import Screen

from cm_tui.core.clock import FixedClock
from tests.conftest import FIXED_NOW
from tests.ui.conftest import SIZE, settle

#: simulated seconds of idle per tab: more than two minutes, so every minute-driven repaint
#: (the header's clock, the countdowns, the Queue's re-sort) happens at least twice
IDLE_SECONDS = 150


@pytest.fixture
def layouts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Each layout pass of any screen, by screen class name."""
    seen: list[str] = []
    real = Screen._refresh_layout

    def counting(self: Screen, *args: Any, **kwargs: Any) -> None:
        seen.append(type(self).__name__)
        real(self, *args, **kwargs)

    monkeypatch.setattr(Screen, "_refresh_layout", counting)
    yield seen


async def idle(app: Any, pilot: Any, clock: FixedClock, seconds: int) -> None:
    """``seconds`` of an idle app, as its timers would run them, one simulated second each."""
    for _ in range(seconds):
        clock.advance(timedelta(seconds=1))
        app.run_periodic_jobs("clock tick", "queue alerts")
        await pilot.pause()
    await settle(pilot)


@pytest.mark.parametrize("key", ["1", "2", "3", "4"])
async def test_an_idle_tab_is_never_laid_out_again(
    make_app: Any, layouts: list[str], key: str
) -> None:
    """Nothing changes but the time: every open item of the demo is days past its deadline
    (its alerts sent, the counts steady), so a layout could only come from the tick itself."""
    clock = FixedClock(FIXED_NOW)
    app = make_app(clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        clock.advance(timedelta(days=3))
        await pilot.press(key)
        await settle(pilot)
        # the first minute settles what opening the tab and the jump left (alerts, labels)
        await idle(app, pilot, clock, 60)
        layouts.clear()
        await idle(app, pilot, clock, IDLE_SECONDS)
        assert layouts == [], f"tab {key}: {len(layouts)} layout passes in {IDLE_SECONDS} s idle"


async def test_the_queue_countdowns_still_move_when_idle(make_app: Any) -> None:
    """Repainting without a layout still shows the new countdowns and the same detail."""
    clock = FixedClock(FIXED_NOW)
    app = make_app(clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        detail = app.query_one("#queue-detail")
        before = str(detail.render())
        await idle(app, pilot, clock, 180)
        after = str(detail.render())
        assert before != after  # the detail's countdown moved three minutes
        assert before.splitlines()[0] == after.splitlines()[0]  # the same item


async def test_today_queue_box_and_the_queue_tab_label_agree_at_every_tick(
    make_app: Any,
) -> None:
    """Today's "Response queue" box and the Queue tab's label read the same counts on the same
    tick (the box was refreshed once a minute, the label every second)."""
    import re

    def numbers(text: str) -> list[str]:
        """The counts in a label or the box's first line (``due < 0h15``: not a count)."""
        return re.findall(r"\d+", text.replace("< 0h15", ""))

    clock = FixedClock(FIXED_NOW)
    app = make_app(clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        side = app.query_one("#today-side")
        changes = 0
        last: list[str] = []
        for second in range(20 * 60):
            clock.advance(timedelta(seconds=1))
            app.run_periodic_jobs("clock tick", "queue alerts")
            await pilot.pause()
            label = app.tabs.get_tab("queue").label.plain
            box = side.body("queue")
            assert box is not None
            first_line = box.plain.splitlines()[0]
            assert numbers(label) == numbers(first_line), f"at +{second + 1} s"
            changes += numbers(label) != last
            last = numbers(label)
        assert changes > 1  # the counts did move during the test
