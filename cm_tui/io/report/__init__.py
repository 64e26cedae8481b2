"""The monthly report (issue 6): the month's figures and their changes, the KPI status, the
response figures, competitors, campaigns and the month's published posts.

``build_report`` is pure (lists in, ``MonthReport`` out); ``gather`` reads them from a
``Repository`` (queue items of the month; archived ones through the archive's summaries);
``render_markdown`` / ``render_csv`` / ``render_html`` write it out. The HTML is one
self-contained file: tables plus the charts as inline SVG drawn for the page (``io.svg_chart``),
no script, no font or style loaded from the network. The campaigns' amounts are in the
settings' currency (``[stats] currency``), which their headers and chart name.

Its parts: ``month`` (``MonthReport``, ``build_report``, ``gather``), ``tables`` (the tables'
rows as text, shared by Markdown and HTML), ``text`` (Markdown and CSV), ``html_page`` and
``svg_charts`` (the HTML page and its charts); this module writes a report in one format.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from cm_tui.core.textsafe import for_terminal
from cm_tui.io.report.html_page import render_html
from cm_tui.io.report.month import CampaignLine, CompetitorLine, MonthReport, build_report, gather
from cm_tui.io.report.svg_charts import REPORT_CHARTS, chart_svgs
from cm_tui.io.report.tables import fmt_change, fmt_metric
from cm_tui.io.report.text import md_cell, render_csv, render_markdown

__all__ = [
    "FORMATS",
    "REPORT_CHARTS",
    "CampaignLine",
    "CompetitorLine",
    "MonthReport",
    "build_report",
    "chart_svgs",
    "fmt_change",
    "fmt_metric",
    "gather",
    "md_cell",
    "render",
    "render_csv",
    "render_html",
    "render_markdown",
    "write_report_files",
]

#: the report's formats, as ``--format`` names them
FORMATS = ("md", "csv", "html")


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
