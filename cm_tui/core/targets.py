"""Posting targets: how many posts each network has on the day (or week) against its range.

A post counts when it is ``scheduled`` or ``published`` (ideas, drafts and cancelled posts are
not commitments yet). Daily networks count the posts of the local day; weekly networks count
Monday to Sunday of the local ISO week containing the day ("the week so far" plus what is
already scheduled for the rest of it).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from cm_tui.core.models import NetworkProfile, Post, PostingPeriod, PostStatus
from cm_tui.core.timeutil import local_day_bounds, week_start_of
from cm_tui.core.value import Value, frozen

COUNTED_STATUSES = frozenset({PostStatus.SCHEDULED, PostStatus.PUBLISHED})

UNDER = "under"
WITHIN = "within"
OVER = "over"


def target_state(count: int, low: int, high: int) -> str:
    """``"under"`` below ``low``, ``"over"`` above ``high``, else ``"within"``."""
    if count < low:
        return UNDER
    if count > high:
        return OVER
    return WITHIN


@frozen
class TargetRow(Value):
    network: NetworkProfile
    count: int
    #: first and last local day counted (the same day for daily networks)
    first_day: date
    last_day: date

    @property
    def key(self) -> str:
        return self.network.key

    @property
    def target_min(self) -> int:
        return self.network.target_min

    @property
    def target_max(self) -> int:
        return self.network.target_max

    @property
    def period(self) -> PostingPeriod:
        return self.network.period

    @property
    def state(self) -> str:
        return target_state(self.count, self.network.target_min, self.network.target_max)


def period_days(network: NetworkProfile, day: date) -> tuple[date, date]:
    """First and last local day counted for ``network`` around ``day``."""
    if network.period is PostingPeriod.WEEK:
        first = week_start_of(day)
        return first, first + timedelta(days=6)
    return day, day


def posting_progress(
    networks: Iterable[NetworkProfile],
    posts: Iterable[Post],
    day: date,
    tz: ZoneInfo,
) -> list[TargetRow]:
    """One row per network (in the given order) with its counted posts for ``day``.

    ``posts`` may hold anything (the caller usually passes the week's posts); only those inside
    each network's counting window are counted. One pass over ``posts``.
    """
    profiles = list(networks)
    windows = {}
    for profile in profiles:
        first, last = period_days(profile, day)
        windows[profile.key] = (local_day_bounds(first, tz)[0], local_day_bounds(last, tz)[1])
    counts = dict.fromkeys(windows, 0)
    for post in posts:
        window = windows.get(post.network)
        if (
            window is not None
            and post.status in COUNTED_STATUSES
            and window[0] <= post.at < window[1]
        ):
            counts[post.network] += 1
    return [TargetRow(p, counts[p.key], *period_days(p, day)) for p in profiles]
