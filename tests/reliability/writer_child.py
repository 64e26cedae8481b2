"""The process the kill -9 loop kills: writes forever, reports each durable write on stdout.

Usage: ``python -m tests.reliability.writer_child STORE_JSON``

Write number ``n`` is one transaction that (1) adds queue item ``w<n>``, (2) deletes item
``w<n - KEEP>`` so the store stays small, (3) updates item ``w<n-1>``'s notes to ``u<n>``,
(4) sets pref ``counter`` to ``n`` and, every ``BULK_EVERY`` writes, (5) replaces the whole
hashtag table by ``BULK_SIZE`` tags ``b<n>-<i>``: more documents than the snapshot threshold, so
that path (full snapshot + journal reset) is killed too. The store is opened with a tiny
``compact_entries`` so compactions are killed as well. ``done <n>`` is printed only after the
write returned, i.e. once it is durable; ``expected_state(counter)`` is what a reopen must show.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta

from cm_tui.core.models import Hashtag, QueueItem
from cm_tui.store import Store
from cm_tui.store.storage import SNAPSHOT_THRESHOLD

KEEP = 40
BULK_EVERY = 25
BULK_SIZE = SNAPSHOT_THRESHOLD + 1
COMPACT_ENTRIES = 15
T0 = datetime(2026, 1, 1, tzinfo=UTC)


def item(n: int) -> QueueItem:
    return QueueItem(
        kind="comment",
        network="facebook",
        author_handle=f"@u{n}",
        text=f"w{n}",
        received_at=T0 + timedelta(minutes=n),
        deadline=T0 + timedelta(minutes=n + 60),
    )


def expected_state(counter: int) -> tuple[set[str], dict[str, str], str | None]:
    """(queue texts, notes by text, bulk hashtag prefix) after write ``counter``."""
    texts = {f"w{i}" for i in range(max(1, counter - KEEP + 1), counter + 1)}
    notes = {f"w{counter - 1}": f"u{counter}"} if counter >= 2 else {}
    bulk = counter - counter % BULK_EVERY
    return texts, notes, (f"b{bulk}-" if bulk else None)


def write_forever(store: Store) -> None:
    repo = store.repo
    n = repo.prefs.get("counter", 0)
    ids = {i.text: i.id for i in repo.queue.all()}
    while True:
        n += 1
        with store.transaction():
            ids[f"w{n}"] = repo.queue.add(item(n)).id
            old = ids.pop(f"w{n - KEEP}", None)
            if old is not None:
                repo.queue.delete(old)
            previous = ids.get(f"w{n - 1}")
            if previous is not None:
                repo.queue.update(repo.queue.get(previous).replace(notes=f"u{n}"))
            if n % BULK_EVERY == 0:
                repo.hashtags.delete_many([h.id for h in repo.hashtags.all()])
                repo.hashtags.add_many(Hashtag(tag=f"b{n}-{i}") for i in range(BULK_SIZE))
            repo.prefs.set("counter", n)
        print(f"done {n}", flush=True)


def main() -> None:
    store = Store.open(sys.argv[1], compact_entries=COMPACT_ENTRIES)
    write_forever(store)


if __name__ == "__main__":
    main()
