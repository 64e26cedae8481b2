"""The connector interface: what the sync engine asks of any network (Mastodon now, Bluesky
next), the errors a connector raises and the plain values it returns.

Contract:

* A connector is built for one account (``registry.connector_for``) and holds its client; it
  never touches the store. Every call blocks (run it in a worker thread in the app).
* Every failure is a ``NetError`` subclass carrying a one-line, user-readable ``detail``
  (never a traceback, never the token): ``Offline`` (no connection, timeout), ``ServerError``
  (5xx), ``RateLimited`` (``retry_after`` seconds, from ``Retry-After`` or
  ``X-RateLimit-Reset``), ``TokenRefused`` (401/403), ``Rejected`` (4xx on one request: the
  entry is wrong, retrying will not help). The engine turns them into account states
  (``core.net_state``) and outbox/publication states.
* The words: ``error_for_status`` (an HTTP error status) and ``transport_error`` (no
  connection, timeout) build every ``NetError`` a connector raises, their ``detail`` from the
  one mapping ``core.net_rules.reason_text`` (short, translated). The library's own text (hosts,
  ports, exception names) goes to the ``cm_tui.net`` debug log only, the token cut out.
* Inbox pages come oldest first, with ids as text; ``cursor`` is the newest id seen, passed as
  ``since`` next time (``min_id`` paging: no gap, no duplicate).
* ``send`` carries the entry's idempotency key: calling it again for the same key after a
  timeout or a kill returns the status made the first time, never a second one.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from cm_tui.core.net_rules import Reason, reason_of_status, reason_text

log = logging.getLogger("cm_tui.net")

#: ``access_token=…`` (or another secret parameter) in a URL a library quotes in its error
_TOKEN_IN_URL = re.compile(r"\b(access_token|token|code|client_secret)=[^&\s'\"()]+")


class NetError(Exception):
    """A network call failed; ``detail`` is one line for the user (no secret in it)."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail)
        self.detail = detail


class Offline(NetError):
    """No connection, DNS failure, timeout: retry with backoff."""


class ServerError(NetError):
    """The instance answered 5xx: retry with backoff."""


class RateLimited(NetError):
    """429 (or no requests left): nothing is sent for ``retry_after`` seconds (from
    ``Retry-After`` / ``X-RateLimit-Reset``). Seconds, not an instant: the engine adds them to
    its own clock."""

    def __init__(self, detail: str = "", retry_after: float = 60.0) -> None:
        super().__init__(detail)
        self.retry_after = retry_after


class TokenRefused(NetError):
    """401/403: the token was revoked or lacks a scope; the user must add the account again."""


class Rejected(NetError):
    """The instance refused this one request (422, 404...): retrying the same will not help."""


def error_for_status(
    status: int | None, *, said: str = "", retry_after: float = 60.0, raw: str = ""
) -> NetError:
    """The ``NetError`` of an HTTP error answer: 401/403 ``TokenRefused``, 429
    ``RateLimited(retry_after)``, 5xx ``ServerError``, no status (an answer that is not the
    API's) ``ServerError``, another 4xx ``Rejected`` (``said``: the instance's reason, one
    clean line). ``raw``: the library's text, for the debug log only."""
    if raw:
        log.debug("HTTP %s: %s", status, raw)
    if status is None:
        return ServerError(reason_text(Reason.UNREADABLE))
    reason = reason_of_status(status)
    detail = reason_text(reason, status, said if reason is Reason.REFUSED else "")
    if reason is Reason.TOKEN:
        return TokenRefused(detail)
    if reason is Reason.RATE_LIMITED:
        return RateLimited(detail, retry_after)
    if reason is Reason.SERVER:
        return ServerError(detail)
    return Rejected(detail)


def transport_error(exc: BaseException, *, secret: str = "") -> Offline:
    """The ``Offline`` of a call that got no answer: ``Reason.TIMEOUT`` when a timeout is in
    the exception's chain, else ``Reason.OFFLINE``. The exception's text is logged (debug)
    with ``secret`` cut out, never shown."""
    timed_out = False
    seen: BaseException | None = exc
    for _ in range(8):  # the library wraps the transport's error: look down the chain
        if seen is None:
            break
        if isinstance(seen, TimeoutError) or "timeout" in type(seen).__name__.lower():
            timed_out = True
            break
        seen = seen.__cause__ or seen.__context__
    raw = f"{type(exc).__name__}: {exc}"
    if secret:
        raw = raw.replace(secret, "***")
    raw = _TOKEN_IN_URL.sub(r"\1=***", raw)  # a token in a query string, wherever it came from
    log.debug("no answer: %s", raw)
    return Offline(reason_text(Reason.TIMEOUT if timed_out else Reason.OFFLINE))


@dataclass
class InboxPage:
    """Raw API objects (dicts as the network gives them), oldest first, and the cursor after
    them. ``more``: the backlog has more pages after this one."""

    notifications: list[dict[str, Any]] = field(default_factory=list)
    cursor: str = ""
    more: bool = False


@dataclass
class Sent:
    """A status that exists on the server (a reply, a post, or a scheduled status)."""

    remote_id: str
    url: str = ""
    at: datetime | None = None
    scheduled: bool = False


@dataclass
class Profile:
    """Who the token acts as, and the figures sampled for Stats."""

    handle: str
    display_name: str = ""
    followers: int = 0
    url: str = ""


@dataclass
class OwnStatus:
    """One of the account's own statuses and its figures (Stats' per-post facts)."""

    remote_id: str
    url: str
    at: datetime
    text: str = ""
    replies: int = 0
    boosts: int = 0
    favourites: int = 0


@dataclass
class OwnStatusFigures:
    """Replies, boosts and favourites of the account's own statuses created in one month
    (``statuses``: each of them)."""

    month: str
    posts: int = 0
    replies: int = 0
    boosts: int = 0
    favourites: int = 0
    statuses: list[OwnStatus] = field(default_factory=list)


class Connector(Protocol):
    """One account on one network. See the module docstring for the contract."""

    network: str

    def verify(self) -> Profile:
        """Check the token; the account it acts as."""
        ...

    def inbox_page(self, since: str, limit: int = 40) -> InboxPage:
        """The next page of mentions (and direct messages) newer than ``since`` (empty: the
        latest page only, so a new account does not pull its whole history)."""
        ...

    def stream(self, on_event: Callable[[dict[str, Any]], None], stop: Callable[[], bool]) -> None:
        """Block reading the live notification stream, calling ``on_event`` with each
        notification, and once with ``{}`` as soon as the stream is open (so a notification
        posted while it was opening is caught up by the pass that wakes); return when
        ``stop()`` is true or the stream ends. Raises ``NetError`` (``Rejected`` when the
        instance has no streaming: poll instead)."""
        ...

    def status(self, remote_id: str) -> dict[str, Any]:
        """One status (the thread context of an item)."""
        ...

    def send(
        self,
        text: str,
        *,
        idempotency_key: str,
        in_reply_to: str = "",
        visibility: str = "public",
        scheduled_at: datetime | None = None,
    ) -> Sent:
        """Post (or schedule, when ``scheduled_at`` is given) a status, once per key."""
        ...

    def reschedule(self, remote_id: str, at: datetime) -> Sent:
        """Move a scheduled status."""
        ...

    def unschedule(self, remote_id: str) -> None:
        """Delete a scheduled status (gone already is fine)."""
        ...

    def watch(self, term: str, limit: int = 40) -> list[dict[str, Any]]:
        """Recent public statuses for a watched term, newest first: a ``#hashtag`` through
        the tag timeline, other terms through the instance's status search (``Rejected``
        where the instance does not allow it)."""
        ...

    def scheduled_ids(self) -> set[str]:
        """Ids of the account's statuses still scheduled on the instance (one it published
        or someone deleted is not among them)."""
        ...

    def find_own(self, text: str, since: datetime) -> Sent | None:
        """The account's own status created at ``since`` or later whose plain text is
        ``text`` (a scheduled status the instance published), or ``None``."""
        ...

    def own_figures(self, month: str) -> OwnStatusFigures:
        """Figures of the account's own statuses of ``month`` (``YYYY-MM``)."""
        ...


ConnectorFactory = Callable[[str, str], Connector]
"""``(instance_url, token) -> Connector``: how ``registry`` builds one per account."""


def pages(connector: Connector, since: str, limit: int = 40) -> Iterator[InboxPage]:
    """Every backlog page newer than ``since``, oldest first, until the newest."""
    while True:
        page = connector.inbox_page(since, limit)
        yield page
        if not page.more or not page.cursor:
            return
        since = page.cursor
