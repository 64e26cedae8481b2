"""What the Stats charts look like, for the tab (textual-plotext's ``Plot``) and the HTML report
(``io.svg_chart``): labels and axis values, the colours of the series, the legend.

What a chart holds is decided once, in ``core.stats.chart_lines``; this module draws those lines
on whatever plotext-like object it is given (``plot``, ``xlim``, ``xticks``, ``yticks``) and
decides what both drawings share, so the tab and the report cannot drift apart:

* one colour per series, told apart from the others and from the background
  (``distinct_colours``: the theme's or the networks' colours first);
* the legend outside the plotting area (``legend_entries``, laid out in rows by ``legend_rows``
  in the tab), never over the lines;
* the x axis over every month the chart names, and the campaigns' results (counts) against a
  right axis of their own beside the spend (amounts).

It imports neither plotext nor Textual itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from cm_tui.core import locale as l10n
from cm_tui.core.i18n import t
from cm_tui.core.stats import TABLE_METRICS, ChartLine
from cm_tui.core.textsafe import cut

Colour = tuple[int, int, int] | str

#: the metrics (besides the figures of the month table) whose labels are in ``core.metric.*``
_CORE_LABELS = ("impressions", "comments", "shares", "reactions")


def metric_label(metric: str) -> str:
    """A chart's or a figure's name in the user's language."""
    if metric in TABLE_METRICS or metric in _CORE_LABELS:
        return t(f"core.metric.{metric}")
    return t(f"stats.metric.{metric}")


def format_value(metric: str, value: float | int | None) -> str:
    """A value of ``metric`` as the axis and the table show it (``–`` when missing), in the
    user's language (``core.locale``: ``4,837`` / ``4 837``, ``0.8%`` / ``0,8 %``)."""
    if metric in ("engagement_rate", "on_time_share"):
        return l10n.percent(value, 1)
    if value is not None and metric == "response_median":
        return f"{l10n.number(value)} min"
    return l10n.number(value)


def format_change(change: float | None) -> str:
    """A change in percent as the tab and the report show it: ``▲ 3.1%``, ``▼ 1.2%``,
    ``= 0.0%`` (French ``▲ 3,1 %``), ``–`` when unknown."""
    if change is None:
        return l10n.MISSING
    if change > 0:
        return f"▲ {l10n.percent(change)}"
    if change < 0:
        return f"▼ {l10n.percent(-change)}"
    return f"= {l10n.percent(0.0)}"


def month_tick(month: str, count: int) -> str:
    """``Oct`` (or ``Oct26`` when the axis spans more than a year)."""
    label = l10n.month_name(int(month[5:7]))
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
    right_unit: str = "results",
    rows: int = 20,
    columns: int = 200,
) -> None:
    """Draw ``lines`` (gaps skipped) on ``plt`` over every month of ``months`` (the x axis spans
    them all, data or not, so the chart covers the range its title names), with month ticks (at
    most about 12) and five y ticks formatted for ``unit``; the lines marked ``right`` against a
    right axis formatted for ``right_unit``. Colours follow ``palette`` in order; target lines
    are dotted. No legend is drawn inside the plot (it would cover the lines): the caller shows
    ``legend_entries`` outside it. ``rows`` and ``columns``, the plot's size, cap the ticks to
    what fits (a y tick every other row, month labels side by side): plotext would otherwise
    drop some, which ones depending on what it drew before."""
    palette = list(palette) or ["default"]
    for line, colour in zip(lines, line_colours(lines, palette), strict=True):
        xy = [(x, v) for x, (_m, v) in enumerate(line.points) if v is not None]
        if xy:
            extra = {"yside": "right"} if line.right else {}
            plt.plot(
                [x for x, _ in xy],
                [y for _, y in xy],
                marker="dot" if line.target else marker,
                color=colour,
                **extra,
            )
    if len(months) > 1:
        plt.xlim(0, len(months) - 1)
    step = max(1, len(months) // 12)
    while True:
        ticks = list(range(0, len(months), step))
        labels = [month_tick(months[i], len(months)) for i in ticks]
        if step >= len(months) or sum(len(label) + 2 for label in labels) <= columns - 10:
            break
        step += 1
    plt.xticks(ticks, labels)
    for side, side_unit in (("left", unit), ("right", right_unit)):
        values = [
            v
            for line in lines
            if line.right == (side == "right")
            for _m, v in line.points
            if v is not None
        ]
        if values:
            low, high = min(values), max(values)
            count = max(2, min(5, (rows - 2) // 2))
            yticks = (
                [low + (high - low) * i / (count - 1) for i in range(count)]
                if high > low
                else [low]
            )
            labels = [format_value(side_unit, tick) for tick in yticks]
            if side == "right":
                plt.yticks(yticks, labels, yside="right")
            else:
                plt.yticks(yticks, labels)


# --------------------------------------------------------------------------- legend


class LegendEntry(NamedTuple):
    """One series as a legend names it: its label, colour and whether its line is dotted."""

    label: str
    colour: Colour
    dotted: bool = False


def legend_entries(lines: Sequence[ChartLine], palette: Sequence[Colour]) -> list[LegendEntry]:
    """The legend of ``lines`` drawn with ``palette`` (``line_colours``): a line without any
    value is left out (a network with no figures yet is no series of the chart)."""
    colours = line_colours(lines, list(palette) or ["default"])
    return [
        LegendEntry(line.label, colour, dotted=line.target)
        for line, colour in zip(lines, colours, strict=True)
        if any(v is not None for _m, v in line.points)
    ]


#: what a legend entry is drawn as before its label, and between two entries
LEGEND_MARK = "━━ "
LEGEND_DOTTED = "┅┅ "
LEGEND_GAP = "  "


def legend_rows(
    entries: Sequence[LegendEntry], width: int, max_rows: int
) -> tuple[list[list[LegendEntry]], int]:
    """``entries`` laid out in rows of at most ``width`` characters (each entry is its mark
    and its label; a label too long for a row alone is cut with "…"), at most ``max_rows``
    rows; and how many entries did not fit (the caller writes ``+N`` after the last row, room
    for which is kept)."""
    rows: list[list[LegendEntry]] = []
    used = 0
    for n, entry in enumerate(entries):
        label = cut(entry.label, max(1, width - len(LEGEND_MARK)))
        size = len(LEGEND_MARK) + len(label)
        if rows and used + len(LEGEND_GAP) + size <= width:
            rows[-1].append(entry._replace(label=label))
            used += len(LEGEND_GAP) + size
            continue
        if len(rows) == max_rows:
            hidden = len(entries) - n
            last = rows[-1]
            room = len(LEGEND_GAP) + len(f"+{hidden + len(last)}")
            while len(last) > 1 and _row_width(last) + room > width:
                last.pop()
                hidden += 1
            return rows, hidden
        rows.append([entry._replace(label=label)])
        used = size
    return rows, 0


def _row_width(row: Sequence[LegendEntry]) -> int:
    return sum(len(LEGEND_MARK) + len(e.label) for e in row) + len(LEGEND_GAP) * (len(row) - 1)


# --------------------------------------------------------------------------- colours

RGB = tuple[int, int, int]
#: the theme variables whose colours the tab's series take first, in this order (the chart's
#: background is the theme's ``surface``)
THEME_COLOURS = ("primary", "accent", "success", "error", "warning", "secondary", "foreground")
#: colours tried after the candidates and their variants: the Okabe-Ito palette, told apart
#: with every kind of colour vision
_SPARE = ("#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7")
#: how far apart (CIE76 ΔE) two series' colours are at least, and a colour from the background;
#: the first is relaxed, step by step, only when a theme has too few colours for the series
SERIES_SPREAD = 35.0
BACKGROUND_SPREAD = 25.0


def distinct_colours(
    candidates: Sequence[Colour | str | None], count: int, *, background: Colour | str | None
) -> list[Colour]:
    """``count`` colours, each far enough from the others (``SERIES_SPREAD``) and readable on
    ``background``: series ``i`` takes ``candidates[i]`` (a theme's colours, the networks' own,
    so a network keeps its colour from chart to chart) unless it is too close to one taken,
    then a lighter or darker variant of it, then another hue (``_SPARE``). When no colour is
    left far enough, the spread asked is relaxed step by step. A theme made of the terminal's
    own colours (``ansi_blue``…) gives the terminal's colour names instead, each once."""
    base = [_as_rgb(x) for x in candidates]
    if not any(base):
        named = [_ANSI[c] for c in candidates if isinstance(c, str) and c in _ANSI]
        if named:
            names = list(dict.fromkeys([*named, *_ANSI_SPARE]))
            return [names[i % len(names)] for i in range(count)]
    back = _as_rgb(background)

    def readable(colour: RGB) -> bool:
        return back is None or (
            colour_distance(colour, back) >= BACKGROUND_SPREAD
            and contrast(colour, back) >= BACKGROUND_CONTRAST
        )

    known = [c for c in base if c is not None]
    spares = [rgb_of(s) for s in _SPARE]
    spread = SERIES_SPREAD
    while True:
        chosen: list[RGB] = []
        for i in range(count):
            wanted = base[i] if i < len(base) else None
            tries = [*_variants(wanted), *spares, *(v for c in known for v in _variants(c))]
            found = next(
                (
                    c
                    for c in tries
                    if readable(c) and all(colour_distance(c, o) >= spread for o in chosen)
                ),
                None,
            )
            if found is None:
                break
            chosen.append(found)
        if len(chosen) == count or spread < 1:
            return [chosen[i % len(chosen)] for i in range(count)] if chosen else []
        spread *= 0.8


def _variants(colour: RGB | None) -> list[RGB]:
    """``colour`` itself, then lighter and darker versions of it."""
    if colour is None:
        return []
    return [
        colour,
        *(_mix(colour, towards, share) for share in (0.35, 0.6) for towards in (_WHITE, _BLACK)),
    ]


_WHITE, _BLACK = (255, 255, 255), (0, 0, 0)
#: the least contrast (WCAG ratio) a series keeps with the background: yellow on white is
#: far from white by hue, yet hard to read
BACKGROUND_CONTRAST = 1.5


def contrast(a: RGB, b: RGB) -> float:
    """The WCAG contrast ratio of two colours (1: the same lightness; 21: black on white)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _luminance(colour: RGB) -> float:
    r, g, b = (_linear(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _linear(channel: int) -> float:
    v = channel / 255
    return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4


#: a terminal theme's colour names (Textual's) -> plotext's names of the same terminal colours
_ANSI = {
    "ansi_red": "red",
    "ansi_green": "green",
    "ansi_yellow": "orange",
    "ansi_blue": "blue",
    "ansi_magenta": "magenta",
    "ansi_cyan": "cyan",
    "ansi_bright_red": "red+",
    "ansi_bright_green": "green+",
    "ansi_bright_yellow": "orange+",
    "ansi_bright_blue": "blue+",
    "ansi_bright_magenta": "magenta+",
    "ansi_bright_cyan": "cyan+",
}
_ANSI_SPARE = tuple(_ANSI.values())


def rgb_of(colour: str) -> RGB:
    """``#1877f2`` -> ``(24, 119, 242)``; ``ValueError`` for anything else."""
    found = _as_rgb(colour)
    if found is None:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    return found


def _as_rgb(colour: Colour | str | None) -> RGB | None:
    if isinstance(colour, tuple):
        return colour
    found = rgb(colour)
    return found if isinstance(found, tuple) else None


def _mix(colour: RGB, towards: RGB, share: float) -> RGB:
    r, g, b = (round(c + (t - c) * share) for c, t in zip(colour, towards, strict=True))
    return (r, g, b)


def colour_distance(a: Colour | str, b: Colour | str) -> float:
    """How different two colours look: the CIE76 ΔE of their CIELAB values (about 2: barely
    visible; above 20: clearly another colour)."""
    la = _lab(rgb_of(a) if isinstance(a, str) else a)
    lb = _lab(rgb_of(b) if isinstance(b, str) else b)
    return float(sum((x - y) ** 2 for x, y in zip(la, lb, strict=True)) ** 0.5)


def _lab(colour: Colour) -> tuple[float, float, float]:
    """sRGB (D65) -> CIELAB."""
    if not isinstance(colour, tuple):
        return (50.0, 0.0, 0.0)
    r, g, b = (_linear(c) for c in colour)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x), f(y), f(z)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))
