"""Content series (``core.series``): idea posts ahead of time, never twice."""

from __future__ import annotations

from datetime import date, time
from zoneinfo import ZoneInfo

import pytest

from cm_tui.core.models import PostStatus
from cm_tui.core.series import (
    ContentSeries,
    SeriesSlot,
    default_series,
    from_json,
    series_ideas,
    to_json,
)
from cm_tui.core.timeutil import local_to_utc

PARIS = ZoneInfo("Europe/Paris")
TITLES = {"calendar.series.blog_post": "Blog", "calendar.series.blog_link": "Link"}


def test_the_weekly_blog_series_over_four_weeks() -> None:
    series = default_series("blog-weekly", TITLES)
    first, last = date(2026, 11, 20), date(2026, 12, 17)  # Friday .. Thursday
    ideas = series_ideas([series], first, last, PARIS, [], ["blog", "x"])  # no Facebook
    assert [(p.network, p.at.astimezone(PARIS).date()) for p in ideas[:2]] == [
        ("blog", date(2026, 11, 20)),
        ("x", date(2026, 11, 20)),
    ]
    assert len(ideas) == 8  # 4 Fridays x (blog, X)
    assert all(p.status is PostStatus.IDEA and p.campaign == "blog-weekly" for p in ideas)
    assert ideas[1].at == local_to_utc(date(2026, 11, 20), time(11, 0), PARIS)
    assert {p.title for p in ideas} == {"Blog", "Link"}
    # what exists already is not created again
    again = series_ideas([series], first, last, PARIS, ideas[:3], ["blog", "x"])
    assert again == ideas[3:]


def test_local_time_is_kept_across_dst() -> None:
    series = ContentSeries("s", (SeriesSlot("x", 7, "09:00", "Sunday"),))
    ideas = series_ideas([series], date(2026, 3, 22), date(2026, 4, 5), PARIS, [], ["x"])
    assert [p.at.astimezone(PARIS).time() for p in ideas] == [time(9, 0)] * 3
    assert [p.at.hour for p in ideas] == [8, 7, 7]  # UTC: winter, then summer time


def test_json_round_trip_and_bad_values() -> None:
    series = [default_series("blog-weekly", TITLES)]
    assert from_json(to_json(series)) == series
    slot = {"network": "x", "weekday": 8, "at": "09:00", "title": "t"}
    for bad in ({}, [{"name": "x"}], [{"name": "x", "slots": [slot]}]):
        with pytest.raises(ValueError):
            from_json(bad)
