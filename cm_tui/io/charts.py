"""Drawing the Stats charts with plotext, for the tab (textual-plotext's ``Plot``) and the HTML
report (the ``plotext`` module, exported as SVG through Rich).

What a chart holds is decided once, in ``core.stats.chart_lines``; this module only draws those
lines on whatever plotext-like object it is given (``plot``, ``xticks``, ``yticks``), so the tab
and the report cannot drift apart. It imports neither plotext nor Textual itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cm_tui.core.i18n import t
from cm_tui.core.stats import TABLE_METRICS, ChartLine

Colour = tuple[int, int, int] | str

#: the metrics (besides the figures of the month table) whose labels are in ``core.metric.*``
_CORE_LABELS = ("impressions", "comments", "shares", "reactions")


def metric_label(metric: str) -> str:
    """A chart's or a figure's name in the user's language."""
    if metric in TABLE_METRICS or metric in _CORE_LABELS:
        return t(f"core.metric.{metric}")
    return t(f"stats.metric.{metric}")


def format_value(metric: str, value: float | int | None) -> str:
    """A value of ``metric`` as the axis and the table show it (``–`` when missing)."""
    if value is None:
        return "–"
    if metric in ("engagement_rate", "on_time_share"):
        return f"{value:.1f} %"
    if metric == "response_median":
        return f"{value:.0f} min"
    return f"{round(value):,}".replace(",", "\u202f")


def month_tick(month: str, count: int) -> str:
    """``Oct`` (or ``Oct26`` when the axis spans more than a year)."""
    label = t(f"ui.month.{int(month[5:])}")
    return f"{label}{month[2:4]}" if count > 12 else label


def rgb(colour: str | None) -> Colour:
    """``#1877f2`` -> ``(24, 119, 242)`` for plotext; anything else -> plotext's default."""
    text = (colour or "").lstrip("#")
    if len(text) >= 6:
        try:
            return (int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16))
        except ValueError:
            pass
    return "default"


def has_values(lines: Sequence[ChartLine]) -> bool:
    return any(v is not None for line in lines for _m, v in line.points)


def line_colours(lines: Sequence[ChartLine], palette: Sequence[Colour]) -> list[Colour]:
    """The palette in order for the lines; when there is one target line per line (posts
    against target), each target takes its line's colour (it is dotted)."""
    palette = list(palette) or ["default"]
    plain = [i for i, line in enumerate(lines) if not line.target]
    targets = [i for i, line in enumerate(lines) if line.target]
    out: list[Colour] = ["default"] * len(lines)
    for n, i in enumerate(plain):
        out[i] = palette[n % len(palette)]
    paired = len(targets) == len(plain)
    for n, i in enumerate(targets):
        out[i] = out[plain[n]] if paired else palette[(len(plain) + n) % len(palette)]
    return out


def draw_lines(
    plt: Any,
    lines: Sequence[ChartLine],
    months: Sequence[str],
    unit: str,
    palette: Sequence[Colour],
    *,
    marker: str = "hd",
    label_width: int = 18,
) -> None:
    """Draw ``lines`` (gaps skipped) on ``plt``, with month ticks (at most about 12) and five
    y ticks formatted for ``unit``. Colours follow ``palette`` in order; target lines are
    dotted."""
    palette = list(palette) or ["default"]
    for line, colour in zip(lines, line_colours(lines, palette), strict=True):
        xy = [(x, v) for x, (_m, v) in enumerate(line.points) if v is not None]
        if xy:
            plt.plot(
                [x for x, _ in xy],
                [y for _, y in xy],
                label=line.label[:label_width],
                marker="dot" if line.target else marker,
                color=colour,
            )
    step = max(1, len(months) // 12)
    ticks = list(range(0, len(months), step))
    plt.xticks(ticks, [month_tick(months[i], len(months)) for i in ticks])
    values = [v for line in lines for _m, v in line.points if v is not None]
    if values:
        low, high = min(values), max(values)
        yticks = [low + (high - low) * i / 4 for i in range(5)] if high > low else [low]
        plt.yticks(yticks, [format_value(unit, tick) for tick in yticks])
