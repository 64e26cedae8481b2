"""Calendar: the editorial week, networks x Monday..Sunday, from ``core.calendar.week_grid``.

Each cell shows the count against the network's target and the first posts with their hour and
status; the side panel shows the selected cell's posts in full, as plain text. The grid is a
fixed set of ``Static`` cells updated in place: moving the cursor only toggles two classes.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from cm_tui.core.calendar import GridCell, GridRow, WeekGrid, week_grid
from cm_tui.core.i18n import t
from cm_tui.core.models import PostingPeriod, PostStatus
from cm_tui.core.targets import target_state
from cm_tui.core.timeutil import local_day_bounds, week_start_of
from cm_tui.ui import fmt
from cm_tui.ui.panes.base import Pane
from cm_tui.ui.widgets.summary import TARGET_STYLES, WITHIN_STYLE, target_range, target_span

#: post status -> (mark, style)
STATUS_MARKS: dict[PostStatus, tuple[str, str]] = {
    PostStatus.IDEA: ("·", "$text-muted"),
    PostStatus.DRAFT: ("◌", "$text-warning"),
    PostStatus.SCHEDULED: ("●", "$text-accent"),
    PostStatus.PUBLISHED: ("✓", "$text-success"),
    PostStatus.CANCELLED: ("✗", "$text-error"),
}


class WeekGridView(Widget, can_focus=True):
    """The focusable grid of cells; the pane drives it (keys live on the pane).

    Cells are kept in lists (no DOM queries on the key path); ``reshape`` rebuilds them only
    when the number of networks changes.
    """

    def __init__(self) -> None:
        super().__init__(id="calendar-grid")
        self.heads: list[Static] = []
        self.labels: list[Static] = []
        self.cells: list[list[Static]] = []

    def reshape(self, rows: int) -> None:
        if len(self.cells) == rows and self.heads:
            return
        if self.children:
            self.remove_children()
        self.heads = [Static("", classes="cal-head") for _ in range(7)]
        self.labels = [Static("", classes="cal-network cal-cell") for _ in range(rows)]
        self.cells = [[Static("", classes="cal-cell") for _ in range(7)] for _ in range(rows)]
        widgets: list[Widget] = [Static("", classes="cal-head"), *self.heads]
        for label, cells in zip(self.labels, self.cells, strict=True):
            widgets += [label, *cells]
        self.set_styles(
            "grid-size: 8; grid-columns: 13 1fr 1fr 1fr 1fr 1fr 1fr 1fr; "
            f"grid-rows: 1 {' '.join(['1fr'] * max(rows, 1))};"
        )
        self.mount_all(widgets)


class CalendarPane(Pane):
    """The second tab: what is planned, where are the holes?"""

    PANE_ID = "calendar"
    TITLE_KEY = "ui.tab.calendar"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left_square_bracket", "shift_week(-1)", "ui.key.prev_week", id="calendar.prev"),
        Binding("right_square_bracket", "shift_week(1)", "ui.key.next_week", id="calendar.next"),
        Binding("t", "this_week", "ui.key.this_week", id="calendar.today"),
        Binding("left,h", "move(0,-1)", "ui.key.cell_left", show=False, id="calendar.left"),
        Binding("right,l", "move(0,1)", "ui.key.cell_right", show=False, id="calendar.right"),
        Binding("up,k", "move(-1,0)", "ui.key.cell_up", show=False, id="calendar.up"),
        Binding("down,j", "move(1,0)", "ui.key.cell_down", show=False, id="calendar.down"),
    ]

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.week_start: date = week_start_of(ctx.today())
        self.cursor: tuple[int, int] = (0, (ctx.today() - self.week_start).days)
        self.grid: WeekGrid | None = None
        self._painted_today: date | None = None

    def compose(self) -> ComposeResult:
        with Horizontal():
            with Vertical(id="calendar-main", classes="box") as main:
                main.border_title = t("ui.tab.calendar")
                yield WeekGridView()
            with VerticalScroll(id="calendar-side", classes="box") as side:
                side.border_title = t("ui.calendar.detail")
                yield Static(id="calendar-detail")

    @property
    def view(self) -> WeekGridView:
        return self.query_one(WeekGridView)

    def focus_default(self) -> None:
        self.view.focus()

    # ------------------------------------------------------------------ data

    def reload(self) -> None:
        ctx = self.ctx
        networks = ctx.settings.network_profiles(ctx.repo.networks.all())
        start = local_day_bounds(self.week_start, ctx.zone)[0]
        end = local_day_bounds(self.week_start + timedelta(days=6), ctx.zone)[1]
        posts = ctx.repo.posts.between(start, end)
        self.grid = week_grid(networks, posts, self.week_start, ctx.zone)
        self.view.reshape(len(self.grid.rows))
        self._paint()

    def tick(self) -> None:
        """At midnight the "today" marks move: repaint (the week shown stays the same)."""
        if self.ctx.today() != self._painted_today:
            self.reload()

    def _paint(self) -> None:
        grid = self.grid
        if grid is None:
            return
        view = self.view
        today = self._painted_today = self.ctx.today()
        rows = len(grid.rows)
        r, c = self.cursor
        self.cursor = (max(0, min(r, rows - 1)), max(0, min(c, 6)))
        week_no = grid.week_start.isocalendar().week
        last = grid.days[-1]
        self.query_one("#calendar-main").border_title = t(
            "ui.calendar.week",
            week=week_no,
            first=fmt.day_label(grid.days[0]),
            last=f"{fmt.day_label(last)} {last.year}",
        )
        for col, day in enumerate(grid.days):
            head = view.heads[col]
            label = fmt.day_label(day)
            head.update(Content(f"▸ {label}" if day == today else label))
            head.set_class(day == today, "-today")
        for row_index, row in enumerate(grid.rows):
            view.labels[row_index].update(self._network_label(row))
            for col, cell in enumerate(row.cells):
                widget = view.cells[row_index][col]
                widget.update(self._cell_content(row, cell))
                widget.set_class(cell.day == today, "-today")
                widget.set_class((row_index, col) == self.cursor, "-cursor")
        self._show_detail()

    @staticmethod
    def _network_label(row: GridRow) -> Content:
        network = row.network
        parts: list[str | tuple[str, str]] = [
            (network.name, "bold"),
            "\n",
            (target_range(network), "$text-muted"),
        ]
        if network.period is PostingPeriod.WEEK:
            mark, style = TARGET_STYLES.get(row.state, WITHIN_STYLE)
            parts += ["\n", (f"{mark} {row.week_count}", style)]
        return Content.assemble(*parts)

    @staticmethod
    def _cell_content(row: GridRow, cell: GridCell) -> Content:
        network = row.network
        parts: list[str | tuple[str, str]] = []
        if network.period is PostingPeriod.DAY:
            state = target_state(cell.count, network.target_min, network.target_max)
            mark, style = TARGET_STYLES.get(state, WITHIN_STYLE)
            parts.append((f"{mark} {cell.count}/{target_span(network)}", style))
        else:
            parts.append((f"  {cell.count}", "$text-muted"))
        for local, post in cell.posts:
            mark, style = STATUS_MARKS[post.status]
            parts += [
                "\n",
                (f"{local:%H:%M}", "$text-muted"),
                (mark, style),
                " ",
                fmt.one_line(post.title),
            ]
        return Content.assemble(*parts)

    def _show_detail(self) -> None:
        detail = self.query_one("#calendar-detail", Static)
        side = self.query_one("#calendar-side")
        if self.grid is None or not self.grid.rows:
            side.border_subtitle = ""
            detail.update(Content.styled(t("ui.calendar.no_networks"), "$text-muted"))
            return
        r, c = self.cursor
        row = self.grid.rows[r]
        cell = row.cells[c]
        side.border_subtitle = f"{row.network.name} · {fmt.day_label(cell.day)}"
        if not cell.posts:
            detail.update(Content.styled(t("ui.calendar.no_posts"), "$text-muted"))
            return
        parts: list[str | tuple[str, str]] = []
        for index, (local, post) in enumerate(cell.posts):
            mark, style = STATUS_MARKS[post.status]
            if index:
                parts.append("\n\n")
            parts += [
                (f"{local:%H:%M} ", "bold"),
                (f"{mark} {t(f'core.post.{post.status.value}')}", style),
                "\n",
                (post.title, "bold"),
            ]
            if post.text:
                parts += ["\n", post.text]
            if post.hashtags:
                parts += ["\n", (" ".join(post.hashtags), "$text-secondary")]
            if post.link:
                parts += ["\n", (post.link, "$text-muted")]
        detail.update(Content.assemble(*parts))

    # ------------------------------------------------------------------ actions

    def action_shift_week(self, weeks: int) -> None:
        self.week_start += timedelta(weeks=weeks)
        self.reload()

    def action_this_week(self) -> None:
        today = self.ctx.today()
        self.week_start = week_start_of(today)
        self.cursor = (self.cursor[0], (today - self.week_start).days)
        self.reload()

    def action_move(self, rows: int, cols: int) -> None:
        if self.grid is None or not self.grid.rows:
            return
        r, c = self.cursor
        new = (max(0, min(r + rows, len(self.grid.rows) - 1)), c + cols)
        if new[1] < 0 or new[1] > 6:
            # past Monday / Sunday: the previous / next week, keeping the row
            self.cursor = (new[0], new[1] % 7)
            self.action_shift_week(-1 if new[1] < 0 else 1)
            return
        view = self.view
        view.cells[r][c].remove_class("-cursor")
        view.cells[new[0]][new[1]].add_class("-cursor")
        self.cursor = new
        self._show_detail()
