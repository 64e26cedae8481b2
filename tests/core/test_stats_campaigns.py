"""Which ad campaigns run on a day, and their pacing as of that day (Today's panel, issue 6)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cm_tui.core.campaigns import active_campaigns
from cm_tui.core.models import AdCampaign, CampaignCheck

BASE = date(2026, 11, 1)


def _campaign(name: str, start: int, end: int, budget: float = 300.0, **kw: object) -> AdCampaign:
    return AdCampaign(
        name, "facebook", BASE + timedelta(days=start), BASE + timedelta(days=end), budget, **kw
    )


def test_active_on_the_first_and_last_day_not_before_or_after() -> None:
    campaign = _campaign("A", 0, 9)
    assert active_campaigns([campaign], BASE - timedelta(days=1)) == []
    assert [s.campaign.name for s in active_campaigns([campaign], BASE)] == ["A"]
    assert [s.campaign.name for s in active_campaigns([campaign], BASE + timedelta(9))] == ["A"]
    assert active_campaigns([campaign], BASE + timedelta(days=10)) == []


def test_pacing_counts_the_checks_up_to_the_day_and_sorts_by_end() -> None:
    checks = tuple(CampaignCheck(BASE + timedelta(days=d), 15.0, 3) for d in range(10))
    fast = _campaign("Fast", 0, 19, 200.0, checks=checks)  # 150 of 200 after 10 of 20 days
    later = _campaign("Later", 0, 29)
    (first, second) = active_campaigns([later, fast], BASE + timedelta(days=9))
    assert (first.campaign.name, second.campaign.name) == ("Fast", "Later")
    assert first.spend == 150.0 and first.results == 30
    assert first.pacing == pytest.approx(0.75 / 0.5)  # overspending
    # checks after the day shown do not count
    (early, _later) = active_campaigns([later, fast], BASE + timedelta(days=4))
    assert early.spend == 75.0 and early.pacing == pytest.approx(0.375 / 0.25)


@given(
    st.lists(st.tuples(st.integers(-30, 30), st.integers(0, 30)), max_size=8),
    st.integers(-40, 70),
)
def test_exactly_the_campaigns_whose_dates_contain_the_day(
    spans: list[tuple[int, int]], offset: int
) -> None:
    campaigns = [_campaign(f"c{i}", s, s + n, id=i + 1) for i, (s, n) in enumerate(spans)]
    day = BASE + timedelta(days=offset)
    running = active_campaigns(campaigns, day)
    assert {s.campaign.id for s in running} == {c.id for c in campaigns if c.start <= day <= c.end}
    assert [s.campaign.end for s in running] == sorted(s.campaign.end for s in running)
    assert all(0 < s.elapsed_share <= 1 for s in running)
