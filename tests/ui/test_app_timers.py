"""The app's periodic jobs (header clock, queue alerts, inbox, maintenance) run on real-time
timers in use; under test they run only when the test fires them, after moving its clock, so no
test depends on how fast the machine is."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from cm_tui.core.clock import FixedClock
from cm_tui.ui.app import PERIODIC_JOBS
from tests.conftest import FIXED_NOW
from tests.ui.conftest import SIZE, settle

JOB_NAMES = {job.name for job in PERIODIC_JOBS}


def warnings(app: Any) -> list[str]:
    return [n.message for n in app._notifications if n.severity == "warning"]


def test_the_periodic_jobs_are_named() -> None:
    assert sorted(JOB_NAMES) == ["clock tick", "queue alerts", "queue inbox", "store maintenance"]


async def test_in_use_each_job_runs_on_its_real_time_timer(make_app: Any) -> None:
    app = make_app(real_time_timers=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timers = {timer.name: timer for timer in app._timers if timer.name in JOB_NAMES}
        assert {name: timer._interval for name, timer in timers.items()} == {
            job.name: job.seconds for job in PERIODIC_JOBS
        }


async def test_under_test_no_job_runs_on_real_time(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not [timer.name for timer in app._timers if timer.name in JOB_NAMES]


async def test_a_job_runs_when_the_test_fires_it_after_moving_the_clock(make_app: Any) -> None:
    """The case that failed on a loaded machine: the clock moves a day; the alerts come when
    the test asks for them, not when a real second happens to pass."""
    clock = FixedClock(FIXED_NOW)
    app = make_app(clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        clock.advance(timedelta(days=1))
        await settle(pilot)
        assert warnings(app) == []
        app.run_periodic_jobs("queue alerts")
        await settle(pilot)
        assert [w for w in warnings(app) if "became overdue" in w]


async def test_all_jobs_run_together_as_the_timers_would(make_app: Any) -> None:
    clock = FixedClock(FIXED_NOW)
    app = make_app(clock=clock)
    ran: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for job in PERIODIC_JOBS:
            real = getattr(app, job.method)
            setattr(app, job.method, lambda real=real, name=job.name: (ran.append(name), real()))
        app.run_periodic_jobs()
        await settle(pilot)
    assert sorted(ran) == sorted(JOB_NAMES)


async def test_text_cursors_do_not_blink_under_test(make_app: Any) -> None:
    """A snapshot of a form must not depend on which half of its blink the cursor is in when
    the picture is taken (a loaded machine takes it later)."""
    from textual.widgets import Input, TextArea

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "e")  # the post form
        await settle(pilot)
        fields = list(app.screen.query(Input)) + list(app.screen.query(TextArea))
        assert fields and app.focused in fields
        assert [f for f in fields if f.cursor_blink] == []
