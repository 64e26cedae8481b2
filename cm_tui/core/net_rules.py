"""Pure rules of the connectors: idempotency keys, retry backoff, the remote-scheduling lead,
what an error does to an account's state, and the short reason a failure is told with
(``Reason``, ``reason_text``). No clock, no network, no store: callers pass ``now``. See
docs/architecture.md, "Connectors".
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from cm_tui.core.i18n import t
from cm_tui.core.models import QueueItem, QueueKind
from cm_tui.core.net_records import Account, AccountState, OutboxEntry
from cm_tui.core.value import Value, frozen

#: The instance schedules a status only this far ahead (Mastodon's documented minimum). We
#: enforce it ourselves, with a margin for the time the request takes, because a lenient server
#: (or a slow request) would otherwise publish at once what the user meant for later.
SCHEDULE_LEAD = timedelta(minutes=5)
SCHEDULE_MARGIN = timedelta(seconds=30)

#: Retry backoff after a failed try: 10 s doubled per attempt, at most 15 minutes.
BACKOFF_FIRST = timedelta(seconds=10)
BACKOFF_MAX = timedelta(minutes=15)


@frozen
class NetSettings(Value):
    """The connector settings (``[net]`` in the settings file).

    ``poll_seconds``: how often the inbox is polled when the instance has no streaming (and
    the safety poll while streaming). ``undo_seconds``: the outbox's undo window."""

    poll_seconds: int = 60
    undo_seconds: int = 10


def idempotency_key(entry: OutboxEntry) -> str:
    """The ``Idempotency-Key`` of an outbox entry: derived from what identifies the reply
    (account, item answered, creation instant, text), so every try of the same entry sends
    the same key and an edited text (a new reply) gets a new one. 32 hex characters."""
    import hashlib  # here: the settings import this module at start-up

    parts = (
        entry.account,
        str(entry.queue_item),
        entry.in_reply_to,
        entry.created_at.isoformat(),
        entry.visibility,
        entry.text,
    )
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return "cm-tui-" + digest[:32]


def reply_visibility(item: QueueItem) -> str:
    """The visibility of a reply to ``item``: the item's own (an unlisted or followers-only
    mention is answered the same way, a direct message stays direct); an item without one
    (typed, imported, stored by an older build): ``direct`` for a message, else ``public``."""
    if item.visibility:
        return item.visibility
    return "direct" if item.kind is QueueKind.MESSAGE else "public"


def reply_text(item: QueueItem, text: str) -> str:
    """The text a reply to ``item`` goes out with: led by the author's handle (``@fan text``),
    as Mastodon clients do, because a reply that does not mention its author never notifies
    them; unchanged when the text already names the handle or the item has none."""
    handle = item.author_handle.strip()
    if not handle.startswith("@") or len(handle) < 2:
        return text
    if handle.lower() in text.lower().split():
        return text
    return f"{handle} {text}"


def backoff(attempts: int) -> timedelta:
    """How long to wait after the ``attempts``-th failed try (1 -> 10 s, 2 -> 20 s, ...)."""
    if attempts <= 0:
        return timedelta(0)
    return min(BACKOFF_FIRST * (2 ** min(attempts - 1, 16)), BACKOFF_MAX)


class ScheduleWay(StrEnum):
    REMOTE = "remote"  # hand to the instance as a scheduled status now
    WAIT = "wait"  # keep it: the running app or ``cm-tui sync`` publishes it when due
    NOW = "now"  # due: publish now


def schedule_way(at: datetime, now: datetime) -> ScheduleWay:
    """How a scheduled post at ``at`` goes out, seen at ``now``: remotely when it is at least
    ``SCHEDULE_LEAD`` (+ margin) ahead, else by us when due."""
    if at - now >= SCHEDULE_LEAD + SCHEDULE_MARGIN:
        return ScheduleWay.REMOTE
    if at <= now:
        return ScheduleWay.NOW
    return ScheduleWay.WAIT


class Reason(StrEnum):
    """Why a network call failed, in the few words the user is told (``reason_text``)."""

    OFFLINE = "offline"  # no connection: refused, DNS, network down
    TIMEOUT = "timeout"  # connected, no answer in time
    SERVER = "server"  # 5xx
    UNREADABLE = "unreadable"  # an answer that is not what the API gives
    TOKEN = "token"  # 401 / 403
    RATE_LIMITED = "rate_limited"  # 429, or no request left
    REFUSED = "refused"  # another 4xx: this request is wrong
    NO_STREAMING = "no_streaming"  # the instance offers no notification stream


#: the longest part of the instance's own words kept in a reason (a refused reply's "why")
SAID_CHARS = 80


def reason_text(reason: Reason, status: int | None = None, said: str = "") -> str:
    """The one short, translated line a failure is told with (a notice, an account's state
    detail, an unsent reply's detail): the single mapping from what went wrong to words, so
    no library's raw text (hosts, ports, exception names) reaches the user. ``said``: the
    instance's own reason for a refused request, already one clean line (the connector
    passes it through the sanitiser); cut at ``SAID_CHARS``."""
    code = str(status) if status is not None else "?"
    said = said.strip()
    if len(said) > SAID_CHARS:
        said = said[: SAID_CHARS - 1].rstrip() + "…"
    if reason is Reason.REFUSED and said:
        return t("net.reason.refused_said", status=code, said=said)
    return t(f"net.reason.{reason.value}", status=code)


def reason_of_status(status: int) -> Reason:
    """The reason an HTTP error status is told with (401/403 token, 429 rate limit, 5xx
    server, another 4xx refused)."""
    if status in (401, 403):
        return Reason.TOKEN
    if status == 429:
        return Reason.RATE_LIMITED
    if status >= 500:
        return Reason.SERVER
    return Reason.REFUSED


def account_after_error(
    account: Account,
    kind: str,
    now: datetime,
    *,
    until: datetime | None = None,
    detail: str = "",
) -> Account:
    """The account's state after an error of ``kind`` (``offline``, ``server``,
    ``rate_limited``, ``token_refused``): ``state_since`` keeps the first moment of an
    outage, so "offline since 07:12" does not move at each retry."""
    state = {
        "offline": AccountState.OFFLINE,
        "server": AccountState.OFFLINE,
        "rate_limited": AccountState.RATE_LIMITED,
        "token_refused": AccountState.TOKEN_REFUSED,
    }[kind]
    since = account.state_since if account.state == state and account.state_since else now
    return account.replace(state=state, state_since=since, state_until=until, state_detail=detail)


def account_connected(account: Account, now: datetime) -> Account:
    if account.state == AccountState.CONNECTED:
        return account
    return account.replace(
        state=AccountState.CONNECTED, state_since=now, state_until=None, state_detail=""
    )


def may_call(account: Account, now: datetime) -> bool:
    """Whether the engine may call the network for ``account`` now: not while rate-limited
    (until ``state_until``) and never with a refused token (the user must add it again)."""
    if account.state == AccountState.TOKEN_REFUSED:
        return False
    if account.state == AccountState.RATE_LIMITED and account.state_until is not None:
        return now >= account.state_until
    return True
