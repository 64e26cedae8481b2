"""A line chart drawn as SVG for a page (the HTML report): a few dozen lines of our own instead
of a charting dependency, and nothing of a terminal (no screenshot, no window buttons).

``line_chart_svg(lines, months, palette, title=..., unit=...)`` draws ``core.stats.chart_lines``
lines the way the Stats tab does (``io.charts``: the same values on the axes, the same colours
in the same order, the same legend entries, dotted targets, the campaigns' results against a
right axis), laid out for a page:

* the title, then the legend in rows above the plot (never over the lines);
* a y axis with about five round values and light grid lines, the months under the x axis;
* each line breaks where a month has no value; each value is a dot, so a lone month shows;
* an empty chart (no value at all) says ``empty`` in its middle.

Contract: the result is one ``<svg>`` element, self-contained (attributes only, no style sheet,
no font or image loaded), its text escaped (names come from the user), sized ``width`` ×
``height`` with a ``viewBox`` so that a page can scale it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

from cm_tui.core.stats import ChartLine
from cm_tui.io.charts import (
    Colour,
    LegendEntry,
    format_value,
    legend_entries,
    line_colours,
    month_tick,
)

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
FONT_SIZE = 12
#: the width of an average character at ``FONT_SIZE``, to lay text out without measuring it
CHAR = 6.8
TEXT = "#222222"
MUTED = "#666666"
GRID = "#e4e4e4"
AXIS = "#999999"
BACKGROUND = "#ffffff"
_PAD = 10.0
_SWATCH = 18.0
_ROW = 18.0


def line_chart_svg(
    lines: Sequence[ChartLine],
    months: Sequence[str],
    palette: Sequence[Colour],
    *,
    title: str,
    unit: str,
    right_unit: str = "results",
    empty: str = "",
    width: int = 720,
    height: int = 320,
) -> str:
    """The chart as one ``<svg>`` element (see the module doc)."""
    colours = [_hex(c) for c in line_colours(lines, list(palette) or ["#555555"])]
    legend = legend_entries(lines, colours)
    left_values = _values(lines, right=False)
    right_values = _values(lines, right=True)
    left_ticks = nice_ticks(left_values)
    right_ticks = nice_ticks(right_values) if right_values else []
    left_labels = [format_value(unit, v) for v in left_ticks]
    right_labels = [format_value(right_unit, v) for v in right_ticks]

    out: list[str] = []
    y = _PAD + FONT_SIZE + 2
    out.append(_text(_PAD, y, title, size=FONT_SIZE + 2, weight="600"))
    rows = _legend_rows(legend, width - 2 * _PAD)
    for row in rows:
        y += _ROW
        out.extend(_legend_row(row, _PAD, y))
    top = y + _PAD + 4
    bottom = height - _PAD - FONT_SIZE - 8
    left = _PAD + max((len(s) for s in left_labels), default=1) * CHAR + 8
    # room for the right axis' values, or for half the last month's name under the axis
    right = (
        width - _PAD - (max(len(s) for s in right_labels) * CHAR + 8 if right_labels else 2 * CHAR)
    )
    out.append(
        f'<rect class="plot" x="{left:.1f}" y="{top:.1f}" width="{right - left:.1f}" '
        f'height="{bottom - top:.1f}" fill="none" stroke="{AXIS}" stroke-width="1"/>'
    )
    out.extend(_y_axis(left_ticks, left_labels, left, right, top, bottom, side="left"))
    out.extend(_y_axis(right_ticks, right_labels, left, right, top, bottom, side="right"))
    out.extend(_x_axis(months, left, right, bottom))
    if not legend:
        middle = (top + bottom) / 2
        out.append(_text((left + right) / 2, middle, empty, anchor="middle", fill=MUTED))
    for line, colour in zip(lines, colours, strict=True):
        ticks = right_ticks if line.right else left_ticks
        out.extend(_series(line, colour, len(months), ticks, left, right, top, bottom))
    label = escape(title)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" font-family="{escape(FONT)}" '
        f'font-size="{FONT_SIZE}"><title>{label}</title>'
        f'<rect width="{width}" height="{height}" fill="{BACKGROUND}"/>' + "".join(out) + "</svg>"
    )


def nice_ticks(values: Sequence[float], count: int = 5) -> list[float]:
    """About ``count`` round values (steps of 1, 2 or 5 × 10ⁿ: a step of 2.5 would be written
    rounded on an axis of whole numbers) spanning ``values``; one value alone gets a small span
    around it, none at all the span 0 to 1."""
    if not values:
        return [0.0, 0.5, 1.0]
    low, high = min(values), max(values)
    if high == low:
        spread = abs(low) * 0.1 or 1.0
        low, high = low - spread, high + spread
    raw = (high - low) / max(1, count - 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    if all(float(v).is_integer() for v in values):
        step = max(step, 1)  # counts: no half a post between two ticks
    first = math.floor(low / step) * step
    last = math.ceil(high / step) * step
    n = round((last - first) / step)
    return [round(first + i * step, 10) for i in range(n + 1)]


# --------------------------------------------------------------------------- parts


def _values(lines: Sequence[ChartLine], *, right: bool) -> list[float]:
    return [v for line in lines if line.right == right for _m, v in line.points if v is not None]


def _hex(colour: Colour) -> str:
    if isinstance(colour, tuple):
        return "#{:02x}{:02x}{:02x}".format(*colour)
    return colour if colour.startswith("#") else "#555555"


def _text(
    x: float,
    y: float,
    content: str,
    *,
    anchor: str = "start",
    fill: str = TEXT,
    size: int | None = None,
    weight: str | None = None,
    css: str | None = None,
) -> str:
    extra = f' font-size="{size}"' if size else ""
    extra += f' font-weight="{weight}"' if weight else ""
    extra += f' class="{css}"' if css else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{fill}"{extra}>'
        f"{escape(content)}</text>"
    )


def _legend_rows(entries: Sequence[LegendEntry], width: float) -> list[list[LegendEntry]]:
    rows: list[list[LegendEntry]] = []
    used = 0.0
    for entry in entries:
        size = _SWATCH + 6 + len(entry.label) * CHAR
        if rows and used + 16 + size <= width:
            rows[-1].append(entry)
            used += 16 + size
        else:
            rows.append([entry])
            used = size
    return rows


def _legend_row(row: Sequence[LegendEntry], x: float, y: float) -> list[str]:
    out = []
    for entry in row:
        dash = ' stroke-dasharray="4 3"' if entry.dotted else ""
        mid = y - FONT_SIZE / 3
        out.append(
            f'<line x1="{x:.1f}" y1="{mid:.1f}" x2="{x + _SWATCH:.1f}" y2="{mid:.1f}" '
            f'stroke="{entry.colour}" stroke-width="3"{dash}/>'
        )
        out.append(_text(x + _SWATCH + 6, y, entry.label))
        x += _SWATCH + 6 + len(entry.label) * CHAR + 16
    return out


def _scale(value: float, ticks: Sequence[float], top: float, bottom: float) -> float:
    low, high = ticks[0], ticks[-1]
    share = 0.5 if high == low else (value - low) / (high - low)
    return bottom - share * (bottom - top)


def _y_axis(
    ticks: Sequence[float],
    labels: Sequence[str],
    left: float,
    right: float,
    top: float,
    bottom: float,
    *,
    side: str,
) -> list[str]:
    out = []
    for value, label in zip(ticks, labels, strict=True):
        y = _scale(value, ticks, top, bottom)
        if side == "left":
            out.append(
                f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{right:.1f}" y2="{y:.1f}" '
                f'stroke="{GRID}" stroke-width="1"/>'
            )
            out.append(_text(left - 6, y + 4, label, anchor="end", fill=MUTED))
        else:
            out.append(_text(right + 6, y + 4, label, fill=MUTED, css="right"))
    return out


def _x(index: int, count: int, left: float, right: float) -> float:
    return (left + right) / 2 if count < 2 else left + index * (right - left) / (count - 1)


def _x_axis(months: Sequence[str], left: float, right: float, bottom: float) -> list[str]:
    step = max(1, math.ceil(len(months) / 12))
    out = []
    for i in range(0, len(months), step):
        x = _x(i, len(months), left, right)
        out.append(
            f'<line x1="{x:.1f}" y1="{bottom:.1f}" x2="{x:.1f}" y2="{bottom + 4:.1f}" '
            f'stroke="{AXIS}" stroke-width="1"/>'
        )
        out.append(
            _text(
                x,
                bottom + FONT_SIZE + 6,
                month_tick(months[i], len(months)),
                anchor="middle",
                fill=MUTED,
            )
        )
    return out


def _series(
    line: ChartLine,
    colour: str,
    count: int,
    ticks: Sequence[float],
    left: float,
    right: float,
    top: float,
    bottom: float,
) -> list[str]:
    """The line's runs of consecutive values as polylines, and a dot on every value."""
    points = [
        None if v is None else (_x(i, count, left, right), _scale(v, ticks, top, bottom))
        for i, (_m, v) in enumerate(line.points)
    ]
    runs: list[list[tuple[float, float]]] = [[]]
    for point in points:
        if point is None:
            runs.append([])
        else:
            runs[-1].append(point)
    dash = ' stroke-dasharray="6 4"' if line.target else ""
    out = []
    for run in runs:
        if len(run) > 1:
            coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
            out.append(
                f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2"'
                f' stroke-linejoin="round"{dash}/>'
            )
    radius = 2 if line.target else 3
    out.extend(
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius}" fill="{colour}"/>'
        for run in runs
        for x, y in run
    )
    return out
