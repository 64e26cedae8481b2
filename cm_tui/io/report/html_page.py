"""The monthly report as one self-contained HTML page: its tables and charts, no script, no font
or style loaded from the network."""

from __future__ import annotations

import html

from cm_tui.core.i18n import language, t
from cm_tui.core.textsafe import clean_line
from cm_tui.io.report.month import MonthReport
from cm_tui.io.report.svg_charts import chart_svgs
from cm_tui.io.report.tables import generated_line, numeric_column, report_title, sections

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
        f"<title>{esc(report_title(report))}</title><style>{_CSS}</style></head><body>",
        f"<h1>{esc(report_title(report))}</h1>",
        f"<p>{esc(generated_line(report))}</p>",
    ]
    if charts:
        groups = chart_svgs(report)
        if groups:
            parts.append(f"<h2>{esc(t('stats.report.charts'))}</h2>")
            for group in groups:
                parts.append(f'<div class="charts">{"".join(group)}</div>')
    for title, header, rows in sections(report):
        parts.append(f"<h2>{esc(title)}</h2>")
        if not rows:
            parts.append(f"<p>{esc(t('stats.report.none'))}</p>")
            continue
        numeric = [i > 0 and numeric_column(rows, i) for i in range(len(header))]
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
