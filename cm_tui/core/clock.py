"""Where "now" comes from.

``core`` never reads the system time: every function takes ``now`` or a ``Clock``. The app uses
``SystemClock``; ``--now`` and the tests use ``FixedClock`` (optionally advanced by hand, never by
sleeping).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol

from cm_tui.core.models import to_utc


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that only moves when told to: reproducible screenshots, demos and tests."""

    def __init__(self, at: datetime) -> None:
        self._at = to_utc(at)

    def now(self) -> datetime:
        return self._at

    def advance(self, delta: timedelta) -> None:
        self._at += delta

    def set(self, at: datetime) -> None:
        self._at = to_utc(at)
