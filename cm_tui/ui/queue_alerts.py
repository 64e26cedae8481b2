"""Deadline alerts of the response queue, for the whole app and from its start.

The user may spend the day on Today or the Calendar: an item entering its last 15 minutes, or
becoming overdue, is announced whatever tab is shown, the Queue tab opened or not, and the
Queue tab's label (open · soon · late) follows the clock second by second. Each check
reads the open items as ``OpenEntry`` (``UiContext.open_queue_entries``: raw documents, no
items built, read again only when the store changed), so a check costs a loop over the entries,
about 1 ms at 10,000.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from cm_tui.core.i18n import t
from cm_tui.core.models import network_names
from cm_tui.core.queue import ALERT_OVERDUE, crossed_entry_alerts, entry_counts
from cm_tui.ui import fmt
from cm_tui.ui.panes.base import TabLabel
from cm_tui.ui.widgets.queue_summary import queue_tab_label

if TYPE_CHECKING:
    from textual.app import App
    from textual.notifications import SeverityLevel

    from cm_tui.ui.context import UiContext

#: more alerts than this in one check are grouped into one notification
ALERTS_SHOWN = 3
#: seconds an alert stays on screen (Textual's default, 5 s, is easily missed when looking away)
ALERT_SECONDS = 30.0


class QueueAlerts:
    """Notifies (and rings, if the ``bell`` setting is on) each item once per threshold."""

    def __init__(self, app: App[None], ctx: UiContext) -> None:
        self._app = app
        self._ctx = ctx
        self._checked_at: datetime = ctx.now()
        self._sent: set[tuple[int, str]] = set()

    def check(self) -> None:
        """Announce what crossed a threshold since the last check (never twice, even when the
        clock goes back)."""
        ctx = self._ctx
        now = ctx.now()
        since, self._checked_at = self._checked_at, now
        entries = ctx.open_queue_entries()
        label = queue_tab_label(entry_counts(entries, now))
        self._app.post_message(TabLabel("queue", label))
        crossed = crossed_entry_alerts(entries, since, now, self._sent)
        if not crossed:
            return
        get = ctx.repo.queue.get
        alerts = [(item, threshold) for e, threshold in crossed if (item := get(e.id)) is not None]
        self._sent.update((entry.id, threshold) for entry, threshold in crossed)
        notify = partial(self._app.notify, markup=False, timeout=ALERT_SECONDS)
        if len(alerts) > ALERTS_SHOWN:
            overdue = sum(1 for _item, threshold in alerts if threshold == ALERT_OVERDUE)
            message = t("queue.alert.many", count=len(alerts) - overdue, overdue=overdue)
            notify(message, severity="warning")
        else:
            names = network_names(ctx.repo.networks.all())
            for item, threshold in alerts:
                author = fmt.one_line(item.author_name or item.author_handle)
                network = names.get(item.network, item.network)
                message = t(f"queue.alert.{threshold}", author=author, network=network)
                severity: SeverityLevel = "error" if threshold == ALERT_OVERDUE else "warning"
                notify(message, severity=severity)
        if ctx.settings.bell:
            self._app.bell()
