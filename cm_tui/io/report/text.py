"""The monthly report as text files: Markdown to read, CSV (raw numbers) for spreadsheets."""

from __future__ import annotations

import csv
import io
import re

from cm_tui.core.i18n import t
from cm_tui.core.textsafe import clean_text
from cm_tui.io.report.month import MonthReport
from cm_tui.io.report.tables import generated_line, numeric_column, report_title, sections

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
    lines = [f"# {md_cell(report_title(report))}", "", md_cell(generated_line(report)), ""]
    for title, header, rows in sections(report):
        lines += [f"## {md_cell(title)}", ""]
        if not rows:
            lines += [md_cell(t("stats.report.none")), ""]
            continue
        lines.append("| " + " | ".join(md_cell(h) for h in header) + " |")
        aligns = ["---"] + [
            "--:" if numeric_column(rows, i) else "---" for i in range(1, len(header))
        ]
        lines.append("|" + "|".join(aligns) + "|")
        for row in rows:
            lines.append("| " + " | ".join(md_cell(c) for c in row) + " |")
        lines.append("")
    return "\n".join(lines)


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
