"""Mastodon API objects -> queue items: pure, no network, no store (docs/architecture.md,
"Connectors").

* A notification of type ``mention`` becomes an item: ``message`` when its status is direct,
  ``comment`` when the status answers another (``in_reply_to_id``), else ``mention``. Other
  types (favourite, reblog, follow, poll, update...) are not questions: ``None``.
* A direct conversation's last status becomes a ``message`` item.
* Network ``mastodon``; external id = the status id; author ``@acct`` and display name; text =
  the status's HTML as plain text (``core.html_text``), and every outside text (text, handle,
  display name, link) through ``core.textsafe.clean_text`` (the one sanitiser); received at the
  status's ``created_at``; the deadline from the policy; watch keywords matched; the status's
  visibility kept (a reply keeps it: ``core.net_rules.reply_visibility``).
* Anything malformed (not a dict, no id, a bad date) gives ``None``, never an exception: the
  engine skips it and moves on.
* ``keyword_item``: a status found by a watched term (tag timeline, search), flagged with it.
* ``status_view``: a status as the detail pane's thread context shows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from cm_tui.core.deadline import DEFAULT_POLICY, DeadlinePolicy, deadline_for
from cm_tui.core.html_text import html_to_text
from cm_tui.core.models import QueueItem, QueueKind, to_utc
from cm_tui.core.queue import match_keywords
from cm_tui.core.textsafe import clean_text
from cm_tui.core.value import Value, frozen

NETWORK = "mastodon"
#: Mastodon's visibilities; anything else from a server is read as ``public``.
VISIBILITIES = ("public", "unlisted", "private", "direct")
#: Longest display name / handle kept (a hostile profile can be kilobytes long).
NAME_LIMIT = 200


def _text(value: Any, limit: int | None = None) -> str:
    text = clean_text(str(value or ""))
    return text[:limit] if limit is not None else text


def _instant(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return to_utc(datetime.fromisoformat(value.replace("Z", "+00:00")))
    except ValueError:
        return None


def status_kind(status: dict[str, Any]) -> QueueKind:
    if status.get("visibility") == "direct":
        return QueueKind.MESSAGE
    if status.get("in_reply_to_id"):
        return QueueKind.COMMENT
    return QueueKind.MENTION


def status_item(
    status: Any,
    *,
    policy: DeadlinePolicy = DEFAULT_POLICY,
    keywords: Sequence[str] = (),
    kind: QueueKind | None = None,
) -> QueueItem | None:
    """The queue item of one status (``None`` when it is not a usable status)."""
    if not isinstance(status, dict) or not status.get("id"):
        return None
    account = status.get("account")
    if not isinstance(account, dict):
        return None
    received = _instant(status.get("created_at"))
    if received is None:
        return None
    text = _text(html_to_text(str(status.get("content") or "")))
    spoiler = _text(status.get("spoiler_text"))
    if spoiler:
        text = f"{spoiler}\n\n{text}" if text else spoiler
    kind = kind or status_kind(status)
    handle = _text(account.get("acct") or account.get("username"), NAME_LIMIT).lstrip("@")
    visibility = status.get("visibility")
    return QueueItem(
        kind=kind,
        network=NETWORK,
        author_handle="@" + handle,
        author_name=_text(account.get("display_name"), NAME_LIMIT),
        text=text,
        received_at=received,
        deadline=deadline_for(kind.value, NETWORK, received, policy),
        link=_text(status.get("url") or status.get("uri"), 2000),
        external_id=_text(status.get("id"), 64),
        keywords=match_keywords(text, keywords) if keywords else (),
        visibility=visibility if visibility in VISIBILITIES else "public",
    )


def notification_item(
    note: Any, *, policy: DeadlinePolicy = DEFAULT_POLICY, keywords: Sequence[str] = ()
) -> QueueItem | None:
    """The queue item of a ``mention`` notification, else ``None``."""
    if not isinstance(note, dict) or note.get("type") != "mention":
        return None
    return status_item(note.get("status"), policy=policy, keywords=keywords)


def conversation_item(
    conversation: Any, *, policy: DeadlinePolicy = DEFAULT_POLICY, keywords: Sequence[str] = ()
) -> QueueItem | None:
    """The queue item of a direct conversation's last status (a ``message``)."""
    if not isinstance(conversation, dict):
        return None
    return status_item(
        conversation.get("last_status"), policy=policy, keywords=keywords, kind=QueueKind.MESSAGE
    )


def keyword_item(
    status: Any,
    term: str,
    *,
    policy: DeadlinePolicy = DEFAULT_POLICY,
    keywords: Sequence[str] = (),
) -> QueueItem | None:
    """The queue item of a status found by watching ``term`` (tag timeline or search):
    flagged with ``term`` among its keywords, whatever the text matching says (a hashtag
    in a link, a term the instance matched by its own rules)."""
    item = status_item(status, policy=policy, keywords=keywords)
    if item is None:
        return None
    found = item.keywords if term in item.keywords else (*item.keywords, term)
    return item.replace(keywords=found)


@frozen
class StatusView(Value):
    """One status as the detail pane shows it (thread context): plain, sanitised text."""

    remote_id: str
    author_handle: str
    author_name: str
    text: str
    link: str
    at: datetime | None
    in_reply_to: str = ""


def status_view(status: Any) -> StatusView | None:
    """The ``StatusView`` of a status dict, ``None`` when it is not one."""
    item = status_item(status)
    if item is None:
        return None
    parent = status.get("in_reply_to_id")
    return StatusView(
        remote_id=item.external_id,
        author_handle=item.author_handle,
        author_name=item.author_name,
        text=item.text,
        link=item.link,
        at=item.received_at,
        in_reply_to=_text(parent, 64) if parent else "",
    )
