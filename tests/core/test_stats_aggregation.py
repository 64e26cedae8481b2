"""Stats aggregation against hand-computed figures (issue 6): changes vs the previous month and
the baseline, KPI status, figures derived from the Calendar and the Queue in the user's zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cm_tui.core.campaigns import campaign_status
from cm_tui.core.models import (
    AdCampaign,
    CampaignCheck,
    MonthlyFigures,
    NetworkProfile,
    Post,
    PostingPeriod,
    PostStatus,
    QueueItem,
    QueueKind,
    QueueStatus,
)
from cm_tui.core.stats import (
    KpiTargets,
    baseline_month,
    campaign_series,
    kpi_for,
    kpi_targets_from_pref,
    month_bounds,
    month_of,
    month_table,
    monthly_post_target,
    months_between,
    posting_days_share,
    posts_series,
    published_per_month,
    response_figures,
    response_series,
    with_derived_posts,
)

PARIS = ZoneInfo("Europe/Paris")


def fig(month: str, **values: int) -> MonthlyFigures:
    return MonthlyFigures("x", month, **values)


FIGURES = [
    # Jan: 60 engagements / 2000 reached = 3.0 %
    fig("2026-01", followers=1000, reach=2000, reactions=50, comments=10),
    # Feb: +1.0 % followers, 50 / 1000 = 5.0 %
    fig("2026-02", followers=1010, reach=1000, reactions=40, comments=5, shares=5),
    # Mar: +3.96 % vs Feb, +5.0 % vs Jan; 20 / 1000 = 2.0 %
    fig("2026-03", followers=1050, reach=1000, reactions=20),
]


def line(rows, metric):  # type: ignore[no-untyped-def]
    (row,) = rows
    return next(f for f in row.lines if f.metric == metric)


def test_changes_vs_previous_month_and_default_baseline() -> None:
    baseline = baseline_month(FIGURES)
    assert baseline == "2026-01"  # the first month with figures
    rows = month_table(FIGURES, "2026-03", ["x"], baseline=baseline)
    followers = line(rows, "followers")
    assert followers.value == 1050 and followers.previous == 1010 and followers.baseline == 1000
    assert followers.change == pytest.approx(100 * 40 / 1010)  # 3.96 %
    assert followers.change_baseline == pytest.approx(5.0)
    rate = line(rows, "engagement_rate")
    assert rate.value == pytest.approx(2.0)
    assert rate.change == pytest.approx(-60.0)  # 5.0 -> 2.0
    assert rate.change_baseline == pytest.approx(100 * (2.0 - 3.0) / 3.0)
    # the baseline month itself has no change against itself
    assert line(month_table(FIGURES, "2026-01", ["x"], baseline=baseline), "followers") \
        .change_baseline is None  # fmt: skip


def test_chosen_baseline_and_missing_months() -> None:
    assert baseline_month(FIGURES, "2026-02") == "2026-02"
    assert baseline_month([]) is None
    with pytest.raises(ValueError):
        baseline_month(FIGURES, "2026-13")
    rows = month_table(FIGURES, "2026-05", ["x", "facebook"], baseline="2026-02")
    assert [r.network for r in rows] == ["x", "facebook"]
    assert all(f.value is None and f.change is None for r in rows for f in r.lines)


def test_kpi_status_met_missed_unknown() -> None:
    feb = month_table(FIGURES, "2026-02", ["x"], baseline="2026-01")[0]
    assert feb.kpis["followers_growth"] is False  # +1.0 % < +2 %
    assert feb.kpis["engagement_rate"] is True  # 5.0 % >= 3 %
    assert feb.kpis["on_time_share"] is None  # no queue figures
    mar = month_table(FIGURES, "2026-03", ["x"], baseline="2026-01")[0]
    assert mar.kpis["followers_growth"] is True  # +3.96 %
    assert mar.kpis["engagement_rate"] is False  # 2.0 %
    jan = month_table(FIGURES, "2026-01", ["x"], baseline="2026-01")[0]
    assert jan.kpis["followers_growth"] is None  # no previous month
    assert jan.kpis["engagement_rate"] is True  # exactly 3.0 %: met
    # per-network targets, with a default for every network and a KPI switched off
    targets = kpi_targets_from_pref(
        {"*": {"engagement_rate_pct": 1.5}, "x": {"followers_growth_pct": None}, "y": 3}
    )
    assert kpi_for(targets, "x") == KpiTargets(None, 1.5, 0.9)
    assert kpi_for(targets, "facebook") == KpiTargets(2.0, 1.5, 0.9)
    mar = month_table(FIGURES, "2026-03", ["x"], baseline="2026-01", targets=targets)[0]
    assert mar.kpis["followers_growth"] is None and mar.kpis["engagement_rate"] is True
    assert line([mar], "engagement_rate").kpi is True and line([mar], "reach").kpi is None


def item(received: datetime, minutes: float | None, network: str = "x") -> QueueItem:
    replied = None if minutes is None else received + timedelta(minutes=minutes)
    return QueueItem(
        kind=QueueKind.COMMENT,
        network=network,
        author_handle="@a",
        text="hi",
        received_at=received,
        deadline=received + timedelta(hours=1),
        status=QueueStatus.NEW if minutes is None else QueueStatus.REPLIED,
        replied_at=replied,
    )


def test_response_figures_median_p90_and_share_within_deadline() -> None:
    base = datetime(2026, 2, 10, 9, 0, tzinfo=UTC)
    items = [item(base + timedelta(hours=i), m) for i, m in enumerate([10, 30, 50, 90, 120])]
    items.append(item(base, None))  # still open: received, not replied
    figures = response_figures(items, PARIS)[("x", "2026-02")]
    assert (figures.received, figures.replied, figures.on_time) == (6, 5, 3)
    assert figures.median_minutes == 50
    assert figures.p90_minutes == 120  # nearest rank: ceil(0.9 * 5) = 5th value
    assert figures.on_time_share == pytest.approx(0.6)
    share = month_table(
        [fig("2026-02", followers=1)],
        "2026-02",
        ["x"],
        baseline=None,
        responses={("x", "2026-02"): figures},
    )[0]
    assert share.kpis["on_time_share"] is False  # 60 % < 90 %
    series = response_series({("x", "2026-02"): figures}, ["x"], ["2026-01", "2026-02"],
                             "on_time_share")  # fmt: skip
    assert series == {"x": [("2026-01", None), ("2026-02", pytest.approx(60.0))]}


def test_months_are_local_months_a_late_comment_belongs_to_april_in_paris() -> None:
    late = datetime(2026, 3, 31, 23, 30, tzinfo=UTC)  # 01:30 on April 1 in Paris (CEST)
    assert month_of(late, PARIS) == "2026-04"
    assert month_of(late, ZoneInfo("America/New_York")) == "2026-03"
    assert list(response_figures([item(late, 20)], PARIS)) == [("x", "2026-04")]
    post = Post("x", late, "t", status=PostStatus.PUBLISHED)
    assert published_per_month([post], PARIS) == {("x", "2026-04"): 1}
    # October's last Sunday: 25 hours; the local month starts at 22:00 UTC the day before
    start, end = month_bounds("2026-10", PARIS)
    assert start == datetime(2026, 9, 30, 22, 0, tzinfo=UTC)
    assert end == datetime(2026, 10, 31, 23, 0, tzinfo=UTC)  # CET again after Oct 25


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 1)))
def test_month_bounds_hold_exactly_the_instants_of_their_local_month(naive: datetime) -> None:
    instant = naive.replace(tzinfo=UTC)
    month = month_of(instant, PARIS)
    start, end = month_bounds(month, PARIS)
    assert start <= instant < end


def network(period: PostingPeriod = PostingPeriod.DAY, low: int = 1) -> NetworkProfile:
    return NetworkProfile("x", "X", 280, low, low + 2, period)


def published_on(*days: date) -> list[Post]:
    # 10:00 UTC = 11:00 in Paris in February
    return [
        Post(
            "x", datetime(d.year, d.month, d.day, 10, tzinfo=UTC), "p", status=PostStatus.PUBLISHED
        )
        for d in days
    ]


def test_posting_days_share_daily_and_weekly_targets() -> None:
    days = [date(2026, 2, d) for d in range(1, 15)]  # 14 of 28 days
    posts = [
        *published_on(*days),
        Post("x", datetime(2026, 2, 20, 10, tzinfo=UTC), "draft", status=PostStatus.DRAFT),
        Post("y", datetime(2026, 2, 21, 10, tzinfo=UTC), "other", status=PostStatus.PUBLISHED),
    ]
    assert posting_days_share(network(), posts, "2026-02", PARIS) == pytest.approx(0.5)
    # up to today only: Feb 1-10, all met
    assert posting_days_share(network(), posts, "2026-02", PARIS, date(2026, 2, 10)) == 1.0
    assert posting_days_share(network(), posts, "2026-03", PARIS, date(2026, 2, 10)) is None
    # weekly target of 2: only the ISO week Mon Feb 2 - Sun Feb 8 has 2 posts -> 7 / 28 days
    weekly = network(PostingPeriod.WEEK, 2)
    posts = published_on(date(2026, 2, 3), date(2026, 2, 6), date(2026, 2, 12))
    assert posting_days_share(weekly, posts, "2026-02", PARIS) == pytest.approx(0.25)
    assert monthly_post_target(network(low=2), "2026-02") == 56
    assert monthly_post_target(weekly, "2026-02") == 8.0


def test_posts_are_derived_from_the_calendar_not_typed_twice() -> None:
    posts = published_on(date(2026, 2, 3), date(2026, 2, 6))
    published = published_per_month(posts, PARIS)
    figures = with_derived_posts([fig("2026-02", posts=9), fig("2026-01", posts=4)], published)
    assert [(f.month, f.posts) for f in figures] == [("2026-02", 2), ("2026-01", 4)]
    assert posts_series(published, ["x"], ["2026-01", "2026-02"]) == {
        "x": [("2026-01", 0), ("2026-02", 2)]
    }


def test_campaign_cost_per_result_pacing_and_monthly_series() -> None:
    checks = tuple(CampaignCheck(date(2026, 3, d), 10.0, 5) for d in range(1, 11))
    campaign = AdCampaign("Spring", "x", date(2026, 3, 1), date(2026, 3, 30), 300.0, checks=checks)
    status = campaign_status(campaign, date(2026, 3, 10))
    assert (status.spend, status.results) == (100.0, 50)
    assert status.cost_per_result == pytest.approx(2.0)
    assert status.spent_share == pytest.approx(1 / 3) and status.elapsed_share == pytest.approx(
        1 / 3
    )
    assert status.pacing == pytest.approx(1.0)
    assert campaign_status(campaign, date(2026, 2, 1)).pacing is None  # not started
    spend, results = campaign_series([campaign], months_between("2026-02", "2026-03"))["Spring"]
    assert spend == [("2026-02", None), ("2026-03", 100.0)]
    assert results == [("2026-02", None), ("2026-03", 50)]
    assert months_between("2025-11", "2026-02") == ["2025-11", "2025-12", "2026-01", "2026-02"]
