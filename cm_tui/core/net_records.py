"""Records of the network connectors: accounts, the outbox, publications.

Same contract as ``core.models`` (``Record``: UTC instants, ``to_dict``/``from_dict``, ``id`` is
the store's document id). They live in their own tables (``accounts``, ``outbox``,
``publications``), so a build that does not know them refuses the store (schema 3) instead of
dropping an unsent reply. See docs/architecture.md, "Connectors".

No secret is ever a field here: an account names its secret (``secret_ref``), the secret itself
lives in the keyring or the private secrets file (``net/secrets.py``).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import ClassVar

from cm_tui.core.models import Record
from cm_tui.core.value import mutable


class AccountState(StrEnum):
    """What the header and ``account list`` say of an account."""

    UNKNOWN = "unknown"  # added, never reached yet
    CONNECTED = "connected"
    OFFLINE = "offline"  # since ``state_since``; network down, timeout or 5xx
    RATE_LIMITED = "rate_limited"  # until ``state_until``
    TOKEN_REFUSED = "token_refused"  # 401/403: the user must add the account again


@mutable
class Account(Record):
    """One account on one network instance that cm-tui reads and posts as.

    ``key`` is ``network:handle@host`` (stable, unique, what the outbox and publications name).
    ``profile`` is the network profile key (``mastodon``) whose queue/stats the account feeds.
    ``cursor`` is the newest notification id taken into the queue (``min_id`` of the next
    page); ``dm_cursor`` the same for direct conversations. Both move only in the same store
    transaction as the items they cover, so a kill never leaves a gap or a double.
    """

    key: str
    network: str
    instance: str
    handle: str
    profile: str = "mastodon"
    brand_handle: str = ""
    secret_ref: str = ""
    state: AccountState = AccountState.UNKNOWN
    state_since: datetime | None = None
    state_until: datetime | None = None
    state_detail: str = ""
    cursor: str = ""
    dm_cursor: str = ""
    followers_sampled_on: str = ""  # YYYY-MM-DD of the last daily sample
    id: int = 0

    INSTANTS: ClassVar[tuple[str, ...]] = ("state_since", "state_until")

    def __post_init__(self) -> None:
        self.state = AccountState(self.state)


class OutboxState(StrEnum):
    PENDING = "pending"  # waiting for its undo window or its next try
    SENT = "sent"  # on the server: ``remote_id``/``remote_url``/``sent_at`` set
    FAILED = "failed"  # refused for good (422...): kept, editable, never dropped
    CANCELLED = "cancelled"  # taken back by the user


@mutable
class OutboxEntry(Record):
    """A reply (or a post) waiting to go out on ``account``.

    Written before anything goes on the wire. ``idempotency_key`` is fixed at creation
    (``core.outbox.idempotency_key``) and sent with every try, so the server makes one status
    of any number of tries. ``send_after`` is the end of the undo window, then of the backoff
    after a failed try (``attempts`` counts them, ``last_error`` is the one-line reason).
    ``queue_item`` is the queue item's id (0 for a Calendar post) and ``in_reply_to`` the
    remote status id answered.
    """

    account: str
    text: str
    created_at: datetime
    send_after: datetime
    idempotency_key: str
    queue_item: int = 0
    in_reply_to: str = ""
    visibility: str = "public"
    state: OutboxState = OutboxState.PENDING
    attempts: int = 0
    last_error: str = ""
    remote_id: str = ""
    remote_url: str = ""
    sent_at: datetime | None = None
    id: int = 0

    INSTANTS: ClassVar[tuple[str, ...]] = ("created_at", "send_after", "sent_at")

    def __post_init__(self) -> None:
        self.state = OutboxState(self.state)


class PublicationState(StrEnum):
    WAITING = "waiting"  # due sooner than the remote-scheduling lead: the app publishes it
    SCHEDULED = "scheduled"  # handed to the instance as a scheduled status (``remote_id``)
    PUBLISHED = "published"  # ``url`` set
    FAILED = "failed"  # ``reason`` says why; shows on Today and the Calendar


@mutable
class Publication(Record):
    """What a Calendar post became on an account: the link between a post and the instance.

    ``fingerprint`` is the post's text and time as last handed over, so an edit or a move is
    noticed and the scheduled status updated (or deleted and made again)."""

    post: int
    account: str
    state: PublicationState = PublicationState.WAITING
    remote_id: str = ""
    url: str = ""
    reason: str = ""
    fingerprint: str = ""
    idempotency_key: str = ""
    at: datetime | None = None
    id: int = 0

    INSTANTS: ClassVar[tuple[str, ...]] = ("at",)

    def __post_init__(self) -> None:
        self.state = PublicationState(self.state)
