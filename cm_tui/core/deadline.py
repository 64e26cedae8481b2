"""The one deadline rule: how long a queue item may wait for an answer.

A ``DeadlinePolicy`` is the default delay plus the per-kind / per-network rules of the settings
(``[queue] reply_deadline_minutes`` and ``[queue.deadlines]``); every deadline cm-tui computes
(import, demo, the Queue tab) goes through ``DeadlinePolicy.minutes`` and ``deadline_for``.

Deadlines are instants computed in UTC: ``received_at + minutes`` is exactly that many real
seconds later, whatever the wall clock does (a comment received at 01:30 local on the night
clocks spring forward is due 3,600 s later, which the wall clock shows as 03:30). Optionally the
delay is counted in working hours only (``hours`` + ``tz``): the clock then only runs inside the
working day, so a message received on Friday evening is due on Monday morning.

A deadline past what ``datetime`` can hold raises ``OverflowError``; callers that take outside
data (an import row) turn it into that row's problem.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from datetime import UTC, datetime, timedelta
from types import MappingProxyType
from zoneinfo import ZoneInfo

from cm_tui.core.recurrence import WorkHours
from cm_tui.core.timeutil import local_to_utc
from cm_tui.core.value import Value, frozen


def _no_rules() -> Mapping[str, int]:
    return MappingProxyType({})


@frozen
class DeadlinePolicy(Value):
    """``default_minutes``, and ``rules``: minutes per ``"kind@network"``, ``kind`` or
    ``network`` (the most specific rule wins; a kind beats a network because reviews are slow
    everywhere)."""

    default_minutes: int = 60
    rules: Mapping[str, int] = field(default_factory=_no_rules)

    def minutes(self, kind: str, network: str) -> int:
        """Reply delay in minutes of an item of ``kind`` on ``network``."""
        rules = self.rules
        if rules:
            kind, network = str(kind), str(network)
            for key in (f"{kind}@{network}", kind, network):
                value = rules.get(key)
                if value is not None:
                    return value
        return self.default_minutes


DEFAULT_POLICY = DeadlinePolicy()


def deadline_for(
    kind: str,
    network: str,
    received_at_utc: datetime,
    policy: DeadlinePolicy = DEFAULT_POLICY,
    *,
    hours: WorkHours | None = None,
    tz: ZoneInfo | None = None,
) -> datetime:
    """Deadline (UTC) of an item received at ``received_at_utc`` (see module doc). With
    ``hours`` and ``tz`` the delay only runs in working hours."""
    delay = timedelta(minutes=policy.minutes(kind, network))
    received = received_at_utc.astimezone(UTC)
    if hours is None or tz is None:
        return received + delay
    return add_working_time(received, delay, hours, tz)


def add_working_time(start: datetime, delay: timedelta, hours: WorkHours, tz: ZoneInfo) -> datetime:
    """``start`` plus ``delay`` of working time (UTC in, UTC out). Each working day's window is
    ``[hours.start, hours.end)`` local, measured in real seconds (a DST day keeps its window)."""
    if not hours.workdays or hours.end <= hours.start:
        return start + delay
    remaining = delay
    day = start.astimezone(tz).date()
    for _ in range(366 * 2):  # bounded: at most two years of days
        if day.isoweekday() in hours.workdays:
            open_at = local_to_utc(day, hours.start, tz)
            close_at = local_to_utc(day, hours.end, tz)
            begin = max(open_at, start)
            if begin < close_at:
                if begin + remaining <= close_at:
                    return begin + remaining
                remaining -= close_at - begin
        day += timedelta(days=1)
    return start + delay  # pragma: no cover - unreachable with a sane delay
