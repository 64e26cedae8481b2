"""One run of the demo generator: what its parts share (``core.demo``).

The one ``random.Random(seed)`` every part draws from, in the order ``core.demo`` calls them
(that order is the generated data: a part called earlier or drawing once more changes all that
follows), the instant and the days around it, the networks, the deadlines, and the sequence
numbering the posts' and queue items' links.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from cm_tui.core.deadline import DeadlinePolicy
from cm_tui.core.demo_vocabulary import KEYWORDS
from cm_tui.core.models import NetworkProfile, TaskTemplate
from cm_tui.core.queue import match_keywords
from cm_tui.core.recurrence import WorkHours
from cm_tui.core.timeutil import FIRST_DAY, local_to_utc


class DemoRun:
    """The state of one generation: ``now`` in UTC, ``today`` and the days read in ``tz``."""

    def __init__(
        self,
        size: str,
        now: datetime,
        seed: int,
        networks: list[NetworkProfile],
        templates: list[TaskTemplate],
        tz: ZoneInfo,
        hours: WorkHours,
        archive_after_days: int,
        deadlines: DeadlinePolicy,
    ) -> None:
        self.size = size
        self.now = now
        self.rng = random.Random(seed)
        self.networks = networks
        self.templates = templates
        self.tz = tz
        self.hours = hours
        self.archive_cutoff = now - timedelta(days=archive_after_days)
        self.deadlines = deadlines
        self.today = now.astimezone(tz).date()
        self.history_days = 30 if size == "small" else 365
        # history never reaches before the first supported day (``--now 2000-01-01``)
        self.start = max(self.today - timedelta(days=self.history_days), FIRST_DAY)
        self.profiles = {n.key: n for n in networks}
        self.keyword_terms = tuple(term for term, _ in KEYWORDS)
        self._kw_cache: dict[str, tuple[str, ...]] = {}
        self._seq = 0

    def local(self, day: date, minute: int) -> datetime:
        """The UTC instant of ``minute`` (from midnight) of the local ``day``."""
        return local_to_utc(day, time(minute // 60, minute % 60), self.tz)

    def keywords_of(self, text: str) -> tuple[str, ...]:
        """The watched keywords ``text`` matches (each text matched once)."""
        found = self._kw_cache.get(text)
        if found is None:
            found = self._kw_cache[text] = match_keywords(text, self.keyword_terms)
        return found

    def days(self, first: date, last: date) -> Iterable[date]:
        """``first`` .. ``last``, both included."""
        day = first
        while day <= last:
            yield day
            day += timedelta(days=1)

    def next_seq(self) -> int:
        """The next number of the links and external ids (posts and queue items share it)."""
        self._seq += 1
        return self._seq
