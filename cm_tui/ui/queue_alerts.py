"""Deadline alerts of the response queue, for the whole app and from its start.

The user may spend the day on Today or the Calendar: an item entering its last 15 minutes, or
becoming overdue, is announced whatever tab is shown, the Queue tab opened or not, and the
Queue tab's label (open · soon · late) follows the clock second by second. Each check
reads the open items as ``OpenEntry`` (``UiContext.open_queue_entries``: raw documents, no
items built, read again only when the store changed), so a check costs a loop over the entries,
about 1 ms at 10,000.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Protocol, cast

from cm_tui.core.i18n import t
from cm_tui.core.models import format_instant, network_names
from cm_tui.core.queue import (
    ALERT_OVERDUE,
    OpenEntry,
    QueueCounts,
    crossed_entry_alerts,
)
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
#: Today's pane, which shows the counts in its "Response queue" box
TODAY_PANE = "#today-pane"
#: how long past its deadline an open item's alerts are remembered (see ``QueueAlerts``)
FORGET_AFTER = timedelta(hours=2)


class ShowsQueueCounts(Protocol):
    def show_queue_counts(self, counts: QueueCounts) -> None: ...


class QueueAlerts:
    """Notifies (and rings, if the ``bell`` setting is on) each item once per threshold.

    What was sent is remembered (so a clock set back never announces an item twice) only
    while it matters: an item no longer open is forgotten at the first check after the store
    changed, an open one once its deadline is ``FORGET_AFTER`` past. So an app open all day
    remembers the alerts of the last two hours, not of every item of the day. A clock set back
    by more than ``FORGET_AFTER`` may announce an item again when it passes that deadline again.
    """

    def __init__(self, app: App[None], ctx: UiContext) -> None:
        self._app = app
        self._ctx = ctx
        self._checked_at: datetime = ctx.now()
        self._sent: set[tuple[int, str]] = set()
        #: the deadline (stored text) of each item in ``_sent``
        self._deadlines: dict[int, str] = {}
        #: the entries list the last forgetting saw (a new list: the store changed)
        self._entries_seen: object = None

    @property
    def remembered(self) -> int:
        """How many (item, threshold) alerts are remembered as sent."""
        return len(self._sent)

    def check(self) -> None:
        """Announce what crossed a threshold since the last check (never twice, even when the
        clock goes back)."""
        ctx = self._ctx
        now = ctx.now()
        since, self._checked_at = self._checked_at, now
        entries = ctx.open_queue_entries()
        counts = ctx.open_queue_counts(now)
        # the tab label and Today's box from the same counts, on the same tick
        self._app.post_message(TabLabel("queue", queue_tab_label(counts)))
        for pane in self._app.query(TODAY_PANE):
            cast(ShowsQueueCounts, pane).show_queue_counts(counts)
        self._forget(entries, now)
        # only the entries near a threshold, by bisection: not a loop over 10,000 a second
        near = ctx.open_queue_index().near(since, now)
        crossed = crossed_entry_alerts(near, since, now, self._sent)
        if not crossed:
            return
        get = ctx.repo.queue.peek  # read once for the message: no object kept per item
        alerts = [(item, threshold) for e, threshold in crossed if (item := get(e.id)) is not None]
        self._sent.update((entry.id, threshold) for entry, threshold in crossed)
        self._deadlines.update((entry.id, entry.deadline) for entry, _threshold in crossed)
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

    def _forget(self, entries: list[OpenEntry], now: datetime) -> None:
        """Forget the items closed since the store last changed, and those whose deadline is
        ``FORGET_AFTER`` past (see the class doc). Costs a loop over the remembered items,
        and over the open ones only when the store changed."""
        if not self._deadlines:
            self._entries_seen = entries
            return
        gone: set[int] = set()
        if entries is not self._entries_seen:
            self._entries_seen = entries
            gone = self._deadlines.keys() - {entry.id for entry in entries}
        horizon = format_instant(now - FORGET_AFTER)
        gone.update(i for i, deadline in self._deadlines.items() if deadline < horizon)
        if gone:
            for item_id in gone:
                del self._deadlines[item_id]
            self._sent = {sent for sent in self._sent if sent[0] not in gone}
