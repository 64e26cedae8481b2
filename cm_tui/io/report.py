"""The monthly report (issue 6): the month's figures and their changes, the KPI status, the
response figures, competitors, campaigns and the month's published posts.

``build_report`` is pure (lists in, ``MonthReport`` out); ``gather`` reads them from a
``Repository`` (queue items of the month; archived ones through the archive's summaries);
``render_markdown`` / ``render_csv`` / ``render_html`` write it out. The HTML is one
self-contained file: tables plus the charts as inline SVG drawn for the page (``io.svg_chart``),
no script, no font or style loaded from the network. The campaigns' amounts are in the
settings' currency (``[stats] currency``), which their headers and chart name.
"""

from __future__ import annotations

import csv
import dataclasses
import html
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from cm_tui.core import locale as l10n
from cm_tui.core.campaigns import CampaignStatus, campaign_status
from cm_tui.core.export_facts import ExportFact, derive_months, top_posts
from cm_tui.core.i18n import language, t
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
    KPI_NAMES,
    PREF_BASELINE,
    PREF_KPI,
    KpiTargets,
    NetworkMonth,
    ResponseFigures,
    baseline_month,
    baseline_pref,
    campaigns_in_month,
    kpi_for,
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
from cm_tui.core.textsafe import clean_line, clean_text, for_terminal
from cm_tui.core.timeutil import parse_month, shift_month
from cm_tui.core.value import Value, frozen
from cm_tui.io.charts import format_change

if TYPE_CHECKING:
    from cm_tui.store import Repository

FORMATS = ("md", "csv", "html")


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


# --------------------------------------------------------------------------- formatting


# Numbers, percentages, amounts and dates are written by ``core.locale`` (the tab's too).


def fmt_number(value: float | int | None, decimals: int = 0) -> str:
    return l10n.number(value, decimals)


def fmt_metric(metric: str, value: float | int | None) -> str:
    if metric == "engagement_rate":
        return l10n.percent(value, 2)
    return l10n.number(value)


def fmt_change(change: float | None) -> str:
    return format_change(change)


def fmt_share(share: float | None) -> str:
    return l10n.percent(None if share is None else 100 * share, 1)


def fmt_kpi(met: bool | None) -> str:
    if met is None:
        return t("stats.kpi.none")
    return ("✅ " if met else "❌ ") + t("stats.kpi.met" if met else "stats.kpi.missed")


def fmt_money(value: float | None) -> str:
    return l10n.money(value)


def _month_name(month: str) -> str:
    """``2026-10`` -> ``Oct 2026`` / ``oct. 2026``."""
    return l10n.month(month)


def kpi_target_text(targets: KpiTargets, kpi: str) -> str:
    if kpi == "followers_growth":
        value = targets.followers_growth_pct
        return "" if value is None else f"≥ +{l10n.percent(value, 1)}"
    if kpi == "engagement_rate":
        value = targets.engagement_rate_pct
        return "" if value is None else f"≥ {l10n.percent(value, 1)}"
    value = targets.on_time_share
    return "" if value is None else f"≥ {l10n.percent(100 * value, 0)}"


# --------------------------------------------------------------------------- sections


def _sections(report: MonthReport) -> list[tuple[str, list[str], list[list[str]]]]:
    """(title, header, rows) of every table of the report, in order."""
    out: list[tuple[str, list[str], list[list[str]]]] = []
    previous = shift_month(report.month, -1)
    for line in report.table:
        if all(f.value is None for f in line.lines):
            continue  # a network without figures this month: no empty table
        name = report.network_name(line.network)
        header = [
            t("stats.report.figure"),
            t("stats.report.value"),
            t("stats.report.vs_previous", month=_month_name(previous)),
            t("stats.report.vs_baseline", month=_baseline_name(report)),
            t("stats.col.kpi"),
        ]
        rows = [
            [
                t(f"core.metric.{f.metric}"),
                fmt_metric(f.metric, f.value),
                fmt_change(f.change),
                fmt_change(f.change_baseline),
                "" if f.kpi is None else fmt_kpi(f.kpi),
            ]
            for f in line.lines
        ]
        out.append((f"{t('stats.report.figures')} — {name}", header, rows))
    # KPI status
    header = [t("stats.col.network")]
    header += [t(f"stats.kpi.{k}") for k in KPI_NAMES]
    header.append(t("stats.report.posting_days"))
    rows = []
    targets = report.targets
    for line in report.table:
        row = [report.network_name(line.network)]
        for kpi in KPI_NAMES:
            target = kpi_target_text(kpi_for(targets, line.network), kpi)
            status = fmt_kpi(line.kpis[kpi])
            row.append(f"{status} ({target})" if target and line.kpis[kpi] is not None else status)
        row.append(fmt_share(line.posting_days_share))
        rows.append(row)
    out.append((t("stats.report.kpis"), header, rows))
    # responses
    header = [
        t("stats.col.network"),
        t("stats.report.received"),
        t("stats.report.replied"),
        t("stats.report.median"),
        t("stats.report.p90"),
        t("stats.report.on_time"),
    ]
    rows = []
    for line in report.table:
        r = line.response or ResponseFigures(line.network, report.month)
        rows.append(
            [
                report.network_name(line.network),
                fmt_number(r.received),
                fmt_number(r.replied),
                fmt_number(r.median_minutes, 0),
                fmt_number(r.p90_minutes, 0),
                fmt_share(r.on_time_share),
            ]
        )
    out.append((t("stats.report.responses"), header, rows))
    # competitors
    header = [
        t("stats.report.name"),
        t("stats.col.network"),
        t("stats.report.followers"),
        t("stats.report.change"),
        t("stats.report.posts"),
        t("stats.report.engagements"),
    ]
    rows = [
        [
            c.name,
            report.network_name(c.network),
            fmt_number(c.followers),
            fmt_change(c.change),
            fmt_number(c.posts),
            fmt_number(c.engagements),
        ]
        for c in report.competitors
    ]
    out.append((t("stats.report.competitors"), header, rows))
    # campaigns
    header = [
        t("stats.report.name"),
        t("stats.col.network"),
        t("stats.report.dates"),
        t("stats.report.budget", currency=report.currency),
        t("stats.report.month_spend", currency=report.currency),
        t("stats.report.month_results"),
        t("stats.report.cost_per_result", currency=report.currency),
        t("stats.report.spend_to_date", currency=report.currency),
        t("stats.report.pacing"),
    ]
    rows = []
    for c in report.campaigns:
        s = c.status
        rows.append(
            [
                s.campaign.name,
                report.network_name(s.campaign.network),
                f"{l10n.date(s.campaign.start, 'medium')} → {l10n.date(s.campaign.end, 'medium')}",
                fmt_money(s.campaign.budget),
                fmt_money(c.month_spend),
                fmt_number(c.month_results),
                fmt_money(c.month_spend / c.month_results if c.month_results else None),
                fmt_money(s.spend),
                l10n.percent(None if s.pacing is None else 100 * s.pacing, 0),
            ]
        )
    out.append((t("stats.report.campaigns"), header, rows))
    # published posts
    header = [t("stats.report.day"), t("stats.col.network"), t("stats.report.title_col")]
    zone = ZoneInfo(report.zone)
    rows = [
        [
            _day_time(p.at.astimezone(zone)),
            report.network_name(p.network),
            p.title,
        ]
        for p in report.posts
    ]
    out.append((t("stats.report.published"), header, rows))
    if report.top_posts:
        header = [
            t("stats.report.day"),
            t("stats.col.network"),
            t("stats.report.title_col"),
            t("core.metric.reach"),
            t("core.metric.impressions"),
            t("core.metric.engagements"),
        ]
        rows = [
            [
                _day_time(f.at.astimezone(zone)) if f.at else "",
                report.network_name(f.network),
                f.title or f.permalink,
                fmt_number(f.reach),
                fmt_number(f.impressions),
                fmt_number(f.engagements),
            ]
            for f in report.top_posts
        ]
        out.append((t("exports.report.top_posts"), header, rows))
    if report.export_files:
        header = [t("stats.col.network"), t("exports.report.files")]
        rows = [[report.network_name(n), files] for n, files in report.export_files]
        out.append((t("exports.report.sources"), header, rows))
    return out


def _day_time(local: datetime) -> str:
    """``Thu 05 Mar 14:30`` / ``jeu. 05 mars 14:30``."""
    return f"{l10n.date(local.date())} {local:%H:%M}"


def _baseline_name(report: MonthReport) -> str:
    return _month_name(report.baseline) if report.baseline else l10n.MISSING


def _title(report: MonthReport) -> str:
    return t("stats.report.title", month=_month_name(report.month))


def _generated(report: MonthReport) -> str:
    return t(
        "stats.report.generated",
        day=l10n.date(report.today, "long"),
        baseline=_baseline_name(report),
        zone=report.zone,
    )


# --------------------------------------------------------------------------- Markdown

#: characters that would change a table cell's meaning (parentheses, ``#`` or ``+`` inside a
#: cell are plain text on forges, so they stay as they are: the file reads well as is)
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
#: runs of white space a line may break at (the language's no-break spaces inside a number or
#: before "%" are kept: "1 050", "4,0 %")
_BREAKING_SPACE = re.compile(r"[^\S\u00a0\u202f]+")


def md_cell(text: str) -> str:
    """One table cell: one line, Markdown's special characters escaped (titles are user text)."""
    return _MD_SPECIAL.sub(r"\\\1", _BREAKING_SPACE.sub(" ", clean_text(text)).strip())


def render_markdown(report: MonthReport) -> str:
    lines = [f"# {md_cell(_title(report))}", "", md_cell(_generated(report)), ""]
    for title, header, rows in _sections(report):
        lines += [f"## {md_cell(title)}", ""]
        if not rows:
            lines += [md_cell(t("stats.report.none")), ""]
            continue
        lines.append("| " + " | ".join(md_cell(h) for h in header) + " |")
        aligns = ["---"] + ["--:" if _numeric(rows, i) else "---" for i in range(1, len(header))]
        lines.append("|" + "|".join(aligns) + "|")
        for row in rows:
            lines.append("| " + " | ".join(md_cell(c) for c in row) + " |")
        lines.append("")
    return "\n".join(lines)


def _numeric(rows: list[list[str]], index: int) -> bool:
    cells = [row[index] for row in rows]
    return any(re.search(r"\d", c) for c in cells) and all(
        re.fullmatch(r"[\d\s\u00a0\u202f.,%▲▼=–+-]*", c) for c in cells
    )


# --------------------------------------------------------------------------- CSV


def render_csv(report: MonthReport) -> str:
    """One row per network and figure: machine-readable, raw numbers (no formatting)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        [
            "month",
            "network",
            "figure",
            "value",
            "previous",
            "change_pct",
            "baseline_month",
            "baseline",
            "change_baseline_pct",
            "kpi_met",
        ]
    )

    def num(value: float | int | None) -> str:
        if value is None:
            return ""
        return f"{value:.4f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)

    for line in report.table:
        for f in line.lines:
            writer.writerow(
                [
                    report.month,
                    line.network,
                    f.metric,
                    num(f.value),
                    num(f.previous),
                    num(f.change),
                    report.baseline or "",
                    num(f.baseline),
                    num(f.change_baseline),
                    "" if f.kpi is None else str(f.kpi).lower(),
                ]
            )
        r = line.response
        extra = [
            ("responses_received", None if r is None else r.received),
            ("responses_replied", None if r is None else r.replied),
            ("response_median_min", None if r is None else r.median_minutes),
            ("response_p90_min", None if r is None else r.p90_minutes),
            ("on_time_share", None if r is None else r.on_time_share),
            ("posting_days_share", line.posting_days_share),
        ]
        for name, value in extra:
            kpi = line.kpis["on_time_share"] if name == "on_time_share" else None
            met = "" if kpi is None else str(kpi).lower()
            writer.writerow([report.month, line.network, name, num(value), *[""] * 5, met])
    return buffer.getvalue()


# --------------------------------------------------------------------------- HTML

_CSS = """
body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:70em}
table{border-collapse:collapse;margin:0 0 1.5em}
th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}
th{background:#f3f3f3}
.charts{display:flex;flex-wrap:wrap;gap:1em;margin:0 0 1.5em}
.charts svg{max-width:100%;height:auto}
"""


def render_html(report: MonthReport, *, charts: bool = True) -> str:
    esc = html.escape
    lang = language()
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        f"<title>{esc(_title(report))}</title><style>{_CSS}</style></head><body>",
        f"<h1>{esc(_title(report))}</h1>",
        f"<p>{esc(_generated(report))}</p>",
    ]
    if charts:
        groups = chart_svgs(report)
        if groups:
            parts.append(f"<h2>{esc(t('stats.report.charts'))}</h2>")
            for group in groups:
                parts.append(f'<div class="charts">{"".join(group)}</div>')
    for title, header, rows in _sections(report):
        parts.append(f"<h2>{esc(title)}</h2>")
        if not rows:
            parts.append(f"<p>{esc(t('stats.report.none'))}</p>")
            continue
        numeric = [i > 0 and _numeric(rows, i) for i in range(len(header))]
        parts.append("<table><thead><tr>")
        parts.extend(f"<th>{esc(h)}</th>" for h in header)
        parts.append("</tr></thead><tbody>")
        for row in rows:
            cells = "".join(
                f'<td class="n">{esc(c)}</td>' if numeric[i] else f"<td>{esc(clean_line(c))}</td>"
                for i, c in enumerate(row)
            )
            parts.append(f"<tr>{cells}</tr>")
        parts.append("</tbody></table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


#: the report's charts, in order (``core.stats.chart_lines`` metrics); the response charts, the
#: median response time and the share answered on time, side by side
REPORT_CHARTS: tuple[tuple[str, ...], ...] = (
    ("followers",),
    ("engagement_rate",),
    ("posts_vs_target",),
    ("response_median", "on_time_share"),
    ("competitors",),
    ("campaigns",),
)
#: series colours tried after the networks' own (readable on the page's white)
_EXTRA_COLOURS = ("#e07a00", "#2a9d8f", "#8338ec", "#d62828", "#6a994e", "#b5179e", "#577590")


def chart_svgs(report: MonthReport) -> list[list[str]]:
    """The charts of the Stats tab over the report's twelve months, as inline SVG drawn for the
    page (``io.svg_chart``), in ``REPORT_CHARTS``' groups: the lines come from
    ``core.stats.chart_lines`` for the report's networks (the active ones), each network in
    the same colour in every chart (its own colour, or another one when two are alike:
    ``io.charts.distinct_colours``)."""
    from cm_tui.core.stats import ChartData, chart_lines
    from cm_tui.io.charts import distinct_colours, metric_label
    from cm_tui.io.svg_chart import BACKGROUND, line_chart_svg

    months = list(report.chart_months)
    networks = list(report.networks)
    data = ChartData(
        report.figures,
        report.published,
        report.all_competitors,
        report.all_campaigns,
        report.responses,
    )
    labels = {
        "target_label": t("stats.target"),
        "spend_label": t("stats.spend", currency=report.currency),
        "results_label": t("stats.results"),
    }
    groups = []
    for metrics in REPORT_CHARTS:
        group = []
        for metric in metrics:
            lines, unit = chart_lines(metric, data, networks, months, every_target=True, **labels)
            wanted = [n.colour for n in networks] + list(_EXTRA_COLOURS)
            palette = distinct_colours(wanted, max(len(lines), 1), background=BACKGROUND)
            group.append(
                line_chart_svg(
                    lines,
                    months,
                    palette,
                    title=metric_label(metric),
                    unit=unit,
                    empty=t("stats.no_data"),
                    width=720 if len(metrics) == 1 else 480,
                )
            )
        groups.append(group)
    return groups


def render(report: MonthReport, fmt: str) -> str:
    """The report in ``fmt``, through ``for_terminal``: it is printed (``--out -``) or ``cat``
    in a terminal, and a name in the store may hold anything (a restored backup)."""
    if fmt == "md":
        return for_terminal(render_markdown(report))
    if fmt == "csv":
        return for_terminal(render_csv(report))
    if fmt == "html":
        return for_terminal(render_html(report))
    raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")


def write_report_files(
    report: MonthReport, folder: Path, formats: Sequence[str] = ("md", "html")
) -> list[Path]:
    """Write ``report-YYYY-MM.<fmt>`` for each format into ``folder`` (created private if
    needed), each through the one atomic writer (private file, beside, fsync, rename); the
    paths written."""
    from cm_tui.store.atomic import make_private_dir, write_atomic

    make_private_dir(folder)
    written = []
    for fmt in formats:
        path = folder / f"report-{report.month}.{fmt}"
        write_atomic(path, render(report, fmt).encode("utf-8"))
        written.append(path)
    return written
