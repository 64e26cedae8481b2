"""A queue item's identity for the duplicate check, as 64-bit keys.

The import skips a row whose identity is already stored (hot table or archives), and the
archive's month summaries (``store/archive_summary.py``) record the identities of what they
sealed, so both must compute them the same way: this module is that one way.
"""

from __future__ import annotations

import hashlib

from cm_tui.core.models import QueueItem


def key_of(text: str) -> int:
    """A 64-bit key of ``text`` (never 0, the empty slot of ``io.keyset.KeySet``)."""
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little") or 1


def dedupe_key(item: QueueItem) -> int:
    """The item's identity: network + external id + author + text, else (no id) network +
    author + instant + text."""
    if item.external_id:
        raw = f"id\0{item.network}\0{item.external_id}\0{item.author_handle}\0{item.text}"
    else:
        raw = (
            f"h\0{item.network}\0{item.author_handle}\0{item.received_at.isoformat()}\0{item.text}"
        )
    return key_of(raw)


def id_key(item: QueueItem) -> int:
    """The key of the item's network + external id alone (0 without an id): a row whose id is
    known but whose ``dedupe_key`` is not reuses that id for other content."""
    return key_of(f"i\0{item.network}\0{item.external_id}") if item.external_id else 0
