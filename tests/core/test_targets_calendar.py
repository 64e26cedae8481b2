"""Posting targets and the editorial calendar grids."""

from __future__ import annotations

from datetime import UTC, date, time, timedelta
from zoneinfo import ZoneInfo

from cm_tui.core.calendar import month_grid, week_grid, week_start_of
from cm_tui.core.models import NetworkProfile, Post, PostingPeriod, PostStatus
from cm_tui.core.targets import period_days, posting_progress, target_state
from cm_tui.core.timeutil import local_to_utc

PARIS = ZoneInfo("Europe/Paris")
X = NetworkProfile("x", "X", 280, 3, 6)
FB_WEEK = NetworkProfile("facebook", "Facebook", 63206, 2, 3, PostingPeriod.WEEK)
BLOG = NetworkProfile("blog", "Blog", 100000, 1, 1, PostingPeriod.WEEK)
TUESDAY = date(2026, 3, 10)


def post(network: str, day: date, hh: int, mm: int = 0, status: str = "scheduled") -> Post:
    return Post(network, local_to_utc(day, time(hh, mm), PARIS), f"{network} {hh}:{mm}",
                status=PostStatus(status))  # fmt: skip


def test_target_state() -> None:
    assert [target_state(n, 3, 6) for n in (0, 2, 3, 6, 7)] == [
        "under",
        "under",
        "within",
        "within",
        "over",
    ]


def test_daily_network_counts_scheduled_and_published_of_the_local_day() -> None:
    posts = [
        post("x", TUESDAY, 0, 30),  # 00:30 local is still Tuesday (23:30 UTC Monday)
        post("x", TUESDAY, 12, status="published"),
        post("x", TUESDAY, 14, status="draft"),  # not counted
        post("x", TUESDAY, 15, status="idea"),
        post("x", TUESDAY, 16, status="cancelled"),
        post("x", TUESDAY + timedelta(days=1), 0, 10),  # Wednesday
    ]
    assert posts[0].at.astimezone(UTC).date() == date(2026, 3, 9)
    (row,) = posting_progress([X], posts, TUESDAY, PARIS)
    assert (row.count, row.state, row.first_day, row.last_day) == (2, "under", TUESDAY, TUESDAY)
    (row,) = posting_progress([X], [*posts, post("x", TUESDAY, 17)], TUESDAY, PARIS)
    assert row.state == "within"


def test_weekly_networks_count_monday_to_sunday() -> None:
    monday, sunday = date(2026, 3, 9), date(2026, 3, 15)
    posts = [
        post("facebook", monday - timedelta(days=1), 20),  # previous Sunday: other week
        post("facebook", monday, 9, status="published"),
        post("facebook", sunday, 23, 30),
        post("facebook", sunday + timedelta(days=1), 0, 5),  # next Monday
        post("blog", date(2026, 3, 13), 9, 30, "published"),
        post("x", TUESDAY, 10),
    ]
    rows = posting_progress([FB_WEEK, BLOG, X], posts, TUESDAY, PARIS)
    assert [(r.key, r.count, r.state) for r in rows] == [
        ("facebook", 2, "within"),
        ("blog", 1, "within"),
        ("x", 1, "under"),
    ]
    assert period_days(FB_WEEK, TUESDAY) == (monday, sunday)


def test_week_start_of_is_monday_across_year_end() -> None:
    assert week_start_of(date(2026, 1, 1)) == date(2025, 12, 29)
    assert week_start_of(date(2026, 3, 15)) == date(2026, 3, 9)
    assert week_start_of(date(2026, 3, 9)) == date(2026, 3, 9)


def test_week_grid_rows_cells_sorted_and_flags() -> None:
    monday = date(2026, 3, 9)
    posts = [
        post("x", TUESDAY, 16),
        post("x", TUESDAY, 9),
        post("x", TUESDAY, 12, status="draft"),
        post("x", monday, 10),
        post("x", monday, 11),
        post("x", monday, 12),
        post("facebook", TUESDAY, 11),
        post("x", monday - timedelta(days=1), 10),  # outside the week
    ]
    grid = week_grid([X, FB_WEEK], posts, monday, PARIS)
    assert grid.days[0] == monday and grid.days[-1] == date(2026, 3, 15)
    x_row, fb_row = grid.rows
    tuesday = x_row.cells[1]
    assert [local.time() for local, _ in tuesday.posts] == [time(9), time(12), time(16)]
    assert tuesday.count == 2 and tuesday.under  # the draft does not count
    assert x_row.cells[0].count == 3 and not x_row.cells[0].under
    assert x_row.week_count == 5 and x_row.under
    # weekly network: cells never flagged, the row is (1 < 2)
    assert not any(c.under for c in fb_row.cells)
    assert fb_row.week_count == 1 and fb_row.under and fb_row.state == "under"


def test_week_grid_on_dst_week_keeps_local_days() -> None:
    monday = date(2026, 3, 23)  # clocks change on Sunday 29th
    posts = [post("x", date(2026, 3, 29), 0, 30), post("x", date(2026, 3, 29), 23, 30)]
    grid = week_grid([X], posts, monday, PARIS)
    assert grid.rows[0].cells[6].count == 2


def test_month_grid_covers_whole_weeks() -> None:
    posts = [post("x", date(2026, 2, 1), 10), post("x", date(2026, 2, 28), 10, status="idea")]
    grid = month_grid([X], posts, "2026-02", PARIS)
    # February 2026 starts on a Sunday: weeks from Mon Jan 26 to Sun Mar 1
    assert grid.weeks[0][0].day == date(2026, 1, 26)
    assert grid.weeks[-1][-1].day == date(2026, 3, 1)
    cells = [c for week in grid.weeks for c in week]
    assert len(cells) == 35 and sum(c.in_month for c in cells) == 28
    first = next(c for c in cells if c.day == date(2026, 2, 1))
    last = next(c for c in cells if c.day == date(2026, 2, 28))
    assert first.count("x") == 1 and last.count("x") == 0 and len(last.posts["x"]) == 1
