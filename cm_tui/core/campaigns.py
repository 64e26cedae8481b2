"""Ad campaigns day by day: spend, results, cost per result and pacing against the budget.

Apart from ``core.stats`` (monthly aggregation, charts) because Today shows the running
campaigns at start-up and must not import the Stats machinery for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from cm_tui.core.models import AdCampaign
from cm_tui.core.value import Value, frozen


@frozen
class CampaignStatus(Value):
    campaign: AdCampaign
    spend: float
    results: int
    cost_per_result: float | None
    #: spend / budget (0-1+) and the share of the campaign's days elapsed (0-1)
    spent_share: float
    elapsed_share: float

    @property
    def pacing(self) -> float | None:
        """Spend share over time share: 1.0 on pace, above 1 overspending (``None``: not
        started)."""
        return None if self.elapsed_share <= 0 else self.spent_share / self.elapsed_share


def campaign_status(campaign: AdCampaign, today: date) -> CampaignStatus:
    """Spend, results (daily checks, else the campaign's totals), cost per result and pacing."""
    if campaign.checks:
        spend = sum(c.spend for c in campaign.checks if c.day <= today)
        results = sum(c.results for c in campaign.checks if c.day <= today)
    else:
        spend, results = campaign.spend, campaign.clicks
    length = (campaign.end - campaign.start).days + 1
    elapsed = min(max((today - campaign.start).days + 1, 0), length) if length > 0 else 0
    return CampaignStatus(
        campaign,
        round(spend, 2),
        results,
        spend / results if results else None,
        spend / campaign.budget if campaign.budget > 0 else 0.0,
        elapsed / length if length > 0 else 0.0,
    )


def active_campaigns(campaigns: Iterable[AdCampaign], day: date) -> list[CampaignStatus]:
    """The campaigns running on ``day`` (start <= day <= end), with their spend, results and
    pacing as of that day; sorted by end date (the soonest to end first), then name."""
    running = [c for c in campaigns if c.start <= day <= c.end]
    running.sort(key=lambda c: (c.end, c.name.lower(), c.id))
    return [campaign_status(c, day) for c in running]
