"""The open app keeps the store healthy: its hourly maintenance takes the daily backup, and
problems the store met (e.g. a backup it could not write) reach the user as notifications."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from cm_tui.core.clock import FixedClock
from cm_tui.store import list_backups
from tests.conftest import FIXED_NOW
from tests.ui.conftest import SIZE, settle


async def test_maintenance_takes_the_backup_of_a_new_day(make_app: Any, demo_db: Any) -> None:
    clock = FixedClock(FIXED_NOW)
    app = make_app(clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        before = list_backups(demo_db)
        clock.advance(timedelta(days=1))
        app.run_periodic_jobs("store maintenance")
        await settle(pilot)
        after = list_backups(demo_db)
        assert len(after) == len(before) + 1
        assert not [n for n in app._notifications if n.severity == "warning"]


async def test_store_problems_are_shown_not_hidden(make_app: Any) -> None:
    app = make_app()
    app.ctx.store.warnings.append("backup: [Errno 28] No space left on device")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any("No space left on device" in m for m in messages)
