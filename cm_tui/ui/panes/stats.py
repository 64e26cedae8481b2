"""Stats: a chart of a monthly figure per network, and last month's table with its changes.

Series and changes come from ``core.stats``. plotext is imported when this pane is composed,
which the app does only when the Stats tab is first shown (start-up stays lean); the chart is
built once per (data, size, theme) by ``CachedPlot``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from cm_tui.core.i18n import t
from cm_tui.core.models import MonthlyFigures, NetworkProfile
from cm_tui.core.stats import metric_value, month_change, monthly_series, months_range
from cm_tui.core.timeutil import shift_month
from cm_tui.ui import fmt
from cm_tui.ui.panes.base import Pane

if TYPE_CHECKING:
    from textual_plotext.plot import Plot

    from cm_tui.ui.widgets.chart import CachedPlot

#: figures the chart can show, cycled with ``m``
CHART_METRICS: tuple[str, ...] = ("followers", "engagements", "engagement_rate", "reach", "posts")
#: columns of the month table
TABLE_METRICS: tuple[str, ...] = (
    "followers",
    "posts",
    "reach",
    "engagements",
    "engagement_rate",
    "clicks",
)
CHART_MONTHS = 12
_NAME_WIDTH = 12
_CELL_WIDTH = 19
_VALUE_WIDTH = 8


def format_value(metric: str, value: float | int | None) -> str:
    if value is None:
        return "–"
    if metric == "engagement_rate":
        return f"{value:.1f} %"
    return f"{int(value):,}".replace(",", "\u202f")


def change_part(change: float | None) -> tuple[str, str]:
    """``▲ 3.1%`` (green), ``▼ 1.2%`` (red), ``= 0.0%`` or ``–`` (muted)."""
    if change is None:
        return ("–", "$text-muted")
    if change > 0:
        return (f"▲ {change:.1f}%", "$text-success")
    if change < 0:
        return (f"▼ {-change:.1f}%", "$text-error")
    return ("= 0.0%", "$text-muted")


def _rgb(colour: str) -> tuple[int, int, int] | str:
    """``#1877f2`` -> ``(24, 119, 242)`` for plotext; anything else -> plotext's default."""
    text = colour.lstrip("#")
    if len(text) == 6:
        try:
            return (int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16))
        except ValueError:
            pass
    return "default"


class ChartBox(Vertical, can_focus=True):
    """The chart's frame; focusable so that the pane's keys work while the tab is shown."""


class StatsPane(Pane):
    """The fourth tab: how are we doing month over month?"""

    PANE_ID = "stats"
    TITLE_KEY = "ui.tab.stats"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "next_metric", "ui.key.next_metric", id="stats.metric"),
    ]

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.metric = CHART_METRICS[0]
        self._figures: list[MonthlyFigures] = []
        self._networks: list[NetworkProfile] = []

    def compose(self) -> ComposeResult:
        from cm_tui.ui.widgets.chart import CachedPlot

        with ChartBox(id="stats-chart-box", classes="box"):
            yield CachedPlot(id="stats-chart")
        with Vertical(id="stats-table-box", classes="box"):
            yield Static(id="stats-table")

    @property
    def chart(self) -> CachedPlot:
        from cm_tui.ui.widgets.chart import CachedPlot

        return self.query_one("#stats-chart", CachedPlot)

    def focus_default(self) -> None:
        self.query_one("#stats-chart-box").focus()

    # ------------------------------------------------------------------ data

    def reload(self) -> None:
        ctx = self.ctx
        self._networks = ctx.settings.network_profiles(ctx.repo.networks.all())
        self._figures = ctx.repo.figures.all()
        self._draw_chart()
        self._draw_table()

    def _last_month(self) -> str | None:
        """The latest month with figures before the current one (the current month is not
        finished); the latest month at all if there is none before."""
        months = sorted({f.month for f in self._figures})
        if not months:
            return None
        today = self.ctx.today()
        current = f"{today.year:04d}-{today.month:02d}"
        finished = [m for m in months if m < current]
        return finished[-1] if finished else months[-1]

    def _draw_chart(self) -> None:
        box = self.query_one("#stats-chart-box")
        box.border_title = t("ui.stats.chart", metric=t(f"core.metric.{self.metric}"))
        box.border_subtitle = t("ui.stats.metric_hint")
        last = self._last_month()
        if last is None:
            box.border_subtitle = t("ui.stats.no_figures")
            self.chart.set_drawing(lambda plt: None)
            return
        months = months_range(last, CHART_MONTHS)
        networks = self._networks
        metric = self.metric
        series = monthly_series(self._figures, self.metric, [n.key for n in networks], months)
        labels = [fmt.month_short(int(m[5:])) for m in months]

        def draw(plt: Plot) -> None:
            for network in networks:
                points = [(i, v) for i, (_m, v) in enumerate(series[network.key]) if v is not None]
                if points:
                    plt.plot(
                        [x for x, _ in points],
                        [y for _, y in points],
                        label=network.name,
                        marker="braille",
                        color=_rgb(network.colour),
                    )
            plt.xticks(list(range(len(months))), labels)
            values = [v for points in series.values() for _m, v in points if v is not None]
            if values:
                low, high = min(values), max(values)
                ticks = [low + (high - low) * i / 4 for i in range(5)] if high > low else [low]
                plt.yticks(ticks, [format_value(metric, tick) for tick in ticks])

        self.chart.set_drawing(draw)

    def _draw_table(self) -> None:
        box = self.query_one("#stats-table-box")
        table = self.query_one("#stats-table", Static)
        last = self._last_month()
        if last is None:
            box.border_title = t("ui.stats.table_empty")
            table.update(Content.styled(t("ui.stats.no_figures"), "$text-muted"))
            return
        previous = shift_month(last, -1)
        box.border_title = t(
            "ui.stats.table", month=_month_label(last), previous=_month_label(previous)
        )
        by_key = {(f.network, f.month): f for f in self._figures}
        header = Content.assemble(
            " " * _NAME_WIDTH,
            *[
                (t(f"core.metric.{m}")[: _CELL_WIDTH - 2].center(_CELL_WIDTH), "bold $text-accent")
                for m in TABLE_METRICS
            ],
        )
        lines = [header]
        for network in self._networks:
            current = by_key.get((network.key, last))
            before = by_key.get((network.key, previous))
            parts: list[str | tuple[str, str]] = [
                (network.name[: _NAME_WIDTH - 1].ljust(_NAME_WIDTH), "bold")
            ]
            for metric in TABLE_METRICS:
                value = None if current is None else metric_value(current, metric)
                old = None if before is None else metric_value(before, metric)
                change_text, change_style = change_part(month_change(value, old))
                parts += [
                    format_value(metric, value).rjust(_VALUE_WIDTH),
                    " ",
                    (change_text.ljust(_CELL_WIDTH - _VALUE_WIDTH - 1), change_style),
                ]
            lines.append(Content.assemble(*parts))
        table.update(Content("\n").join(lines))

    # ------------------------------------------------------------------ actions

    def action_next_metric(self) -> None:
        index = CHART_METRICS.index(self.metric)
        self.metric = CHART_METRICS[(index + 1) % len(CHART_METRICS)]
        self._draw_chart()


def _month_label(month: str) -> str:
    return f"{fmt.month_short(int(month[5:]))} {month[:4]}"
