"""The monthly report's charts: the Stats tab's, as inline SVG drawn for the HTML page."""

from __future__ import annotations

from cm_tui.core.i18n import t
from cm_tui.io.report.month import MonthReport

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
