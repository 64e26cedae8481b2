"""Inbox against a real local server: first sync, catch-up, restarts, faults, hostile text."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from cm_tui.core.models import QueueKind
from cm_tui.core.net_records import AccountState
from cm_tui.net.access import direct
from cm_tui.net.sync import SyncEngine
from cm_tui.store.store import Store


def _mastodon_items(store: Store) -> list[Any]:
    return [i for i in store.repo.queue.all() if i.network == "mastodon"]


def test_first_sync_takes_mentions_replies_and_direct_messages(engine, net_store, mention) -> None:
    first = mention(text="Where is my order? <b>now</b>")
    mention(text="thanks!", in_reply_to_id=first["id"])
    mention(text="private question", visibility="direct")
    mention(author="troll", text="boo")

    report = engine.run_once()

    items = sorted(_mastodon_items(net_store), key=lambda i: int(i.external_id))
    assert [i.kind for i in items] == [
        QueueKind.MENTION,
        QueueKind.COMMENT,
        QueueKind.MESSAGE,
        QueueKind.MENTION,
    ]
    assert len(report.new_items) == 4
    assert items[0].author_handle == "@fan"
    assert items[0].author_name == "Léa Fan"
    assert items[0].external_id == str(first["id"])
    assert "Where is my order? <b>now</b>" in items[0].text  # text, not markup
    assert items[0].link
    assert items[0].deadline > items[0].received_at
    assert report.accounts[0].state == AccountState.CONNECTED
    assert engine.run_once().new_items == []


def test_hostile_display_names_and_statuses_are_cleaned(engine, net_store, mention) -> None:
    mention(author="troll", text="\x1b[2J\x1b]52;c;ZXZpbA==\x07 click \u202egnp.exe")
    engine.run_once()
    (item,) = _mastodon_items(net_store)
    for text in (item.author_name, item.text, item.author_handle):
        assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert item.author_name == "Evil"  # whole escape sequences gone, not only their ESC
    assert "[2J" not in item.text and "52;c" not in item.text and "click gnp.exe" in item.text


def test_catch_up_after_a_pause_has_no_gap_and_no_double_across_restarts(
    engine, net_store, mention, secrets, fixed_clock
) -> None:
    mention(text="before")
    engine.run_once()
    posted = [mention(text=f"night {n}")["id"] for n in range(170)]  # three pages of 80

    restarted = SyncEngine(direct(net_store), secrets, fixed_clock)
    restarted.run_once()
    again = SyncEngine(direct(net_store), secrets, fixed_clock)
    again.run_once()

    ids = [i.external_id for i in _mastodon_items(net_store)]
    assert len(ids) == len(set(ids)) == 171
    assert {str(p) for p in posted} <= set(ids)


def test_a_429_rate_limits_the_account_until_reset_then_it_goes_on(
    engine, net_store, mention, fault, fixed_clock
) -> None:
    fault("GET", "/api/v1/notifications", {"type": "ratelimit"}, count=1)
    mention(text="while limited")

    report = engine.run_once()

    (account,) = report.accounts
    assert account.state == AccountState.RATE_LIMITED
    assert account.state_until is not None
    assert any("rate-limited" in n for n in report.notices)
    assert _mastodon_items(net_store) == []
    # no call before the reset, even though the fault is gone
    assert engine.run_once().new_items == []
    fixed_clock.set(account.state_until + timedelta(seconds=1))
    report = engine.run_once()
    assert len(report.new_items) == 1
    assert report.accounts[0].state == AccountState.CONNECTED


def test_a_5xx_shows_offline_since_with_one_notice_and_retries(
    engine, net_store, mention, fault, fixed_clock
) -> None:
    fault("GET", "/api/v1/notifications", {"type": "status", "status": 503}, count=2)
    mention(text="during the outage")

    first = engine.run_once()
    fixed_clock.advance(timedelta(minutes=1))
    second = engine.run_once()

    assert first.accounts[0].state == AccountState.OFFLINE
    since = first.accounts[0].state_since
    assert second.accounts[0].state_since == since  # "offline since" does not move
    assert len(first.notices) == 1 and second.notices == []
    third = engine.run_once()
    assert third.accounts[0].state == AccountState.CONNECTED
    assert len(third.new_items) == 1


def test_a_refused_token_is_an_account_state_not_a_traceback(engine, net_store, fault) -> None:
    fault("GET", "/api/v1/notifications", {"type": "status", "status": 401})
    report = engine.run_once()
    assert report.accounts[0].state == AccountState.TOKEN_REFUSED
    assert any("add the account again" in n for n in report.notices)
    assert engine.run_once().notices == []  # no call, no new notice
