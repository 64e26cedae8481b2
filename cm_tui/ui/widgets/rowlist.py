"""A list that renders only the rows on screen (Textual's line API).

A stock ``DataTable`` pays ~160 µs per row before its first frame and O(rows) per cell update
(docs/architecture.md, "Performance facts"). ``RowList`` keeps a plain sequence of row objects
and asks its ``renderer`` for the ``Content`` of a row only when that row is painted, so 10,000
queue items cost nothing until they scroll into view, and a cursor move repaints two lines.

Rows are arbitrary objects; ``selectable`` says which ones the cursor may rest on (section
headings are not). Row text is ``textual.content.Content`` built from plain strings, so hostile
text from imports is never parsed as markup. An optional ``header`` draws ``header_lines`` fixed
lines above the rows (they do not scroll): Today's progress bar, without a widget of its own to
mount and style before the first frame.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, Generic, TypeVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from cm_tui.ui.bindings import localize_bindings
from cm_tui.ui.widgets.strips import LinePainter

Row = TypeVar("Row")


class RowList(ScrollView, Generic[Row], can_focus=True):
    """A focusable, virtual list of rows with a cursor (``j``/``k``/``g``/``G``)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "ui.key.down", show=False, id="list.down"),
        Binding("k,up", "cursor_up", "ui.key.up", show=False, id="list.up"),
        Binding("g,home", "cursor_first", "ui.key.first", show=False, id="list.first"),
        Binding("G,end", "cursor_last", "ui.key.last", show=False, id="list.last"),
        Binding("pagedown", "page_down", "ui.key.page_down", show=False, id="list.page_down"),
        Binding("pageup", "page_up", "ui.key.page_up", show=False, id="list.page_up"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"rowlist--cursor"}

    class Highlighted(Message):
        """The cursor moved to another row (or the rows changed under it)."""

        def __init__(self, row_list: RowList, index: int | None) -> None:
            super().__init__()
            self.row_list = row_list
            self.index = index

        @property
        def control(self) -> RowList:
            return self.row_list

    def __init__(
        self,
        renderer: Callable[[Row, int], Content],
        selectable: Callable[[Row], bool] | None = None,
        *,
        empty_text: str = "",
        header: Callable[[int, int], Content] | None = None,
        header_lines: int = 0,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        localize_bindings(self)
        self._renderer = renderer
        self._selectable = selectable
        #: ``header(line, width)`` draws the fixed line ``line`` (< ``header_lines``)
        self._header = header
        self._top = header_lines if header is not None else 0
        self._rows: Sequence[Row] = ()
        self._cursor: int | None = None
        self._empty_text = empty_text
        self._painter = LinePainter(self, lambda: self.scrollable_content_region.width)

    # ------------------------------------------------------------------ data

    @property
    def rows(self) -> Sequence[Row]:
        return self._rows

    @property
    def cursor(self) -> int | None:
        """Index of the row under the cursor, ``None`` when no row is selectable."""
        return self._cursor

    @property
    def empty_text(self) -> str:
        """The dim line shown instead of rows when there are none: say *why* it is empty (a
        filter, a day off), so that an empty list is never mistaken for "all done"."""
        return self._empty_text

    @empty_text.setter
    def empty_text(self, text: str) -> None:
        if text != self._empty_text:
            self._empty_text = text
            if not self._rows:
                self.refresh_row(0)

    @property
    def current(self) -> Row | None:
        return None if self._cursor is None else self._rows[self._cursor]

    def set_rows(self, rows: Sequence[Row], cursor: int | None = None) -> None:
        """Replace the rows; the cursor goes to ``cursor`` (or stays on its index), then to the
        nearest selectable row."""
        self._rows = rows
        wanted = self._cursor if cursor is None else cursor
        self._cursor = self._nearest_selectable(wanted or 0)
        self._size_to_rows()
        self._scroll_cursor_into_view()
        self.refresh()
        self.post_message(self.Highlighted(self, self._cursor))

    def move_to(self, index: int) -> None:
        """Put the cursor on ``index`` (clamped, moved to the nearest selectable row)."""
        new = self._nearest_selectable(index)
        if new == self._cursor:
            return
        old = self._cursor
        self._cursor = new
        if old is not None:
            self.refresh_row(old)
        if new is not None:
            self.refresh_row(new)
        self._scroll_cursor_into_view()
        self.post_message(self.Highlighted(self, new))

    def refresh_rows(self) -> None:
        """Repaint the visible rows (their content changed, e.g. a countdown)."""
        self.refresh()

    def refresh_row(self, index: int) -> None:
        """Repaint row ``index`` (if it is on screen)."""
        self.refresh_line(index + self._top)

    def refresh_header(self) -> None:
        """Repaint the fixed lines above the rows."""
        if self._top:
            self.refresh(Region(0, 0, self.size.width, self._top))

    def _rows_height(self) -> int:
        """How many rows the list shows at once (below the header)."""
        return self.scrollable_content_region.height - self._top

    def _size_to_rows(self) -> None:
        """Rows are cut to the width, never scrolled sideways: a virtual width of 0 keeps the
        horizontal scrollbar away (the region's width, read before the vertical scrollbar
        appears, was one cell too wide and brought one that hid the last row)."""
        self.virtual_size = Size(0, len(self._rows) + self._top)

    def _is_selectable(self, index: int) -> bool:
        return self._selectable is None or self._selectable(self._rows[index])

    def _nearest_selectable(self, index: int) -> int | None:
        count = len(self._rows)
        if not count:
            return None
        index = max(0, min(index, count - 1))
        for candidate in range(index, count):
            if self._is_selectable(candidate):
                return candidate
        for candidate in range(index - 1, -1, -1):
            if self._is_selectable(candidate):
                return candidate
        return None

    def _step(self, direction: int) -> None:
        if self._cursor is None:
            return
        index = self._cursor + direction
        while 0 <= index < len(self._rows):
            if self._is_selectable(index):
                self.move_to(index)
                return
            index += direction

    def _scroll_cursor_into_view(self) -> None:
        if self._cursor is None:
            return
        height = self._rows_height()
        if height <= 0:
            return
        top = round(self.scroll_offset.y)
        if self._cursor < top:
            self.scroll_to(y=self._cursor, animate=False, immediate=True)
        elif self._cursor >= top + height:
            self.scroll_to(y=self._cursor - height + 1, animate=False, immediate=True)

    # ------------------------------------------------------------------ actions

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_cursor_first(self) -> None:
        self.move_to(0)

    def action_cursor_last(self) -> None:
        self.move_to(len(self._rows) - 1)

    def action_page_down(self) -> None:
        page = max(1, self._rows_height() - 1)
        self.move_to((self._cursor or 0) + page)

    def action_page_up(self) -> None:
        page = max(1, self._rows_height() - 1)
        self.move_to((self._cursor or 0) - page)

    # ------------------------------------------------------------------ rendering

    def on_resize(self, event: events.Resize) -> None:
        self._size_to_rows()
        self._scroll_cursor_into_view()

    def on_focus(self) -> None:
        if self._cursor is not None:
            self.refresh_row(self._cursor)

    def on_blur(self) -> None:
        if self._cursor is not None:
            self.refresh_row(self._cursor)

    def on_click(self, event: events.Click) -> None:
        index = round(self.scroll_offset.y) + event.y - self._top
        if event.y >= self._top and 0 <= index < len(self._rows):
            self.move_to(index)

    def render_lines(self, crop: Region) -> list[Strip]:
        with self._painter.one_pass():
            return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width, base = self._painter.frame()
        if y < self._top and self._header is not None:
            return self._painter.strip(self._header(y, width), width, base)
        index = round(self.scroll_offset.y) + y - self._top
        if index >= len(self._rows):
            if index == 0 and self._empty_text:
                content = Content.styled(self._empty_text, "dim")
                return self._painter.strip(content, width, base)
            return Strip.blank(width, base.rich_style)
        content = self._renderer(self._rows[index], width)
        if index == self._cursor:
            style = self.get_visual_style("rowlist--cursor") if self.has_focus else base
            if not self.has_focus:
                content = content.stylize("underline")
            return self._painter.strip(content, width, style)
        return self._painter.strip(content, width, base)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._painter.forget_styles()
