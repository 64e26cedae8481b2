"""``mastodon-mock`` set up as a Mastodon instance serves a backlog, for the backlog figures.

The mock is a faithful API but a slow server in three ways a Mastodon instance is not, and each
made ``backlog_sync_s`` measure the mock rather than cm-tui:

* pages: the mock caps every list at 40; Mastodon serves up to 80 notifications a page;
* indexes: Mastodon's ``statuses`` table is indexed on ``account_id`` with ``created_at`` and
  ``visibility``, ``in_reply_to_id`` and ``reblog_of_id``; without them the mock scans every
  status of the author for each account it serialises (its ``last_status_at``, its counts), so
  a page's time grew with the backlog;
* preloading: Mastodon renders a page of notifications from one preloaded collection (its
  statuses, their authors and counters, loaded a page at a time), while the mock's
  notifications endpoint serialises each row alone, about 20 queries a notification. The mock
  has the batch path for timelines (``serializers.batch.build_status_context``, its "F1");
  ``preload_notification_pages`` makes the notifications endpoint use that same path for its
  page. The JSON is the same, field for field (``tests/perf/test_mock_instance.py``).

Light imports only at top level (the harness imports this module in measured processes).
"""

from __future__ import annotations

import threading
from typing import Any

#: notifications a page: Mastodon's maximum (the engine asks for as many, sync_pass.PAGE_SIZE)
PAGE = 80

#: the indexes of a Mastodon database the mock lacks
INDEXES = (
    "CREATE INDEX IF NOT EXISTS bench_statuses_account_created"
    " ON statuses (account_id, created_at)",
    "CREATE INDEX IF NOT EXISTS bench_statuses_account_visibility"
    " ON statuses (account_id, visibility)",
    "CREATE INDEX IF NOT EXISTS bench_statuses_in_reply_to ON statuses (in_reply_to_id)",
    "CREATE INDEX IF NOT EXISTS bench_statuses_reblog ON statuses (reblog_of_id, account_id)",
)


def as_instance(server: Any) -> None:
    """Pages, indexes and preloading of a Mastodon instance on the running ``server``
    (a ``mastodon_mock.testing.MockServer`` serving from this process)."""
    from mastodon_mock import pagination
    from sqlalchemy import text

    pagination.MAX_LIMIT = PAGE  # read at each request: this process serves the pages
    engine = server._server.config.app.state.session_factory().get_bind()
    with engine.begin() as connection:
        for statement in INDEXES:
            connection.execute(text(statement))
    preload_notification_pages()


class _Page(threading.local):
    """The page the notifications endpoint of this thread is serialising (FastAPI runs a sync
    endpoint in a worker thread, paging then serialising each row), and its batch."""

    session: Any = None
    items: frozenset[int] = frozenset()
    statuses: list[Any] | None = None
    batch: Any = None


def preload_notification_pages() -> None:
    """The notifications endpoint serialises its page through one batch of grouped queries.

    ``paginate`` notes the page's notifications; ``serialize_notification`` then serialises a
    noted row with the batch built once for the page (its statuses, their authors and their
    counters), and anything else exactly as the mock does."""
    from mastodon_mock.routers import notifications as routes

    if getattr(routes.serialize_notification, "preloads", False):
        return
    page = _Page()
    paginate, serialize = routes.paginate, routes.serialize_notification

    def paginate_noting(db: Any, *args: Any, **kwargs: Any) -> Any:
        result = paginate(db, *args, **kwargs)
        page.session, page.items, page.batch = db, frozenset(n.id for n in result.items), None
        page.statuses = [n.status_id for n in result.items if n.status_id is not None]
        return result

    def serialize_preloaded(session: Any, notification: Any, config: Any, viewer: Any, **kw: Any):  # type: ignore[no-untyped-def]
        if page.session is not session or notification.id not in page.items:
            return serialize(session, notification, config, viewer, **kw)
        if page.batch is None:
            page.batch = _batch(session, page.statuses or [], viewer)
        return _serialize(session, notification, config, viewer, page.batch, **kw)

    serialize_preloaded.preloads = True  # type: ignore[attr-defined]
    routes.paginate = paginate_noting
    routes.serialize_notification = serialize_preloaded


def _batch(session: Any, status_ids: list[int], viewer: Any) -> Any:
    """The page's statuses and their authors loaded at once (the session's identity map then
    answers each row's lookups), and the mock's batch of their counters and flags."""
    from mastodon_mock.db.models import Account, Status
    from mastodon_mock.serializers.batch import build_status_context
    from sqlalchemy import select

    statuses = list(session.scalars(select(Status).where(Status.id.in_(status_ids))))
    authors = {s.account_id for s in statuses}
    list(session.scalars(select(Account).where(Account.id.in_(authors))))
    return build_status_context(session, statuses, viewer)


def _serialize(
    session: Any,
    notification: Any,
    config: Any,
    viewer: Any,
    batch: Any,
    *,
    filter_context: str | None = None,
) -> dict[str, Any]:
    """``mastodon_mock.serializers.notifications.serialize_notification`` with the page's
    batch handed to the status and account serialisers (which take it: their ``ctx``)."""
    from mastodon_mock.db.models import Account, Status
    from mastodon_mock.serializers.accounts import serialize_account
    from mastodon_mock.serializers.common import iso, sid
    from mastodon_mock.serializers.statuses import serialize_status

    from_account = session.get(Account, notification.from_account_id)
    status_data = None
    if notification.status_id is not None:
        status = session.get(Status, notification.status_id)
        if status is not None:
            status_data = serialize_status(
                session, status, config, viewer, ctx=batch, filter_context=filter_context
            )
    account = serialize_account(session, from_account, config, ctx=batch) if from_account else None
    return {
        "id": sid(notification.id),
        "type": notification.type,
        "created_at": iso(notification.created_at),
        "account": account,
        "status": status_data,
        "group_key": f"ungrouped-{notification.id}",
    }
