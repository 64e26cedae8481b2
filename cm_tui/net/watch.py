"""Watch keywords on a live account (one step of the sync pass): each watched term (the
Queue's watch keywords) is looked up on the instance, a ``#hashtag`` in the tag timeline,
another term through status search where the instance allows it (``Rejected``: skipped).
Matches arrive as queue items flagged with the term (``core.mastodon_map.keyword_item``), so
the Queue's keyword alerts ring for them.

Only statuses younger than ``WATCH_WINDOW`` are taken (a new term does not pull a hashtag's
history), never the account's own, and never one the queue holds already (a mention of the
account that also carries the hashtag arrives once). See docs/architecture.md, "Connectors".
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from cm_tui.core.mastodon_map import keyword_item
from cm_tui.net.connector import Rejected

if TYPE_CHECKING:
    from cm_tui.core.models import QueueItem
    from cm_tui.core.net_records import Account
    from cm_tui.net.connector import Connector
    from cm_tui.net.sync import SyncEngine
    from cm_tui.store.store import Store

WATCH_WINDOW = timedelta(days=1)


def run(
    engine: SyncEngine,
    account: Account,
    connector: Connector,
    terms: tuple[str, ...],
    known: set[str],
) -> list[QueueItem]:
    """Look every term up; store and return the new items (``known``: external ids already
    in the queue, updated). ``NetError`` other than ``Rejected`` goes up to the pass."""
    since = engine.clock.now() - WATCH_WINDOW
    network = account.profile or account.network
    own = "@" + account.handle.lstrip("@")
    fresh: list[QueueItem] = []
    for term in terms:
        try:
            statuses = connector.watch(term)
        except Rejected:
            continue
        for status in statuses:
            item = keyword_item(status, term, policy=engine.deadline_policy, keywords=terms)
            if item is None or item.external_id in known or item.received_at < since:
                continue
            if item.author_handle.split("@")[:2] == own.split("@")[:2]:
                continue
            known.add(item.external_id)
            fresh.append(item.replace(network=network, account=account.key))
    if not fresh:
        return []

    def store_them(store: Store) -> list[QueueItem]:
        with store.transaction():
            return list(store.repo.queue.add_many(fresh))

    return engine.access(store_them)
