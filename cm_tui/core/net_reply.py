"""What the UI says about replies that go out through a connector: pure, no store, no network.

* ``outbox_marks``: the unsent outbox entries by queue item (the newest one per item), so the
  Queue marks an item whose reply waits or was refused, and the header counts them.
* ``mark_glyph``: the glyph of such an item in the list.

See docs/architecture.md, "Connectors" and "Live accounts in the app".
"""

from __future__ import annotations

from collections.abc import Iterable

from cm_tui.core.net_records import OutboxEntry, OutboxState

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
