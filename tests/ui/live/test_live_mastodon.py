"""The app with a live Mastodon account, end to end against the real local server
(``mastodon-mock`` on 127.0.0.1, ``tests/net/conftest.py``): real keys through Pilot, the sync
engine in the app's thread, the store written on the UI thread.

Time: the app's clock is a ``FixedClock``; the undo window ends when the test moves it and
wakes the engine, so nothing here waits for real seconds to pass (only for the server and the
thread, on conditions, with a generous bound).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from cm_tui.core.i18n import set_language
from cm_tui.core.models import QueueStatus
from cm_tui.core.net_records import AccountState, OutboxState
from tests.ui.conftest import SIZE, screen_text, send_in_one_burst, settle
from tests.ui.live.conftest import UNDO, live_app_on, statuses_with, until


def _items(app: Any) -> list[Any]:
    return app.ctx.repo.queue.all()


def _entries(app: Any) -> list[Any]:
    return app.ctx.repo.outbox.all()


async def _mention_on_queue(pilot: Any, app: Any, mention: Any, text: str) -> Any:
    net = app.net_live
    await until(pilot, lambda: net.passes >= 1, "the first pass")
    await pilot.press("3")
    mention(text=text)
    await until(pilot, lambda: any(text in i.text for i in _items(app)), "the mention")
    await until(pilot, lambda: text in screen_text(app), "the mention on the Queue tab")
    return next(i for i in _items(app) if text in i.text)


async def _pass_after_wake(pilot: Any, app: Any) -> None:
    net = app.net_live
    before = net.passes
    net.wake()
    await until(pilot, lambda: net.passes > before, "a pass after wake")


async def test_a_mention_arrives_live_and_a_reply_goes_out_once_after_the_undo_window(
    make_app, mock_server, mention, tmp_path
) -> None:
    app, clock = live_app_on(make_app, mock_server, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        item = await _mention_on_queue(pilot, app, mention, "where-is-my-order")
        # the dialog says who posts and how
        await pilot.press("r")
        await settle(pilot)
        shown = screen_text(app)
        assert "Posts as @brand@127.0.0.1" in shown
        assert "visibility: public" in shown
        await pilot.press(*"merci", "ctrl+s")
        await settle(pilot)

        (entry,) = _entries(app)
        assert (
            entry.state is OutboxState.PENDING and entry.text == "@fan merci"
        )  # led by the author, who is notified
        assert "1 reply not sent" in screen_text(app)
        assert "↗" in screen_text(app)
        await _pass_after_wake(pilot, app)  # still inside the undo window: nothing sent
        assert statuses_with(mock_server, "merci") == []

        clock.advance(timedelta(seconds=UNDO + 1))
        await _pass_after_wake(pilot, app)
        await until(pilot, lambda: app.ctx.repo.queue.get(item.id).status is QueueStatus.REPLIED)
        assert len(statuses_with(mock_server, "merci")) == 1
        await _pass_after_wake(pilot, app)
        assert len(statuses_with(mock_server, "merci")) == 1
        assert app.ctx.repo.queue.get(item.id).reply_url
        assert "reply not sent" not in screen_text(app)


async def test_u_in_the_undo_window_takes_the_reply_back_and_nothing_is_sent(
    make_app, mock_server, mention, tmp_path
) -> None:
    app, clock = live_app_on(make_app, mock_server, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        item = await _mention_on_queue(pilot, app, mention, "second-question")
        # in one burst, as a fast typist sends them: reply, text, send, take back
        send_in_one_burst(app, "r", *"oops", "ctrl+s", "u")
        await settle(pilot)
        (entry,) = _entries(app)
        assert entry.state is OutboxState.CANCELLED
        assert "reply not sent" not in screen_text(app)

        clock.advance(timedelta(minutes=5))
        await _pass_after_wake(pilot, app)
        assert statuses_with(mock_server, "oops") == []
        assert app.ctx.repo.queue.get(item.id).status is QueueStatus.NEW


async def test_u_keeps_the_typed_reply_and_r_opens_it_again_with_nothing_sent(
    make_app, mock_server, mention, tmp_path
) -> None:
    from cm_tui.ui.screens.queue_modals import ReplyScreen

    app, clock = live_app_on(make_app, mock_server, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        item = await _mention_on_queue(pilot, app, mention, "keep-my-words")
        await pilot.press("r", *"thanks for asking", "ctrl+s")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        clock.advance(timedelta(seconds=UNDO + 60))  # the window passed
        await _pass_after_wake(pilot, app)
        assert statuses_with(mock_server, "thanks for asking") == []
        assert app.ctx.repo.queue.get(item.id).status is QueueStatus.NEW
        assert "reply not sent" not in screen_text(app)

        await pilot.press("r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReplyScreen)
        assert screen.text_area.text == "thanks for asking"  # as typed, not lost
        await pilot.press("ctrl+s")  # sent as it stands: once, led by the author
        await settle(pilot)
        clock.advance(timedelta(seconds=UNDO + 1))
        await _pass_after_wake(pilot, app)
        await until(pilot, lambda: app.ctx.repo.queue.get(item.id).status is QueueStatus.REPLIED)
        (status,) = statuses_with(mock_server, "thanks for asking")
        assert "@fan" in status["content"]


async def test_a_direct_message_is_answered_directly(
    make_app, mock_server, mention, tmp_path
) -> None:
    app, clock = live_app_on(make_app, mock_server, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        net = app.net_live
        await until(pilot, lambda: net.passes >= 1)
        await pilot.press("3")
        mention(text="private-question", visibility="direct")
        await until(pilot, lambda: any("private-question" in i.text for i in _items(app)))
        await until(pilot, lambda: "private-question" in screen_text(app))
        await pilot.press("r")
        await settle(pilot)
        assert "visibility: direct (stays private)" in screen_text(app)
        await pilot.press(*"hush", "ctrl+s")
        await settle(pilot)
        clock.advance(timedelta(seconds=UNDO + 1))
        await _pass_after_wake(pilot, app)
        (status,) = statuses_with(mock_server, "hush")
        assert status["visibility"] == "direct"


async def test_a_refused_reply_stays_marked_and_can_be_edited_then_goes(
    make_app, mock_server, mention, fault, tmp_path
) -> None:
    app, clock = live_app_on(make_app, mock_server, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        item = await _mention_on_queue(pilot, app, mention, "edit-me")
        fault("POST", "/api/v1/statuses", {"status": 422, "body": {"error": "Text too long"}}, 1)
        await pilot.press("r", *"first", "ctrl+s")
        await settle(pilot)
        clock.advance(timedelta(seconds=UNDO + 1))
        await _pass_after_wake(pilot, app)
        await until(pilot, lambda: _entries(app)[0].state is OutboxState.FAILED)
        await settle(pilot)
        shown = screen_text(app)
        assert "⚠" in shown and "Reply refused" in shown
        assert "1 reply not sent" in shown

        await pilot.press("e")
        await settle(pilot)
        await pilot.press("ctrl+a", "ctrl+k", *"second", "ctrl+s")  # the text replaced
        await settle(pilot)
        clock.advance(timedelta(seconds=UNDO + 1))
        await _pass_after_wake(pilot, app)
        await until(pilot, lambda: app.ctx.repo.queue.get(item.id).status is QueueStatus.REPLIED)
        assert len(statuses_with(mock_server, "second")) == 1
        assert statuses_with(mock_server, "first") == []


async def test_x_cancels_an_unsent_reply_after_asking(
    make_app, mock_server, mention, tmp_path
) -> None:
    app, clock = live_app_on(make_app, mock_server, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await _mention_on_queue(pilot, app, mention, "cancel-me")
        send_in_one_burst(app, "r", *"never", "ctrl+s", "x")
        await settle(pilot)
        await until(pilot, lambda: "Cancel the unsent reply" in screen_text(app))
        await settle(pilot)
        assert "Cancel the unsent reply" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert _entries(app)[0].state is OutboxState.CANCELLED
        clock.advance(timedelta(minutes=1))
        await _pass_after_wake(pilot, app)
        assert statuses_with(mock_server, "never") == []


@pytest.mark.parametrize("language", ["en", "fr"])
async def test_an_offline_server_shows_in_the_header_and_one_notice_never_a_traceback(
    make_app, mock_server, mention, fault, tmp_path, language: str
) -> None:
    set_language(language)
    app, _clock = live_app_on(make_app, mock_server, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        net = app.net_live
        await until(pilot, lambda: net.passes >= 1)
        fault("GET", "/api/v1/notifications", {"status": 503})
        await _pass_after_wake(pilot, app)
        await settle(pilot)
        assert net.accounts[0].state is AccountState.OFFLINE
        shown = screen_text(app)
        expected = "offline since 09:12" if language == "en" else "hors ligne depuis 09:12"
        assert f"mastodon: {expected}" in shown
        assert "Traceback" not in shown
        # keys still work meanwhile
        await pilot.press("3", "j", "1")
        await settle(pilot)
        assert app.active_tab == "today"


async def test_a_refused_token_shows_as_such(make_app, mock_server, fault, tmp_path) -> None:
    app, _clock = live_app_on(make_app, mock_server, tmp_path)
    fault("GET", "/api/v1/notifications", {"status": 401})
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.net_live.passes >= 1)
        await settle(pilot)
        shown = screen_text(app)
        assert "mastodon: token refused" in shown
        assert "refused the token" in shown


async def test_a_store_without_accounts_starts_no_thread_and_imports_no_network_code(
    make_app,
) -> None:
    import threading

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.net_live is None
        assert not any(t.name == "cm-tui sync" for t in threading.enumerate())


async def test_the_queue_help_lists_the_unsent_reply_keys(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "question_mark")
        await settle(pilot)
        shown = screen_text(app)
        assert "Edit unsent reply" in shown
        assert "Cancel unsent reply" in shown


async def test_the_detail_shows_the_status_answered_and_o_opens_the_item(
    make_app, mock_server, mention, tmp_path, browsers
) -> None:
    from tests.net.conftest import client

    browsers.add(works=True)
    ours = client(mock_server, "brand").status_post("Our new Aurore lamp is out")
    app, _clock = live_app_on(make_app, mock_server, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        net = app.net_live
        await until(pilot, lambda: net.passes >= 1)
        await pilot.press("3")
        mention(text="is-it-dimmable", in_reply_to_id=ours["id"])
        await until(pilot, lambda: "is-it-dimmable" in screen_text(app), "the comment")
        item = next(i for i in _items(app) if "is-it-dimmable" in i.text)
        await until(pilot, lambda: "In reply to @brand" in screen_text(app), "the context")
        assert "Our new Aurore lamp is out" in screen_text(app)
        await pilot.press("o")
        await settle(pilot)
        assert browsers.opened == [item.link] and item.link.startswith("http")
