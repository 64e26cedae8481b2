"""Stats: a chart of a monthly figure (per network, or one network), and the selected month's
table with its changes against the previous month and the baseline month, and the KPI status.

Keys: ``m`` next figure, ``f n`` next network (or all), ``f r`` range (3, 6, 12, 24 months,
all), ``[`` / ``]`` previous / next month (with or without figures, ``core.stats_months``), ``t``
back to the latest month, ``enter`` the month's figures in full, ``e`` enter the figures of a
month (form, its month a field), ``x`` / ``delete`` delete the month's figures of the networks
shown (asks first; ``u`` brings them back), ``w`` write
the month's report (Markdown and HTML, beside the store, in ``reports/``), ``c`` the ad
campaigns (add, edit, delete, daily checks), ``C`` the competitors (add, edit, delete, a month's
figures), ``T`` the KPI targets per network and the baseline month (the ``stats.kpi`` and
``stats.baseline`` preferences, read by the table and the report).

Series, changes and KPIs come from ``core.stats``; the pane only picks what to show. plotext is
imported when this pane is composed, which the app does only when the Stats tab is first shown
(start-up stays lean); the chart is built once per (data, size, theme) by ``CachedPlot``.
Response figures are those of the hot table plus those of the archive, read from the month
summaries the archive keeps (``store/archive_summary.py``), never from its month files, and kept
until a month file changes (``_archived_figures``): a visit after a change costs the hot table
only. That pass runs in a thread the first time a response chart is shown after a change, never
on start-up.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from cm_tui.core import locale as l10n
from cm_tui.core.edits import Edit, Label, RecordsEdit
from cm_tui.core.i18n import t
from cm_tui.core.models import (
    AdCampaign,
    Competitor,
    MonthlyFigures,
    NetworkProfile,
    Post,
    network_names,
)
from cm_tui.core.stats import (
    KPI_NAMES,
    PREF_BASELINE,
    PREF_KPI,
    ChartData,
    ChartLine,
    KpiTargets,
    NetworkMonth,
    ResponseFigures,
    baseline_month,
    baseline_pref,
    chart_lines,
    kpi_pref,
    kpi_targets_from_pref,
    month_table,
    months_between,
    months_range,
    published_per_month,
    with_derived_posts,
)
from cm_tui.core.stats_months import (
    BROWSE_BACK,
    browse_bounds,
    form_month,
    last_complete_month,
    step_month,
)
from cm_tui.core.timeutil import month_key, shift_month
from cm_tui.io.charts import format_change, format_value, has_values, metric_label
from cm_tui.ui import fmt
from cm_tui.ui.panes.verbs import VerbsPane
from cm_tui.ui.screens.prefix_menu import StatsFilters

if TYPE_CHECKING:
    from cm_tui.ui.screens.kpi_form import KpiChoice
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
#: months shown by the chart, cycled with ``f r`` (``0``: every month with figures)
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


def change_part(change: float | None) -> tuple[str, str]:
    """``▲ 3.1%`` (green), ``▼ 1.2%`` (red), ``= 0.0%`` or ``–`` (muted): the report's
    text (``io.charts.format_change``)."""
    if change is None:
        return ("–", "$text-muted")
    style = "$text-success" if change > 0 else "$text-error" if change < 0 else "$text-muted"
    return (format_change(change), style)


def kpi_part(met: bool | None) -> tuple[str, str]:
    if met is None:
        return ("·", "$text-muted")
    return ("✓", "$text-success") if met else ("✗", "$text-error")


#: below this many rows the table box fits its rows instead of taking a third of the tab (class
#: ``-short``): at 80×24 a third left the chart four rows of plot over two empty table rows
SHORT_BELOW = 30


class ChartBox(Vertical, can_focus=True):
    """The chart's frame; focusable so that the pane's keys work while the tab is shown."""


class StatsPane(VerbsPane):
    """The fourth tab: how are we doing month over month?"""

    PANE_ID = "stats"
    CSS_FILE = "stats.tcss"
    TITLE_KEY = "ui.tab.stats"
    MENUS = {"filters": StatsFilters}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "next_metric", "ui.key.next_metric", id="stats.metric"),
        Binding("f", "menu('filters')", "verbs.key.filters", id="stats.filters"),
        Binding("escape", "clear_filters", "verbs.key.clear", show=False, id="stats.clear"),
        Binding("left_square_bracket", "shift_month(-1)", "stats.key.prev_month",
                id="stats.prev_month"),
        Binding("right_square_bracket", "shift_month(1)", "stats.key.next_month",
                id="stats.next_month"),
        Binding("t", "this_month", "verbs.key.this_month", show=False, id="stats.today"),
        Binding("enter", "detail", "verbs.key.detail", show=False, id="stats.detail"),
        Binding("e", "enter_figures", "stats.key.enter", id="stats.enter"),
        Binding("x,delete", "delete_figures", "stats.key.delete", show=False, id="stats.delete"),
        Binding("u", "undo", "stats.key.undo", show=False, id="stats.undo"),
        Binding("ctrl+r", "redo", "stats.key.redo", show=False, id="stats.redo"),
        Binding("w", "write_report", "stats.key.report", id="stats.report"),
        Binding("c", "campaigns", "stats.key.campaigns", id="stats.campaigns"),
        Binding("C", "competitors", "stats.key.competitors", id="stats.competitors"),
        Binding("T", "kpi_targets", "stats.key.kpi", id="stats.kpi"),
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
        #: (what the archive's month files were, their figures): see ``_archived_figures``
        self._archived: tuple[list[object], dict[tuple[str, str], ResponseFigures]] | None = None
        self._table_cache: dict[str, list[NetworkMonth]] = {}
        #: last written report files (tests and the notification read it)
        self.last_report: list[Any] = []

    def compose(self) -> ComposeResult:
        from cm_tui.ui.widgets.chart import CachedPlot

        with ChartBox(id="stats-chart-box", classes="box"):
            yield CachedPlot(id="stats-chart")
        with Vertical(id="stats-table-box", classes="box"):
            yield Static(id="stats-table")

    def on_resize(self) -> None:
        # short terminals: the table takes its rows and no more, the chart the rest (``-short``)
        self.set_class(self.size.height < SHORT_BELOW, "-short")

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
        self._targets = kpi_targets_from_pref(repo.prefs.get(PREF_KPI))
        self._baseline = baseline_month(self._figures, baseline_pref(repo.prefs.get(PREF_BASELINE)))
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
        return t("stats.range_all") if not self.range else t("stats.range_months", count=self.range)

    def _network_label(self) -> str:
        shown = self._shown_networks()
        return t("stats.all_networks") if self.network is None else shown[0].name

    # ------------------------------------------------------------------ chart

    def _series(self, months: list[str]) -> tuple[list[ChartLine], str]:
        """The lines of the chart shown (``core.stats.chart_lines``) and their unit."""
        data = ChartData(
            self._figures,
            self._published,
            self._competitors,
            self._campaigns,
            self._response_figures() if self.metric in RESPONSE_METRICS else None,
        )
        return chart_lines(
            self.metric,
            data,
            self._shown_networks(),
            months,
            target_label=t("stats.target"),
            spend_label=t("stats.spend", currency=self.ctx.settings.currency),
            results_label=t("stats.results"),
        )

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
        if not has_values(lines):
            box.border_subtitle = t("stats.no_data")
        self.chart.set_lines(lines, months, unit)

    def _response_figures(self) -> dict[tuple[str, str], ResponseFigures] | None:
        """The queue's figures per (network, month), or ``None`` while they are computed."""
        version = self.ctx.version
        if self._responses is not None and self._responses_version == version:
            return self._responses
        if self._responses_pending != version:
            self._responses_pending = version
            # the hot table is copied here, on the UI thread: the worker must not iterate
            # the store's dicts while a key writes to them
            self._compute_responses(version, self.ctx.repo.queue.hot_documents())
        return None

    @work(thread=True, exclusive=True, group="stats-responses", exit_on_error=False)
    def _compute_responses(self, version: int, hot: dict[str, dict[str, Any]]) -> None:
        """The response figures, off the UI thread. A failure (an unreadable archive month...)
        is said in one line and tried again at the next draw that needs them: it must neither
        end the app nor leave the chart waiting forever."""
        from cm_tui.core.stats import response_figures
        from cm_tui.store.archive_summary import combine_figures

        try:
            figures = response_figures(self.ctx.repo.queue.items_of(hot), self.ctx.zone)
            combine_figures(figures, self._archived_figures())
        except Exception as exc:  # any failure: one line, never a traceback
            self.app.call_from_thread(self._responses_failed, version, exc)
            return
        self.app.call_from_thread(self._responses_ready, version, figures)

    def _responses_failed(self, version: int, exc: Exception) -> None:
        if self._responses_pending == version:
            self._responses_pending = -1  # the next draw that needs them tries again
        reason = " ".join(str(exc).split()) or type(exc).__name__
        self.app.notify(t("stats.responses_failed", reason=reason), severity="error", markup=False)

    def _archived_figures(self) -> dict[tuple[str, str], ResponseFigures]:
        """The archive's response figures (from its month summaries), read again only when a
        month file changed (size, mtime) or the zone did; a copy the caller may add to."""
        from cm_tui.store.archive_summary import combine_figures

        archive = self.ctx.store.archive
        stamp: list[object] = [self.ctx.zone.key]
        for month in archive.months():
            try:
                st = archive.month_path(month).stat()
            except FileNotFoundError:
                continue
            stamp.append((month, st.st_size, st.st_mtime_ns))
        cached = self._archived
        if cached is None or cached[0] != stamp:
            cached = self._archived = (
                stamp,
                self.ctx.repo.queue.archived_response_figures(self.ctx.zone),
            )
        copy: dict[tuple[str, str], ResponseFigures] = {}
        combine_figures(copy, cached[1])
        return copy

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
        from cm_tui.core.models import format_instant
        from cm_tui.core.stats import month_bounds, response_figures
        from cm_tui.store.archive_summary import combine_figures

        repo = self.ctx.repo
        start, end = month_bounds(month, self.ctx.zone)
        # stored instants compare as text; items are built for the month only and not kept
        lo, hi = format_instant(start), format_instant(end)
        docs = repo.queue.hot_documents()
        items = repo.queue.items_of(
            {key: doc for key, doc in docs.items() if lo <= doc["received_at"] < hi}
        )
        figures = response_figures(items, self.ctx.zone)
        # the UTC month files that can hold the local month's items, from their summaries
        first, last = f"{start:%Y-%m}", f"{end - timedelta(microseconds=1):%Y-%m}"
        archived = repo.queue.archived_response_figures(self.ctx.zone, first, last)
        combine_figures(figures, {k: v for k, v in archived.items() if k[1] == month})
        return figures

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
        names = network_names(self._networks)
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
        """``[`` / ``]``: the month before / after the one shown (from the month just ended
        when there are no figures yet), within ``core.stats_months.browse_bounds``; at an end,
        one line says why it stops."""
        today = self.ctx.today()
        month = self.selected_month() or last_complete_month(today)
        bounds = browse_bounds(today, (f.month for f in self._figures))
        moved = step_month(month, step, bounds)
        if moved is None:
            self.notify(self._bound_message(month, step, today), severity="warning", markup=False)
            return
        self.month = moved
        self._redraw()

    @staticmethod
    def _bound_message(month: str, step: int, today: Any) -> str:
        long = _month_long(month)
        if step < 0:
            return t("stats.no_earlier_month", month=long, count=BROWSE_BACK)
        if month == month_key(today):
            return t("stats.no_later_month", month=long)
        return t("stats.no_later_figures", month=long)

    def action_clear_filters(self) -> None:
        """``escape``: every network again."""
        if self.network is not None:
            self.network = None
            self._redraw()

    def action_this_month(self) -> None:
        """``t``: back to the latest finished month (what the tab opens on)."""
        self.month = None
        self._redraw()

    def detail(self) -> tuple[str, Content] | None:
        """The selected month's figures: every figure of each network shown, with its changes
        and KPI (the one-network table, for each of them)."""
        month = self.selected_month()
        if month is None:
            self.notify(t("verbs.stats.no_month"), severity="warning", markup=False)
            return None
        rows = self.month_rows(month)
        if self.network is not None:
            rows = [row for row in rows if row.network == self.network]
        names = network_names(self._networks)
        blocks = [
            Content.assemble(
                (names.get(row.network, row.network), "bold $text-accent"),
                "\n",
                self._network_table(row),
            )
            for row in rows
        ]
        title = t("verbs.stats.detail_title", month=_month_label(month))
        return title, Content("\n\n").join(blocks)

    def action_enter_figures(self) -> None:
        """``e``: the figures form of the network shown (the first one when all are), on the
        month ``core.stats_months.form_month`` chooses; any month up to this one may be typed."""
        from cm_tui.ui.screens.figures_form import FiguresForm

        today = self.ctx.today()
        month = form_month(today, chosen=self.month, shown=self.latest_month())
        network = self.network or (self._networks[0].key if self._networks else None)
        if network is None:
            return
        stored = {f.month: f for f in self.ctx.repo.figures.all() if f.network == network}
        name = next((n.name for n in self._networks if n.key == network), network)
        form = FiguresForm(network, name, month, stored, month_key(today))
        self.app.push_screen(form, self._save_figures)

    def _save_figures(self, figures: MonthlyFigures | None) -> None:
        if figures is None:
            return
        repo = self.ctx.repo
        old = repo.figures.get(figures.id) if figures.id else None
        name = next((n.name for n in self._networks if n.key == figures.network), figures.network)
        what = Label.of("edits.stats.figures", network=name, month=_month_label(figures.month))
        before = [old] if old else []
        edit = self.ctx.records_edit(repo.figures, before, [figures], what, self.PANE_ID)
        if self.ctx.apply(edit):
            self.month = figures.month
            self.reloaded_after_write()
            self.app.notify(t("stats.form.saved"), markup=False)

    def action_delete_figures(self) -> None:
        """``x`` / ``delete``: delete the shown month's figures of the networks shown (one
        network, or every network at once), after asking; one edit, so ``u`` brings them all
        back."""
        from cm_tui.ui.screens.confirm import Confirm

        month = self.selected_month() or last_complete_month(self.ctx.today())
        long = _month_long(month)
        order = [n.key for n in self._shown_networks()]
        records = sorted(
            (f for f in self.ctx.repo.figures.all() if f.month == month and f.network in order),
            key=lambda f: order.index(f.network),
        )
        names = network_names(self._networks)
        if not records:
            if self.network is None:
                text = t("stats.nothing_to_delete", month=long)
            else:
                text = t(
                    "stats.nothing_to_delete_network", network=self._network_label(), month=long
                )
            self.notify(text, severity="warning", markup=False)
            return
        if len(records) == 1:
            name = names.get(records[0].network, records[0].network)
            question = t("stats.confirm_delete", network=name, month=long)
            what = Label.of("edits.stats.figures_deleted", network=name, month=long)
            done = t("stats.deleted", network=name, month=long)
        else:
            listed = ", ".join(names.get(f.network, f.network) for f in records)
            count = len(records)
            question = t("stats.confirm_delete_all", month=long, count=count, names=listed)
            what = Label.of("edits.stats.month_deleted", month=long, count=count)
            done = t("stats.deleted_all", month=long, count=count)

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            repo = self.ctx.repo
            edit = self.ctx.records_edit(repo.figures, records, [], what, self.PANE_ID)
            if self.ctx.apply(edit):
                self.month = month  # the month stays shown, now without those figures
                self.reloaded_after_write()
                self.app.notify(done, markup=False)

        self.app.push_screen(Confirm(question), answered)

    def edit_stepped(self, edit: Edit, *, undone: bool) -> None:
        """A figures edit of this tab undone or redone: show its month, read again."""
        if edit.tab == self.PANE_ID and isinstance(edit, RecordsEdit):
            records = (*edit.current, *edit.before, *edit.after)
            months = [r.month for r in records if isinstance(r, MonthlyFigures)]
            if months:
                self.month = months[0]
        self.reloaded_after_write()

    def action_campaigns(self) -> None:
        from cm_tui.ui.screens.campaigns import CampaignsScreen

        screen = CampaignsScreen(self.ctx.repo, self.ctx.write, self._networks, self.ctx.today())
        self.app.push_screen(screen, lambda _none: self._list_closed(screen.changed))

    def action_kpi_targets(self) -> None:
        from cm_tui.ui.screens.kpi_form import KpiForm

        if not self._networks:
            self.app.notify(t("stats.kpi_form.no_network"), severity="warning", markup=False)
            return
        chosen = baseline_pref(self.ctx.repo.prefs.get(PREF_BASELINE))
        form = KpiForm(self._networks, self._targets, chosen, self.ctx.today())
        self.app.push_screen(form, self._save_kpi)

    def _save_kpi(self, choice: KpiChoice | None) -> None:
        """Store the targets (other entries of the preference kept) and the baseline month in
        one durable write, then redraw the table from them."""
        if choice is None:
            return
        repo = self.ctx.repo
        targets = kpi_pref(repo.prefs.get(PREF_KPI), choice.targets)

        def change() -> None:
            with self.ctx.store.transaction():
                repo.prefs.set(PREF_KPI, targets)
                if choice.baseline is None:
                    repo.prefs.delete(PREF_BASELINE)
                else:
                    repo.prefs.set(PREF_BASELINE, choice.baseline)

        if self.ctx.write(change):
            self.reloaded_after_write()
            self.app.notify(t("stats.kpi_form.saved"), markup=False)

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
                charts=True,
                currency=self.ctx.settings.currency,
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


def _kpi_short(kpi: str) -> str:
    return t(f"stats.kpi_short.{kpi}")


def _month_label(month: str) -> str:
    return fmt.month_label(month)


def _month_long(month: str) -> str:
    """``2026-11`` -> ``November 2026`` / ``novembre 2026`` (in sentences)."""
    return l10n.month(month, "month_long")


def _current_month(day: Any) -> str:
    return f"{day.year:04d}-{day.month:02d}"
