"""A backlog synced while the user triages, against the real local server (``mastodon-mock``):
the sync thread hands the UI thread one page per store step (at most ``sync_pass.PAGE_SIZE``
items, mapped beforehand on the sync thread, one transaction each), and keys act between two
steps, not after the pass.

No timing: the sync thread is held between two pages (on an event) while the keys are
pressed, so what is checked is that nothing of the pass runs on the UI thread then. The
pause while keys arrive (``ui.keys_first``) is driven by a clock of the test's own: "a key
came just now" until the test says the typing stopped.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from cm_tui.core.clock import FixedClock
from cm_tui.core.net_rules import NetSettings
from cm_tui.net.sync_pass import PAGE_SIZE
from cm_tui.store.store import Store
from cm_tui.ui import keys_first
from tests.conftest import FIXED_NOW
from tests.ui.conftest import SIZE, settle
from tests.ui.live.conftest import client, live_db, until

BACKLOG = 2 * PAGE_SIZE + 10  # three pages


def _backlog(server: Any, db: Path, clock: FixedClock) -> None:
    """``BACKLOG`` mentions waiting on the server, the account's cursor before them."""
    fan = client(server, "fan")
    fan.status_post("@brand anchor")
    brand = client(server, "brand")
    (anchor,) = brand.notifications(types=["mention"], limit=1)
    for index in range(BACKLOG):
        fan.status_post(f"@brand backlog-{index}")
    with Store.open(db, clock=clock) as store:
        (account,) = store.repo.accounts.all()
        store.repo.accounts.update(account.replace(cursor=str(anchor["id"])))


async def test_keys_act_between_the_pages_of_a_backlog_sync(
    make_app, mock_server, tmp_path
) -> None:
    from cm_tui.ui.net_live import NetLive

    clock = FixedClock(FIXED_NOW)
    db = live_db(tmp_path, mock_server.base_url, clock)
    _backlog(mock_server, db, clock)

    written: list[int] = []  # items added by each store step
    held = threading.Event()
    release = threading.Event()

    class Watched(NetLive):
        def _step(self, fn: Any) -> Any:
            before = self.ctx.repo.queue.count()
            try:
                return super()._step(fn)
            finally:
                added = self.ctx.repo.queue.count() - before
                if added:
                    written.append(added)

        def access(self, fn: Any, /) -> Any:
            result = super().access(fn)
            if written and not held.is_set():  # on the sync thread, after the first page
                held.set()
                release.wait(60)
            return result

    app = make_app(db=db, clock=clock)
    app.net_live = Watched(app, NetSettings(poll_seconds=600, undo_seconds=5))
    async with app.run_test(size=SIZE) as pilot:
        net = app.net_live
        await pilot.press("3")
        await until(pilot, held.is_set, "the first page stored")
        assert app.active_tab == "queue"
        steps = len(written)
        await pilot.press("1")  # the sync is between two pages: the key acts now
        await settle(pilot)
        assert app.active_tab == "today"
        assert net.passes == 0 and len(written) == steps  # the pass did not go on meanwhile

        release.set()
        await until(pilot, lambda: net.passes >= 1, "the end of the pass")
        assert sum(written) == BACKLOG
        assert len(written) >= 3 and max(written) <= PAGE_SIZE  # one page a step, never more


class Typing:
    """``keys_first``'s clock: while ``typing``, the last key came just now; the sync's pause
    (``sleep``) blocks until ``stop()``, so it cannot go on by itself."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.typing = False
        self.paused = threading.Event()
        self.stopped = threading.Event()

    def monotonic(self) -> float:
        return float(self.app.last_key_at) + (0.0 if self.typing else 3600.0)

    def sleep(self, _seconds: float) -> None:
        self.paused.set()
        self.stopped.wait(60)

    def stop(self) -> None:
        self.typing = False
        self.stopped.set()


async def test_the_backlog_sync_waits_while_keys_arrive_and_loses_nothing(
    make_app, mock_server, tmp_path, monkeypatch
) -> None:
    """While keys arrive the sync pauses between two pages (nothing fetched or written); once
    they stop it goes on from where it was: every mention once, none lost, none doubled."""
    from cm_tui.ui.net_live import NetLive

    clock = FixedClock(FIXED_NOW)
    db = live_db(tmp_path, mock_server.base_url, clock)
    _backlog(mock_server, db, clock)
    app = make_app(db=db, clock=clock)
    typing = Typing(app)
    monkeypatch.setattr(keys_first, "time", typing)
    written: list[int] = []

    class Watched(NetLive):
        def _step(self, fn: Any) -> Any:
            before = self.ctx.repo.queue.count()
            try:
                return super()._step(fn)
            finally:
                added = self.ctx.repo.queue.count() - before
                if added:
                    written.append(added)
                    typing.typing = True  # the user starts typing after the first page

    app.net_live = Watched(app, NetSettings(poll_seconds=600, undo_seconds=5))
    async with app.run_test(size=SIZE) as pilot:
        net = app.net_live
        await pilot.press("3")
        await until(pilot, typing.paused.is_set, "the sync pausing for the keys")
        assert written == [PAGE_SIZE]  # one page, then the pause: nothing more meanwhile
        await pilot.press("1")  # the keys act while the sync waits
        await settle(pilot)
        assert app.active_tab == "today"
        assert written == [PAGE_SIZE] and net.passes == 0

        typing.stop()
        await until(pilot, lambda: net.passes >= 1, "the end of the pass")
        texts = [i.text for i in app.ctx.repo.queue.all() if i.network == "mastodon"]
        ids = [i.external_id for i in app.ctx.repo.queue.all() if i.network == "mastodon"]
        assert sum(written) == BACKLOG == len(ids) == len(set(ids))
        assert {f"@brand backlog-{n}" for n in range(BACKLOG)} <= {
            text.replace("\n", " ").strip() for text in texts
        }
