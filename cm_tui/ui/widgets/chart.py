"""A plotext chart that is built once and redrawn only when its data, size or theme change, with
its legend above the plotting area instead of over it.

``textual_plotext.PlotextPlot`` rebuilds the whole figure on every render (17–41 ms for a
36-point, 4-series chart: docs/architecture.md, "Performance facts"). ``CachedPlot`` keeps the
built ``Text`` keyed by (data version, size, theme). plotext draws its legend inside the plot,
where at 80×24 it covers the lines: the legend (``io.charts.legend_rows``) takes the first rows
of the widget, and the plot the rest. This module imports plotext: import it only where a chart
is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.style import Style
from rich.text import Text
from textual.app import RenderResult
from textual_plotext import PlotextPlot
from textual_plotext.plot import Plot

from cm_tui.core.stats import ChartLine
from cm_tui.io.charts import (
    LEGEND_DOTTED,
    LEGEND_GAP,
    LEGEND_MARK,
    THEME_COLOURS,
    Colour,
    LegendEntry,
    distinct_colours,
    draw_lines,
    legend_entries,
    legend_rows,
)

Drawing = Callable[[Plot], None]
#: the plot keeps at least this many rows; the legend gets at most a third of the widget
MIN_PLOT_ROWS = 6


class CachedPlot(PlotextPlot):
    """``set_lines(lines, months, unit)`` shows chart lines (``core.stats.chart_lines``) in the
    theme's colours, one distinct colour per series; ``set_drawing(draw, legend)`` gives any
    other function that draws on a cleared figure, and the series it draws."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._draw: Drawing | None = None
        self._legend: tuple[LegendEntry, ...] = ()
        self._lines: tuple[tuple[ChartLine, ...], tuple[str, ...], str] | None = None
        self._data_version = 0
        self._cached: tuple[tuple[object, ...], Text] | None = None
        self.builds = 0  # how many times the figure was really built (tests check the cache)

    def set_drawing(self, draw: Drawing, legend: Sequence[LegendEntry] = ()) -> None:
        self._draw = draw
        self._legend = tuple(legend)
        self._lines = None
        self._data_version += 1
        self.refresh()

    def set_lines(self, lines: Sequence[ChartLine], months: Sequence[str], unit: str) -> None:
        """Show ``lines`` over ``months`` (their values in ``unit``); the colours are taken
        from the theme when the chart is built, so a theme change recolours it."""
        self.set_drawing(lambda plt: None)
        self._lines = (tuple(lines), tuple(months), unit)

    def _palette(self, count: int) -> list[Colour]:
        variables = self.app.theme_variables
        return distinct_colours(
            [variables.get(name) for name in THEME_COLOURS],
            max(1, count),
            background=variables.get("surface"),
        )

    def render(self) -> RenderResult:
        key = (self._data_version, self.size, self.app.theme)
        if self._cached is not None and self._cached[0] == key:
            return self._cached[1]
        width, height = self.size.width, self.size.height
        plt = self.plt
        plt.clear_figure()
        legend = self._legend
        if self._lines is not None:
            lines, months, unit = self._lines
            palette = self._palette(len(lines))
            legend = tuple(legend_entries(lines, palette))
        most = max(0, min(3, height // 3, height - MIN_PLOT_ROWS))
        rows, hidden = legend_rows(legend, width, most) if most else ([], 0)
        plot_height = max(1, height - len(rows))
        if self._lines is not None:
            draw_lines(plt, lines, months, unit, palette, rows=plot_height, columns=width)
        elif self._draw is not None:
            self._draw(plt)
        plt.plotsize(width, plot_height)
        plt._set_size(width, plot_height)  # as PlotextPlot.render does (its resize needs both)
        plt.theme(self._get_plotext_theme_name(self.app.theme))
        text = Text("\n").join([*_legend_lines(rows, hidden), Text.from_ansi(plt.build())])
        self.builds += 1
        self._cached = (key, text)
        return text


def _legend_lines(rows: list[list[LegendEntry]], hidden: int) -> list[Text]:
    lines = []
    for n, row in enumerate(rows):
        line = Text(no_wrap=True, overflow="ellipsis")
        for i, entry in enumerate(row):
            if i:
                line.append(LEGEND_GAP)
            mark = LEGEND_DOTTED if entry.dotted else LEGEND_MARK
            line.append(mark, _style(entry.colour))
            line.append(entry.label)
        if hidden and n == len(rows) - 1:
            line.append(f"{LEGEND_GAP}+{hidden}")
        lines.append(line)
    return lines


def _style(colour: Colour) -> Style:
    if isinstance(colour, tuple):
        return Style(color=f"#{colour[0]:02x}{colour[1]:02x}{colour[2]:02x}", bold=True)
    if colour == "default":
        return Style(bold=True)
    return Style(color=_TERMINAL_COLOURS.get(colour, "default"), bold=True)


#: plotext's names of the terminal's colours (``io.charts._ANSI``) -> Rich's
_TERMINAL_COLOURS = {
    "red": "red",
    "green": "green",
    "orange": "yellow",
    "blue": "blue",
    "magenta": "magenta",
    "cyan": "cyan",
    "red+": "bright_red",
    "green+": "bright_green",
    "orange+": "bright_yellow",
    "blue+": "bright_blue",
    "magenta+": "bright_magenta",
    "cyan+": "bright_cyan",
}
