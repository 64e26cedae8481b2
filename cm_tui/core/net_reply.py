"""What the UI says about replies that go out through a connector: pure, no store, no network.

* ``outbox_marks``: the unsent outbox entries by queue item (the newest one per item), so the
  Queue marks an item whose reply waits or was refused, and the header counts them.
* ``mark_glyph``: the glyph of such an item in the list.
* ``outbox_status``: what the Queue's detail says of an unsent reply: waiting for its undo
  window, going out, not sent yet because the account is offline / rate-limited / refused
  (with the reason and the next try), or refused. A time it gives is never in the past: a
  moment already gone reads "in a moment", never a stale "after 20:29:58".
* ``reply_draft``: the text of a reply taken back (``u``) or cancelled, so ``r`` on its item
  opens on it again: the outbox keeps the cancelled entry, which is the item's stored draft.

See docs/architecture.md, "Connectors" and "Live accounts in the app".
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from cm_tui.core.models import QueueItem
from cm_tui.core.net_records import Account, AccountState, OutboxEntry, OutboxState
from cm_tui.core.net_rules import reply_text
from cm_tui.core.value import Value, frozen

#: glyph of an item whose reply waits in the outbox (undo window, retry) / was refused
PENDING_GLYPH = "↗"
FAILED_GLYPH = "⚠"


def outbox_marks(entries: Iterable[OutboxEntry]) -> dict[int, OutboxEntry]:
    """Queue item id -> its newest pending or failed entry (entries of no item are left out)."""
    marks: dict[int, OutboxEntry] = {}
    for entry in entries:
        if not entry.queue_item or entry.state not in (OutboxState.PENDING, OutboxState.FAILED):
            continue
        known = marks.get(entry.queue_item)
        if known is None or (entry.created_at, entry.id) >= (known.created_at, known.id):
            marks[entry.queue_item] = entry
    return marks


def mark_glyph(entry: OutboxEntry | None) -> str:
    if entry is None:
        return ""
    return FAILED_GLYPH if entry.state == OutboxState.FAILED or entry.attempts else PENDING_GLYPH


def reply_draft(entries: Iterable[OutboxEntry], item: QueueItem) -> str:
    """The text ``r`` on ``item`` starts from when its newest outbox entry was taken back or
    cancelled (empty otherwise: a reply sent or waiting is not a draft). The author's handle
    that ``core.net_rules.reply_text`` put in front is left out again, so the user sees what
    they typed; sending it as it stands puts the same handle back (``reply_text`` of the
    draft is the entry's text)."""
    newest: OutboxEntry | None = None
    for entry in entries:
        if entry.queue_item != item.id or not item.id:
            continue
        if newest is None or (entry.created_at, entry.id) >= (newest.created_at, newest.id):
            newest = entry
    if newest is None or newest.state is not OutboxState.CANCELLED:
        return ""
    text = newest.text
    handle = item.author_handle.strip()
    if handle and text.startswith(handle + " "):
        typed = text[len(handle) + 1 :]
        if reply_text(item, typed) == text:
            return typed
    return text


@frozen
class OutboxStatus(Value):
    """What to say of an unsent reply. ``kind``: ``failed`` (refused for good), ``token``
    (the account's token refused: nothing goes until it is added again), ``offline``,
    ``rate_limited``, ``retrying`` (tries failed, account reachable again), ``pending`` (in
    its undo window, ``at`` its end), ``sending`` (due: the engine sends it now). ``at``: the
    next try, always after ``now``; ``None`` when it is due at once or never (token)."""

    kind: str
    at: datetime | None = None
    detail: str = ""


def next_try(entry: OutboxEntry, now: datetime, next_pass: datetime | None) -> datetime | None:
    """When the engine tries ``entry`` again: its ``send_after`` (undo window or backoff: the
    engine wakes then) while ahead, else its next pass; ``None`` when that moment is gone."""
    if entry.send_after > now:
        return entry.send_after
    if next_pass is not None and next_pass > now:
        return next_pass
    return None


def outbox_status(
    entry: OutboxEntry, account: Account | None, now: datetime, next_pass: datetime | None
) -> OutboxStatus:
    """See ``OutboxStatus``. ``account``: the entry's account as the last pass left it;
    ``next_pass``: when the engine's next pass is due (``None``: unknown)."""
    if entry.state is OutboxState.FAILED:
        return OutboxStatus("failed", detail=entry.last_error)
    state = account.state if account is not None else AccountState.UNKNOWN
    detail = account.state_detail if account is not None else ""
    if state is AccountState.TOKEN_REFUSED:
        return OutboxStatus("token", detail=detail)
    at = next_try(entry, now, next_pass)
    if state is AccountState.OFFLINE:
        return OutboxStatus("offline", at, detail or entry.last_error)
    if state is AccountState.RATE_LIMITED and account is not None:
        until = account.state_until
        if until is not None and until > now and (at is None or until > at):
            at = until
        return OutboxStatus("rate_limited", at, detail)
    if entry.attempts:
        return OutboxStatus("retrying", at, entry.last_error)
    if entry.send_after > now:
        return OutboxStatus("pending", entry.send_after)
    return OutboxStatus("sending")
