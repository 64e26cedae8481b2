"""The outbox: replies (and posts) written to the store before anything goes on the wire,
sent after an undo window, once, whatever happens in between.

Contract (docs/architecture.md, "Connectors"):

* ``put`` writes the entry (state ``pending``, ``send_after = now + undo``, its
  ``idempotency_key``) in one journalled transaction and returns it: once it returned, the
  reply is never lost (a kill, a crash, a full restart: the next pass sends it).
* ``take_back`` (the ``u`` of the undo window) and ``cancel`` mark it ``cancelled``; ``edit``
  changes the text of a pending or failed entry, gives it a new key (a new reply) and a new
  undo window. None of them can race a send: the state is re-read in the write step.
* ``send_due`` sends each pending entry whose ``send_after`` passed, through the account's
  connector, with its key. Success: in ONE transaction the entry becomes ``sent`` (remote id,
  URL, the server's time) and its queue item ``replied`` (``reply_text``, ``replied_at`` = the
  server's time, ``reply_url``). Kill between the server's answer and that write: the next pass
  sends again with the same key, the server answers with the same status; nothing doubles.
* A failure never drops an entry: ``Offline``/``ServerError``/``RateLimited`` count an
  attempt and move ``send_after`` by ``core.net_rules.backoff``; ``Rejected`` marks it
  ``failed`` (kept, counted, editable); ``TokenRefused`` leaves it pending for when the account
  is added again. ``unsent`` is what the header counts ("1 reply not sent").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING

from cm_tui.core.net_records import OutboxEntry, OutboxState
from cm_tui.core.net_rules import backoff, idempotency_key, reply_text, reply_visibility

if TYPE_CHECKING:
    from cm_tui.core.models import QueueItem
    from cm_tui.net.access import StoreAccess
    from cm_tui.net.connector import Connector, NetError, Sent
    from cm_tui.store.store import Store


@dataclass
class SendReport:
    sent: list[OutboxEntry] = field(default_factory=list)
    failed: list[OutboxEntry] = field(default_factory=list)
    errors: list[tuple[str, NetError]] = field(default_factory=list)  # (account key, error)


def put(
    store: Store,
    account: str,
    text: str,
    now: datetime,
    *,
    undo_seconds: float = 10,
    item: QueueItem | None = None,
    visibility: str = "",
) -> OutboxEntry:
    """Write a reply to ``item`` (or a post when ``None``) in the outbox; see the contract.
    ``visibility`` empty: that of the item (``core.net_rules.reply_visibility``), ``public``
    for a post."""
    if not visibility:
        visibility = reply_visibility(item) if item is not None else "public"
    entry = OutboxEntry(
        account=account,
        text=reply_text(item, text) if item is not None else text,
        created_at=now,
        send_after=now + timedelta(seconds=undo_seconds),
        idempotency_key="",
        queue_item=item.id if item is not None else 0,
        in_reply_to=item.external_id if item is not None else "",
        visibility=visibility,
    )
    entry = entry.replace(idempotency_key=idempotency_key(entry))
    with store.transaction():
        return store.repo.outbox.add(entry)


def _change(
    store: Store, entry_id: int, fn: Callable[[OutboxEntry], OutboxEntry | None]
) -> OutboxEntry | None:
    with store.transaction():
        current = store.repo.outbox.get(entry_id)
        if current is None:
            return None
        changed = fn(current)
        if changed is None:
            return None
        return store.repo.outbox.update(changed)


def take_back(store: Store, entry_id: int) -> OutboxEntry | None:
    """Cancel a pending entry that has not been sent; ``None`` when it is too late (sent) or
    gone. The queue item is left as it was."""
    return cancel(store, entry_id)


def cancel(store: Store, entry_id: int) -> OutboxEntry | None:
    """Mark a pending or failed entry cancelled (kept in the table, never sent)."""

    def fn(entry: OutboxEntry) -> OutboxEntry | None:
        if entry.state not in (OutboxState.PENDING, OutboxState.FAILED):
            return None
        return entry.replace(state=OutboxState.CANCELLED)

    return _change(store, entry_id, fn)


def edit(
    store: Store, entry_id: int, text: str, now: datetime, *, undo_seconds: float = 10
) -> OutboxEntry | None:
    """New text for a pending or failed entry: a new key, a new undo window, tries reset."""

    def fn(entry: OutboxEntry) -> OutboxEntry | None:
        if entry.state not in (OutboxState.PENDING, OutboxState.FAILED):
            return None
        changed = entry.replace(
            text=text,
            created_at=now,
            send_after=now + timedelta(seconds=undo_seconds),
            state=OutboxState.PENDING,
            attempts=0,
            last_error="",
        )
        return changed.replace(idempotency_key=idempotency_key(changed))

    return _change(store, entry_id, fn)


def unsent(store: Store) -> list[OutboxEntry]:
    """Pending and failed entries, oldest first (the header's "N replies not sent")."""
    return [
        e for e in store.repo.outbox.all() if e.state in (OutboxState.PENDING, OutboxState.FAILED)
    ]


def due(store: Store, now: datetime, accounts: Iterable[str] | None = None) -> list[OutboxEntry]:
    """Pending entries whose ``send_after`` passed (of ``accounts`` when given)."""
    wanted = set(accounts) if accounts is not None else None
    return [
        e
        for e in unsent(store)
        if e.state == OutboxState.PENDING
        and e.send_after <= now
        and (wanted is None or e.account in wanted)
    ]


def send_due(
    access: StoreAccess,
    connectors: Callable[[str], Connector | None],
    now: Callable[[], datetime],
) -> SendReport:
    """Send what is due; see the contract. ``connectors(account_key)`` gives the account's
    connector, or ``None`` when it cannot be used now (rate-limited, token refused)."""
    from cm_tui.net.connector import NetError, Rejected, TokenRefused

    report = SendReport()
    blocked: set[str] = set()
    for entry in access(lambda store: due(store, now())):
        if entry.account in blocked:
            continue
        connector = connectors(entry.account)
        if connector is None:
            blocked.add(entry.account)
            continue
        try:
            sent = connector.send(
                entry.text,
                idempotency_key=entry.idempotency_key,
                in_reply_to=entry.in_reply_to,
                visibility=entry.visibility,
            )
        except Rejected as exc:
            failed = access(partial(_mark_failed, entry_id=entry.id, detail=exc.detail))
            if failed is not None:
                report.failed.append(failed)
            report.errors.append((entry.account, exc))
            continue
        except TokenRefused as exc:
            blocked.add(entry.account)
            report.errors.append((entry.account, exc))
            continue
        except NetError as exc:
            blocked.add(entry.account)
            at = now()
            access(partial(_count_try, entry_id=entry.id, detail=exc.detail, now=at))
            report.errors.append((entry.account, exc))
            continue
        at = sent.at or now()
        done = access(partial(_mark_sent, entry_id=entry.id, sent=sent, at=at))
        if done is not None:
            report.sent.append(done)
    return report


def _count_try(store: Store, entry_id: int, detail: str, now: datetime) -> OutboxEntry | None:
    def fn(entry: OutboxEntry) -> OutboxEntry | None:
        if entry.state != OutboxState.PENDING:
            return None
        attempts = entry.attempts + 1
        return entry.replace(
            attempts=attempts, last_error=detail, send_after=now + backoff(attempts)
        )

    return _change(store, entry_id, fn)


def _mark_failed(store: Store, entry_id: int, detail: str) -> OutboxEntry | None:
    def fn(entry: OutboxEntry) -> OutboxEntry | None:
        if entry.state != OutboxState.PENDING:
            return None
        return entry.replace(
            state=OutboxState.FAILED, attempts=entry.attempts + 1, last_error=detail
        )

    return _change(store, entry_id, fn)


def _mark_sent(store: Store, entry_id: int, sent: Sent, at: datetime) -> OutboxEntry | None:
    """Entry ``sent`` and its queue item ``replied``, in one transaction. The server's answer
    wins over a cancel that raced it: the reply exists, so the store says so."""
    from cm_tui.core.models import QueueStatus
    from cm_tui.core.queue import mark_replied

    with store.transaction():
        entry = store.repo.outbox.get(entry_id)
        if entry is None or entry.state == OutboxState.SENT:
            return None
        entry = store.repo.outbox.update(
            entry.replace(
                state=OutboxState.SENT,
                remote_id=sent.remote_id,
                remote_url=sent.url,
                sent_at=at,
                last_error="",
            )
        )
        item = store.repo.queue.get(entry.queue_item) if entry.queue_item else None
        if item is not None and item.status is not QueueStatus.REPLIED:
            replied = mark_replied(item, at, entry.text)
            store.repo.queue.update(replied.replace(reply_url=sent.url))
        return entry


__all__ = [
    "SendReport",
    "backoff",
    "cancel",
    "due",
    "edit",
    "put",
    "send_due",
    "take_back",
    "unsent",
]
