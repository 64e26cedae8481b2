"""Calendar: the editorial week (networks x Monday..Sunday), the month, and a list of posts.

* Week view (``core.calendar.week_grid``): each cell shows the count against the network's
  target in its rule line, then each post's hour, status (mark and colour), a ``⚠`` when a
  check fails (``core.posts.check_posts``) and as much of its title as the cell has room for
  (``core.calendar.cell_lines``). The grid is one line-API widget (``widgets.week_grid``):
  moving the cursor re-renders two cells; a narrow terminal shows fewer days, scrolled by day.
* Month view (``v``, ``core.calendar.month_grid``): a classic month grid, per day the count of
  posts per network (short codes: ``FB 1 IG 2``) and the day's first title.
* List view (``v`` again): the posts of the month shown, one per line, to read the texts.

The side panel shows the posts of the selection (the cell, the day or the list row) as plain
text; ``J`` / ``K`` choose among them; ``enter`` shows the chosen post in full. Editing keys act
on the chosen post; every change goes through the Repository as an edit of the app's history
(``u`` undoes, ``ctrl+r`` redoes; a deleted post comes back under a new id that older edits
follow: ``core.edits``). ``/`` searches every post of the networks shown (``f n``: one
network) and jumps to it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget
from textual.widgets import Input, Static

from cm_tui.core import locale as l10n
from cm_tui.core.calendar import (
    GridCell,
    GridRow,
    MonthCell,
    MonthGrid,
    WeekGrid,
    cell_lines,
    count_lines,
    day_counts,
    first_post,
    month_grid,
    network_code,
    week_grid,
)
from cm_tui.core.edits import Edit, Label, RecordsEdit
from cm_tui.core.export_facts import facts_of_post, post_figures_lines
from cm_tui.core.i18n import t
from cm_tui.core.models import NetworkProfile, Post, PostingPeriod, PostStatus, network_names
from cm_tui.core.post_search import PostIndex, next_match
from cm_tui.core.posts import (
    PostCheck,
    check_post,
    check_posts,
    duplicate_to,
    move_days,
    move_slot,
    next_status,
    post_fields,
    published_early,
)
from cm_tui.core.publication_view import FAILED_MARK, failure_reasons
from cm_tui.core.targets import target_state
from cm_tui.core.timeutil import (
    FIRST_DAY,
    LAST_DAY,
    clamp_supported_day,
    days_in_month,
    is_supported_day,
    local_day_bounds,
    month_key,
    parse_month,
    shift_month,
    supported_days,
    week_start_of,
)
from cm_tui.ui import fmt
from cm_tui.ui.bindings import describe_binding, localize_bindings
from cm_tui.ui.panes.verbs import Selected, VerbsPane
from cm_tui.ui.screens.prefix_menu import CalendarFilters, CopyMenu
from cm_tui.ui.widgets.rowlist import RowList
from cm_tui.ui.widgets.target_summary import TARGET_STYLES, WITHIN_STYLE, target_range, target_span
from cm_tui.ui.widgets.week_grid import Cell, WeekGridView

#: post status -> (mark, style)
STATUS_MARKS: dict[PostStatus, tuple[str, str]] = {
    PostStatus.IDEA: ("·", "$text-muted"),
    PostStatus.DRAFT: ("◌", "$text-warning"),
    PostStatus.SCHEDULED: ("●", "$text-accent"),
    PostStatus.PUBLISHED: ("✓", "$text-success"),
    PostStatus.CANCELLED: ("✗", "$text-error"),
    PostStatus.FAILED: FAILED_MARK,
}
CHECK_MARK = ("⚠", "$text-warning")
#: post status -> the style of its title in the grids (the plan reads apart from the done)
TITLE_STYLES: dict[PostStatus, str] = {
    PostStatus.IDEA: "$text-muted",
    PostStatus.DRAFT: "",
    PostStatus.SCHEDULED: "",
    PostStatus.PUBLISHED: "",
    PostStatus.CANCELLED: "strike $text-muted",
    PostStatus.FAILED: "$text-error",
}
#: cells a post line of the week grid starts with: its hour, status mark and check column
POST_PREFIX = len("00:00") + 2
WEEK, MONTH, LIST = "week", "month", "list"
#: the hour a new post gets (then ``shift+up/down`` moves it between slots)
NEW_POST_TIME = "10:00"
#: content series: where they are stored, the default one's campaign name, how far ahead
SERIES_PREF = "calendar.series"
DEFAULT_SERIES_NAME = "blog-weekly"
SERIES_DAYS = 28


class MonthGridView(Widget, can_focus=True):
    """Seven columns, six week rows (a month spans at most six); unused rows stay empty."""

    def __init__(self) -> None:
        super().__init__(id="calendar-month")
        self.heads: list[Static] = []
        self.cells: list[list[Static]] = []

    def on_resize(self) -> None:
        """The counts per network are packed for the cells' width: repaint at a new size."""
        if self.heads:
            self.post_message(self.Resized())

    class Resized(Message):
        """The month grid has a new size (its days' text depends on it)."""

    def build(self) -> None:
        """Create the cells on first use (most sessions never open the month view, and 49
        widgets mounted with the tab would slow its first frame)."""
        if self.heads:
            return
        self.heads = [Static("", classes="cal-head") for _ in range(7)]
        self.cells = [[Static("", classes="cal-cell cal-day") for _ in range(7)] for _ in range(6)]
        self.mount_all([*self.heads, *(cell for week in self.cells for cell in week)])


class DetailView(Widget, can_focus=True):
    """The side panel: the selection's posts as plain ``Content``, turned into lines once per
    change (one ``to_strips`` call) and drawn line by line (Textual's line API).

    Its size never depends on the text: a new selection repaints the panel without re-laying
    out the screen (a ``Static`` in a scrolling container would, on every cursor move). Longer
    texts scroll inside it (mouse wheel, or ``↑`` / ``↓`` when it has focus); a last line ``…``
    says there is more. Given several blocks (one per post), it shows them a blank line apart
    and scrolls so that the first line of the chosen one is in view: the post the keys act on
    is never hidden below a long text.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "up", "scroll_text(-1)", "calendar.key.detail_up", show=False, id="calendar.detail_up"
        ),
        Binding(
            "down",
            "scroll_text(1)",
            "calendar.key.detail_down",
            show=False,
            id="calendar.detail_down",
        ),
    ]

    def __init__(self) -> None:
        super().__init__(id="calendar-detail")
        localize_bindings(self)
        self._content = Content("")
        self._blocks: Sequence[Content] = ()
        self._chosen = 0
        #: scroll to the chosen block at the next build (once per ``update``)
        self._follow = False
        self._strips: list[Strip] = []
        self._key: tuple[int, str] | None = None
        self.top = 0

    def update(self, content: Content | Sequence[Content], chosen: int = 0) -> None:
        """Show ``content``, or blocks a blank line apart with block ``chosen`` in view."""
        self._blocks = (content,) if isinstance(content, Content) else tuple(content)
        self._content = Content("\n\n").join(self._blocks)
        self._chosen = chosen
        self._follow = True
        self._key = None
        self.top = 0
        self.refresh()

    def render(self) -> Content:
        """The whole text (what the panel shows, before wrapping)."""
        return self._content

    def _build(self) -> None:
        width = self.size.width
        key = (width, self.app.theme)
        if key != self._key:
            self._key = key
            style = self.get_visual_style()
            strips: list[Strip] = []
            start = 0
            if width > 0:
                for index, block in enumerate(self._blocks):
                    if index:
                        strips += Visual.to_strips(self, Content(""), width, None, style, pad=True)
                    if index == self._chosen:
                        start = len(strips)
                    strips += Visual.to_strips(self, block, width, None, style, pad=True)
            self._strips = strips
            height = self.size.height
            if self._follow and width > 0 and height > 0:
                self._follow = False
                # in view from the top unless the last line ("…") or below
                if start > height - 2:
                    self.top = max(0, min(start, len(strips) - height))

    def action_scroll_text(self, lines: int) -> None:
        self._build()
        top = max(0, min(self.top + lines, len(self._strips) - self.size.height))
        if top != self.top:
            self.top = top
            self.refresh()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self.action_scroll_text(3)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self.action_scroll_text(-3)

    def render_line(self, y: int) -> Strip:
        self._build()
        width, height = self.size
        index = self.top + y
        style = self.get_visual_style()
        if index >= len(self._strips) or width <= 0:
            return Strip.blank(max(width, 0), style.rich_style)
        if y == height - 1 and index < len(self._strips) - 1:
            more = Content.styled("…".rjust(width), "$text-muted")
            return Visual.to_strips(self, more, width, 1, style, pad=True)[0]
        return self._strips[index]


#: the keys whose description names the period of the view: binding id, message key prefix
PERIOD_KEYS = (("calendar.prev", "prev"), ("calendar.next", "next"), ("calendar.today", "this"))


class CalendarPane(VerbsPane):
    """The second tab: what is planned, where are the holes?"""

    PANE_ID = "calendar"
    CSS_FILE = "calendar.tcss"
    TITLE_KEY = "ui.tab.calendar"
    KEY_WIDGETS = (RowList, DetailView)
    MENUS = {"filters": CalendarFilters, "copy": CopyMenu}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left_square_bracket", "shift_week(-1)", "ui.key.prev_week", id="calendar.prev"),
        Binding("right_square_bracket", "shift_week(1)", "ui.key.next_week", id="calendar.next"),
        Binding("t", "this_week", "ui.key.this_week", id="calendar.today"),
        Binding("left,h", "move(0,-1)", "ui.key.cell_left", show=False, id="calendar.left"),
        Binding("right,l", "move(0,1)", "ui.key.cell_right", show=False, id="calendar.right"),
        Binding("up,k", "move(-1,0)", "ui.key.cell_up", show=False, id="calendar.up"),
        Binding("down,j", "move(1,0)", "ui.key.cell_down", show=False, id="calendar.down"),
        Binding("enter", "detail", "verbs.key.detail", show=False, id="calendar.detail"),
        Binding("e", "edit_post", "calendar.key.edit", id="calendar.edit"),
        Binding("n", "new_post", "calendar.key.new", id="calendar.new"),
        Binding("p", "cycle_status", "calendar.key.status", id="calendar.status"),
        Binding("P", "set_status", "calendar.key.set_status", show=False, id="calendar.set_status"),
        Binding("x,delete", "delete_post", "calendar.key.delete", id="calendar.delete"),
        Binding("u", "undo", "calendar.key.undo", id="calendar.undo"),
        Binding("ctrl+r", "redo", "calendar.key.redo", show=False, id="calendar.redo"),
        Binding("slash", "search", "verbs.key.search_posts", id="calendar.search"),
        Binding("f", "menu('filters')", "verbs.key.filters", show=False, id="calendar.filters"),
        Binding("escape", "clear_filters", "verbs.key.clear", show=False, id="calendar.clear"),
        Binding("y", "menu('copy')", "verbs.key.copy", show=False, id="calendar.copy"),
        Binding("o", "open_link", "verbs.key.open_link", show=False, id="calendar.open"),
        Binding(
            "ctrl+d", "duplicate", "calendar.key.duplicate", show=False, id="calendar.duplicate"
        ),
        Binding(
            "shift+left",
            "move_post_days(-1)",
            "calendar.key.day_earlier",
            show=False,
            id="calendar.post_earlier",
        ),
        Binding(
            "shift+right",
            "move_post_days(1)",
            "calendar.key.day_later",
            show=False,
            id="calendar.post_later",
        ),
        Binding(
            "shift+up",
            "move_post_slot(-1)",
            "calendar.key.slot_earlier",
            show=False,
            id="calendar.slot_earlier",
        ),
        Binding(
            "shift+down",
            "move_post_slot(1)",
            "calendar.key.slot_later",
            show=False,
            id="calendar.slot_later",
        ),
        Binding(
            "J", "choose_post(1)", "calendar.key.next_post", show=False, id="calendar.next_post"
        ),
        Binding(
            "K", "choose_post(-1)", "calendar.key.prev_post", show=False, id="calendar.prev_post"
        ),
        Binding("v", "cycle_view", "verbs.key.view", id="calendar.view"),
        Binding("M", "hashtags", "calendar.key.hashtags", show=False, id="calendar.hashtags"),
        Binding("R", "fill_series", "calendar.key.series", show=False, id="calendar.series"),
    ]

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        today = ctx.today()
        self.week_start: date = week_start_of(today)
        self.cursor: tuple[int, int] = (0, (today - self.week_start).days)
        #: ``week`` / ``month`` / ``list``; ``range_mode``: the range the list shows
        self.mode = WEEK
        self.range_mode = WEEK
        self.month_cursor: date = today
        self.post_index = 0
        self.grid: WeekGrid | None = None
        self.month: MonthGrid | None = None
        self.networks: list[NetworkProfile] = []
        self.checks: dict[int, tuple[PostCheck, ...]] = {}
        #: post id -> why a live account could not publish it (``core.publication_view``)
        self.failed: dict[int, str] = {}
        self.list_posts: list[Post] = []
        self._painted_today: date | None = None
        self._detail_pending = False
        #: the edge of the supported days was announced for the current run of refused keys
        self._edge_told = False
        #: the one network shown (``f n``), or ``None`` for all of them
        self.network_filter: str | None = None
        #: the grid cell drawn with the ``▶`` and the post it marks: ((row, day), post id)
        self._grid_mark: tuple[tuple[int, int], int | None] | None = None

    def compose(self) -> ComposeResult:
        with Horizontal():
            with Vertical(id="calendar-main", classes="box") as main:
                main.border_title = t("ui.tab.calendar")
                yield WeekGridView()
                yield MonthGridView()
                yield RowList(
                    self._list_row, id="calendar-list", empty_text=t("calendar.list.empty")
                )
            with Vertical(id="calendar-side", classes="box") as side:
                side.border_title = t("ui.calendar.detail")
                yield DetailView()

    @property
    def view(self) -> WeekGridView:
        return self.query_one(WeekGridView)

    @property
    def month_view(self) -> MonthGridView:
        return self.query_one(MonthGridView)

    @property
    def list_view(self) -> RowList[Post]:
        return self.query_one("#calendar-list", RowList)

    def focus_default(self) -> None:
        self._main_widget().focus()

    def _main_widget(self) -> Widget:
        return {WEEK: self.view, MONTH: self.month_view, LIST: self.list_view}[self.mode]

    # ------------------------------------------------------------------ data

    @property
    def min_gap(self) -> timedelta:
        return timedelta(minutes=self.ctx.settings.post_min_gap_minutes)

    def _range(self) -> tuple[date, date]:
        """First and last local day of what is shown: the week, the month grid's whole weeks,
        or for the list exactly its week or month."""
        mode = self.range_mode if self.mode == LIST else self.mode
        if mode == MONTH:
            year, mon = self.month_cursor.year, self.month_cursor.month
            first = date(year, mon, 1)
            last = date(year, mon, days_in_month(year, mon))
            if self.mode == LIST:
                return first, last
            return week_start_of(first), week_start_of(last) + timedelta(days=6)
        return self.week_start, self.week_start + timedelta(days=6)

    def reload(self) -> None:
        ctx = self.ctx
        self.networks = self._filtered_networks(
            ctx.settings.network_profiles(ctx.repo.networks.all())
        )
        first, last = self._range()
        start = local_day_bounds(first, ctx.zone)[0]
        end = local_day_bounds(last, ctx.zone)[1]
        gap = self.min_gap
        around = ctx.repo.posts.between(start - gap, end + gap)
        by_key = {n.key: n for n in ctx.repo.networks.all()}
        by_key.update({n.key: n for n in self.networks})
        self.checks = check_posts(around, by_key, ctx.now(), gap)
        self.failed = failure_reasons(ctx.repo.publications.all())
        posts = [p for p in around if start <= p.at < end]
        main = self._main_widget()
        for widget in (self.view, self.month_view, self.list_view):
            if widget.display != (widget is main):
                widget.display = widget is main
        if self.mode == MONTH:
            self.month = month_grid(self.networks, posts, month_key(self.month_cursor), ctx.zone)
            self._paint_month()
        elif self.mode == LIST:
            active = {n.key for n in self.networks}
            self.list_posts = [p for p in posts if p.network in active]
            self._paint_list()
        else:
            self.grid = week_grid(self.networks, posts, self.week_start, ctx.zone)
            self._paint()

    def tick(self) -> None:
        """At midnight the "today" marks move: repaint (the range shown stays the same)."""
        if self.ctx.today() != self._painted_today:
            self.reload()

    # ------------------------------------------------------------------ week view

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
        heads = [Content(fmt.day_label(day)) for day in grid.days]
        today_col = grid.days.index(today) if today in grid.days else None
        chosen = self.selected_post
        mark = (self.cursor, None if chosen is None else chosen.id)
        view.set_cells(
            heads,
            [Cell.of(self._network_label(row)) for row in grid.rows],
            [
                [
                    self._cell_content(row, cell, mark[1] if (r, d) == self.cursor else None)
                    for d, cell in enumerate(row.cells)
                ]
                for r, row in enumerate(grid.rows)
            ],
            today_col,
            self.cursor,
        )
        self._grid_mark = mark
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

    def _cell_content(self, row: GridRow, cell: GridCell, chosen: int | None = None) -> Cell:
        """A cell of the week grid: the count against the target in its rule line, then per
        post its hour, status mark, check mark and title, wrapped to the cell's size
        (``core.calendar.cell_lines``). In the cursor's cell (``chosen`` not ``None``) each
        line starts with a column where ``▶`` marks the chosen post."""
        network = row.network
        if network.period is PostingPeriod.DAY:
            state = target_state(cell.count, network.target_min, network.target_max)
            mark, style = TARGET_STYLES.get(state, WITHIN_STYLE)
            head = Content.styled(f"{mark} {cell.count}/{target_span(network)}", style)
        else:
            head = Content.styled(str(cell.count), "$text-muted")
        posts, checks = cell.posts, self.checks

        def body(width: int, lines: int) -> Content:
            pointer = 0 if chosen is None else 1
            titles = [post.title for _local, post in posts]
            ids = [post.id for _local, post in posts]
            keep = ids.index(chosen) if chosen in ids else None
            parts: list[str | tuple[str, str]] = []
            for line in cell_lines(titles, width - pointer, lines, POST_PREFIX, keep):
                if parts:
                    parts.append("\n")
                post = None if line.post is None else posts[line.post][1]
                if pointer:
                    here = post is not None and line.head and post.id == chosen
                    parts.append(("▶", "bold $text-accent") if here else " ")
                if post is None:
                    parts.append((t("week.more", count=line.hidden), "$text-muted"))
                elif line.head:
                    local = posts[line.post or 0][0]
                    mark, style = self._mark(post)
                    parts += [(f"{local:%H:%M}", "$text-muted"), (mark, style)]
                    parts.append(CHECK_MARK if post.id in checks else " ")
                    parts.append((line.text, TITLE_STYLES[post.status]))
                else:
                    parts += [" ", (line.text, TITLE_STYLES[post.status])]
            return Content.assemble(*parts)

        return Cell(head, body)

    # ------------------------------------------------------------------ month view

    def _paint_month(self) -> None:
        grid = self.month
        if grid is None:
            return
        view = self.month_view
        view.build()
        today = self._painted_today = self.ctx.today()
        year, mon = parse_month(grid.month)
        self.query_one("#calendar-main").border_title = l10n.date(date(year, mon, 1), "month_long")
        for col, head in enumerate(view.heads):
            head.update(Content(l10n.weekday_name(col + 1)), layout=False)
        names = network_names(self.networks)
        for w, week_cells in enumerate(view.cells):
            week = grid.weeks[w] if w < len(grid.weeks) else None
            for d, widget in enumerate(week_cells):
                widget.display = week is not None
                if week is None:
                    continue
                cell = week[d]
                # before the first layout: one line of counts (repainted at the resize)
                width = widget.content_region.width or 1000
                widget.update(self._day_content(cell, names, width), layout=False)
                widget.set_class(cell.day == today, "-today")
                widget.set_class(not cell.in_month, "-outside")
                widget.set_class(cell.day == self.month_cursor, "-cursor")
        self._show_detail()

    def _day_content(self, cell: MonthCell, names: dict[str, str], width: int) -> Content:
        """A day of the month grid ``width`` cells wide: its number (``⚠`` when a post fails
        a check), the count of posts per network (``FB 1 IG 2``: ``core.calendar.count_lines``),
        then the day's first post, its status mark and title (wrapped)."""
        parts: list[str | tuple[str, str]] = [
            (f"{cell.day.day:2d}", "bold" if cell.in_month else "$text-muted")
        ]
        checks = self.checks
        if any(post.id in checks for items in cell.posts.values() for _local, post in items):
            parts += [" ", CHECK_MARK]
        keys = list(names)
        for line in count_lines(day_counts(cell, keys), width):
            parts.append("\n")
            for index, (key, count) in enumerate(line):
                parts += [" " if index else "", (f"{network_code(key)} ", "$text-muted")]
                parts.append((str(count), "bold"))
        first = first_post(cell, keys)
        if first is not None:
            mark, style = self._mark(first)
            parts += [
                "\n",
                (mark, style),
                " ",
                (fmt.one_line(first.title), TITLE_STYLES[first.status]),
            ]
        return Content.assemble(*parts)

    # ------------------------------------------------------------------ list view

    def _paint_list(self) -> None:
        first, last = self._range()
        self.query_one("#calendar-main").border_title = t(
            "calendar.list_title",
            first=fmt.day_label(first),
            last=f"{fmt.day_label(last)} {last.year}",
            count=len(self.list_posts),
        )
        self._painted_today = self.ctx.today()
        self.list_view.set_rows(self.list_posts)
        self._show_detail()

    def _list_row(self, post: Post, _width: int) -> Content:
        local = post.at.astimezone(self.ctx.zone)
        mark, style = self._mark(post)
        names = network_names(self.networks)
        return Content.assemble(
            (f"{fmt.day_label(local.date())} {local:%H:%M} ", "$text-muted"),
            (mark, style),
            CHECK_MARK if post.id in self.checks else " ",
            (f"{fmt.one_line(names.get(post.network, post.network))[:11]:<11} ", "bold"),
            fmt.one_line(post.title),
            (f"  {fmt.one_line(post.text)}", "$text-muted"),
        )

    def on_month_grid_view_resized(self, event: MonthGridView.Resized) -> None:
        event.stop()
        if self.mode == MONTH and self.month is not None:
            self._paint_month()

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()
        if self.mode == LIST:
            self.post_index = 0
            self._show_detail()

    # ------------------------------------------------------------------ selection

    def selected_posts(self) -> list[Post]:
        """The posts of the selection: the cell (week), the day (month) or the list row."""
        if self.mode == LIST:
            current = self.list_view.current
            return [] if current is None else [current]
        if self.mode == MONTH:
            grid = self.month
            if grid is None:
                return []
            for week in grid.weeks:
                for cell in week:
                    if cell.day == self.month_cursor:
                        order = {n.key: i for i, n in enumerate(self.networks)}
                        items = [pair for key in order for pair in cell.posts.get(key, ())]
                        items.sort(key=lambda pair: (pair[0], order[pair[1].network]))
                        return [post for _local, post in items]
            return []
        if self.grid is None or not self.grid.rows:
            return []
        r, c = self.cursor
        return [post for _local, post in self.grid.rows[r].cells[c].posts]

    @property
    def selected_post(self) -> Post | None:
        posts = self.selected_posts()
        if not posts:
            return None
        self.post_index = max(0, min(self.post_index, len(posts) - 1))
        return posts[self.post_index]

    def selected_day(self) -> date:
        """The day the cursor is on, always a supported day (``core.timeutil``): the first and
        last weeks show days outside them, which nothing may be dated."""
        if self.mode == MONTH:
            return clamp_supported_day(self.month_cursor)
        if self.mode == LIST:
            post = self.list_view.current
            if post is not None:
                return post.at.astimezone(self.ctx.zone).date()
            return clamp_supported_day(self._range()[0])
        return clamp_supported_day(self.week_start + timedelta(days=self.cursor[1]))

    def _mark_selection(self) -> None:
        """Move the grid's ``▶`` to the chosen post of the cursor's cell (redrawing that cell,
        and the one that had it): every key that changes the selection ends here."""
        grid = self.grid
        if self.mode != WEEK or grid is None or not grid.rows:
            return
        chosen = self.selected_post
        mark = (self.cursor, None if chosen is None else chosen.id)
        old, self._grid_mark = self._grid_mark, mark
        if mark == old:
            return
        cells = {mark[0]: mark[1]}
        if old is not None and old[0] != mark[0]:
            cells[old[0]] = None
        for (r, d), post_id in cells.items():
            if r < len(grid.rows):
                row = grid.rows[r]
                self.view.set_cell(r, d, self._cell_content(row, row.cells[d], post_id))

    def selected_network(self) -> str | None:
        if self.mode == WEEK and self.grid is not None and self.grid.rows:
            return self.grid.rows[self.cursor[0]].network.key
        post = self.selected_post
        if post is not None:
            return post.network
        return self.networks[0].key if self.networks else None

    def _detail_after_frame(self) -> None:
        """Update the side panel right after the frame that shows the moved cursor: the cursor
        answers the key at once and the panel's text follows in the next frame (measured:
        ``calendar_key_ms`` vs ``calendar_key_detail_ms``). Moves made before that frame
        coalesce into one update."""
        if not self._detail_pending:
            self._detail_pending = True
            self.call_after_refresh(self._show_detail)

    def _show_detail(self) -> None:
        self._detail_pending = False
        detail = self.query_one(DetailView)
        side = self.query_one("#calendar-side")
        if not self.networks:
            side.border_subtitle = ""
            detail.update(Content.styled(t("ui.calendar.no_networks"), "$text-muted"))
            return
        day = self.selected_day()
        if self.mode == WEEK and self.grid is not None:
            side.border_subtitle = (
                f"{self.grid.rows[self.cursor[0]].network.name} · {fmt.day_label(day)}"
            )
        else:
            side.border_subtitle = fmt.day_label(day)
        posts = self.selected_posts()
        if not posts:
            detail.update(Content.styled(t("ui.calendar.no_posts"), "$text-muted"))
            return
        chosen = self.selected_post
        self._mark_selection()
        names = network_names(self.networks)
        blocks: list[Content] = []
        for post in posts:
            local = post.at.astimezone(self.ctx.zone)
            mark, style = self._mark(post)
            pointer = "▶ " if post is chosen else ""
            parts: list[str | tuple[str, str]] = [
                (f"{pointer}{local:%H:%M} ", "bold"),
                (f"{mark} {self._status_words(post)}", style),
            ]
            if self.mode != WEEK:
                parts.append((f" · {names.get(post.network, post.network)}", "$text-muted"))
            parts += ["\n", (post.title, "bold")]
            for check in self.checks.get(post.id, ()):
                parts += ["\n", (f"⚠ {t(check.message_key, **check.params)}", "$text-warning")]
            if post.text:
                parts += ["\n", post.text]
            if post.hashtags:
                parts += ["\n", (" ".join(post.hashtags), "$text-secondary")]
            if post.link:
                parts += ["\n", (post.link, "$text-muted")]
            if post.notes:
                parts += ["\n", (t("verbs.calendar.notes"), "bold"), "\n", post.notes]
            blocks.append(Content.assemble(*parts))
        detail.update(blocks, chosen=self.post_index)

    # ------------------------------------------------------------------ navigation

    def _at_edge(self) -> None:
        """Navigation refused past the supported days: one line saying where they stop, once
        for a run of refused keys (the next move that succeeds ends the run)."""
        if not self._edge_told:
            self._edge_told = True
            self.notify(t("calendar.edge", **supported_days()), severity="warning", markup=False)

    def action_shift_week(self, steps: int) -> None:
        """``[`` / ``]``: the previous / next week, or month in the month view (and the list);
        never past the supported days (``core.timeutil.FIRST_DAY`` .. ``LAST_DAY``)."""
        if (self.range_mode if self.mode == LIST else self.mode) == MONTH:
            key = shift_month(month_key(self.month_cursor), steps)
            if not month_key(FIRST_DAY) <= key <= month_key(LAST_DAY):
                self._at_edge()
                return
            self._edge_told = False
            year, mon = parse_month(key)
            day = min(self.month_cursor.day, days_in_month(year, mon))
            self.month_cursor = clamp_supported_day(date(year, mon, day))
        else:
            start = self.week_start + timedelta(weeks=steps)
            if start > LAST_DAY or start + timedelta(days=6) < FIRST_DAY:
                self._at_edge()
                return
            self.week_start = start
            self._edge_told = False
            kept = clamp_supported_day(start + timedelta(days=self.cursor[1]))
            self.cursor = (self.cursor[0], (kept - start).days)
        self.post_index = 0
        self.reload()

    def _describe_period_keys(self) -> None:
        """The footer's ``[`` ``]`` ``t`` name the period they move by in this view."""
        period = (
            "month" if (self.range_mode if self.mode == LIST else self.mode) == MONTH else "week"
        )
        for binding_id, key in PERIOD_KEYS:
            describe_binding(self, binding_id, t(f"ui.key.{key}_{period}"))

    def action_this_week(self) -> None:
        today = self.ctx.today()
        self.week_start = week_start_of(today)
        self.cursor = (self.cursor[0], (today - self.week_start).days)
        self.month_cursor = today
        self.post_index = 0
        self.reload()

    def action_move(self, rows: int, cols: int) -> None:
        if self.mode == LIST:
            if rows:
                self.list_view.move_to((self.list_view.cursor or 0) + rows)
            return
        if self.mode == MONTH:
            self._move_month(rows * 7 + cols)
            return
        if self.grid is None or not self.grid.rows:
            return
        r, c = self.cursor
        new = (max(0, min(r + rows, len(self.grid.rows) - 1)), c + cols)
        if not is_supported_day(self.week_start + timedelta(days=new[1])):
            self._at_edge()
            return
        self._edge_told = False
        self.post_index = 0
        if new[1] < 0 or new[1] > 6:
            # past Monday / Sunday: the previous / next week, keeping the row
            self.cursor = (new[0], new[1] % 7)
            self.action_shift_week(-1 if new[1] < 0 else 1)
            return
        self.view.move_cursor(new)
        self.cursor = new
        self._mark_selection()
        self._detail_after_frame()

    def _move_month(self, days: int) -> None:
        old = self.month_cursor
        new = old + timedelta(days=days)
        if not is_supported_day(new):
            self._at_edge()
            return
        self._edge_told = False
        self.month_cursor = new
        self.post_index = 0
        if (new.year, new.month) != (old.year, old.month):
            self.reload()
            return
        for week in self.month_view.cells:
            for widget in week:
                widget.remove_class("-cursor")
        self._paint_month_cursor()
        self._detail_after_frame()

    def _paint_month_cursor(self) -> None:
        grid = self.month
        if grid is None:
            return
        for w, week in enumerate(grid.weeks):
            for d, cell in enumerate(week):
                self.month_view.cells[w][d].set_class(cell.day == self.month_cursor, "-cursor")

    def _go_to_day(self, day: date) -> None:
        """Make ``day`` the selected day (changing week or month if needed), without reloading."""
        self.week_start = week_start_of(day)
        self.cursor = (self.cursor[0], (day - self.week_start).days)
        self.month_cursor = day

    def action_choose_post(self, step: int) -> None:
        posts = self.selected_posts()
        if posts:
            self.post_index = (self.post_index + step) % len(posts)
            self._show_detail()

    def action_cycle_view(self) -> None:
        """``v``: week -> month -> list of the month's posts -> week, on the selected day."""
        day = self.selected_day()
        if self.mode == WEEK:
            self.mode = MONTH
        elif self.mode == MONTH:
            self.mode, self.range_mode = LIST, MONTH
        else:
            self.mode, self.range_mode = WEEK, WEEK
        self._go_to_day(day)
        self.post_index = 0
        self._describe_period_keys()
        self.reload()
        if self.mode == LIST:  # the month's list opens on the selected day's posts
            zone = self.ctx.zone
            later = (
                i for i, p in enumerate(self.list_posts) if p.at.astimezone(zone).date() >= day
            )
            self.list_view.move_to(next(later, max(len(self.list_posts) - 1, 0)))
        self.focus_default()

    # ------------------------------------------------------------------ filter and search

    def _filtered_networks(self, networks: list[NetworkProfile]) -> list[NetworkProfile]:
        """The networks shown: all of them, or the one ``f n`` chose (while it is active)."""
        if self.network_filter is None:
            return networks
        shown = [n for n in networks if n.key == self.network_filter]
        if not shown:
            self.network_filter = None
            return networks
        return shown

    def action_cycle_network(self) -> None:
        """``f n``: one network after the other, then all of them again."""
        ctx = self.ctx
        keys = [n.key for n in ctx.settings.network_profiles(ctx.repo.networks.all())]
        if self.network_filter in keys:
            index = keys.index(self.network_filter) + 1
            self._show_network(keys[index] if index < len(keys) else None)
        else:
            self._show_network(keys[0] if keys else None)

    def _show_network(self, key: str | None) -> None:
        """Show network ``key`` only (``None``: all of them), and say so."""
        self.network_filter = key
        self.cursor = (0, self.cursor[1])
        self.post_index = 0
        self.reload()
        names = network_names(self.networks)
        shown = (
            t("verbs.calendar.all_networks")
            if self.network_filter is None
            else names.get(self.network_filter, self.network_filter)
        )
        self.query_one("#calendar-main").border_subtitle = (
            "" if self.network_filter is None else Content(shown)
        )
        self.notify(t("verbs.filter", what=shown), markup=False)

    def action_clear_filters(self) -> None:
        """``escape``: every network again."""
        if self.network_filter is not None:
            self._show_network(None)

    #: the posts of the shown networks with their folded words, read when a search starts
    #: and kept while it is open (typing reads no post again): ``core.post_search``
    _search_index: PostIndex | None = None

    async def action_search(self) -> None:
        """``/``: a field; each change jumps to the first matching post from the selection,
        ``enter`` to the next one (wrapping around), ``escape`` closes it. A query without a
        match says so in the field (its subtitle, class ``-no-match``), as an alert only on
        ``enter``: typing never floods the alerts."""
        self._search_index = None
        placeholder = t("verbs.calendar.search_placeholder")
        await self.open_search_input("calendar-search", placeholder, "#calendar-main", 0)

    def _search(self, query: str, *, same: bool) -> None:
        field = self.search_input("calendar-search")
        query = query.strip()
        matches: list[Post] = []
        if query:
            if self._search_index is None:
                shown = {n.key for n in self.networks}
                posts = [p for p in self.ctx.repo.posts.all() if p.network in shown]
                self._search_index = PostIndex(posts)
            matches = self._search_index.matching(query)
        none = bool(query) and not matches
        if field is not None:
            field.set_class(none, "-no-match")
            said = t("verbs.calendar.no_match", query=query) if none else ""
            field.border_subtitle = Content(said) if said else None
        if none and not same:
            self.notify(t("verbs.calendar.no_match", query=query), markup=False)
        if not matches:
            return
        current = self.selected_post
        if current is not None:
            at, post_id = current.at, current.id
        else:
            start = local_day_bounds(self.selected_day(), self.ctx.zone)[0]
            at, post_id = start, 0
        found = next_match(matches, at, post_id, same=same)
        if found is None:
            return
        if current is None or found.id != current.id:  # refining in place moves nothing
            self._go_to_day(found.at.astimezone(self.ctx.zone).date())
            self._follow(found)
        if field is not None:
            count = t("verbs.calendar.matches", query=query, count=len(matches))
            field.border_subtitle = Content(count)

    @on(Input.Changed, "#calendar-search")
    def _search_changed(self, event: Input.Changed) -> None:
        self._search(event.value, same=True)

    @on(Input.Submitted, "#calendar-search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._search(event.value, same=False)

    def on_key(self, event: events.Key) -> None:
        field = self.search_input("calendar-search")
        if event.key == "escape" and field is not None and field.has_focus:
            event.stop()
            field.value = ""
            field.display = False
            self._search_index = None
            self.focus_default()

    # ------------------------------------------------------------------ shared verbs

    def selected(self) -> Selected | None:
        """The post's text as published (its title when it has none) and its link."""
        from cm_tui.core.posts import published_text

        post = self.selected_post
        if post is None:
            self.notify(t("verbs.calendar.no_post"), severity="warning", markup=False)
            return None
        return Selected(published_text(post) or post.title, post.link)

    def _mark(self, post: Post) -> tuple[str, str]:
        """The post's status mark and style; a post a live account could not publish reads
        as failed (``core.publication_view``), whatever its status."""
        if post.id in self.failed:
            return FAILED_MARK
        return STATUS_MARKS[post.status]

    def _status_words(self, post: Post) -> str:
        reason = self.failed.get(post.id)
        if reason is not None:
            return t("netui.publication.failed", reason=reason)
        return t(f"core.post.{post.status.value}")

    def detail(self) -> tuple[str, Content] | None:
        post = self.selected_post
        if post is None:
            self.notify(t("verbs.calendar.no_post"), severity="warning", markup=False)
            return None
        return t("verbs.calendar.detail_title"), self._post_detail(post)

    def _post_detail(self, post: Post) -> Content:
        """The whole post: when, status, network, checks, text, hashtags, link, notes."""
        local = post.at.astimezone(self.ctx.zone)
        mark, style = self._mark(post)
        names = network_names(self.ctx.settings.network_profiles(self.ctx.repo.networks.all()))
        parts: list[str | tuple[str, str]] = [
            (post.title, "bold"),
            "\n",
            (f"{fmt.day_label(local.date())} {local.year} {local:%H:%M} · ", "$text-secondary"),
            (f"{mark} {self._status_words(post)}", style),
            (f" · {names.get(post.network, post.network)}", "$text-secondary"),
        ]
        facts = []
        if post.campaign:
            facts.append(t("verbs.calendar.campaign", name=post.campaign))
        if post.tags:
            facts.append(t("verbs.calendar.tags", tags=", ".join(post.tags)))
        if facts:
            parts += ["\n", (" · ".join(facts), "$text-muted")]
        for check in self._checks_of(post):
            parts += ["\n", (f"⚠ {t(check.message_key, **check.params)}", "$text-warning")]
        if post.text:
            parts += ["\n\n", post.text]
        if post.hashtags:
            parts += ["\n\n", (" ".join(post.hashtags), "$text-secondary")]
        if post.link:
            parts += ["\n\n", (post.link, "$text-muted")]
        exported = post_figures_lines(facts_of_post(self.ctx.repo.export_facts.all(), post.id))
        if exported:  # the platforms' exports' figures (docs/architecture.md)
            parts += ["\n\n", (t("exports.detail.title"), "bold"), "\n", "\n".join(exported)]
        if post.notes:
            parts += ["\n\n", (t("verbs.calendar.notes"), "bold"), "\n", post.notes]
        return Content.assemble(*parts)

    # ------------------------------------------------------------------ writing

    def _write(
        self, before: Sequence[Post], after: Sequence[Post], label: Label
    ) -> tuple[Post, ...] | None:
        """Replace the posts ``before`` by ``after`` (an empty side: a creation or a deletion)
        in one durable write, an edit of the app's history saying ``label``; reload. The posts
        as stored, or ``None`` if the write failed."""
        edit = self.ctx.records_edit(self.ctx.repo.posts, before, after, label, self.PANE_ID)
        if not self.ctx.apply(edit):
            return None
        self.reloaded_after_write()
        return edit.current

    def edit_stepped(self, edit: Edit, *, undone: bool) -> None:
        """A post edit undone or redone: reload, the selection on the first post it left."""
        self.reloaded_after_write()
        if edit.tab == self.PANE_ID and isinstance(edit, RecordsEdit) and edit.current:
            self._follow(edit.current[0])

    def _follow(self, post: Post) -> None:
        """Put the selection on ``post`` (after a move or an edit)."""
        local_day = post.at.astimezone(self.ctx.zone).date()
        if self.mode == LIST:
            self.reload()
            for index, candidate in enumerate(self.list_posts):
                if candidate.id == post.id:
                    self.list_view.move_to(index)
            return
        if self.mode == WEEK:
            keys = [n.key for n in self.networks]
            row = keys.index(post.network) if post.network in keys else self.cursor[0]
            self._go_to_day(local_day)
            self.cursor = (row, self.cursor[1])
        else:
            self._go_to_day(local_day)
        self.reload()
        ids = [p.id for p in self.selected_posts()]
        self.post_index = ids.index(post.id) if post.id in ids else 0
        self._show_detail()

    def _checks_of(self, post: Post) -> tuple[PostCheck, ...]:
        ctx = self.ctx
        gap = self.min_gap
        others = ctx.repo.posts.between(post.at - gap, post.at + gap)
        network = next((n for n in ctx.repo.networks.all() if n.key == post.network), None)
        for profile in self.networks:
            if profile.key == post.network:
                network = profile
        return check_post(post, network, others, ctx.now(), gap)

    def _open_form(self, fields: dict[str, str], post_id: int) -> None:
        from cm_tui.ui.screens.post_form import PostForm

        def save(result: Post) -> None:
            old = self.ctx.repo.posts.get(post_id) if post_id else None
            key = "edits.calendar.edited" if post_id else "edits.calendar.created"
            stored = self._write([old] if old else [], [result], Label.of(key, title=result.title))
            if stored:
                self._follow(stored[0])

        def done(result: Post | None) -> None:
            if result is None:
                return
            old = self.ctx.repo.posts.get(post_id) if post_id else None
            before = old.status if old else PostStatus.SCHEDULED
            if not published_early(result.replace(status=before), result.status, self.ctx.now()):
                save(result)
                return
            # published before its time: asks first; "no" saves the rest with the status before
            self._confirm_early(
                result, lambda yes: save(result if yes else result.replace(status=before))
            )

        tags = [h.tag for h in self.ctx.repo.hashtags.all()]
        self.app.push_screen(
            PostForm(
                fields,
                self.networks,
                self.ctx.zone,
                self._checks_of,
                post_id=post_id,
                hashtags=tags,
            ),
            done,
        )

    def action_new_post(self) -> None:
        network = self.selected_network()
        if network is None:
            return
        fields = {
            "network": network,
            "date": self.selected_day().isoformat(),
            "time": NEW_POST_TIME,
            "status": PostStatus.IDEA.value,
        }
        self._open_form(fields, 0)

    def action_edit_post(self) -> None:
        post = self.selected_post
        if post is None:
            self.action_new_post()
            return
        self._open_form(post_fields(post, self.ctx.zone), post.id)

    def _change(self, make: Callable[[Post], Post]) -> None:
        post = self.selected_post
        if post is None:
            return
        changed = make(post)
        stored = self._write([post], [changed], change_label(post, changed))
        if stored:
            self._follow(stored[0])

    def action_cycle_status(self) -> None:
        """``p``: the chosen post one status forward (idea, draft, scheduled, published); at
        published, or on a cancelled post, nothing changes and a line says how to choose."""
        post = self.selected_post
        if post is None:
            return
        status = next_status(post.status)
        if status is None:
            key = "at_end" if post.status is PostStatus.PUBLISHED else "off_steps"
            self.notify(t(f"calendar.status.{key}"), markup=False)
            return
        self._set_status(post, status)

    def action_set_status(self) -> None:
        """``P``: choose any status for the chosen post in a list (back, or cancelled)."""
        post = self.selected_post
        if post is None:
            return
        from cm_tui.ui.screens.status_chooser import StatusChooser

        def done(status: PostStatus | None) -> None:
            if status is not None and status is not post.status:
                self._set_status(post, status)

        marks = {status: mark for status, (mark, _style) in STATUS_MARKS.items()}
        self.app.push_screen(StatusChooser(post.status, post.title, marks), done)

    def _set_status(self, post: Post, status: PostStatus) -> None:
        """Give ``post`` (still the chosen one) ``status``; marking it published before its
        time asks first (``core.posts.published_early``)."""

        def apply() -> None:
            current = self.selected_post
            if current is not None and current.id == post.id:
                self._change(lambda chosen: chosen.replace(status=status))

        if not published_early(post, status, self.ctx.now()):
            apply()
            return
        self._confirm_early(post, lambda yes: apply() if yes else None)

    def _confirm_early(self, post: Post, answer: Callable[[bool], None]) -> None:
        """Ask whether ``post``, set for later, is really published already."""
        from cm_tui.ui.screens.confirm import Confirm

        local = post.at.astimezone(self.ctx.zone)
        when = f"{fmt.day_label(local.date())} {fmt.hm(local)}"
        question = Content.assemble((post.title, "bold"), " ", t("calendar.status.early", at=when))
        self.app.push_screen(Confirm(question), lambda yes: answer(bool(yes)))

    def action_move_post_days(self, days: int) -> None:
        self._change(lambda post: move_days(post, days, self.ctx.zone))

    def action_move_post_slot(self, direction: int) -> None:
        self._change(lambda post: move_slot(post, direction, self.ctx.zone))

    def action_delete_post(self) -> None:
        post = self.selected_post
        if post is None:
            return
        from cm_tui.ui.screens.confirm import Confirm

        def done(yes: bool | None) -> None:
            if yes:
                self._write([post], [], Label.of("edits.calendar.deleted", title=post.title))

        question = Content.assemble(t("calendar.confirm_delete"), " ", (post.title, "bold"))
        self.app.push_screen(Confirm(question), done)

    def action_duplicate(self) -> None:
        post = self.selected_post
        if post is None:
            return
        from cm_tui.ui.screens.network_picker import NetworkPicker

        others = [n for n in self.networks if n.key != post.network]

        def done(keys: list[str] | None) -> None:
            copies = duplicate_to(post, keys or [])
            if copies:
                what = Label.of("edits.calendar.duplicated", title=post.title, count=len(copies))
                self._write([], copies, what)
                self.app.notify(t("calendar.duplicated", count=len(copies)), markup=False)

        self.app.push_screen(NetworkPicker(t("calendar.duplicate_title"), others), done)

    def action_fill_series(self) -> None:
        """Idea posts from the content series for the next ``SERIES_DAYS`` days (one undo step).

        Series live in the store's prefs (``SERIES_PREF``, JSON); without any, the seed
        articles' weekly blog post and its links on X and Facebook."""
        from cm_tui.core.series import DEFAULT_SLOTS, default_series, from_json, series_ideas

        ctx = self.ctx
        stored = ctx.repo.prefs.get(SERIES_PREF)
        try:
            if stored is None:
                titles = {key: t(key) for *_rest, key in DEFAULT_SLOTS}
                series = [default_series(DEFAULT_SERIES_NAME, titles)]
            else:
                series = from_json(stored)
        except ValueError as exc:
            self.app.notify(str(exc), severity="error", markup=False)
            return
        first = ctx.today() + timedelta(days=1)
        last = first + timedelta(days=SERIES_DAYS - 1)
        existing = ctx.repo.posts.between(
            local_day_bounds(first, ctx.zone)[0], local_day_bounds(last, ctx.zone)[1]
        )
        keys = [n.key for n in self.networks]
        ideas = series_ideas(series, first, last, ctx.zone, existing, keys)
        if ideas:
            self._write([], ideas, Label.of("edits.calendar.series", count=len(ideas)))
        self.app.notify(t("calendar.series.added", count=len(ideas)), markup=False)

    def action_hashtags(self) -> None:
        from cm_tui.ui.screens.hashtags import HashtagScreen

        self.app.push_screen(HashtagScreen(self.ctx.repo, self.ctx.write))


def change_label(old: Post, new: Post) -> Label:
    """What a change to one post did, read from the two versions: its status set, the post
    moved (only its time changed), or else edited."""
    if new.status != old.status and new.replace(status=old.status) == old:
        status = t(f"core.post.{new.status.value}")
        return Label.of("edits.calendar.status", title=old.title, status=status)
    key = "moved" if new.replace(at=old.at) == old else "edited"
    return Label.of(f"edits.calendar.{key}", title=old.title)
