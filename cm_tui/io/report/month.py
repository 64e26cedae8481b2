"""MonthReport: what the monthly report shows, built from lists (``build_report``, pure) or
from the store (``gather``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import field
from datetime import date, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from cm_tui.core.campaigns import CampaignStatus, campaign_status
from cm_tui.core.export_facts import ExportFact, derive_months, top_posts
from cm_tui.core.models import (
    AdCampaign,
    Competitor,
    MonthlyFigures,
    NetworkProfile,
    Post,
    PostStatus,
    QueueItem,
)
from cm_tui.core.stats import (
    PREF_BASELINE,
    PREF_KPI,
    KpiTargets,
    NetworkMonth,
    ResponseFigures,
    baseline_month,
    baseline_pref,
    campaigns_in_month,
    month_bounds,
    month_change,
    month_of,
    month_spend,
    month_table,
    months_range,
    posting_days_share,
    published_per_month,
    response_figures,
    with_derived_posts,
)
from cm_tui.core.timeutil import parse_month, shift_month
from cm_tui.core.value import Value, frozen

if TYPE_CHECKING:
    from cm_tui.store import Repository


@frozen
class CompetitorLine(Value):
    name: str
    network: str
    followers: int | None
    change: float | None
    posts: int | None
    engagements: int | None


@frozen
class CampaignLine(Value):
    status: CampaignStatus
    month_spend: float
    month_results: int


@frozen(slots=False)
class MonthReport(Value):
    month: str
    baseline: str | None
    today: date
    zone: str
    networks: tuple[NetworkProfile, ...]
    table: tuple[NetworkMonth, ...]
    competitors: tuple[CompetitorLine, ...]
    campaigns: tuple[CampaignLine, ...]
    posts: tuple[Post, ...]
    #: the months before ``month`` (12, oldest first) for the charts, and the figures
    chart_months: tuple[str, ...] = ()
    figures: tuple[MonthlyFigures, ...] = ()
    targets: dict[str, KpiTargets] = field(default_factory=dict)
    #: what the charts read besides the figures: published posts per (network, month), the
    #: queue's figures of every month given, the competitors and campaigns
    published: dict[tuple[str, str], int] = field(default_factory=dict)
    responses: dict[tuple[str, str], ResponseFigures] = field(default_factory=dict)
    all_competitors: tuple[Competitor, ...] = ()
    all_campaigns: tuple[AdCampaign, ...] = ()
    #: the ISO 4217 code of the campaigns' amounts (``[stats] currency``), named by the
    #: campaigns' table and chart
    currency: str = "EUR"
    #: the month's best posts by the platforms' exports, and (network, the files its month's
    #: figures came from) (``core.export_facts``)
    top_posts: tuple[ExportFact, ...] = ()
    export_files: tuple[tuple[str, str], ...] = ()

    def network_name(self, key: str) -> str:
        for network in self.networks:
            if network.key == key:
                return network.name
        return key


def build_report(
    month: str,
    *,
    figures: Iterable[MonthlyFigures],
    networks: Sequence[NetworkProfile],
    posts: Iterable[Post],
    queue_items: Iterable[QueueItem],
    competitors: Iterable[Competitor],
    campaigns: Iterable[AdCampaign],
    targets: dict[str, KpiTargets],
    baseline: str | None,
    tz: ZoneInfo,
    today: date,
    currency: str = "EUR",
    archived_responses: dict[tuple[str, str], ResponseFigures] | None = None,
) -> MonthReport:
    """Everything the report shows for ``month`` (local months in ``tz``). The tables use the
    posts and queue items of ``month``; the charts those of every month given. ``currency``
    names the campaigns' amounts. ``archived_responses``: the response figures of archived
    items (``QueueRepo.archived_response_figures``), added to those of ``queue_items``."""
    parse_month(month)
    posts = list(posts)
    competitors = list(competitors)
    campaigns = list(campaigns)
    published = published_per_month(posts, tz)
    figures = with_derived_posts(list(figures), published)
    baseline = baseline_month(figures, baseline)
    all_responses = response_figures(queue_items, tz)
    if archived_responses:
        from cm_tui.store.archive_summary import combine_figures

        combine_figures(all_responses, archived_responses)
    responses = {key: fig for key, fig in all_responses.items() if key[1] == month}
    shares = {n.key: posting_days_share(n, posts, month, tz, until=today) for n in networks}
    table = month_table(
        figures,
        month,
        [n.key for n in networks],
        baseline=baseline,
        targets=targets,
        responses=responses,
        posting_shares=shares,
    )
    previous = shift_month(month, -1)
    comp_lines = []
    for comp in competitors:
        by_month = {m.month: m for m in comp.months}
        cur, old = by_month.get(month), by_month.get(previous)
        comp_lines.append(
            CompetitorLine(
                comp.name,
                comp.network,
                None if cur is None else cur.followers,
                month_change(
                    None if cur is None else cur.followers, None if old is None else old.followers
                ),
                None if cur is None else cur.posts,
                None if cur is None else cur.engagements,
            )
        )
    camp_lines = []
    for campaign in campaigns_in_month(campaigns, month):
        spend, results = month_spend(campaign, month)
        camp_lines.append(CampaignLine(campaign_status(campaign, today), spend, results))
    month_posts = tuple(
        sorted(
            (p for p in posts if p.status is PostStatus.PUBLISHED and month_of(p.at, tz) == month),
            key=lambda p: (p.at, p.id),
        )
    )
    return MonthReport(
        month=month,
        baseline=baseline,
        today=today,
        zone=tz.key,
        networks=tuple(networks),
        table=tuple(table),
        competitors=tuple(comp_lines),
        campaigns=tuple(camp_lines),
        posts=month_posts,
        chart_months=tuple(months_range(month, 12)),
        figures=tuple(figures),
        targets=targets,
        published=published,
        responses=all_responses,
        all_competitors=tuple(competitors),
        all_campaigns=tuple(campaigns),
        currency=currency,
    )


def gather(
    repo: Repository,
    month: str,
    *,
    networks: Sequence[NetworkProfile],
    tz: ZoneInfo,
    today: date,
    charts: bool = False,
    currency: str = "EUR",
) -> MonthReport:
    """``build_report`` on the store's data. Only the queue items of the month are read: the
    hot table's, and the archive's response figures from its month summaries (never the month
    files whole, ``store/archive_summary.py``). ``charts`` (the HTML report) reads the queue
    items and posts of the twelve months the charts show too."""
    from cm_tui.core.stats import kpi_targets_from_pref

    parse_month(month)
    first = shift_month(month, -11) if charts else month
    start, _ = month_bounds(first, tz)
    _, end = month_bounds(month, tz)
    items: list[QueueItem] = [item for item in repo.queue.all() if start <= item.received_at < end]
    # archived items: from the month summaries of the UTC months the range touches
    archived = {
        key: fig
        for key, fig in repo.queue.archived_response_figures(
            tz, f"{start:%Y-%m}", f"{end:%Y-%m}"
        ).items()
        if first <= key[1] <= month
    }
    # posts: the month itself for the list, the weeks around it for weekly posting targets
    lo, _ = month_bounds(shift_month(first, -1), tz)
    _, hi = month_bounds(shift_month(month, 1), tz)
    figures = repo.figures.all()
    report = build_report(
        month,
        figures=figures,
        networks=networks,
        posts=_posts_for_report(repo, lo, hi, month, tz, figures),
        queue_items=items,
        archived_responses=archived,
        competitors=repo.competitors.all(),
        campaigns=repo.campaigns.all(),
        targets=kpi_targets_from_pref(repo.prefs.get(PREF_KPI)),
        baseline=baseline_pref(repo.prefs.get(PREF_BASELINE)),
        tz=tz,
        today=today,
        currency=currency,
    )
    return _with_exports(report, repo.export_facts.all(), month, tz)


def _with_exports(
    report: MonthReport, facts: Sequence[ExportFact], month: str, tz: ZoneInfo
) -> MonthReport:
    """``report`` with the month's top posts and the files of its figures, from the facts of
    the platforms' exports (docs/architecture.md, "Platform exports")."""
    if not facts:
        return report
    months = derive_months([f for f in facts if f.month(tz) == month], tz)
    files = tuple((network, ", ".join(m.files)) for (network, _m), m in sorted(months.items()))
    return dataclasses.replace(
        report, top_posts=tuple(top_posts(facts, month, tz)), export_files=files
    )


def _posts_for_report(
    repo: Repository,
    lo: datetime,
    hi: datetime,
    month: str,
    tz: ZoneInfo,
    figures: Sequence[MonthlyFigures],
) -> list[Post]:
    """The posts around the month, plus those of the months with figures (so that the posts
    figure of the previous and baseline months is derived from the Calendar too)."""
    months = {f.month for f in figures} | {month}
    posts: dict[int, Post] = {p.id: p for p in repo.posts.between(lo, hi)}
    for name in months:
        start, end = month_bounds(name, tz)
        if start >= lo and end <= hi:
            continue
        for post in repo.posts.between(start, end):
            posts.setdefault(post.id, post)
    return list(posts.values())
