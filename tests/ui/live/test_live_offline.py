"""The app with a live account whose instance cannot be reached, against the real local
server (``mastodon-mock``, ``tests/net/conftest.py``) and a closed port on 127.0.0.1: what the
user reads (one short translated notice, the header's state, the Queue's detail of a reply
that waits) and never the library's raw error text or a time already past.

Time: the app's clock is a ``FixedClock``; nothing waits for real seconds to pass.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import requests

from cm_tui.core.clock import FixedClock
from cm_tui.core.i18n import set_language
from cm_tui.core.net_records import AccountState
from cm_tui.store.store import Store
from tests.conftest import FIXED_NOW
from tests.net.conftest import closed_port_url
from tests.ui.conftest import SIZE, screen_text, settle
from tests.ui.live.conftest import (
    TOKENS,
    UNDO,
    live_app,
    live_app_on,
    live_db,
    statuses_with,
    until,
)

RAW = ("HTTPConnectionPool", "Max retries", "NewConnectionError", "Mastodon", "Errno", "Traceback")


def _move_instance(db: Path, url: str, clock: FixedClock) -> None:
    """The account's instance moves to ``url`` (as if the server went away)."""
    with Store.open(db, clock=clock) as store:
        (account,) = store.repo.accounts.all()
        store.repo.accounts.update(account.replace(instance=url))


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
    _move_instance(db, closed_port_url(), clock)
    set_language(language)
    app = live_app(make_app, db, clock)
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


async def _detail(pilot: Any, app: Any) -> str:
    app.pane("queue").tick()  # the pane's once-a-second repaint, at the test's clock
    await settle(pilot)
    return " ".join(str(app.query_one("#queue-detail").render()).split())


@pytest.mark.parametrize(
    ("language", "not_sent", "offline", "next_try"),
    [
        ("en", "Reply not sent yet", "mastodon offline", "next try at 09:13:15"),
        ("fr", "Réponse pas encore envoyée", "mastodon hors ligne", "prochain essai à 09:13:15"),
    ],
)
async def test_a_reply_waiting_while_offline_says_why_and_when_never_a_past_time(
    make_app, mock_server, mention, fault, tmp_path, language, not_sent, offline, next_try
) -> None:
    set_language(language)
    app, clock = live_app_on(make_app, mock_server, tmp_path)  # 09:12:00 in Paris
    async with app.run_test(size=SIZE) as pilot:
        net = app.net_live
        await until(pilot, lambda: net.passes >= 1, "the first pass")
        await pilot.press("3")
        mention(text="late-answer")
        await until(pilot, lambda: "late-answer" in screen_text(app), "the mention")
        await pilot.press("r", *"on it", "ctrl+s")
        await settle(pilot)
        # in the undo window: goes out after 09:12:05
        assert "09:12:05" in await _detail(pilot, app)

        for method in ("GET", "POST"):  # the instance goes down
            fault(method, "/api/v1/*", {"status": 503})
        clock.advance(timedelta(seconds=UNDO + 60))  # 09:13:05: the window is long past
        await _pass_after_wake(pilot, app)
        await settle(pilot)
        assert net.accounts[0].state is AccountState.OFFLINE
        detail = await _detail(pilot, app)
        assert not_sent in detail and offline in detail, detail
        assert next_try in detail, detail  # tried at 09:13:05, then the first backoff (10 s)
        assert "09:12:05" not in detail, detail  # never the past end of the undo window

        clock.advance(timedelta(minutes=10))  # no pass ran meanwhile: no stale time either
        detail = await _detail(pilot, app)
        assert not_sent in detail and "09:13:15" not in detail, detail
        requests.delete(f"{mock_server.base_url}/api/v1/_mock/faults", timeout=10)
        assert statuses_with(mock_server, "on it") == []


async def test_a_fault_in_the_sync_thread_is_one_short_line_never_the_raw_error(
    make_app, mock_server, tmp_path, monkeypatch, caplog
) -> None:
    import logging

    caplog.set_level(logging.DEBUG, logger="cm_tui.net")
    from cm_tui.net.sync import SyncEngine

    raw = (
        "HTTPConnectionPool(host='127.0.0.1', port=1): Max retries exceeded with url: "
        f"/api/v1/notifications?access_token={TOKENS['brand']} (Caused by NewConnectionError)"
    )
    real = SyncEngine.run_once
    calls: list[int] = []

    def failing_once(self: SyncEngine) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise requests.ConnectionError(raw)  # a library error the connector did not map
        return real(self)

    monkeypatch.setattr(SyncEngine, "run_once", failing_once)
    app, _clock = live_app_on(make_app, mock_server, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: any("paused" in n for n in _notices(app)), "the fault")
        await settle(pilot)
        (notice,) = [n for n in _notices(app) if "paused" in n]
        assert notice == "Live accounts paused: no connection; cm-tui starts again in a moment."
        shown = screen_text(app)
        for text in (*RAW, TOKENS["brand"]):
            assert text not in shown
        assert "Max retries" in caplog.text  # the raw text is in the debug log...
        assert TOKENS["brand"][:8] not in caplog.text  # ...without the token
