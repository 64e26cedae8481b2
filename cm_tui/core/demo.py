"""Deterministic, realistic demo data: a fictional design-lamp maker, "Maison Lumen".

``generate_demo(size, now, seed, networks=..., templates=...)`` is pure: the same arguments give
the same data, byte for byte (one ``random.Random(seed)``, no set iteration, no clock). Every
instant is UTC; days and working hours are read in ``tz``. Nothing has an ``id`` yet (the store
assigns them); ``io`` writes the result through the Repository.

Sizes:

* ``small``: one month of history (posts, a few dozen queue items, two months of figures), the
  community manager three weeks into the onboarding checklist;
* ``year``: a year of posts on Facebook, X, Instagram and LinkedIn at plausible hours meeting
  their targets most days, the Friday blog post with its links on X and Facebook, scheduled /
  draft / idea posts for the next two weeks; 20-60 comments a working day (fewer at weekends),
  mostly replied or ignored with realistic response times, 15-40 still open around ``now``
  (overdue, due soon, later; ambassadors, keyword matches, French with accents and emoji, and a
  little spam; no markup-like test string: those live in the tests); monthly figures with
  growing followers and seasonal engagement; 3 competitors; 2 ad campaigns (one running) with
  daily checks; task completion history;
* ``stress``: the ``year`` data with exactly 5,000 posts, 10,000 open and 100,000 archived queue
  items.

The parts (``core.demo_posts``, ``demo_queue``, ``demo_stats``, ``demo_tasks``) share one
``DemoRun`` (``core.demo_run``: the random source, the days, the networks) and draw from it in
the order ``_generate`` calls them; their words and names are ``core.demo_vocabulary``'s.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from cm_tui.core import i18n
from cm_tui.core.deadline import DeadlinePolicy
from cm_tui.core.demo_posts import fit_posts, post_history
from cm_tui.core.demo_queue import (
    author_pool,
    open_items,
    queue_history,
    stress_archived,
    stress_open,
)
from cm_tui.core.demo_run import DemoRun
from cm_tui.core.demo_stats import ad_campaigns, competitor_figures, monthly_figures
from cm_tui.core.demo_tasks import task_history
from cm_tui.core.demo_vocabulary import (
    DEMO_NETWORKS,
    HASHTAGS,
    INFLUENCERS,
    KEYWORDS,
    POSTING_NETWORKS,
)
from cm_tui.core.models import (
    AdCampaign,
    Competitor,
    DocumentKind,
    Hashtag,
    Influencer,
    MonthlyFigures,
    NetworkProfile,
    Post,
    QueueItem,
    ReferenceDocument,
    TaskOccurrence,
    TaskTemplate,
    WatchKeyword,
)
from cm_tui.core.recurrence import CHECKLIST_DAY, WorkHours
from cm_tui.core.timeutil import (
    FIRST_DAY,
    LAST_DAY,
    clamp_supported_day,
    in_supported_range,
    is_supported_day,
    month_key,
)

__all__ = ["DEMO_NETWORKS", "POSTING_NETWORKS", "SIZES", "DemoData", "generate_demo"]

SIZES: tuple[str, ...] = ("small", "year", "stress")
DEFAULT_DEADLINE_OVERRIDES: Mapping[str, int] = {"review": 24 * 60}

STRESS_POSTS = 5_000
STRESS_OPEN = 10_000
STRESS_ARCHIVED = 100_000


@dataclass(slots=True)
class DemoData:
    """Everything a demo store holds. ``queue`` is what stays in the hot store (open items and
    items closed less than ``archive_after_days`` ago); ``archived`` goes to the archive."""

    size: str
    now: datetime
    timezone: str
    networks: list[NetworkProfile]
    templates: list[TaskTemplate]
    active_networks: tuple[str, ...]
    onboarding_start: date
    #: the language its titles are written in (the interface's when it was generated)
    language: str = "en"
    posts: list[Post] = field(default_factory=list)
    queue: list[QueueItem] = field(default_factory=list)
    archived: list[QueueItem] = field(default_factory=list)
    figures: list[MonthlyFigures] = field(default_factory=list)
    campaigns: list[AdCampaign] = field(default_factory=list)
    competitors: list[Competitor] = field(default_factory=list)
    influencers: list[Influencer] = field(default_factory=list)
    hashtags: list[Hashtag] = field(default_factory=list)
    keywords: list[WatchKeyword] = field(default_factory=list)
    documents: list[ReferenceDocument] = field(default_factory=list)
    occurrences: list[TaskOccurrence] = field(default_factory=list)

    @property
    def open_items(self) -> list[QueueItem]:
        return [item for item in self.queue if item.status.is_open]

    def counts(self) -> dict[str, int]:
        """Number of records per table (for the CLI's summary line)."""
        return {
            "networks": len(self.networks),
            "tasks": len(self.templates),
            "posts": len(self.posts),
            "queue_open": len(self.open_items),
            "queue_closed": len(self.queue) - len(self.open_items),
            "archived": len(self.archived),
            "figures": len(self.figures),
            "campaigns": len(self.campaigns),
            "competitors": len(self.competitors),
            "influencers": len(self.influencers),
            "hashtags": len(self.hashtags),
            "keywords": len(self.keywords),
            "documents": len(self.documents),
            "occurrences": len(self.occurrences),
        }


def _zone(tz: ZoneInfo | str) -> ZoneInfo:
    return tz if isinstance(tz, ZoneInfo) else ZoneInfo(tz)


def generate_demo(
    size: str,
    now: datetime,
    seed: int = 2026,
    *,
    networks: Sequence[NetworkProfile],
    templates: Sequence[TaskTemplate] = (),
    tz: ZoneInfo | str = "Europe/Paris",
    hours: WorkHours | None = None,
    archive_after_days: int = 7,
    default_deadline_minutes: int = 60,
    deadline_overrides: Mapping[str, int] | None = None,
) -> DemoData:
    """Build the demo data set ``size`` around ``now`` (aware; see module doc).

    ``networks`` and ``templates`` are the shipped profiles and catalog (``io.shipped``), passed
    in because ``core`` does not read files.
    """
    if size not in SIZES:
        raise ValueError(f"unknown demo size {size!r}; use one of {', '.join(SIZES)}")
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    run = DemoRun(
        size,
        now.astimezone(UTC),
        seed,
        list(networks),
        list(templates),
        _zone(tz),
        hours or WorkHours(),
        archive_after_days,
        DeadlinePolicy(
            default_deadline_minutes,
            DEFAULT_DEADLINE_OVERRIDES if deadline_overrides is None else deadline_overrides,
        ),
    )
    return _generate(run)


def _dated_inside(record: Any) -> bool:
    """Every date and instant of ``record`` (its own fields) lies in the supported days."""
    for value in (getattr(record, f.name) for f in fields(record)):
        if isinstance(value, datetime):
            if not in_supported_range(value):
                return False
        elif isinstance(value, date) and value != CHECKLIST_DAY and not is_supported_day(value):
            return False
    return True


def _clamp_day(day: date | None) -> date | None:
    return None if day is None else clamp_supported_day(day)


def _inside_supported_days(data: DemoData) -> DemoData:
    """The demo kept to the days cm-tui accepts (``core.timeutil.FIRST_DAY`` .. ``LAST_DAY``):
    around ``--now 2000-01-01`` or ``2199-12-31`` its year of history or its two weeks ahead
    would cross them. Dated rows outside are left out; dates that only describe a record (a
    document's last review, an influencer's last contact, a campaign's bounds) are clamped."""
    first_month, last_month = month_key(FIRST_DAY), month_key(LAST_DAY)

    def month_inside(month: str) -> bool:
        return first_month <= month <= last_month

    data.posts = [p for p in data.posts if _dated_inside(p)]
    data.queue = [q for q in data.queue if _dated_inside(q)]
    data.archived = [q for q in data.archived if _dated_inside(q)]
    data.occurrences = [o for o in data.occurrences if _dated_inside(o)]
    data.figures = [f for f in data.figures if month_inside(f.month)]
    data.competitors = [
        c.replace(months=tuple(m for m in c.months if month_inside(m.month)))
        for c in data.competitors
    ]
    data.documents = [d.replace(last_reviewed=_clamp_day(d.last_reviewed)) for d in data.documents]
    data.influencers = [
        i.replace(last_contacted=_clamp_day(i.last_contacted)) for i in data.influencers
    ]
    data.campaigns = [_campaign_inside(c) for c in data.campaigns]
    data.onboarding_start = _clamp_day(data.onboarding_start) or FIRST_DAY
    return data


def _campaign_inside(campaign: AdCampaign) -> AdCampaign:
    """``campaign`` with its bounds clamped and only its checks of supported days (its totals,
    the sums of its checks, follow)."""
    checks = tuple(k for k in campaign.checks if is_supported_day(k.day))
    bounds = (campaign.start, campaign.end)
    if checks == campaign.checks and all(is_supported_day(day) for day in bounds):
        return campaign
    clicks = sum(k.results for k in checks)
    return campaign.replace(
        start=_clamp_day(campaign.start),
        end=_clamp_day(campaign.end),
        checks=checks,
        spend=round(sum(k.spend for k in checks), 2),
        clicks=clicks,
        conversions=round(clicks * 0.031),
    )


def _generate(run: DemoRun) -> DemoData:
    """The data set of ``run``. Its parts draw from ``run.rng`` in the order they are called
    here: called in another order, they give other data."""
    onboarding_start = run.today - timedelta(days=20) if run.size == "small" else run.start
    data = DemoData(
        size=run.size,
        now=run.now,
        timezone=run.tz.key,
        networks=run.networks,
        templates=run.templates,
        active_networks=tuple(k for k in DEMO_NETWORKS if k in run.profiles) or DEMO_NETWORKS,
        onboarding_start=onboarding_start,
        language=i18n.language(),
    )
    data.hashtags = [Hashtag(tag, kind) for tag, kind in HASHTAGS]
    data.keywords = [WatchKeyword(term, kind) for term, kind in KEYWORDS]
    data.influencers = _influencers(run)
    data.documents = _documents(run)
    data.posts = post_history(run)
    if run.size == "stress":
        data.posts = fit_posts(run, data.posts, STRESS_POSTS)
    authors = author_pool(run)
    if run.size == "stress":
        data.queue = stress_open(run, authors, STRESS_OPEN)
        data.archived = stress_archived(run, authors, STRESS_ARCHIVED)
    else:
        data.queue, data.archived = queue_history(run, authors)
        data.queue.extend(open_items(run, authors))
    data.figures = monthly_figures(run, data.posts)
    data.competitors = competitor_figures(run)
    data.campaigns = ad_campaigns(run)
    data.occurrences = task_history(run, data.active_networks, onboarding_start)
    return _inside_supported_days(data)


def _influencers(run: DemoRun) -> list[Influencer]:
    out = []
    # one contacted each Wednesday, rotating; the last one never contacted yet
    wednesday = run.today - timedelta(days=(run.today.isoweekday() - 3) % 7 or 7)
    for index, (name, network, handle) in enumerate(INFLUENCERS):
        last = None
        if index < len(INFLUENCERS) - 1:
            last = wednesday - timedelta(weeks=index)
        out.append(Influencer(name, network, handle, last))
    return out


def _documents(run: DemoRun) -> list[ReferenceDocument]:
    today = run.today
    # titles in the interface's language: a French demo shows French titles only
    specs: list[tuple[DocumentKind, str, str | None, int, int]] = [
        (DocumentKind.GRAPHIC_CHARTER, i18n.t("core.demo.doc.charter"), None, 400, 365),
        (
            DocumentKind.EDITORIAL_LINE,
            i18n.t("core.demo.doc.editorial_line", year=today.year),
            None,
            120,
            180,
        ),
        (DocumentKind.NETIQUETTE, i18n.t("core.demo.doc.netiquette"), None, 60, 365),
        (DocumentKind.HEADER_IMAGES, i18n.t("core.demo.doc.header_images"), None, 100, 90),
        (DocumentKind.HASHTAG_LIST, i18n.t("core.demo.doc.hashtags"), None, 20, 90),
        (DocumentKind.WATCH_PLAN, i18n.t("core.demo.doc.watch_plan"), None, 200, 180),
    ]
    for network, age in (("facebook", 35), ("x", 10), ("instagram", 12), ("linkedin", 25)):
        name = run.profiles[network].name if network in run.profiles else network
        title = i18n.t("core.demo.doc.about", network=name)
        specs.append((DocumentKind.ABOUT, title, network, age, 30))
    return [
        ReferenceDocument(
            kind=kind,
            title=title,
            network=network,
            location=f"~/Documents/Lumen/{kind.value}.md",
            last_reviewed=today - timedelta(days=age),
            review_every_days=every,
        )
        for kind, title, network, age, every in specs
    ]
