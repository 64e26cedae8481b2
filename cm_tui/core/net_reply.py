"""What the UI says about replies that go out through a connector: pure, no store, no network.

* ``outbox_marks``: the unsent outbox entries by queue item (the newest one per item), so the
  Queue marks an item whose reply waits or was refused, and the header counts them.
* ``mark_glyph``: the glyph of such an item in the list.
* ``reply_draft``: the text of a reply taken back (``u``) or cancelled, so ``r`` on its item
  opens on it again: the outbox keeps the cancelled entry, which is the item's stored draft.

See docs/architecture.md, "Connectors" and "Live accounts in the app".
"""

from __future__ import annotations

from collections.abc import Iterable

from cm_tui.core.models import QueueItem
from cm_tui.core.net_records import OutboxEntry, OutboxState
from cm_tui.core.net_rules import reply_text

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
