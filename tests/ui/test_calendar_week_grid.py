"""The week grid drawn as one line-API widget (``widgets.week_grid``), on the ``year`` demo at the
fixed clock (Thursday 2026-11-19 09:12, Paris): what its lines say, where the cursor and today's
column are painted, and that user text stays plain. Real key presses."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from rich.segment import Segment
from textual.geometry import Region

from cm_tui.core.models import Post, PostStatus
from cm_tui.core.timeutil import local_to_utc
from cm_tui.ui.widgets.week_grid import WeekGridView
from tests.conftest import PARIS
from tests.ui.conftest import SIZE, screen_text, settle


def lines(grid: WeekGridView) -> list[str]:
    return [grid.render_line(y).text for y in range(grid.size.height)]


def background_at(grid: WeekGridView, y: int, x: int) -> Any:
    """The background colour at column ``x`` of line ``y`` as the screen gets it (through the
    widget's line cache, so a repaint the grid forgot to ask for shows as a stale line)."""
    position = 0
    (strip,) = grid.render_lines(Region(0, y, grid.size.width, 1))
    for segment in strip:
        length = Segment.get_line_length([segment])
        if position <= x < position + length:
            return segment.style.bgcolor if segment.style else None
        position += length
    raise AssertionError(f"no cell at {x}")


def cell_x(grid: WeekGridView, day: int) -> int:
    """A column inside the day's cells (``day`` 0 = Monday)."""
    offset, width = grid._columns[day + 1]
    return offset + width // 2


async def open_week(pilot: Any) -> tuple[Any, WeekGridView]:
    await pilot.press("2")
    await settle(pilot)
    pane = pilot.app.active_pane
    assert pane.PANE_ID == "calendar"
    return pane, pane.view


async def test_the_grid_shows_heads_networks_targets_and_posts(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        _pane, grid = await open_week(pilot)
        text = lines(grid)
        assert "Mon 16 Nov" in text[0] and "▸ Thu 19 Nov" in text[0] and "Sun 22 Nov" in text[0]
        # each band's rule line carries the network's name and each day's count
        assert text[1].startswith("Facebook ─")
        facebook = text[1]
        assert "▼ 0/1–2 ─" in facebook and "● 1/1–2 ─" in facebook
        assert any(line.startswith("1–2 /day") and "12:00● Meet" in line for line in text)
        # a weekly network: the week's count under its target, bare counts in the cells
        assert any(line.startswith("1 /week") for line in text)


async def test_cursor_and_today_are_painted_and_follow_the_keys(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        pane, grid = await open_week(pilot)
        assert pane.cursor == (0, 3)
        y = 1 + grid._rows[0][0] + 1  # Facebook's first line under its rule
        cursor_bg = background_at(grid, y, cell_x(grid, 3))
        plain_bg = background_at(grid, y, cell_x(grid, 1))
        assert cursor_bg != plain_bg

        await pilot.press("l")
        await settle(pilot)
        assert pane.cursor == (0, 4)
        assert background_at(grid, y, cell_x(grid, 4)) == cursor_bg
        today_bg = background_at(grid, y, cell_x(grid, 3))
        assert today_bg not in (cursor_bg, plain_bg)  # Thursday keeps today's tint
        assert str(app.screen.query_one("#calendar-side").border_subtitle).startswith("Facebook")

        await pilot.press("j")
        await settle(pilot)
        below = 1 + grid._rows[1][0] + 1
        assert background_at(grid, below, cell_x(grid, 4)) == cursor_bg
        assert background_at(grid, y, cell_x(grid, 4)) == plain_bg
        assert "X (Twitter)" in str(app.screen.query_one("#calendar-side").border_subtitle)

        await pilot.press("right_square_bracket")
        await settle(pilot)
        head = lines(grid)[0]
        assert "Mon 23 Nov" in head and "▸" not in head
        assert pane.cursor == (1, 4)
        assert background_at(grid, below, cell_x(grid, 4)) == cursor_bg
        assert background_at(grid, y, cell_x(grid, 3)) == plain_bg


async def test_post_titles_are_never_markup(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        pane, grid = await open_week(pilot)
        monday = local_to_utc(date(2026, 11, 16), time(7, 0), PARIS)
        app.ctx.repo.posts.add(Post("facebook", monday, "[b]x", status=PostStatus.IDEA))
        pane.reload()
        await settle(pilot)
        # the cell shows the post's failed check (⚠), then the title exactly as typed
        assert any("07:00·⚠[b]x" in line for line in lines(grid))
        assert "07:00·⚠[b]x" in screen_text(app)
