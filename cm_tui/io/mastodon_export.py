"""A Mastodon notifications export (``GET /api/v1/notifications``, saved as JSON): its mentions
and replies as queue rows, their HTML as plain text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cm_tui.core.html_text import html_to_text
from cm_tui.core.i18n import t
from cm_tui.io.tabular import Bad as _Bad


def is_mastodon(data: Any) -> bool:
    return (
        isinstance(data, list)
        and bool(data)
        and isinstance(data[0], dict)
        and "account" in data[0]
        and "type" in data[0]
    )


def mastodon_rows(data: Any) -> Iterator[tuple[int, Any]]:
    """Mentions (which include replies) of a Mastodon ``GET /api/v1/notifications`` export;
    other notification types (favourites, boosts, follows) are not questions: skipped."""
    if not isinstance(data, list):
        yield 0, _Bad(t("queue.import.err.object"))
        return
    for number, note in enumerate(data, 1):
        if not isinstance(note, dict):
            yield number, _Bad(t("queue.import.err.object"))
            continue
        if note.get("type") != "mention":
            continue
        status = note.get("status") or {}
        account = note.get("account") or {}
        if not isinstance(status, dict) or not isinstance(account, dict):
            yield number, _Bad(t("queue.import.err.object"))
            continue
        if status.get("visibility") == "direct":
            kind = "message"
        elif status.get("in_reply_to_id"):
            kind = "comment"
        else:
            kind = "mention"
        yield (
            number,
            {
                "kind": kind,
                "text": html_to_text(str(status.get("content") or "")),
                "received_at": status.get("created_at") or note.get("created_at"),
                "author_handle": "@" + str(account.get("acct") or "").lstrip("@"),
                "author_name": str(account.get("display_name") or ""),
                "link": str(status.get("url") or ""),
                "external_id": str(status.get("id") or note.get("id") or ""),
            },
        )
