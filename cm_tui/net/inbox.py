"""Notifications -> queue items, written with the account's cursor in one transaction.

Contract (docs/architecture.md, "Connectors"): ``map_page`` maps a page (``core.mastodon_map``
for Mastodon; ``MAPPERS`` per network; no store: the engine runs it on its own thread);
``take_page`` drops what the queue already holds (same network and external id: a stream
event and a poll, or a page fetched twice after a kill), adds the rest and moves
``Account.cursor`` to the page's cursor, all in one store transaction. So after any kill the
store holds either the page and its cursor or neither: no gap, no double. Each item names the
account it came from (``QueueItem.account``), so its reply posts as that account.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from cm_tui.core.mastodon_map import notification_item

if TYPE_CHECKING:
    from cm_tui.core.deadline import DeadlinePolicy
    from cm_tui.core.models import QueueItem
    from cm_tui.core.net_records import Account
    from cm_tui.net.connector import InboxPage
    from cm_tui.store.store import Store

Mapper = Callable[..., "QueueItem | None"]
MAPPERS: dict[str, Mapper] = {"mastodon": notification_item}


def known_ids(store: Store, network: str) -> set[str]:
    """External ids of the queue's items of ``network`` (open and closed, not archived: an
    archived item is months old, far behind any cursor)."""
    return {
        str(doc.get("external_id"))
        for doc in store.repo.queue.hot_documents().values()
        if doc.get("network") == network and doc.get("external_id")
    }


def watch_terms(store: Store) -> tuple[str, ...]:
    return tuple(k.term for k in store.repo.keywords.all())


def map_page(
    account: Account,
    page: InboxPage,
    *,
    policy: DeadlinePolicy,
    keywords: Sequence[str] = (),
) -> list[QueueItem]:
    """The page's queue items, named after ``account`` (pure: no store, so the engine maps a
    page on its own thread and the store step on the UI thread only checks and writes)."""
    mapper = MAPPERS[account.network]
    network = account.profile or account.network
    items: list[QueueItem] = []
    for note in page.notifications:
        item = mapper(note, policy=policy, keywords=keywords)
        if item is not None:
            items.append(item.replace(network=network, account=account.key))
    return items


def take_page(
    store: Store,
    account: Account,
    page: InboxPage,
    *,
    policy: DeadlinePolicy,
    keywords: Sequence[str] = (),
    known: set[str] | None = None,
    items: Sequence[QueueItem] | None = None,
) -> list[QueueItem]:
    """Store the page's new items (``items``: the page mapped by ``map_page`` already) and the
    cursor after it, in one transaction (one journal write, one fsync); return the items
    added."""
    mapped = map_page(account, page, policy=policy, keywords=keywords) if items is None else items
    network = account.profile or account.network
    seen = known if known is not None else known_ids(store, network)
    fresh: list[QueueItem] = []
    for item in mapped:
        if item.external_id in seen:
            continue
        seen.add(item.external_id)
        fresh.append(item)
    with store.transaction():
        added = store.repo.queue.add_many(fresh) if fresh else []
        current = store.repo.accounts.get(account.id)
        if current is not None and page.cursor and current.cursor != page.cursor:
            store.repo.accounts.update(current.replace(cursor=page.cursor))
    return list(added)
