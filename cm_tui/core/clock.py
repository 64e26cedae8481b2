"""Where "now" comes from, and how long has passed.

``core`` never reads the system time: every function takes ``now`` or a ``Clock``. The app uses
``SystemClock``; ``--now`` and the tests use ``FixedClock`` (optionally advanced by hand, never by
sleeping).

A clock has two faces (docs/architecture.md, "Time and the app's timers"): ``now()``, the wall
clock, for what is shown and stored (deadlines, snoozes, days), which may jump (an NTP
correction, a laptop moved between time zones, ``--now``); and ``monotonic()``, seconds that
only ever go forward, for "has enough time passed" (``Interval``). A jump of the wall clock is
seen as a change of ``now() - monotonic()`` (``wall_jumped``).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol

from cm_tui.core.models import to_utc

#: the wall clock and the monotonic one drifting apart by more than this (seconds) is a jump
#: of the wall clock, not drift (NTP slews a clock by at most half a millisecond a second)
JUMP_SECONDS = 2.0


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware UTC."""
        ...

    def monotonic(self) -> float:
        """Seconds from an arbitrary start that never go back: for intervals only."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        return time.monotonic()


class FixedClock:
    """A clock that only moves when told to: reproducible screenshots, demos and tests.

    ``advance`` lets time pass (the wall and the monotonic clocks move together; a negative
    delta moves the wall clock only, as a clock set back does); ``set`` sets the wall clock
    (a jump: the monotonic clock stays)."""

    def __init__(self, at: datetime) -> None:
        self._at = to_utc(at)
        self._elapsed = 0.0

    def now(self) -> datetime:
        return self._at

    def monotonic(self) -> float:
        return self._elapsed

    def advance(self, delta: timedelta) -> None:
        self._at += delta
        self._elapsed += max(delta.total_seconds(), 0.0)

    def set(self, at: datetime) -> None:
        self._at = to_utc(at)


def wall_offset(clock: Clock) -> float:
    """``now() - monotonic()`` in seconds: constant while the wall clock runs freely."""
    return clock.now().timestamp() - clock.monotonic()


def wall_jumped(offset_before: float, offset_now: float) -> bool:
    """Whether the wall clock was set between two readings of ``wall_offset``."""
    return abs(offset_now - offset_before) > JUMP_SECONDS


class Interval:
    """Whether ``seconds`` have passed since ``mark``, on ``clock``'s monotonic clock, so setting
    the wall clock back never stalls a periodic job and setting it forward never rushes one.

    A jump of the wall clock makes the interval due at once: what a job computes from the
    wall clock (who is snoozed, what is late, which day it is) changed with it. Before the
    first ``mark`` it is due."""

    def __init__(self, clock: Clock, seconds: float) -> None:
        self._clock = clock
        self.seconds = seconds
        self._marked: float | None = None
        self._offset = 0.0

    def due(self) -> bool:
        if self._marked is None:
            return True
        if self._clock.monotonic() - self._marked >= self.seconds:
            return True
        return wall_jumped(self._offset, wall_offset(self._clock))

    def mark(self) -> None:
        """The job ran now: due again ``seconds`` from now (or at a jump)."""
        self._marked = self._clock.monotonic()
        self._offset = wall_offset(self._clock)
