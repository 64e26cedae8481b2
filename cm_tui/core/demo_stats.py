"""What the demo's Stats tab shows (``core.demo``): the monthly figures of its networks and of
its competitors, and its ad campaigns with their daily checks. Drawn from the run's one random
source (``core.demo_run``).
"""

from __future__ import annotations

import math
from datetime import timedelta

from cm_tui.core.demo_run import DemoRun
from cm_tui.core.demo_vocabulary import BASE_FOLLOWERS, DEMO_NETWORKS, GROWTH
from cm_tui.core.models import (
    AdCampaign,
    CampaignCheck,
    Competitor,
    CompetitorMonth,
    MonthlyFigures,
    Post,
    PostStatus,
)
from cm_tui.core.timeutil import month_key, shift_month


def _months(run: DemoRun) -> list[str]:
    last = shift_month(month_key(run.today), -1)
    n = 2 if run.size == "small" else 12
    return [shift_month(last, i) for i in range(1 - n, 1)]


def monthly_figures(run: DemoRun, posts: list[Post]) -> list[MonthlyFigures]:
    """Each network's figures of the months before ``today``: growing followers, seasonal
    engagement, the posts counted from ``posts``."""
    rng = run.rng
    published: dict[tuple[str, str], int] = {}
    for post in posts:
        if post.status is PostStatus.PUBLISHED:
            key = (post.network, month_key(post.at.astimezone(run.tz).date()))
            published[key] = published.get(key, 0) + 1
    out = []
    months = _months(run)
    for network in DEMO_NETWORKS:
        if network not in run.profiles:
            continue
        followers = float(BASE_FOLLOWERS[network])
        for month in months:
            mon = int(month[5:])
            followers *= 1 + GROWTH[network] + rng.uniform(-0.006, 0.006)
            # engagement peaks before the holidays and dips in summer
            season = 1 + 0.25 * math.cos(2 * math.pi * (mon - 12) / 12)
            reach = followers * rng.uniform(1.6, 2.4) * season
            reactions = reach * rng.uniform(0.03, 0.045) * season
            out.append(
                MonthlyFigures(
                    network=network,
                    month=month,
                    followers=round(followers),
                    posts=published.get((network, month), 0),
                    reach=round(reach),
                    impressions=round(reach * rng.uniform(1.4, 1.9)),
                    reactions=round(reactions),
                    comments=round(reactions * rng.uniform(0.08, 0.15)),
                    shares=round(reactions * rng.uniform(0.05, 0.1)),
                    clicks=round(reach * rng.uniform(0.01, 0.02)),
                    profile_visits=round(reach * rng.uniform(0.015, 0.03)),
                )
            )
    return out


def competitor_figures(run: DemoRun) -> list[Competitor]:
    """Three competitors and their monthly figures."""
    rng = run.rng
    specs = (
        ("Nordik Lab", "instagram", "@nordiklab", 5200, 0.02),
        ("Studio Érable", "facebook", "studio.erable", 3900, 0.008),
        ("Atelier Cardinal", "x", "@ateliercardinal", 2100, 0.03),
    )
    out = []
    for name, network, handle, base, growth in specs:
        followers = float(base)
        months = []
        for month in _months(run):
            followers *= 1 + growth + rng.uniform(-0.01, 0.01)
            posts = rng.randint(20, 60)
            months.append(
                CompetitorMonth(month, round(followers), posts, round(posts * rng.uniform(15, 60)))
            )
        out.append(Competitor(name, network, handle, tuple(months), notes="Veille concurrentielle"))
    return out


def ad_campaigns(run: DemoRun) -> list[AdCampaign]:
    """Two ad campaigns (``small``: one), the second running, with their daily checks."""
    rng = run.rng
    specs: tuple[tuple[str, str, int, int, float], ...] = (
        ("Fête des mères — Aurore", "facebook", -120, -92, 1500.0),
        ("Lumen Box — lancement", "instagram", -12, 16, 2400.0),
    )
    if run.size == "small":
        specs = specs[1:]
    notes = (
        "",
        "",
        "",
        "Audience narrowed to 25-44",
        "Paused the weakest visual",
        "Budget moved to stories",
    )
    out = []
    for name, network, start_off, end_off, budget in specs:
        start = run.today + timedelta(days=start_off)
        end = run.today + timedelta(days=end_off)
        per_day = budget / ((end - start).days + 1)
        checks = []
        for day in run.days(start, min(end, run.today - timedelta(days=1))):
            spend = round(per_day * rng.uniform(0.8, 1.15), 2)
            checks.append(
                CampaignCheck(day, spend, round(spend * rng.uniform(1.2, 2.6)), rng.choice(notes))
            )
        clicks = sum(c.results for c in checks)
        out.append(
            AdCampaign(
                name=name,
                network=network,
                start=start,
                end=end,
                budget=budget,
                spend=round(sum(c.spend for c in checks), 2),
                clicks=clicks,
                conversions=round(clicks * 0.031),
                checks=tuple(checks),
            )
        )
    return out
