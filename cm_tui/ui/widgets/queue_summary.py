"""The queue counts as ``Content``: Today's side box and the Queue tab's label.

Apart from the posting targets (``target_summary``): the Queue tab and the app-wide alerts
need only these, and start without importing the targets' rules.
"""

from __future__ import annotations

from textual.content import Content

from cm_tui.core.i18n import t
from cm_tui.core.queue import QueueCounts


def queue_summary(counts: QueueCounts) -> Content:
    """Open items, due within 15 minutes, overdue (the last two coloured when non-zero)."""
    return Content.assemble(
        (str(counts.open), "bold"),
        " ",
        t("ui.queue.open"),
        "   ",
        (str(counts.due_soon), "bold $text-warning" if counts.due_soon else "bold"),
        " ",
        t("ui.queue.due_soon"),
        "   ",
        (str(counts.overdue), "bold $text-error" if counts.overdue else "bold"),
        " ",
        t("ui.queue.overdue"),
        "\n",
        (t("ui.today.queue_hint"), "$text-muted"),
    )


def queue_tab_label(counts: QueueCounts) -> Content:
    """``Queue 12 · 3 soon · 1 late``: the Queue tab's label."""
    return Content(
        t("ui.tab.queue_counts", open=counts.open, soon=counts.due_soon, overdue=counts.overdue)
    )
