"""The app with a live account whose instance cannot be reached, against the real local
server (``mastodon-mock``, ``tests/net/conftest.py``) and a closed port on 127.0.0.1: what the
user reads (one short translated notice, the header's state, the Queue's detail of a reply
that waits) and never the library's raw error text or a time already past.

Time: the app's clock is a ``FixedClock``; nothing waits for real seconds to pass.
"""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

from cm_tui.core.clock import FixedClock
from cm_tui.core.i18n import set_language
from cm_tui.core.net_records import AccountState
from cm_tui.core.net_rules import NetSettings
from cm_tui.store.store import Store
from tests.conftest import FIXED_NOW
from tests.ui.conftest import SIZE, screen_text, settle
from tests.ui.live.conftest import TOKENS, live_db, until

UNDO = 5
POLL = 30
RAW = ("HTTPConnectionPool", "Max retries", "NewConnectionError", "Mastodon", "Errno", "Traceback")


def _closed_port_url() -> str:
    """An address on this machine where nothing listens (bound, then closed)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def _move_instance(db: Path, url: str, clock: FixedClock) -> None:
    """The account's instance moves to ``url`` (as if the server went away)."""
    with Store.open(db, clock=clock) as store:
        (account,) = store.repo.accounts.all()
        store.repo.accounts.update(account.replace(instance=url))


def _live_app(make_app: Any, db: Path, clock: FixedClock) -> Any:
    from cm_tui.ui.net_live import NetLive

    app = make_app(db=db, clock=clock)
    app.net_live = NetLive(app, NetSettings(poll_seconds=POLL, undo_seconds=UNDO))
    return app


def _notices(app: Any) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def _pass_after_wake(pilot: Any, app: Any) -> None:
    net = app.net_live
    before = net.passes
    net.wake()
    await until(pilot, lambda: net.passes > before, "a pass after wake")


@pytest.mark.parametrize(
    ("language", "offline", "header"),
    [
        ("en", "@brand: offline (no connection)", "mastodon: offline since 09:12"),
        ("fr", "@brand : hors ligne (pas de connexion)", "mastodon: hors ligne depuis 09:12"),
    ],
)
async def test_an_unreachable_instance_gives_one_short_translated_notice(
    make_app, mock_server, tmp_path, language: str, offline: str, header: str
) -> None:
    clock = FixedClock(FIXED_NOW)
    db = live_db(tmp_path, mock_server.base_url, clock)
    _move_instance(db, _closed_port_url(), clock)
    set_language(language)
    app = _live_app(make_app, db, clock)
    async with app.run_test(size=SIZE) as pilot:
        net = app.net_live
        await until(pilot, lambda: net.passes >= 1, "the first pass")
        await settle(pilot)
        assert net.accounts[0].state is AccountState.OFFLINE
        notices = [n for n in _notices(app) if "@brand" in n]
        assert len(notices) == 1, notices
        (notice,) = notices
        assert notice.startswith(offline), notice
        assert len(notice) <= 100, notice
        shown = screen_text(app)
        assert header in shown
        for raw in RAW:
            assert raw not in notice and raw not in shown
        assert net.accounts[0].state_detail in notice  # the stored reason is the short one
        assert TOKENS["brand"] not in shown

        await _pass_after_wake(pilot, app)  # still offline: no second notice per retry
        await settle(pilot)
        assert len([n for n in _notices(app) if "@brand" in n]) == 1
