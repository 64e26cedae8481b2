"""The wall clock may jump (an NTP correction, a laptop moved between time zones, ``--now``):
every periodic job measures "has enough time passed" on the monotonic clock and reads the wall
clock only for what it shows and stores (docs/architecture.md, "Time and the app's timers").

Each job is driven here by the injected ``FixedClock``: ``set`` jumps its wall clock (its
monotonic clock stays), ``advance`` lets time pass (both move); no test waits on real time.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from cm_tui.core.clock import FixedClock
from cm_tui.store import list_backups
from cm_tui.ui.app import CmTuiApp
from cm_tui.ui.panes.queue import QueuePane
from tests.conftest import FIXED_NOW
from tests.ui.conftest import SIZE, settle
from tests.ui.test_queue_triage import authors, start
from tests.ui.test_queue_triage import qdb as qdb  # the small store of known items

HOUR = timedelta(hours=1)


def tick(app: Any) -> None:
    app.run_periodic_jobs("clock tick")


def counting_reloads(pane: QueuePane) -> list[int]:
    calls: list[int] = []
    real = pane.reload

    def reload() -> None:
        calls.append(1)
        real()

    pane.reload = reload  # type: ignore[method-assign]
    return calls


# ---------------------------------------------------------------------------- queue ordering


async def test_a_snooze_that_ends_after_the_clock_went_back_comes_back_at_its_place(
    make_app: Any, qdb: Path
) -> None:
    """Reproduced: after the clock went back an hour the Queue stopped re-sorting for 61
    minutes, so an item snoozed for 15 minutes stayed at the bottom 46 minutes too long."""
    clock = FixedClock(FIXED_NOW)
    app, run = await start(make_app, qdb, clock=clock)
    async with run as pilot:
        await settle(pilot)
        pane = app.query_one(QueuePane)
        assert authors(pane)[0] == "@alice"
        clock.set(FIXED_NOW - HOUR)
        tick(app)
        await pilot.press("s", "1")  # alice snoozed 15 minutes
        await settle(pilot)
        assert authors(pane)[-1] == "@alice"
        clock.advance(timedelta(minutes=15, seconds=1))
        tick(app)
        await settle(pilot)
        assert authors(pane)[0] == "@alice"


async def test_a_jump_forward_past_a_snooze_reorders_on_the_next_tick(
    make_app: Any, qdb: Path
) -> None:
    clock = FixedClock(FIXED_NOW)
    app, run = await start(make_app, qdb, clock=clock)
    async with run as pilot:
        await settle(pilot)
        pane = app.query_one(QueuePane)
        await pilot.press("s", "1")
        await settle(pilot)
        tick(app)
        assert authors(pane)[-1] == "@alice"
        clock.set(FIXED_NOW + timedelta(minutes=16))
        tick(app)
        await settle(pilot)
        assert authors(pane)[0] == "@alice"


async def test_after_a_jump_back_the_queue_reorders_once_then_once_a_minute(
    make_app: Any, qdb: Path
) -> None:
    clock = FixedClock(FIXED_NOW)
    app, run = await start(make_app, qdb, clock=clock)
    async with run as pilot:
        await settle(pilot)
        pane = app.query_one(QueuePane)
        reloads = counting_reloads(pane)
        clock.set(FIXED_NOW - HOUR)
        tick(app)
        assert len(reloads) == 1  # the wall clock moved: what is snoozed may have changed
        for _ in range(30):
            clock.advance(timedelta(seconds=1))
            tick(app)
        assert len(reloads) == 1
        clock.advance(timedelta(seconds=31))
        tick(app)
        assert len(reloads) == 2


# ---------------------------------------------------------------------------- the alert line


async def _one_alert(app: Any, pilot: Any, seconds: float) -> None:
    CmTuiApp.notify(app, "inbox file imported", timeout=seconds)
    await settle(pilot)
    assert [a.text for a in app.alerts.shown] == ["inbox file imported"]


async def test_an_alert_leaves_the_line_on_time_after_the_clock_went_back(make_app: Any) -> None:
    clock = FixedClock(FIXED_NOW)
    app = make_app(clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await _one_alert(app, pilot, 30)
        clock.set(FIXED_NOW - HOUR)
        clock.advance(timedelta(seconds=31))
        tick(app)
        await settle(pilot)
        assert app.alerts.shown == []


async def test_a_jump_forward_does_not_cut_an_alert_short(make_app: Any) -> None:
    clock = FixedClock(FIXED_NOW)
    app = make_app(clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await _one_alert(app, pilot, 30)
        clock.set(FIXED_NOW + HOUR)
        tick(app)
        await settle(pilot)
        assert [a.text for a in app.alerts.shown] == ["inbox file imported"]
        clock.advance(timedelta(seconds=31))
        tick(app)
        assert app.alerts.shown == []


# ---------------------------------------------------------------------------- queue alerts


def alert_messages(app: Any) -> list[str]:
    return [n.message for n in app._notifications if n.severity in ("warning", "error")]


async def test_deadline_alerts_come_once_across_a_jump_back(make_app: Any, qdb: Path) -> None:
    """Deadlines are wall-clock instants: crossed again after the clock went back, an
    alert already given is not given twice."""
    clock = FixedClock(FIXED_NOW)
    app = make_app(db=qdb, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.run_periodic_jobs("queue alerts")
        clock.advance(timedelta(minutes=6))  # alice (5 min left) becomes overdue
        app.run_periodic_jobs("queue alerts")
        await settle(pilot)
        first = alert_messages(app)
        assert [m for m in first if "Alice" in m and "Overdue" in m]
        clock.set(FIXED_NOW - HOUR)
        app.run_periodic_jobs("queue alerts")
        clock.set(FIXED_NOW + timedelta(minutes=6))
        app.run_periodic_jobs("queue alerts")
        await settle(pilot)
        assert [m for m in alert_messages(app) if "Alice" in m] == [
            m for m in first if "Alice" in m
        ]


async def test_a_jump_forward_gives_each_crossed_deadline_one_alert(
    make_app: Any, qdb: Path
) -> None:
    clock = FixedClock(FIXED_NOW)
    app = make_app(db=qdb, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.run_periodic_jobs("queue alerts")
        clock.set(FIXED_NOW + timedelta(minutes=30))  # alice and bob overdue, carol due soon
        app.run_periodic_jobs("queue alerts")
        app.run_periodic_jobs("queue alerts")
        await settle(pilot)
        messages = alert_messages(app)
        assert len([m for m in messages if "Alice" in m]) == 1
        assert len([m for m in messages if "Bob" in m]) == 1
        assert len([m for m in messages if "Carol" in m]) == 1


# ---------------------------------------------------------------------------- maintenance


async def test_maintenance_takes_one_backup_across_jumps(make_app: Any, demo_db: Path) -> None:
    """The daily backup is named after the wall clock's day: a jump forward to a new day
    takes it, a jump back to a day that has one takes none, and nothing fails."""
    clock = FixedClock(FIXED_NOW)
    app = make_app(clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.run_periodic_jobs("store maintenance")
        before = len(list_backups(demo_db))
        clock.set(FIXED_NOW + timedelta(days=1))
        app.run_periodic_jobs("store maintenance")
        clock.set(FIXED_NOW)
        app.run_periodic_jobs("store maintenance")
        await settle(pilot)
        assert len(list_backups(demo_db)) == before + 1
        assert not [n for n in app._notifications if n.severity == "warning"]
