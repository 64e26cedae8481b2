"""The app hears a file land in its inbox (file notifications, ``io/inbox_notify.py``): its
items reach the queue without waiting for the poll, a file still being written is not taken
before it settles, and without notifications the poll still brings it in.

The apps here run no real-time timer (no poll): what imports a file is the notification's
event. Waits are on conditions, with generous timeouts."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cm_tui.core.settings import Settings
from cm_tui.io import inbox_notify
from tests.ui.conftest import SIZE, settle
from tests.ui.test_queue_triage import qdb as qdb  # the small store of known items

WAIT = 30.0
ROWS = "network,author,text,date\nx,@zed,landed,2026-11-19 09:00\n"


def settings_for(inbox: Path, settle_seconds: int = 5) -> Settings:
    return Settings(
        timezone="Europe/Paris",
        language="en",
        inbox=str(inbox),
        inbox_settle_seconds=settle_seconds,
    )


async def until(pilot: Any, condition: Callable[[], bool]) -> bool:
    """Let the app run until ``condition`` holds (``WAIT`` at most)."""
    deadline = time.monotonic() + WAIT
    while not condition():
        if time.monotonic() > deadline:
            return False
        await pilot.pause(0.02)
    await settle(pilot)
    return True


def handles(app: Any) -> list[str]:
    return [item.author_handle for item in app.ctx.repo.queue.all()]


def counting_checks(app: Any) -> list[int]:
    calls: list[int] = []
    real = app.check_inbox

    def check() -> None:
        calls.append(1)
        real()

    app.check_inbox = check
    return calls


async def test_a_file_landing_is_imported_without_waiting_for_the_poll(
    make_app: Any, qdb: Path, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    app = make_app(db=qdb, settings=settings_for(inbox))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        notifier = app.watch_inbox()
        assert await until(pilot, notifier.watching.is_set)
        source = tmp_path / "export.csv"
        source.write_text(ROWS, encoding="utf-8")
        past = time.time() - 60
        os.utime(source, (past, past))
        os.replace(source, inbox / "export.csv")  # written elsewhere, renamed in
        assert await until(pilot, lambda: (inbox / "processed" / "export.csv").exists())
        assert "@zed" in handles(app)


async def test_a_file_still_being_written_is_not_taken_early(
    make_app: Any, qdb: Path, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    app = make_app(db=qdb, settings=settings_for(inbox, settle_seconds=3600))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        checks = counting_checks(app)
        notifier = app.watch_inbox()
        assert await until(pilot, notifier.watching.is_set)
        with (inbox / "growing.csv").open("w", encoding="utf-8") as handle:
            handle.write(ROWS)
        assert await until(pilot, lambda: bool(checks))  # the event came, and was handled
        assert (inbox / "growing.csv").exists()
        assert not (inbox / "processed").exists()
        assert "@zed" not in handles(app)


async def test_without_notifications_the_poll_still_imports(
    make_app: Any, qdb: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    def missing() -> object:
        raise ImportError("No module named 'watchfiles'")

    monkeypatch.setattr(inbox_notify, "load_watch", missing)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    app = make_app(db=qdb, settings=settings_for(inbox))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        notifier = app.watch_inbox()
        assert await until(pilot, notifier.unavailable.is_set)
        source = inbox / "export.csv"
        source.write_text(ROWS, encoding="utf-8")
        past = time.time() - 60
        os.utime(source, (past, past))
        await asyncio.sleep(0)
        assert "@zed" not in handles(app)
        app.run_periodic_jobs("queue inbox")  # the poll's timer would fire this
        assert await until(pilot, lambda: (inbox / "processed" / "export.csv").exists())
        assert "@zed" in handles(app)
