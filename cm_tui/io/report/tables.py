"""The monthly report's tables as rows of text cells, and the words around them: what the
Markdown and the HTML forms (``io.report.text``, ``io.report.html_page``) write out."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from cm_tui.core import locale as l10n
from cm_tui.core.i18n import t
from cm_tui.core.stats import (
    KPI_NAMES,
    KpiTargets,
    ResponseFigures,
    kpi_for,
)
from cm_tui.core.timeutil import shift_month
from cm_tui.io.charts import format_change
from cm_tui.io.report.month import MonthReport

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


def sections(report: MonthReport) -> list[tuple[str, list[str], list[list[str]]]]:
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


def report_title(report: MonthReport) -> str:
    """The report's heading, naming its month."""
    return t("stats.report.title", month=_month_name(report.month))


def generated_line(report: MonthReport) -> str:
    """The line under the heading: the day it was written, its baseline month, its time zone."""
    return t(
        "stats.report.generated",
        day=l10n.date(report.today, "long"),
        baseline=_baseline_name(report),
        zone=report.zone,
    )


def numeric_column(rows: list[list[str]], index: int) -> bool:
    """Column ``index`` of ``rows`` holds numbers only (aligned right): digits and their signs."""
    cells = [row[index] for row in rows]
    return any(re.search(r"\d", c) for c in cells) and all(
        re.fullmatch(r"[\d\s\u00a0\u202f.,%▲▼=–+-]*", c) for c in cells
    )
