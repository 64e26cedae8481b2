"""The Calendar's week grid as ONE widget drawn line by line (Textual's line API).

A grid of ~48 ``Static`` cells costs Textual a layout, a style pass and a compositor region
per cell on every repaint (``calendar_week_ms``). ``WeekGridView`` instead keeps the cells'
``Content`` (built by the pane from plain strings: post titles are never parsed as markup),
turns each cell into its lines once (one ``Visual.to_strips`` call, cached until the cell,
the size, the theme or the focus changes) and answers ``render_line`` by joining the cached
pieces of one line. A cursor move re-renders two cells and repaints their rows only.

Layout (as the grid it replaces): a first column of 13 cells (network names, one cell of
right padding), seven ``1fr`` day columns, a one-cell gutter between columns; a header line,
then one ``1fr`` band per network. Each cell starts with a rule line (``─``); the day columns
of today are tinted, the cursor's cell takes the block cursor colours.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import ClassVar

from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual
from textual.widget import Widget

#: width of the network column (its last cell is padding), gutter between columns
LABEL_WIDTH = 13
GUTTER = 1
DAYS = 7


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
        self.labels: list[Content] = []
        self.cells: list[list[Content]] = []
        self.today_col: int | None = None
        self.cursor: tuple[int, int] = (0, 0)
        #: (width, height, theme, focus) the caches below were drawn for
        self._key: tuple[int, int, str, bool] | None = None
        self._columns: list[tuple[int, int]] = []
        self._rows: list[tuple[int, int]] = []
        self._head: Strip | None = None
        self._cache: dict[tuple[int, int], list[Strip]] = {}

    # ------------------------------------------------------------------ data

    def set_cells(
        self,
        heads: Sequence[Content],
        labels: Sequence[Content],
        cells: Sequence[Sequence[Content]],
        today_col: int | None,
        cursor: tuple[int, int],
    ) -> None:
        """Replace everything shown (a new week, or the same one after a change)."""
        self.heads = list(heads)
        self.labels = list(labels)
        self.cells = [list(row) for row in cells]
        self.today_col = today_col
        self.cursor = cursor
        self._key = None
        self.refresh()

    def set_cell(self, row: int, day: int, content: Content) -> None:
        """Replace one cell's content (the pane marks the chosen post in the cursor's cell):
        re-render that cell, repaint its band only."""
        if not (0 <= row < len(self.cells) and 0 <= day < len(self.cells[row])):
            return
        self.cells[row][day] = content
        self._cache.pop((row, day + 1), None)
        self._refresh_band(row)

    def move_cursor(self, cursor: tuple[int, int]) -> None:
        """Move the highlighted cell: re-render the two cells, repaint their bands only."""
        old = self.cursor
        if cursor == old:
            return
        self.cursor = cursor
        for row, day in (old, cursor):
            self._cache.pop((row, day + 1), None)
        self._refresh_band(old[0])
        if cursor[0] != old[0]:
            self._refresh_band(cursor[0])

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
        self._columns = _split(width, [LABEL_WIDTH, *[None] * DAYS], GUTTER)
        self._rows = _split(max(height - 1, 0), [None] * len(self.labels), 0)
        self._head = None
        self._cache = {}

    def _strips(
        self, content: Content, width: int, height: int, component: str | None
    ) -> list[Strip]:
        """``content`` under a rule line, cut to ``width`` x ``height`` (ellipsis, padded)."""
        style = self.get_visual_style(component) if component else self.get_visual_style()
        if width <= 0 or height <= 0:
            return [Strip.blank(max(width, 0), style.rich_style)] * max(height, 0)
        colour = self.get_visual_style("week-grid--rule").foreground
        rule = Content.styled("─" * width, Style(foreground=colour, bold=False))
        strips = Visual.to_strips(
            self, Content.assemble(rule, "\n", content), width, height, style, pad=True
        )
        blank = Strip.blank(width, style.rich_style)
        return strips + [blank] * (height - len(strips))

    def _cell(self, row: int, col: int) -> list[Strip]:
        """The lines of one cell (``col`` 0 is the network's label)."""
        cached = self._cache.get((row, col))
        if cached is not None:
            return cached
        _offset, width = self._columns[col]
        _top, height = self._rows[row]
        if col == 0:
            # one cell of right padding under a full-width rule
            lines = self.labels[row].split("\n", allow_blank=True)
            label = Content("\n").join(
                line.truncate(max(width - 1, 0), ellipsis=True) for line in lines
            )
            strips = self._strips(label, width, height, "week-grid--label")
        else:
            component = None
            if (row, col - 1) == self.cursor:
                component = "week-grid--cursor"
            elif col - 1 == self.today_col:
                component = "week-grid--today"
            strips = self._strips(self.cells[row][col - 1], width, height, component)
        self._cache[(row, col)] = strips
        return strips

    def _head_line(self) -> Strip:
        if self._head is None:
            base = self.get_visual_style()
            pieces: list[Strip] = [Strip.blank(self._columns[0][1], base.rich_style)]
            for day, (_offset, width) in enumerate(self._columns[1:]):
                component = "week-grid--head-today" if day == self.today_col else "week-grid--head"
                style = self.get_visual_style(component)
                label = self.heads[day].truncate(width, ellipsis=True)
                left = max(0, (width - label.cell_length) // 2)
                line = Content.assemble(" " * left, label)
                strips = (
                    Visual.to_strips(self, line, width, 1, style, pad=True) if width > 0 else []
                )
                pieces.append(strips[0] if strips else Strip.blank(width, style.rich_style))
            self._head = self._join(pieces)
        return self._head

    def _join(self, pieces: list[Strip]) -> Strip:
        gutter = Strip.blank(GUTTER, self.get_visual_style().rich_style)
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
                pieces = [self._cell(row, col)[line - offset] for col in range(DAYS + 1)]
                return self._join(pieces)
        return Strip.blank(width, self.get_visual_style().rich_style)
