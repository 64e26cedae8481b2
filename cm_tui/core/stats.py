"""Month-over-month figures for the Stats tab.

Months are ``"YYYY-MM"`` strings. Series are aligned on an explicit list of months so that a
missing month shows as a gap (``None``), never as a shifted value.
"""

from __future__ import annotations

import dataclasses
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from cm_tui.core.models import (
    AdCampaign,
    Competitor,
    MonthlyFigures,
    NetworkProfile,
    Post,
    PostingPeriod,
    PostStatus,
    QueueItem,
    QueueStatus,
    network_names,
)
from cm_tui.core.timeutil import (
    days_in_month,
    local_date,
    local_day_bounds,
    month_key,
    parse_month,
    shift_month,
    week_start_of,
)
from cm_tui.core.value import Value, frozen

#: Metrics ``monthly_series`` understands besides the integer fields of ``MonthlyFigures``.
DERIVED_METRICS = ("engagements", "engagement_rate")
FIELD_METRICS = MonthlyFigures.FIGURES


def months_range(last_month: str, n: int) -> list[str]:
    """The ``n`` months ending with ``last_month``, oldest first."""
    parse_month(last_month)
    return [shift_month(last_month, i) for i in range(1 - n, 1)]


def engagement_rate(figures: MonthlyFigures) -> float | None:
    """Engagements (reactions + comments + shares) per 100 people reached (``None``: no reach)."""
    if figures.reach <= 0:
        return None
    return 100.0 * figures.engagements / figures.reach


def metric_value(figures: MonthlyFigures, metric: str) -> float | int | None:
    if metric == "engagement_rate":
        return engagement_rate(figures)
    if metric == "engagements":
        return figures.engagements
    if metric in FIELD_METRICS:
        return getattr(figures, metric)
    raise ValueError(
        f"unknown metric {metric!r}; use one of {', '.join(FIELD_METRICS + DERIVED_METRICS)}"
    )


def monthly_series(
    figures: Iterable[MonthlyFigures],
    metric: str,
    networks: Sequence[str] | None = None,
    months: Sequence[str] | None = None,
) -> dict[str, list[tuple[str, float | int | None]]]:
    """network -> [(month, value)] for each month of ``months`` (default: every month present,
    sorted), ``None`` where a month has no figures. ``networks`` selects and orders the keys
    (default: every network present, sorted). A later record for the same network and month
    replaces an earlier one."""
    table: dict[tuple[str, str], MonthlyFigures] = {}
    for fig in figures:
        table[(fig.network, fig.month)] = fig
    if networks is None:
        networks = sorted({n for n, _ in table})
    if months is None:
        months = sorted({m for _, m in table})
    out: dict[str, list[tuple[str, float | int | None]]] = {}
    for network in networks:
        series = []
        for month in months:
            found = table.get((network, month))
            series.append((month, None if found is None else metric_value(found, metric)))
        out[network] = series
    return out


def month_change(current: float | None, previous: float | None) -> float | None:
    """Percent change from ``previous`` to ``current``; ``None`` when either is missing or the
    previous value is 0 (no meaningful ratio)."""
    if current is None or previous is None or previous == 0:
        return None
    return 100.0 * (current - previous) / abs(previous)


# --------------------------------------------------------------------------- queue figures


@dataclass(slots=True)
class ResponseFigures:
    """Queue figures of one network and month (the month an item was received, local time)."""

    network: str
    month: str
    received: int = 0
    replied: int = 0
    on_time: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    by_status: dict[str, int] = field(default_factory=dict)
    response_minutes: list[float] = field(default_factory=list)

    @property
    def median_minutes(self) -> float | None:
        return statistics.median(self.response_minutes) if self.response_minutes else None

    @property
    def p90_minutes(self) -> float | None:
        return percentile(self.response_minutes, 90)

    @property
    def on_time_share(self) -> float | None:
        """Share (0-1) of replied items answered by their deadline."""
        return self.on_time / self.replied if self.replied else None


def percentile(values: Sequence[float], pct: float) -> float | None:
    """Nearest-rank percentile (``None`` for no values)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * pct // 100))
    return ordered[int(rank) - 1]


def response_figures(
    items: Iterable[QueueItem], tz: ZoneInfo
) -> dict[tuple[str, str], ResponseFigures]:
    """(network, month) -> figures, in one pass over ``items`` (open, closed or archived: pass an
    iterator over the archive to keep memory flat)."""
    out: dict[tuple[str, str], ResponseFigures] = {}
    for item in items:
        local = item.received_at.astimezone(tz)
        month = f"{local.year:04d}-{local.month:02d}"
        key = (item.network, month)
        fig = out.get(key)
        if fig is None:
            fig = out[key] = ResponseFigures(item.network, month)
        fig.received += 1
        fig.by_kind[item.kind.value] = fig.by_kind.get(item.kind.value, 0) + 1
        fig.by_status[item.status.value] = fig.by_status.get(item.status.value, 0) + 1
        if item.status is QueueStatus.REPLIED and item.replied_at is not None:
            fig.replied += 1
            fig.response_minutes.append((item.replied_at - item.received_at).total_seconds() / 60)
            if item.replied_at <= item.deadline:
                fig.on_time += 1
    return out


def month_of(instant: datetime, tz: ZoneInfo) -> str:
    local = instant.astimezone(tz)
    return f"{local.year:04d}-{local.month:02d}"


# --------------------------------------------------------------------------- derived figures
# (issue 6) Figures that are never typed twice: they come from the Calendar's posts and from
# the Queue (archived items included). Months are local months in the user's time zone.


def published_per_month(posts: Iterable[Post], tz: ZoneInfo) -> dict[tuple[str, str], int]:
    """(network, local month) -> how many posts were published."""
    out: dict[tuple[str, str], int] = {}
    for post in posts:
        if post.status is PostStatus.PUBLISHED:
            key = (post.network, month_of(post.at, tz))
            out[key] = out.get(key, 0) + 1
    return out


def month_days(month: str) -> list[date]:
    """Every calendar day of ``month``."""
    year, mon = parse_month(month)
    return [date(year, mon, d) for d in range(1, days_in_month(year, mon) + 1)]


def posting_days_share(
    network: NetworkProfile,
    posts: Iterable[Post],
    month: str,
    tz: ZoneInfo,
    until: date | None = None,
) -> float | None:
    """Share (0-1) of the month's days on which ``network`` met its posting target (at least
    ``target_min`` published posts that day; for a weekly network, in that day's ISO week).

    Only days up to ``until`` (inclusive: today) count; ``None`` when no day counts.
    """
    days = [d for d in month_days(month) if until is None or d <= until]
    if not days:
        return None
    per_day: dict[date, int] = {}
    for post in posts:
        if post.network == network.key and post.status is PostStatus.PUBLISHED:
            day = local_date(post.at, tz)
            per_day[day] = per_day.get(day, 0) + 1
    met = 0
    for day in days:
        if network.period is PostingPeriod.WEEK:
            first = week_start_of(day)
            count = sum(per_day.get(first + timedelta(days=i), 0) for i in range(7))
        else:
            count = per_day.get(day, 0)
        if count >= network.target_min:
            met += 1
    return met / len(days)


def month_bounds(month: str, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """``[start, end)`` in UTC of the local ``month``."""
    year, mon = parse_month(month)
    start = local_day_bounds(date(year, mon, 1), tz)[0]
    nxt = shift_month(month, 1)
    end = local_day_bounds(date(int(nxt[:4]), int(nxt[5:]), 1), tz)[0]
    return start, end


# --------------------------------------------------------------------------- KPI targets


@frozen
class KpiTargets(Value):
    """What "a good month" means for one network; ``None`` switches a KPI off.

    * ``followers_growth_pct``: followers growth against the previous month, in percent;
    * ``engagement_rate_pct``: engagements per 100 people reached;
    * ``on_time_share``: share (0-1) of replied items answered by their deadline (the deadline is
      received + 1 hour by default: "answered within the hour").
    """

    followers_growth_pct: float | None = 2.0
    engagement_rate_pct: float | None = 3.0
    on_time_share: float | None = 0.9


KPI_NAMES = ("followers_growth", "engagement_rate", "on_time_share")
DEFAULT_KPI = KpiTargets()


def kpi_targets_from_pref(value: object) -> dict[str, KpiTargets]:
    """``{"facebook": {"followers_growth_pct": 1.5, ...}, "*": {...}}`` (the ``stats.kpi``
    preference) -> targets per network; ``"*"`` gives the default of every network.
    Unknown keys and values that are not numbers (or null) are ignored."""
    out: dict[str, KpiTargets] = {}
    if not isinstance(value, dict):
        return out
    base = DEFAULT_KPI
    ordered = sorted(value.items(), key=lambda kv: kv[0] != "*")
    for network, raw in ordered:
        if not isinstance(raw, dict):
            continue
        start = base if network != "*" else DEFAULT_KPI
        changes = {}
        for name in ("followers_growth_pct", "engagement_rate_pct", "on_time_share"):
            if name in raw:
                number = raw[name]
                if number is None or (
                    isinstance(number, int | float) and not isinstance(number, bool)
                ):
                    changes[name] = None if number is None else float(number)
        targets = dataclasses.replace(start, **changes)
        if network == "*":
            base = targets
        out[str(network)] = targets
    return out


def kpi_for(targets: dict[str, KpiTargets], network: str) -> KpiTargets:
    return targets.get(network) or targets.get("*") or DEFAULT_KPI


def kpi_status(
    targets: KpiTargets,
    current: MonthlyFigures | None,
    previous: MonthlyFigures | None,
    response: ResponseFigures | None,
) -> dict[str, bool | None]:
    """KPI name -> met (``True``), missed (``False``) or unknown / no target (``None``)."""
    out: dict[str, bool | None] = dict.fromkeys(KPI_NAMES)
    if targets.followers_growth_pct is not None and current is not None and previous is not None:
        growth = month_change(current.followers, previous.followers)
        if growth is not None:
            out["followers_growth"] = growth >= targets.followers_growth_pct - 1e-9
    if targets.engagement_rate_pct is not None and current is not None:
        rate = engagement_rate(current)
        if rate is not None:
            out["engagement_rate"] = rate >= targets.engagement_rate_pct - 1e-9
    if targets.on_time_share is not None and response is not None:
        share = response.on_time_share
        if share is not None:
            out["on_time_share"] = share >= targets.on_time_share - 1e-9
    return out


# --------------------------------------------------------------------------- month table


def baseline_month(figures: Iterable[MonthlyFigures], chosen: str | None = None) -> str | None:
    """The month changes are measured against: ``chosen`` when given (a ``YYYY-MM``), else the
    first month with figures; ``None`` without figures."""
    if chosen:
        parse_month(chosen)
        return chosen
    months = {f.month for f in figures}
    return min(months) if months else None


def with_derived_posts(
    figures: Iterable[MonthlyFigures], published: dict[tuple[str, str], int]
) -> list[MonthlyFigures]:
    """The figures with ``posts`` taken from the Calendar where it has published posts for that
    network and month (the typed value is kept otherwise, e.g. for months before the app)."""
    out = []
    for fig in figures:
        count = published.get((fig.network, fig.month))
        out.append(fig if count is None or count == fig.posts else fig.replace(posts=count))
    return out


#: the figures of the month table, in order
TABLE_METRICS: tuple[str, ...] = (
    "followers",
    "posts",
    "reach",
    "impressions",
    "engagements",
    "engagement_rate",
    "clicks",
    "profile_visits",
)
#: which KPI each figure carries
METRIC_KPI = {"followers": "followers_growth", "engagement_rate": "engagement_rate"}


@frozen
class FigureLine(Value):
    """One figure of one network in one month, with its changes and its KPI."""

    metric: str
    value: float | int | None
    previous: float | int | None
    baseline: float | int | None
    change: float | None  # percent vs previous month
    change_baseline: float | None  # percent vs baseline month
    kpi: bool | None


@frozen
class NetworkMonth(Value):
    network: str
    month: str
    lines: tuple[FigureLine, ...]
    kpis: dict[str, bool | None]
    response: ResponseFigures | None = None
    posting_days_share: float | None = None


def month_table(
    figures: Iterable[MonthlyFigures],
    month: str,
    networks: Sequence[str],
    *,
    baseline: str | None,
    targets: dict[str, KpiTargets] | None = None,
    responses: dict[tuple[str, str], ResponseFigures] | None = None,
    posting_shares: dict[str, float | None] | None = None,
    metrics: Sequence[str] = TABLE_METRICS,
) -> list[NetworkMonth]:
    """One ``NetworkMonth`` per network (in order): each figure of ``month`` with its change
    against the previous month and against ``baseline``, and the KPI status."""
    table = {(f.network, f.month): f for f in figures}
    previous_month = shift_month(month, -1)
    targets = targets or {}
    responses = responses or {}
    out = []
    for network in networks:
        current = table.get((network, month))
        before = table.get((network, previous_month))
        base = table.get((network, baseline)) if baseline else None
        response = responses.get((network, month))
        kpis = kpi_status(kpi_for(targets, network), current, before, response)
        lines = []
        for metric in metrics:
            value = None if current is None else metric_value(current, metric)
            old = None if before is None else metric_value(before, metric)
            ref = None if base is None else metric_value(base, metric)
            lines.append(
                FigureLine(
                    metric,
                    value,
                    old,
                    ref,
                    month_change(value, old),
                    None if baseline == month else month_change(value, ref),
                    kpis.get(METRIC_KPI.get(metric, "")),
                )
            )
        out.append(
            NetworkMonth(
                network,
                month,
                tuple(lines),
                kpis,
                response,
                (posting_shares or {}).get(network),
            )
        )
    return out


def competitor_series(
    competitors: Iterable[Competitor], months: Sequence[str], metric: str = "followers"
) -> dict[str, list[tuple[str, int | None]]]:
    """``"name (network)"`` -> [(month, value)] of a competitor's monthly figure."""
    out: dict[str, list[tuple[str, int | None]]] = {}
    for comp in competitors:
        by_month = {m.month: m for m in comp.months}
        out[f"{comp.name} ({comp.network})"] = [
            (m, getattr(by_month[m], metric) if m in by_month else None) for m in months
        ]
    return out


# --------------------------------------------------------------------------- ad campaigns


def campaigns_in_month(campaigns: Iterable[AdCampaign], month: str) -> list[AdCampaign]:
    """Campaigns running at some point of ``month``."""
    days = month_days(month)
    first, last = days[0], days[-1]
    return [c for c in campaigns if c.start <= last and c.end >= first]


def month_spend(campaign: AdCampaign, month: str) -> tuple[float, int]:
    """Spend and results of the daily checks that fall in ``month``."""
    spend = sum(c.spend for c in campaign.checks if month_key(c.day) == month)
    results = sum(c.results for c in campaign.checks if month_key(c.day) == month)
    return round(spend, 2), results


# --------------------------------------------------------------------------- chart series

Series = dict[str, list[tuple[str, float | int | None]]]


def monthly_post_target(network: NetworkProfile, month: str) -> float:
    """The minimum posts of ``month`` that ``network``'s target asks for (daily: ``target_min``
    a day; weekly: ``target_min`` per 7 days)."""
    days = len(month_days(month))
    per_day = network.target_min if network.period is PostingPeriod.DAY else network.target_min / 7
    return round(per_day * days, 1)


def posts_series(
    published: dict[tuple[str, str], int], networks: Sequence[str], months: Sequence[str]
) -> Series:
    """Published posts per network and month (from the Calendar; 0 where none)."""
    return {n: [(m, published.get((n, m), 0)) for m in months] for n in networks}


def response_series(
    responses: dict[tuple[str, str], ResponseFigures],
    networks: Sequence[str],
    months: Sequence[str],
    metric: str,
) -> Series:
    """``response_median`` (minutes) or ``on_time_share`` (percent) per network and month."""
    out: Series = {}
    for network in networks:
        points: list[tuple[str, float | int | None]] = []
        for month in months:
            fig = responses.get((network, month))
            value: float | None = None
            if fig is not None:
                if metric == "response_median":
                    value = fig.median_minutes
                elif metric == "on_time_share":
                    share = fig.on_time_share
                    value = None if share is None else 100.0 * share
                else:
                    raise ValueError(f"unknown response metric {metric!r}")
            points.append((month, value))
        out[network] = points
    return out


def campaign_series(
    campaigns: Iterable[AdCampaign], months: Sequence[str]
) -> dict[str, tuple[list[tuple[str, float | int | None]], list[tuple[str, float | int | None]]]]:
    """Campaign name -> (spend per month, results per month), from the daily checks; months
    outside the campaign's dates are gaps."""
    out = {}
    for campaign in campaigns:
        active = set(m for m in months if campaigns_in_month([campaign], m))
        spend: list[tuple[str, float | int | None]] = []
        results: list[tuple[str, float | int | None]] = []
        for month in months:
            if month in active:
                s, r = month_spend(campaign, month)
                spend.append((month, s))
                results.append((month, r))
            else:
                spend.append((month, None))
                results.append((month, None))
        out[campaign.name] = (spend, results)
    return out


def months_between(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` inclusive (empty if ``first > last``)."""
    out = []
    month = first
    while month <= last:
        out.append(month)
        month = shift_month(month, 1)
    return out


# --------------------------------------------------------------------------- charts
# What each chart draws, shared by the Stats tab (textual-plotext) and the HTML report
# (``io.svg_chart``): one place decides the lines, each caller only draws.


@frozen
class ChartLine(Value):
    """One line of a chart; ``target`` marks a reference line (a network's posting target);
    ``right`` a line read against the right axis (the campaigns' results, counts beside the
    spend's amounts)."""

    label: str
    points: Sequence[tuple[str, float | int | None]]
    target: bool = False
    right: bool = False


@frozen
class ChartData(Value):
    """Everything the charts read, for the months they show.

    ``responses`` is ``None`` while the queue's figures are not known yet (the tab computes
    them in a thread): the response charts are then empty.
    """

    figures: Sequence[MonthlyFigures]
    published: dict[tuple[str, str], int]
    competitors: Sequence[Competitor]
    campaigns: Sequence[AdCampaign]
    responses: dict[tuple[str, str], ResponseFigures] | None


#: the charts ``chart_lines`` draws besides the figures of ``monthly_series``
SPECIAL_CHARTS = (
    "posts_vs_target",
    "response_median",
    "on_time_share",
    "competitors",
    "campaigns",
)


def chart_lines(
    metric: str,
    data: ChartData,
    networks: Sequence[NetworkProfile],
    months: Sequence[str],
    *,
    target_label: str = "target",
    every_target: bool = False,
    spend_label: str = "spend",
    results_label: str = "results",
) -> tuple[list[ChartLine], str]:
    """The lines of chart ``metric`` for ``networks`` over ``months``, and the unit their
    values are in (a metric name, for formatting the axis).

    ``posts_vs_target`` adds the monthly posting target: of the one network shown, or of each
    network when ``every_target`` (labelled ``"<network> <target_label>"``). ``competitors``
    draws our followers and those of the competitors of the same networks; ``campaigns`` the
    spend and the results per month of the campaigns of those networks, two lines per campaign
    labelled ``"<name> · <spend_label>"`` and ``"<name> · <results_label>"``, the results
    against the right axis (``ChartLine.right``).
    """
    keys = [n.key for n in networks]
    names = network_names(networks)
    lines: list[ChartLine] = []
    if metric == "posts_vs_target":
        series = posts_series(data.published, keys, months)
        lines = [ChartLine(names[k], series[k]) for k in keys]
        if len(networks) == 1 or every_target:
            for network in networks:
                label = target_label if len(networks) == 1 else f"{network.name} {target_label}"
                target = [(m, monthly_post_target(network, m)) for m in months]
                lines.append(ChartLine(label, target, target=True))
        return lines, "posts"
    if metric in ("response_median", "on_time_share"):
        if data.responses is None:
            return [], metric
        series = response_series(data.responses, keys, months, metric)
        return [ChartLine(names[k], series[k]) for k in keys], metric
    if metric == "competitors":
        ours = monthly_series(data.figures, "followers", keys, months)
        lines = [ChartLine(names[k], ours[k]) for k in keys]
        rivals = [c for c in data.competitors if c.network in names]
        lines += [ChartLine(k, v) for k, v in competitor_series(rivals, months).items()]
        return lines, "followers"
    if metric == "campaigns":
        campaigns = [c for c in data.campaigns if c.network in names]
        for name, (spend, results) in campaign_series(campaigns, months).items():
            if any(v is not None for _m, v in spend):
                lines.append(ChartLine(f"{name} · {spend_label}", spend))
                lines.append(ChartLine(f"{name} · {results_label}", results, right=True))
        return lines, "campaigns"
    series = monthly_series(data.figures, metric, keys, months)
    return [ChartLine(names[k], series[k]) for k in keys], metric


# --------------------------------------------------------------------------- KPI form
#: the preferences (``Repository.prefs``) holding the KPI targets and the chosen baseline month
PREF_KPI = "stats.kpi"
PREF_BASELINE = "stats.baseline"


def baseline_pref(value: object) -> str | None:
    """The stored baseline month if it is a ``YYYY-MM`` (a hand-edited bad value: the
    default, the first month with figures)."""
    if not isinstance(value, str):
        return None
    try:
        parse_month(value)
    except ValueError:
        return None
    return value


# (issue 6) The targets and the baseline month as the user types them (Stats ``T``).

#: (``KpiTargets`` field, KPI name, how a typed percent maps to the stored value, min, max)
KPI_FIELDS: tuple[tuple[str, str, float, float, float], ...] = (
    ("followers_growth_pct", "followers_growth", 1.0, -100.0, 1000.0),
    ("engagement_rate_pct", "engagement_rate", 1.0, 0.0, 100.0),
    ("on_time_share", "on_time_share", 0.01, 0.0, 100.0),
)


def kpi_percent(targets: KpiTargets, field_name: str) -> float | None:
    """The target of ``field_name`` as the percent the user types (``None``: no target)."""
    for name, _kpi, scale, _lo, _hi in KPI_FIELDS:
        if name == field_name:
            value = getattr(targets, name)
            return None if value is None else round(value / scale, 6)
    raise ValueError(f"unknown KPI field {field_name!r}")


def parse_percent(text: str, low: float, high: float) -> float | None:
    """A typed percent: ``""`` -> ``None`` (no target); ``"2,5"`` / ``"2.5 %"`` -> ``2.5``.
    ``ValueError`` when it is not a number from ``low`` to ``high``."""
    cleaned = text.strip().rstrip("%").strip().replace(",", ".").replace(" ", "")
    if not cleaned:
        return None
    if not cleaned.isascii() or cleaned.lower().strip("+-") in ("nan", "inf", "infinity"):
        raise ValueError(f"not a number: {text!r}")
    value = float(cleaned)  # ValueError for anything else that is not a number
    if not low <= value <= high:
        raise ValueError(f"{value} is not from {low} to {high}")
    return value


def kpi_pref(
    current: object, typed: dict[str, dict[str, float | None]]
) -> dict[str, dict[str, float | None]]:
    """The ``stats.kpi`` preference after the form: ``typed`` (network -> ``KpiTargets`` field
    -> percent as typed, ``None`` = no target) replaces those networks' targets; the other
    entries of ``current`` (a ``"*"`` default, networks not shown) are kept."""
    out: dict[str, dict[str, float | None]] = {}
    if isinstance(current, dict):
        out = {str(k): v for k, v in current.items() if isinstance(v, dict)}
    for network, values in typed.items():
        entry: dict[str, float | None] = {}
        for name, _kpi, scale, _lo, _hi in KPI_FIELDS:
            value = values.get(name)
            entry[name] = None if value is None else round(value * scale, 6)
        out[network] = entry
    return out
