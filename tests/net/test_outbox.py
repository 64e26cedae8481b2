"""The outbox against a real local server: undo window, exactly once, failures kept."""

from __future__ import annotations

import os
import stat
from datetime import timedelta
from pathlib import Path

import requests

from cm_tui.core.models import QueueStatus
from cm_tui.core.net_records import OutboxState
from cm_tui.core.net_rules import ScheduleWay, idempotency_key, schedule_way
from cm_tui.net import outbox
from cm_tui.net.mastodon import MastodonConnector
from cm_tui.store.store import Store, export_all

from .conftest import TOKENS, client


def _replies_on_server(server, text: str) -> list[dict]:
    api = client(server, "brand")
    me = api.account_verify_credentials()
    return [s for s in api.account_statuses(me["id"], limit=40) if text in (s["content"] or "")]


def _one_item(engine, net_store, mention):
    mention(text="a question")
    engine.run_once()
    (item,) = net_store.repo.queue.all()
    (account,) = net_store.repo.accounts.all()
    return item, account


def test_a_reply_waits_for_the_undo_window_then_goes_once_and_marks_the_item(
    engine, net_store, mention, mock_server, fixed_clock
) -> None:
    item, account = _one_item(engine, net_store, mention)
    entry = outbox.put(net_store, account.key, "Merci, on regarde !", fixed_clock.now(), item=item)

    assert engine.run_once().sent == []  # still inside the undo window
    assert outbox.unsent(net_store) == [entry]
    fixed_clock.advance(timedelta(seconds=10))
    report = engine.run_once()

    assert [e.id for e in report.sent] == [entry.id]
    assert len(_replies_on_server(mock_server, "on regarde")) == 1
    replied = net_store.repo.queue.get(item.id)
    assert replied.status is QueueStatus.REPLIED
    assert replied.reply_url and replied.replied_at is not None
    assert report.unsent == 0
    assert engine.run_once().sent == []


def test_a_reply_taken_back_in_the_undo_window_never_goes(
    engine, net_store, mention, mock_server, fixed_clock
) -> None:
    item, account = _one_item(engine, net_store, mention)
    entry = outbox.put(net_store, account.key, "oops typo", fixed_clock.now(), item=item)
    assert outbox.take_back(net_store, entry.id) is not None
    fixed_clock.advance(timedelta(minutes=1))
    engine.run_once()
    assert _replies_on_server(mock_server, "oops typo") == []
    assert net_store.repo.queue.get(item.id).status is QueueStatus.NEW


def test_the_same_idempotency_key_after_a_lost_answer_makes_one_status(mock_server) -> None:
    connector = MastodonConnector(mock_server.base_url, TOKENS["brand"])
    first = connector.send("only once please", idempotency_key="cm-tui-k1")
    again = connector.send("only once please", idempotency_key="cm-tui-k1")
    assert first.remote_id == again.remote_id
    assert len(_replies_on_server(mock_server, "only once please")) == 1


def test_a_5xx_keeps_the_reply_counts_a_try_and_backs_off(
    engine, net_store, mention, mock_server, fault, fixed_clock
) -> None:
    item, account = _one_item(engine, net_store, mention)
    entry = outbox.put(
        net_store, account.key, "after the outage", fixed_clock.now(), item=item, undo_seconds=0
    )
    fault("POST", "/api/v1/statuses", {"type": "status", "status": 502}, count=1)

    report = engine.run_once()
    kept = net_store.repo.outbox.get(entry.id)
    assert report.sent == [] and kept.state is OutboxState.PENDING and kept.attempts == 1
    assert kept.send_after > fixed_clock.now()
    fixed_clock.advance(timedelta(minutes=5))
    report = engine.run_once()
    assert [e.id for e in report.sent] == [entry.id]
    assert len(_replies_on_server(mock_server, "after the outage")) == 1


def test_a_refused_reply_stays_failed_counted_and_editable(
    engine, net_store, mention, mock_server, fault, fixed_clock
) -> None:
    item, account = _one_item(engine, net_store, mention)
    entry = outbox.put(net_store, account.key, "too long?", fixed_clock.now(), item=item)
    fault("POST", "/api/v1/statuses", {"type": "status", "status": 422}, count=1)
    fixed_clock.advance(timedelta(seconds=10))

    report = engine.run_once()
    assert [e.state for e in report.failed] == [OutboxState.FAILED]
    assert report.unsent == 1 and any("refused" in n for n in report.notices)
    edited = outbox.edit(net_store, entry.id, "shorter", fixed_clock.now(), undo_seconds=0)
    assert edited is not None and edited.idempotency_key != entry.idempotency_key
    assert edited.idempotency_key == idempotency_key(edited)
    assert [e.id for e in engine.run_once().sent] == [entry.id]


def test_secrets_never_reach_the_store_its_backups_exports_or_logs(
    engine, net_store, mention, secrets, tmp_home: Path, fixed_clock, caplog
) -> None:
    item, account = _one_item(engine, net_store, mention)
    outbox.put(net_store, account.key, "hi", fixed_clock.now(), item=item, undo_seconds=0)
    caplog.set_level("DEBUG")
    engine.run_once()
    net_store.compact()
    token = TOKENS["brand"].encode()
    for path in Path(net_store.paths.folder).rglob("*"):
        if path.is_file() and path != secrets.path:
            assert token not in path.read_bytes(), path
    assert token.decode() not in repr(export_all(net_store))
    assert token.decode() not in caplog.text
    assert token.decode() not in repr(engine.connector(account))
    assert secrets.get(account.secret_ref) == TOKENS["brand"]
    assert stat.S_IMODE(os.stat(secrets.path).st_mode) == 0o600


def test_a_store_written_with_the_outbox_opens_again(net_store: Store, fixed_clock) -> None:
    (account,) = net_store.repo.accounts.all()
    outbox.put(net_store, account.key, "kept", fixed_clock.now())
    path = net_store.paths.db
    net_store.close()
    with Store.open(path, clock=fixed_clock) as again:
        assert [e.text for e in outbox.unsent(again)] == ["kept"]


def test_scheduling_is_remote_only_five_minutes_ahead_whatever_the_server_accepts(
    fixed_clock,
) -> None:
    now = fixed_clock.now()
    assert schedule_way(now + timedelta(minutes=1), now) is ScheduleWay.WAIT
    assert schedule_way(now + timedelta(minutes=5), now) is ScheduleWay.WAIT
    assert schedule_way(now + timedelta(minutes=6), now) is ScheduleWay.REMOTE
    assert schedule_way(now - timedelta(seconds=1), now) is ScheduleWay.NOW


def test_a_due_reply_leaves_before_the_pass_reads_the_inbox_backlog(
    engine, net_store, mention, mock_server, fixed_clock
) -> None:
    """A night's backlog (up to 200 pages) must not hold back a reply whose window ended."""
    item, account = _one_item(engine, net_store, mention)
    outbox.put(net_store, account.key, "sent first", fixed_clock.now(), item=item, undo_seconds=0)
    for n in range(3):
        mention(text=f"backlog {n}")
    on_server_at_first_page: list[int] = []

    def pace() -> None:
        if not on_server_at_first_page:
            on_server_at_first_page.append(len(_replies_on_server(mock_server, "sent first")))

    engine.pace = pace
    report = engine.run_once()

    assert on_server_at_first_page == [1]
    assert len(report.sent) == 1 and len(report.new_items) == 3
    assert len(_replies_on_server(mock_server, "sent first")) == 1


def test_an_outage_counts_one_try_and_the_reply_leaves_at_the_first_pass_after_it(
    engine, net_store, mention, mock_server, fault, fixed_clock
) -> None:
    """While the instance is down, passes probe it with the inbox and do not try the reply
    again: after an hour the reply has not backed off to 15 minutes, it leaves at once."""
    item, account = _one_item(engine, net_store, mention)
    entry = outbox.put(
        net_store, account.key, "after the hour", fixed_clock.now(), item=item, undo_seconds=0
    )
    for method in ("GET", "POST"):
        fault(method, "/api/v1/*", {"type": "status", "status": 503})
    for _ in range(6):  # an hour of passes, ten minutes apart
        assert engine.run_once().sent == []
        fixed_clock.advance(timedelta(minutes=10))
    assert net_store.repo.outbox.get(entry.id).attempts == 1  # the try that found it down

    requests.delete(f"{mock_server.base_url}/api/v1/_mock/faults", timeout=10)
    report = engine.run_once()
    assert [e.id for e in report.sent] == [entry.id]
    assert len(_replies_on_server(mock_server, "after the hour")) == 1
