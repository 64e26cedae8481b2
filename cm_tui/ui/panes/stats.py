"""Stats: a chart of a monthly figure (per network, or one network), and the selected month's
table with its changes against the previous month and the baseline month, and the KPI status.

Keys: ``m`` next figure, ``n`` next network (or all), ``r`` range (3, 6, 12, 24 months, all),
``[`` / ``]`` previous / next month, ``e`` enter the figures of the month (form), ``w`` write
the month's report (Markdown and HTML, beside the store, in ``reports/``), ``c`` the ad
campaigns (add, edit, daily checks), ``C`` the competitors (add, edit, a month's figures).

Series, changes and KPIs come from ``core.stats``; the pane only picks what to show. plotext is
imported when this pane is composed, which the app does only when the Stats tab is first shown
(start-up stays lean); the chart is built once per (data, size, theme) by ``CachedPlot``.
Response figures read the whole queue (archive included, without caching it): that pass runs in a
thread the first time a response chart is shown after a change, never on start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from cm_tui.core.i18n import t
from cm_tui.core.models import AdCampaign, Competitor, MonthlyFigures, NetworkProfile, Post
from cm_tui.core.stats import (
    KPI_NAMES,
    TABLE_METRICS,
    KpiTargets,
    NetworkMonth,
    ResponseFigures,
    Series,
    baseline_month,
    campaign_series,
    competitor_series,
    kpi_targets_from_pref,
    month_table,
    monthly_post_target,
    monthly_series,
    months_between,
    months_range,
    posts_series,
    published_per_month,
    response_series,
    with_derived_posts,
)
from cm_tui.core.timeutil import shift_month
from cm_tui.ui import fmt
from cm_tui.ui.panes.base import Pane

if TYPE_CHECKING:
    from textual_plotext.plot import Plot

    from cm_tui.ui.widgets.chart import CachedPlot

#: figures the chart can show, cycled with ``m``
CHART_METRICS: tuple[str, ...] = (
    "followers",
    "engagements",
    "engagement_rate",
    "reach",
    "posts_vs_target",
    "response_median",
    "on_time_share",
    "competitors",
    "campaigns",
)
#: months shown by the chart, cycled with ``r`` (``0``: every month with figures)
RANGES: tuple[int, ...] = (12, 24, 0, 3, 6)
RESPONSE_METRICS = ("response_median", "on_time_share")
#: the month table's figure when the chart shows something that is not a typed figure
TABLE_FIGURE = {
    "posts_vs_target": "posts",
    "competitors": "followers",
    "campaigns": "followers",
}
_NAME_WIDTH = 13
_VALUE_WIDTH = 10
_CHANGE_WIDTH = 9


def metric_label(metric: str) -> str:
    if metric in TABLE_METRICS or metric in ("impressions", "comments", "shares", "reactions"):
        return t(f"core.metric.{metric}")
    return t(f"stats.metric.{metric}")


def format_value(metric: str, value: float | int | None) -> str:
    if value is None:
        return "–"
    if metric in ("engagement_rate", "on_time_share"):
        return f"{value:.1f} %"
    if metric == "response_median":
        return f"{value:.0f} min"
    return f"{round(value):,}".replace(",", "\u202f")


def change_part(change: float | None) -> tuple[str, str]:
    """``▲ 3.1%`` (green), ``▼ 1.2%`` (red), ``= 0.0%`` or ``–`` (muted)."""
    if change is None:
        return ("–", "$text-muted")
    if change > 0:
        return (f"▲ {change:.1f}%", "$text-success")
    if change < 0:
        return (f"▼ {-change:.1f}%", "$text-error")
    return ("= 0.0%", "$text-muted")


def kpi_part(met: bool | None) -> tuple[str, str]:
    if met is None:
        return ("·", "$text-muted")
    return ("✓", "$text-success") if met else ("✗", "$text-error")


def _rgb(colour: str | None) -> tuple[int, int, int] | str:
    """``#1877f2`` -> ``(24, 119, 242)`` for plotext; anything else -> plotext's default."""
    text = (colour or "").lstrip("#")
    if len(text) >= 6:
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
        Binding("n", "next_network", "stats.key.network", id="stats.network"),
        Binding("r", "next_range", "stats.key.range", id="stats.range"),
        Binding("left_square_bracket", "shift_month(-1)", "stats.key.prev_month",
                id="stats.prev_month"),
        Binding("right_square_bracket", "shift_month(1)", "stats.key.next_month",
                id="stats.next_month"),
        Binding("e", "enter_figures", "stats.key.enter", id="stats.enter"),
        Binding("w", "write_report", "stats.key.report", id="stats.report"),
        Binding("c", "campaigns", "stats.key.campaigns", id="stats.campaigns"),
        Binding("C", "competitors", "stats.key.competitors", id="stats.competitors"),
    ]  # fmt: skip

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.metric = CHART_METRICS[0]
        #: ``None``: every network
        self.network: str | None = None
        self.range = RANGES[0]
        #: the table's month (``None``: the latest finished month with figures)
        self.month: str | None = None
        self._figures: list[MonthlyFigures] = []
        self._networks: list[NetworkProfile] = []
        self._posts: list[Post] = []
        self._published: dict[tuple[str, str], int] = {}
        self._competitors: list[Competitor] = []
        self._campaigns: list[AdCampaign] = []
        self._targets: dict[str, KpiTargets] = {}
        self._baseline: str | None = None
        self._responses: dict[tuple[str, str], ResponseFigures] | None = None
        self._responses_version = -1
        self._responses_pending = -1
        self._table_cache: dict[str, list[NetworkMonth]] = {}
        #: last written report files (tests and the notification read it)
        self.last_report: list[Any] = []

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
        repo = ctx.repo
        self._networks = ctx.settings.network_profiles(repo.networks.all())
        self._posts = repo.posts.all()
        self._published = published_per_month(self._posts, ctx.zone)
        self._figures = with_derived_posts(repo.figures.all(), self._published)
        self._competitors = repo.competitors.all()
        self._campaigns = repo.campaigns.all()
        self._targets = kpi_targets_from_pref(repo.prefs.get("stats.kpi"))
        self._baseline = baseline_month(self._figures, repo.prefs.get("stats.baseline"))
        self._table_cache = {}
        keys = [n.key for n in self._networks]
        if self.network is not None and self.network not in keys:
            self.network = None
        self._redraw()

    def _redraw(self) -> None:
        self._draw_chart()
        self._draw_table()

    def latest_month(self) -> str | None:
        """The latest month with figures before the current one (the current month is not
        finished); the latest month at all if there is none before."""
        months = sorted({f.month for f in self._figures})
        if not months:
            return None
        today = self.ctx.today()
        current = f"{today.year:04d}-{today.month:02d}"
        finished = [m for m in months if m < current]
        return finished[-1] if finished else months[-1]

    def selected_month(self) -> str | None:
        return self.month or self.latest_month()

    def chart_months(self) -> list[str]:
        last = self.selected_month()
        if last is None:
            return []
        if self.range:
            return months_range(last, self.range)
        first = min([f.month for f in self._figures], default=last)
        return months_between(first, last)

    def _shown_networks(self) -> list[NetworkProfile]:
        if self.network is None:
            return self._networks
        return [n for n in self._networks if n.key == self.network]

    def _range_label(self) -> str:
        return t("stats.range_all") if not self.range else t("stats.range_months", n=self.range)

    def _network_label(self) -> str:
        shown = self._shown_networks()
        return t("stats.all_networks") if self.network is None else shown[0].name

    # ------------------------------------------------------------------ chart

    def _series(
        self, months: list[str]
    ) -> tuple[list[tuple[str, list[tuple[str, float | int | None]]]], str]:
        """(label, points) of every line to draw, and the metric the values are in."""
        networks = self._shown_networks()
        keys = [n.key for n in networks]
        names = {n.key: n.name for n in networks}
        metric = self.metric
        lines: list[tuple[str, list[tuple[str, float | int | None]]]] = []
        series: Series
        if metric == "posts_vs_target":
            series = posts_series(self._published, keys, months)
            lines = [(names[k], series[k]) for k in keys]
            if len(networks) == 1:
                target = [(m, monthly_post_target(networks[0], m)) for m in months]
                lines.append((t("stats.target"), target))
            return lines, "posts"
        if metric in RESPONSE_METRICS:
            responses = self._response_figures()
            if responses is None:
                return [], metric
            series = response_series(responses, keys, months, metric)
            return [(names[k], series[k]) for k in keys], metric
        if metric == "competitors":
            ours = monthly_series(self._figures, "followers", keys, months)
            lines = [(names[k], ours[k]) for k in keys]
            rivals = [c for c in self._competitors if c.network in names]
            lines += list(competitor_series(rivals, months).items())
            return lines, "followers"
        if metric == "campaigns":
            campaigns = [c for c in self._campaigns if c.network in names]
            for name, (spend, results) in campaign_series(campaigns, months).items():
                if any(v is not None for _m, v in spend):
                    lines.append((f"{name} €", spend))
                    lines.append((f"{name} ✓", results))
            return lines, "campaigns"
        series = monthly_series(self._figures, metric, keys, months)
        return [(names[k], series[k]) for k in keys], metric

    def _draw_chart(self) -> None:
        box = self.query_one("#stats-chart-box")
        if self.network is None and self.metric not in ("competitors", "campaigns"):
            title = t("ui.stats.chart", metric=metric_label(self.metric))
            box.border_title = f"{title} · {self._range_label()}"
        else:
            box.border_title = t(
                "stats.chart_title",
                metric=metric_label(self.metric),
                network=self._network_label(),
                range=self._range_label(),
            )
        box.border_subtitle = t("stats.hint")
        months = self.chart_months()
        if not months:
            box.border_subtitle = t("ui.stats.no_figures")
            self.chart.set_drawing(lambda plt: None)
            return
        lines, unit = self._series(months)
        labels = [_month_tick(m, len(months)) for m in months]
        step = max(1, len(months) // 12)
        if not any(v is not None for _l, points in lines for _m, v in points):
            box.border_subtitle = t("stats.no_data")
        app = self.app

        def draw(plt: Plot) -> None:
            palette = _palette(app)
            for i, (label, points) in enumerate(lines):
                xy = [(x, v) for x, (_m, v) in enumerate(points) if v is not None]
                if xy:
                    plt.plot(
                        [x for x, _ in xy],
                        [y for _, y in xy],
                        label=label[:18],
                        marker="hd",
                        color=palette[i % len(palette)],
                    )
            ticks = list(range(0, len(months), step))
            plt.xticks(ticks, [labels[i] for i in ticks])
            values = [v for _l, points in lines for _m, v in points if v is not None]
            if values:
                low, high = min(values), max(values)
                yticks = [low + (high - low) * i / 4 for i in range(5)] if high > low else [low]
                plt.yticks(yticks, [format_value(unit, tick) for tick in yticks])

        self.chart.set_drawing(draw)

    def _response_figures(self) -> dict[tuple[str, str], ResponseFigures] | None:
        """The queue's figures per (network, month), or ``None`` while they are computed."""
        version = self.ctx.version
        if self._responses is not None and self._responses_version == version:
            return self._responses
        if self._responses_pending != version:
            self._responses_pending = version
            self._compute_responses(version)
        return None

    @work(thread=True, exclusive=True, group="stats-responses")
    def _compute_responses(self, version: int) -> None:
        from cm_tui.core.stats import response_figures

        repo = self.ctx.repo
        items = [*repo.queue.all(), *repo.queue.iter_archived(cache=False)]
        figures = response_figures(items, self.ctx.zone)
        self.app.call_from_thread(self._responses_ready, version, figures)

    def _responses_ready(
        self, version: int, figures: dict[tuple[str, str], ResponseFigures]
    ) -> None:
        self._responses, self._responses_version = figures, version
        if self.metric in RESPONSE_METRICS:
            self._draw_chart()

    # ------------------------------------------------------------------ table

    def month_rows(self, month: str) -> list[NetworkMonth]:
        rows = self._table_cache.get(month)
        if rows is None:
            responses = self._responses if self._responses_version == self.ctx.version else None
            if responses is None:
                responses = self._month_responses(month)
            rows = month_table(
                self._figures,
                month,
                [n.key for n in self._networks],
                baseline=self._baseline,
                targets=self._targets,
                responses=responses,
            )
            self._table_cache[month] = rows
        return rows

    def _month_responses(self, month: str) -> dict[tuple[str, str], ResponseFigures]:
        """The queue's figures of one month, read now (the open items and the archive files
        of the month, filtered before objects are built): the table never waits for the thread."""
        from cm_tui.core.stats import month_bounds, response_figures

        repo = self.ctx.repo
        start, end = month_bounds(month, self.ctx.zone)
        items = [i for i in repo.queue.all() if start <= i.received_at < end]
        items += repo.queue.archived_between(start, end)
        return response_figures(items, self.ctx.zone)

    def _draw_table(self) -> None:
        box = self.query_one("#stats-table-box")
        table = self.query_one("#stats-table", Static)
        month = self.selected_month()
        if month is None:
            box.border_title = t("ui.stats.table_empty")
            table.update(Content.styled(t("ui.stats.no_figures"), "$text-muted"))
            return
        previous = shift_month(month, -1)
        box.border_title = t(
            "stats.table_title",
            month=_month_label(month),
            previous=_month_label(previous),
            baseline=_month_label(self._baseline) if self._baseline else "–",
        )
        rows = self.month_rows(month)
        if self.network is not None:
            table.update(self._network_table(next(r for r in rows if r.network == self.network)))
        else:
            table.update(self._networks_table(rows))

    def _networks_table(self, rows: list[NetworkMonth]) -> Content:
        """Every network, one line each: followers and the chart's figure with their changes
        (vs the previous month; the chart's figure vs the baseline too), and the KPIs."""
        metric = TABLE_FIGURE.get(self.metric, self.metric)
        if metric in RESPONSE_METRICS:
            metric = "followers"
        names = {n.key: n.name for n in self._networks}
        accent = "bold $text-accent"
        vs_previous = self._vs_previous(rows[0].month if rows else None)
        head: list[str | tuple[str, str]] = [
            (t("stats.col.network")[: _NAME_WIDTH - 1].ljust(_NAME_WIDTH), accent)
        ]
        if metric != "followers":
            head += [
                (metric_label("followers")[:_VALUE_WIDTH].rjust(_VALUE_WIDTH), accent),
                (f" {vs_previous:>{_CHANGE_WIDTH}}", accent),
            ]
        head += [
            (metric_label(metric)[: _VALUE_WIDTH + 2].rjust(_VALUE_WIDTH + 2), accent),
            (f" {vs_previous:>{_CHANGE_WIDTH}}", accent),
            (f" {t('stats.col.vs_baseline'):>{_CHANGE_WIDTH}}", accent),
            ("  " + " ".join(_kpi_short(k) for k in KPI_NAMES), accent),
        ]
        lines = [Content.assemble(*head)]
        for row in rows:
            by_metric = {f.metric: f for f in row.lines}
            line = by_metric[metric]
            parts: list[str | tuple[str, str]] = [
                (names.get(row.network, row.network)[: _NAME_WIDTH - 1].ljust(_NAME_WIDTH), "bold")
            ]
            if metric != "followers":
                followers = by_metric["followers"]
                text, style = change_part(followers.change)
                parts += [
                    format_value("followers", followers.value).rjust(_VALUE_WIDTH),
                    " ",
                    (text.rjust(_CHANGE_WIDTH), style),
                ]
            parts.append(format_value(metric, line.value).rjust(_VALUE_WIDTH + 2))
            for change in (line.change, line.change_baseline):
                text, style = change_part(change)
                parts += [" ", (text.rjust(_CHANGE_WIDTH), style)]
            parts.append("  ")
            for kpi in KPI_NAMES:
                text, style = kpi_part(row.kpis[kpi])
                parts += [(text.center(len(_kpi_short(kpi))), style), " "]
            lines.append(Content.assemble(*parts))
        return Content("\n").join(lines)

    def _network_table(self, row: NetworkMonth) -> Content:
        """One network: every figure with its changes and its KPI."""
        width = 20
        header = Content.assemble(
            (t("stats.report.figure")[: width - 1].ljust(width), "bold $text-accent"),
            (t("stats.report.value")[:_VALUE_WIDTH].rjust(_VALUE_WIDTH), "bold $text-accent"),
            (f" {self._vs_previous(row.month):>{_CHANGE_WIDTH}}", "bold $text-accent"),
            (f" {t('stats.col.vs_baseline'):>{_CHANGE_WIDTH}}", "bold $text-accent"),
            ("  " + t("stats.col.kpi"), "bold $text-accent"),
        )
        lines = [header]
        for line in row.lines:
            parts: list[str | tuple[str, str]] = [
                metric_label(line.metric)[: width - 1].ljust(width),
                format_value(line.metric, line.value).rjust(_VALUE_WIDTH),
            ]
            for change in (line.change, line.change_baseline):
                text, style = change_part(change)
                parts += [" ", (text.rjust(_CHANGE_WIDTH), style)]
            text, style = kpi_part(line.kpi)
            parts += ["  ", (text, style)]
            lines.append(Content.assemble(*parts))
        response = row.response
        if response is not None:
            text, style = kpi_part(row.kpis["on_time_share"])
            share = response.on_time_share
            lines.append(
                Content.assemble(
                    t("stats.kpi.on_time_share")[: width - 1].ljust(width),
                    format_value("on_time_share", None if share is None else 100 * share).rjust(
                        _VALUE_WIDTH
                    ),
                    " " * (2 * _CHANGE_WIDTH + 4),
                    (text, style),
                )
            )
        return Content("\n").join(lines)

    @staticmethod
    def _vs_previous(month: str | None) -> str:
        if month is None:
            return ""
        return t("stats.col.vs_previous", month=fmt.month_short(int(shift_month(month, -1)[5:])))

    # ------------------------------------------------------------------ actions

    def action_next_metric(self) -> None:
        index = CHART_METRICS.index(self.metric)
        self.metric = CHART_METRICS[(index + 1) % len(CHART_METRICS)]
        self._redraw()

    def action_next_network(self) -> None:
        keys: list[str | None] = [None, *(n.key for n in self._networks)]
        index = keys.index(self.network) if self.network in keys else 0
        self.network = keys[(index + 1) % len(keys)]
        self._redraw()

    def action_next_range(self) -> None:
        self.range = RANGES[(RANGES.index(self.range) + 1) % len(RANGES)]
        self._draw_chart()

    def action_shift_month(self, step: int) -> None:
        month = self.selected_month()
        if month is None:
            return
        self.month = shift_month(month, step)
        self._redraw()

    def action_enter_figures(self) -> None:
        from cm_tui.ui.screens.figures_form import FiguresForm

        month = self.selected_month() or _current_month(self.ctx.today())
        network = self.network or (self._networks[0].key if self._networks else None)
        if network is None:
            return
        existing = next(
            (f for f in self.ctx.repo.figures.all() if f.network == network and f.month == month),
            None,
        )
        name = next((n.name for n in self._networks if n.key == network), network)
        self.app.push_screen(
            FiguresForm(existing or MonthlyFigures(network, month), name), self._save_figures
        )

    def _save_figures(self, figures: MonthlyFigures | None) -> None:
        if figures is None:
            return
        repo = self.ctx.repo
        if figures.id:
            saved = self.ctx.write(lambda: repo.figures.update(figures))
        else:
            saved = self.ctx.write(lambda: repo.figures.add(figures))
        if saved:
            self.month = figures.month
            self.reloaded_after_write()
            self.app.notify(t("stats.form.saved"))

    def action_campaigns(self) -> None:
        from cm_tui.ui.screens.campaigns import CampaignsScreen

        screen = CampaignsScreen(self.ctx.repo, self.ctx.write, self._networks, self.ctx.today())
        self.app.push_screen(screen, lambda _none: self._list_closed(screen.changed))

    def action_competitors(self) -> None:
        from cm_tui.ui.screens.competitors import CompetitorsScreen

        screen = CompetitorsScreen(
            self.ctx.repo,
            self.ctx.write,
            self._networks,
            self.selected_month() or _current_month(self.ctx.today()),
        )
        self.app.push_screen(screen, lambda _none: self._list_closed(screen.changed))

    def _list_closed(self, changed: bool) -> None:
        if changed:
            self.reloaded_after_write()

    def action_write_report(self) -> None:
        from cm_tui.io.report import gather, write_report_files

        month = self.selected_month()
        if month is None:
            return
        try:
            report = gather(
                self.ctx.repo,
                month,
                networks=self._networks,
                tz=self.ctx.zone,
                today=self.ctx.today(),
            )
            folder = self.ctx.store.paths.db.parent / "reports"
            self.last_report = write_report_files(report, folder)
        except OSError as exc:
            self.app.notify(
                t("stats.report_failed", reason=exc.strerror or str(exc)),
                severity="error",
                markup=False,
            )
            return
        paths = ", ".join(str(p) for p in self.last_report)
        self.app.notify(t("stats.report_written", path=paths), markup=False)


def _palette(app: Any) -> list[tuple[int, int, int] | str]:
    """Series colours from the active theme, so the chart follows it."""
    theme = app.current_theme
    colours = [
        theme.primary,
        theme.accent,
        theme.success,
        theme.error,
        theme.warning,
        theme.secondary,
        theme.foreground,
    ]
    out: list[tuple[int, int, int] | str] = []
    for colour in colours:
        rgb = _rgb(colour)
        if rgb != "default" and rgb not in out:
            out.append(rgb)
    return out or ["default"]


def _kpi_short(kpi: str) -> str:
    return t(f"stats.kpi_short.{kpi}")


def _month_tick(month: str, count: int) -> str:
    label = fmt.month_short(int(month[5:]))
    return f"{label}{month[2:4]}" if count > 12 else label


def _month_label(month: str) -> str:
    return f"{fmt.month_short(int(month[5:]))} {month[:4]}"


def _current_month(day: Any) -> str:
    return f"{day.year:04d}-{day.month:02d}"
