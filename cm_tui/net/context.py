"""Thread context for the detail pane: the status an item answers, fetched on demand.

``parent_of(connector, item)`` -> the ``StatusView`` (``core.mastodon_map``: pure, sanitised)
of the status ``item`` answers, or ``None`` when it answers none. It blocks on the network:
the app calls it from a worker (``engine.connector(account)`` gives the connector of the
item's account: ``net.accounts.for_item``) and shows the result; a ``NetError`` (one line) means
"no context now". See docs/architecture.md, "Connectors".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cm_tui.core.mastodon_map import StatusView, status_view

if TYPE_CHECKING:
    from cm_tui.core.models import QueueItem
    from cm_tui.net.connector import Connector


def view(connector: Connector, remote_id: str) -> StatusView | None:
    """One status, mapped (``None``: not a usable status)."""
    return status_view(connector.status(remote_id))


def parent_of(connector: Connector, item: QueueItem) -> StatusView | None:
    """The status ``item`` answers (see the module docstring)."""
    if not item.external_id:
        return None
    own = view(connector, item.external_id)
    if own is None or not own.in_reply_to:
        return None
    return view(connector, own.in_reply_to)
