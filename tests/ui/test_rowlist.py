"""``RowList``'s fixed header: lines above the rows that never scroll nor take the cursor."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content

from cm_tui.ui.widgets.rowlist import RowList
from tests.ui.conftest import screen_text

ROWS = [f"row {i}" for i in range(40)]


class _List(App[None]):
    def __init__(self, header_lines: int) -> None:
        super().__init__()
        self.header_lines = header_lines

    def compose(self) -> ComposeResult:
        yield RowList(
            lambda row, _width: Content(row),
            header=lambda line, _width: Content(f"header {line}"),
            header_lines=self.header_lines,
        )


def shown(row_list: RowList) -> list[str]:
    return [row_list.render_line(y).text.strip() for y in range(row_list.size.height)]


async def test_the_header_stays_on_top_while_the_rows_scroll() -> None:
    app = _List(header_lines=2)
    async with app.run_test(size=(30, 10)) as pilot:
        row_list = app.query_one(RowList)
        row_list.set_rows(ROWS)
        row_list.focus()
        await pilot.pause()
        assert shown(row_list) == ["header 0", "header 1", *ROWS[:8]]
        assert not row_list.show_horizontal_scrollbar  # rows are cut, never scrolled sideways
        await pilot.press(*["j"] * 12)  # row 12: the list scrolls to keep it in view
        await pilot.pause()
        assert row_list.cursor == 12
        assert shown(row_list) == ["header 0", "header 1", *ROWS[5:13]]
        await pilot.press("pagedown")  # a page is the rows' height (8), less one
        assert row_list.cursor == 19
        await pilot.press("G")
        await pilot.pause()
        assert shown(row_list)[-1] == "row 39" and shown(row_list)[:2] == ["header 0", "header 1"]


async def test_a_click_on_the_header_moves_nothing_and_a_click_on_a_row_selects_it() -> None:
    app = _List(header_lines=2)
    async with app.run_test(size=(30, 10)) as pilot:
        row_list = app.query_one(RowList)
        row_list.set_rows(ROWS)
        await pilot.pause()
        await pilot.click(RowList, offset=(3, 1))
        assert row_list.cursor == 0
        await pilot.click(RowList, offset=(3, 5))
        assert row_list.cursor == 3


async def test_a_new_empty_text_is_painted_at_once_and_only_while_there_are_no_rows() -> None:
    app = _List(header_lines=1)
    async with app.run_test(size=(40, 6)) as pilot:
        row_list = app.query_one(RowList)
        row_list.empty_text = "nothing yet"
        await pilot.pause()
        assert "nothing yet" in screen_text(app)
        row_list.empty_text = "no row matches the filter"  # the reason changed, not the rows
        await pilot.pause()
        text = screen_text(app)
        assert "no row matches the filter" in text and "nothing yet" not in text
        row_list.set_rows(ROWS[:2])
        await pilot.pause()
        assert shown(row_list) == ["header 0", "row 0", "row 1", "", "", ""]
        row_list.set_rows([])
        await pilot.pause()
        assert shown(row_list)[:2] == ["header 0", "no row matches the filter"]
