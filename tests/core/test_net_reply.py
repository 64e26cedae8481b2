"""What the UI says about replies through the outbox (``core/net_reply.py``): pure."""

from __future__ import annotations

from datetime import timedelta

from cm_tui.core.models import QueueItem, QueueKind
from cm_tui.core.net_records import Account, AccountState, OutboxEntry, OutboxState
from cm_tui.core.net_reply import OutboxStatus, outbox_status, reply_draft
from cm_tui.core.net_rules import reply_text
from tests.conftest import FIXED_NOW


def _item() -> QueueItem:
    return QueueItem(
        kind=QueueKind.MENTION,
        network="mastodon",
        author_handle="@fan",
        text="hello",
        received_at=FIXED_NOW,
        deadline=FIXED_NOW + timedelta(hours=1),
        id=7,
    )


def _entry(text: str, state: OutboxState, minutes: int = 0, entry_id: int = 1) -> OutboxEntry:
    return OutboxEntry(
        account="mastodon:brand@host",
        text=reply_text(_item(), text),
        created_at=FIXED_NOW + timedelta(minutes=minutes),
        send_after=FIXED_NOW + timedelta(minutes=minutes, seconds=10),
        idempotency_key="k",
        queue_item=7,
        state=state,
        id=entry_id,
    )


def test_a_reply_taken_back_is_the_draft_as_typed() -> None:
    assert reply_draft([_entry("merci", OutboxState.CANCELLED)], _item()) == "merci"


def test_the_draft_sent_as_it_stands_is_the_same_reply() -> None:
    draft = reply_draft([_entry("@fan merci", OutboxState.CANCELLED)], _item())
    assert reply_text(_item(), draft) == "@fan merci"
    kept = reply_draft([_entry("merci @fan", OutboxState.CANCELLED)], _item())
    assert kept == "merci @fan"  # the handle the user typed stays where they put it


def test_no_draft_when_the_newest_reply_waits_or_went_out() -> None:
    taken_back = _entry("first", OutboxState.CANCELLED, 0, 1)
    assert reply_draft([taken_back, _entry("second", OutboxState.SENT, 1, 2)], _item()) == ""
    assert reply_draft([taken_back, _entry("second", OutboxState.PENDING, 1, 2)], _item()) == ""
    assert reply_draft([], _item()) == ""
    other = _entry("other", OutboxState.CANCELLED).replace(queue_item=8)
    assert reply_draft([other], _item()) == ""


def _account(state: AccountState, **kwargs: object) -> Account:
    return Account(
        key="mastodon:brand@host",
        network="mastodon",
        instance="https://host",
        handle="brand",
        state=state,
        **kwargs,  # type: ignore[arg-type]
    )


def test_an_unsent_reply_never_reads_as_due_at_a_past_time() -> None:
    entry = _entry("merci", OutboxState.PENDING)  # undo window ends at FIXED_NOW + 10 s
    now = FIXED_NOW + timedelta(minutes=5)
    soon = now + timedelta(seconds=30)
    connected = _account(AccountState.CONNECTED)
    offline = _account(AccountState.OFFLINE, state_detail="no connection")

    assert outbox_status(entry, connected, FIXED_NOW, soon).kind == "pending"
    assert outbox_status(entry, connected, FIXED_NOW, soon).at == entry.send_after
    assert outbox_status(entry, connected, now, soon) == OutboxStatus("sending")
    assert outbox_status(entry, offline, now, soon) == OutboxStatus(
        "offline", soon, "no connection"
    )
    assert outbox_status(entry, offline, now, now - timedelta(seconds=1)).at is None
    limited = _account(AccountState.RATE_LIMITED, state_until=now + timedelta(minutes=3))
    assert outbox_status(entry, limited, now, soon).at == now + timedelta(minutes=3)
    assert outbox_status(entry, _account(AccountState.TOKEN_REFUSED), now, soon).at is None
    tried = entry.replace(attempts=2, last_error="x", send_after=now + timedelta(seconds=40))
    assert outbox_status(tried, connected, now, soon) == OutboxStatus(
        "retrying", now + timedelta(seconds=40), "x"
    )
    failed = entry.replace(state=OutboxState.FAILED, last_error="refused (422)")
    assert outbox_status(failed, offline, now, soon).kind == "failed"
