"""What the app has announced: the alerts still on the alert line, and a bounded history.

Every notification (``CmTuiApp.notify``) becomes an ``Alert``. The alert line shows the newest
alert still within its timeout and counts the others; ``ctrl+n`` lists the history, newest first.
Nothing here reads a clock: the app passes ``shown_until`` and ``now`` in seconds on its timer
scale (real time in use, the test's ``FixedClock`` under test: ``CmTuiApp.timer_seconds``), so
whether an alert is still shown never depends on how fast the machine is.
"""

from __future__ import annotations

from collections import deque
from datetime import datetime

from cm_tui.core.value import Value, frozen

#: alerts kept for the history screen (the oldest are forgotten first)
HISTORY_SIZE = 200


@frozen
class Alert(Value):
    """One notification, its text already made safe for the terminal (``for_terminal``)."""

    text: str
    title: str
    #: ``information``, ``warning`` or ``error`` (Textual's severity levels)
    severity: str
    #: whether ``text`` is Textual content markup (``[b]...``) or plain text
    markup: bool
    #: when it was raised, on the app's clock (aware)
    raised_at: datetime


class AlertLog:
    """The alerts on the line (until their time) and the last ``keep`` alerts raised."""

    def __init__(self, keep: int = HISTORY_SIZE) -> None:
        self._keep = keep
        self._history: deque[Alert] = deque(maxlen=keep)
        #: (alert, shown until), oldest first
        self._shown: list[tuple[Alert, float]] = []

    def add(self, alert: Alert, shown_until: float) -> None:
        self._history.append(alert)
        self._shown.append((alert, shown_until))
        if len(self._shown) > self._keep:
            del self._shown[0]

    def expire(self, now: float) -> bool:
        """Take the alerts whose time has come off the line; ``True`` if any was."""
        kept = [(alert, until) for alert, until in self._shown if until > now]
        changed = len(kept) != len(self._shown)
        self._shown = kept
        return changed

    @property
    def shown(self) -> list[Alert]:
        """The alerts on the line, newest first."""
        return [alert for alert, _until in reversed(self._shown)]

    @property
    def history(self) -> list[Alert]:
        """The alerts raised, newest first (at most ``keep``)."""
        return list(reversed(self._history))
