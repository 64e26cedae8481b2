"""A backlog synced while the user triages, against the real local server (``mastodon-mock``):
the sync thread hands the UI thread one page per store step (at most ``sync_pass.PAGE_SIZE``
items, mapped beforehand on the sync thread, one transaction each), and keys act between two
steps, not after the pass.

No timing: the sync thread is held between two pages (on an event) while the keys are
pressed, so what is checked is that nothing of the pass runs on the UI thread then.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from cm_tui.core.clock import FixedClock
from cm_tui.core.net_rules import NetSettings
from cm_tui.net.sync_pass import PAGE_SIZE
from cm_tui.store.store import Store
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
