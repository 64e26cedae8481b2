"""The Calendar's week grid as ONE widget drawn line by line (Textual's line API).

A grid of ~48 ``Static`` cells costs Textual a layout, a style pass and a compositor region
per cell on every repaint (``calendar_week_ms``). ``WeekGridView`` instead keeps the cells'
``Content`` (built by the pane from plain strings: post titles are never parsed as markup),
turns each cell into its lines once (one ``Visual.to_strips`` call, cached until the cell,
the size, the theme or the focus changes) and answers ``render_line`` by joining the cached
pieces of one line. A cursor move re-renders two cells and repaints their rows only.

Layout: a first column (network names, one cell of right padding), the day columns sharing
the rest, a one-cell gutter between columns; a header line, then one ``1fr`` band per network.
How many days are shown and how wide the first column is follow the width
(``core.calendar.week_columns``): a narrow terminal shows fewer whole days, and moving the
cursor past the last one shown scrolls the days by one (``first_day``). Today's head gets a
``▸`` when it fits beside the day's name. Each cell starts with
a rule line (``─``) carrying its head (the network's name, a day's count against the target);
its body is built for the cell's size (``Cell.body``), so a title wraps onto the lines the
cell has. The day columns of today are tinted, the cursor's cell takes the block cursor
colours.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import ClassVar

from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual
from textual.widget import Widget

from cm_tui.core.calendar import week_columns

#: gutter between columns, days of a week
GUTTER = 1
DAYS = 7
#: before today's day name when the column has room for it (its colours mark it anyway)
TODAY_MARK = "▸ "


@dataclass(frozen=True)
class Cell:
    """What one cell shows: ``head`` in its rule line, and ``body(width, lines)`` below it,
    built for the size the cell has (called once per size, theme or focus change)."""

    head: Content
    body: Callable[[int, int], Content]

    @classmethod
    def of(cls, content: Content) -> Cell:
        """A cell from fixed text: its first line as the head, the rest as the body."""
        head, *rest = content.split("\n", allow_blank=True)
        body = Content("\n").join(rest)
        return cls(head, lambda _width, _lines: body)


def _split(total: int, fixed: Sequence[int | None], gutter: int) -> list[tuple[int, int]]:
    """(offset, length) of each track, as Textual's grid resolves them: ``None`` tracks share
    what the fixed ones and the gutters leave, the offsets floored from exact fractions."""
    fractions = sum(1 for size in fixed if size is None)
    consumed = sum(size for size in fixed if size is not None)
    remaining = max(Fraction(0), Fraction(total - gutter * (len(fixed) - 1)) - consumed)
    unit = remaining / fractions if fractions else Fraction(0)
    sizes = [unit if size is None else Fraction(size) for size in fixed]
    edges = [0]
    position = Fraction(0)
    for size in sizes:
        position += size
        edges.append(position.__floor__())
        position += gutter
        edges.append(position.__floor__())
    return [(edges[2 * i], edges[2 * i + 1] - edges[2 * i]) for i in range(len(fixed))]


class WeekGridView(Widget, can_focus=True):
    """Networks x Monday..Sunday; the pane fills it (``set_cells``) and moves its cursor."""

    DEFAULT_CSS = """
    WeekGridView {
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    WeekGridView > .week-grid--head {
        text-style: bold;
        color: $text-muted;
    }
    WeekGridView > .week-grid--head-today {
        text-style: bold;
        color: $text-accent;
        background: $accent 20%;
    }
    WeekGridView > .week-grid--label {
        text-style: bold;
    }
    WeekGridView > .week-grid--rule {
        color: $panel-lighten-1;
    }
    WeekGridView > .week-grid--today {
        background: $accent 10%;
    }
    WeekGridView > .week-grid--cursor {
        background: $block-cursor-blurred-background;
    }
    WeekGridView:focus > .week-grid--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "week-grid--head",
        "week-grid--head-today",
        "week-grid--label",
        "week-grid--rule",
        "week-grid--today",
        "week-grid--cursor",
    }

    def __init__(self, id: str | None = "calendar-grid") -> None:
        super().__init__(id=id)
        self.heads: list[Content] = [Content("")] * DAYS
        self.labels: list[Cell] = []
        self.cells: list[list[Cell]] = []
        self.today_col: int | None = None
        self.cursor: tuple[int, int] = (0, 0)
        #: the first day shown, and how many fit the width (``week_columns``)
        self.first_day = 0
        self.days_shown = DAYS
        self._label_width = 13
        #: (width, height, theme, focus) the caches below were drawn for
        self._key: tuple[int, int, str, bool] | None = None
        self._columns: list[tuple[int, int]] = []
        self._rows: list[tuple[int, int]] = []
        self._head: Strip | None = None
        #: (row, day) -> the cell's lines; day ``-1`` is the network's label
        self._cache: dict[tuple[int, int], list[Strip]] = {}
        self._styles: dict[str | None, Style] = {}

    # ------------------------------------------------------------------ data

    def set_cells(
        self,
        heads: Sequence[Content],
        labels: Sequence[Cell],
        cells: Sequence[Sequence[Cell]],
        today_col: int | None,
        cursor: tuple[int, int],
    ) -> None:
        """Replace everything shown (a new week, or the same one after a change)."""
        self.heads = list(heads)
        self.labels = list(labels)
        self.cells = [list(row) for row in cells]
        self.today_col = today_col
        self.cursor = cursor
        self._show_day(cursor[1])
        self._key = None
        self.refresh()

    def set_cell(self, row: int, day: int, cell: Cell) -> None:
        """Replace one cell (the pane marks the chosen post in the cursor's cell): re-render
        that cell, repaint its band only."""
        if not (0 <= row < len(self.cells) and 0 <= day < len(self.cells[row])):
            return
        self.cells[row][day] = cell
        self._cache.pop((row, day), None)
        self._refresh_band(row)

    def move_cursor(self, cursor: tuple[int, int]) -> None:
        """Move the highlighted cell: re-render the two cells, repaint their bands only (the
        whole grid when the days scroll to show the cursor's)."""
        old = self.cursor
        if cursor == old:
            return
        self.cursor = cursor
        if self._show_day(cursor[1]):
            self._key = None
            self.refresh()
            return
        for row, day in (old, cursor):
            self._cache.pop((row, day), None)
        self._refresh_band(old[0])
        if cursor[0] != old[0]:
            self._refresh_band(cursor[0])

    def _show_day(self, day: int) -> bool:
        """Scroll the days shown (by as few as needed) so that ``day`` is one of them; whether
        they scrolled."""
        first = max(0, min(self.first_day, DAYS - self.days_shown))
        if day < first:
            first = day
        elif day >= first + self.days_shown:
            first = day - self.days_shown + 1
        first = max(0, min(first, DAYS - self.days_shown))
        scrolled, self.first_day = first != self.first_day, first
        return scrolled

    def _refresh_band(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            offset, height = self._rows[row]
            self.refresh(Region(0, 1 + offset, self.size.width, height))
        else:
            self.refresh()

    def on_focus(self) -> None:
        self.refresh()  # the cursor's colours depend on the focus (part of the cache key)

    def on_blur(self) -> None:
        self.refresh()

    # ------------------------------------------------------------------ drawing

    def _prepare(self) -> None:
        width, height = self.size
        key = (width, height, self.app.theme, self.has_focus)
        if key == self._key:
            return
        self._key = key
        self._label_width, self.days_shown = week_columns(width, GUTTER)
        self._show_day(self.cursor[1])
        self._columns = _split(width, [self._label_width, *[None] * self.days_shown], GUTTER)
        self._rows = _split(max(height - 1, 0), [None] * len(self.labels), 0)
        self._head = None
        self._cache = {}
        self._styles = {}

    def _style(self, component: str | None) -> Style:
        """The widget's style, or a component's, looked up once per size, theme and focus
        (every cell asks for them)."""
        style = self._styles.get(component)
        if style is None:
            style = self.get_visual_style(component) if component else self.get_visual_style()
            self._styles[component] = style
        return style

    def _strips(self, cell: Cell, width: int, height: int, component: str | None) -> list[Strip]:
        """``cell``: its head in a rule line, its body for ``width`` x ``height - 1`` below,
        cut to the cell (ellipsis, padded)."""
        style = self._style(component)
        if width <= 0 or height <= 0:
            return [Strip.blank(max(width, 0), style.rich_style)] * max(height, 0)
        colour = self._style("week-grid--rule").foreground
        head = cell.head.truncate(width, ellipsis=True)
        fill = width - head.cell_length - (1 if head.cell_length else 0)
        rule = Content.assemble(
            head,
            " " if head.cell_length else "",
            Content.styled("─" * max(fill, 0), Style(foreground=colour, bold=False)),
        )
        body = cell.body(width, height - 1)
        strips = Visual.to_strips(
            # both parts are Content already stripped of control codes
            self,
            Content.assemble(rule, "\n", body, strip_control_codes=False),
            width,
            height,
            style,
            pad=True,
        )
        blank = Strip.blank(width, style.rich_style)
        return strips + [blank] * (height - len(strips))

    def _cell(self, row: int, day: int) -> list[Strip]:
        """The lines of one cell (``day`` -1 is the network's label)."""
        cached = self._cache.get((row, day))
        if cached is not None:
            return cached
        _top, height = self._rows[row]
        if day < 0:
            # one cell of right padding
            width = self._columns[0][1]
            label = self.labels[row]
            inner = max(width - 1, 0)
            lines = label.body(inner, height - 1).split("\n", allow_blank=True)
            body = Content("\n").join(line.truncate(inner, ellipsis=True) for line in lines)
            strips = self._strips(
                Cell(label.head, lambda _w, _h: body), width, height, "week-grid--label"
            )
        else:
            width = self._columns[day - self.first_day + 1][1]
            component = None
            if (row, day) == self.cursor:
                component = "week-grid--cursor"
            elif day == self.today_col:
                component = "week-grid--today"
            strips = self._strips(self.cells[row][day], width, height, component)
        self._cache[(row, day)] = strips
        return strips

    def _head_line(self) -> Strip:
        if self._head is None:
            base = self.get_visual_style()
            pieces: list[Strip] = [Strip.blank(self._columns[0][1], base.rich_style)]
            for index, (_offset, width) in enumerate(self._columns[1:]):
                day = self.first_day + index
                component = "week-grid--head-today" if day == self.today_col else "week-grid--head"
                style = self.get_visual_style(component)
                label = self.heads[day]
                if day == self.today_col and label.cell_length + len(TODAY_MARK) <= width:
                    label = Content.assemble(TODAY_MARK, label)
                label = label.truncate(width, ellipsis=True)
                left = max(0, (width - label.cell_length) // 2)
                line = Content.assemble(" " * left, label)
                strips = (
                    Visual.to_strips(self, line, width, 1, style, pad=True) if width > 0 else []
                )
                pieces.append(strips[0] if strips else Strip.blank(width, style.rich_style))
            self._head = self._join(pieces)
        return self._head

    def _join(self, pieces: list[Strip]) -> Strip:
        gutter = Strip.blank(GUTTER, self._style(None).rich_style)
        parts: list[Strip] = []
        for index, piece in enumerate(pieces):
            if index:
                parts.append(gutter)
            parts.append(piece)
        return Strip.join(parts)

    def render_line(self, y: int) -> Strip:
        self._prepare()
        width = self.size.width
        if y == 0:
            return self._head_line()
        line = y - 1
        for row, (offset, height) in enumerate(self._rows):
            if offset <= line < offset + height:
                days = (-1, *range(self.first_day, self.first_day + self.days_shown))
                pieces = [self._cell(row, day)[line - offset] for day in days]
                return self._join(pieces)
        return Strip.blank(width, self.get_visual_style().rich_style)
