"""A plotext chart that is built once and redrawn only when its data, size or theme change.

``textual_plotext.PlotextPlot`` rebuilds the whole figure on every render (17–41 ms for a
36-point, 4-series chart: docs/architecture.md, "Performance facts"). ``CachedPlot`` keeps the
built ``Text`` keyed by (data version, size, theme). This module imports plotext: import it only
where a chart is shown.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import RenderResult
from textual_plotext import PlotextPlot
from textual_plotext.plot import Plot

Drawing = Callable[[Plot], None]


class CachedPlot(PlotextPlot):
    """``set_drawing(draw)`` gives the function that draws on a cleared figure."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._draw: Drawing | None = None
        self._data_version = 0
        self._cached: tuple[tuple[object, ...], Text] | None = None
        self.builds = 0  # how many times the figure was really built (tests check the cache)

    def set_drawing(self, draw: Drawing) -> None:
        self._draw = draw
        self._data_version += 1
        self.refresh()

    def render(self) -> RenderResult:
        key = (self._data_version, self.size, self.app.theme)
        if self._cached is not None and self._cached[0] == key:
            return self._cached[1]
        plt = self.plt
        plt.clear_figure()
        if self._draw is not None:
            self._draw(plt)
        text = super().render()
        assert isinstance(text, Text)
        self.builds += 1
        self._cached = (key, text)
        return text
