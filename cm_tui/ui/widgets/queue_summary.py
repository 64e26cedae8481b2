"""The queue counts as ``Content``: Today's side box and the Queue tab's label.

Apart from the posting targets (``target_summary``): the Queue tab and the app-wide alerts
need only these, and start without importing the targets' rules.
"""

from __future__ import annotations

from textual.content import Content

from cm_tui.core import locale as l10n
from cm_tui.core.i18n import t
from cm_tui.core.queue import DUE_SOON, QueueCounts


def _parts(counts: QueueCounts) -> list[tuple[int, str]]:
    """(count, the words after it, agreeing with it) for open, due soon and overdue."""
    return [
        (counts.open, t("ui.queue.open", count=counts.open)),
        (
            counts.due_soon,
            # the limit in the shape of every countdown (``core.locale.countdown``)
            t("ui.queue.due_soon", count=counts.due_soon, limit=l10n.countdown(DUE_SOON)),
        ),
        (counts.overdue, t("ui.queue.overdue", count=counts.overdue)),
    ]


def queue_counts_text(counts: QueueCounts) -> str:
    """``12 open · 3 due < 0h15 · 1 overdue``: the Queue list's subtitle."""
    return " · ".join(f"{l10n.number(n)} {words}" for n, words in _parts(counts))


def queue_summary(counts: QueueCounts) -> Content:
    """Open items, due within 15 minutes, overdue (the last two coloured when non-zero)."""
    styles = ("bold", "bold $text-warning", "bold $text-error")
    parts: list[str | tuple[str, str]] = []
    for (n, words), style in zip(_parts(counts), styles, strict=True):
        if parts:
            parts.append("   ")
        parts += [(l10n.number(n), style if n else "bold"), " ", words]
    return Content.assemble(*parts, "\n", (t("ui.today.queue_hint"), "$text-muted"))


def queue_tab_label(counts: QueueCounts) -> Content:
    """``Queue 12 · 3 soon · 1 late``: the Queue tab's label."""
    return Content(
        t(
            "ui.tab.queue_counts",
            open=l10n.number(counts.open),
            soon=l10n.number(counts.due_soon),
            overdue=l10n.number(counts.overdue),
        )
    )
