"""The week and month views read without the list: titles in the cells, fewer days rather than
cut ones on a narrow terminal (scrolling by day), counts per network in the month. On the
``year`` demo at the fixed clock (Thursday 2026-11-19 09:12, Paris). Real key presses."""

from __future__ import annotations

from typing import Any

from tests.ui.conftest import SIZE, screen_text, settle

NARROW = (80, 24)


async def open_week(pilot: Any) -> Any:
    await pilot.press("2")
    await settle(pilot)
    return pilot.app.active_pane


def column(grid: Any, day: int) -> list[str]:
    """The lines of day ``day``'s column (0 = Monday) as shown, under the header."""
    offset, width = grid._columns[day - grid.first_day + 1]
    lines = [grid.render_line(y).text for y in range(1, grid.size.height)]
    return [line[offset : offset + width].strip() for line in lines]


def words(lines: list[str]) -> str:
    return " ".join(" ".join(lines).split())


async def test_wide_cells_show_the_hour_and_the_title_wrapped(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        pane = await open_week(pilot)
        grid = pane.view
        assert (grid.first_day, grid.days_shown) == (0, 7)
        head = grid.render_line(0).text
        for day in ("Mon 16 Nov", "▸ Thu 19 Nov", "Sun 22 Nov"):
            assert day in head
        # Thursday's Facebook post, whole, not "12:00● Meet…"
        thursday = words(column(grid, 3))
        assert "▶12:00● Meet the team: our glassblower" in thursday
        # a status glyph and the hour start every post; counts sit in the rule lines
        assert "● 1/1–2 ─" in thursday
        assert "18:50● The Lumen Box is back in" in words(column(grid, 4))


async def test_narrow_terminal_shows_fewer_days_whole(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        pane = await open_week(pilot)
        head = pane.view.render_line(0).text
        # whole day names (no "Mo…"), and not all seven of them
        shown = [d for d in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun") if d in head]
        assert 3 <= len(shown) <= 4
        assert "Thu 19 Nov" in head and "…" not in head
        assert "▶12:00● Meet the team:" in words(column(grid := pane.view, 3))
        assert grid.first_day + grid.days_shown - 1 == 3  # today's column is shown


async def test_moving_past_the_last_day_shown_scrolls_by_one_day(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        pane = await open_week(pilot)
        grid = pane.view
        first, count = grid.first_day, grid.days_shown
        last = first + count - 1
        for _ in range(last - pane.cursor[1] + 1):
            await pilot.press("l")
        await settle(pilot)
        assert pane.cursor == (0, last + 1)
        assert grid.first_day == first + 1
        head = grid.render_line(0).text
        assert pane.week_start.isoformat() == "2026-11-16"
        assert "Mon 16 Nov" not in head or first > 0
        # back to Monday: the days scroll back
        for _ in range(pane.cursor[1]):
            await pilot.press("h")
        await settle(pilot)
        assert pane.cursor == (0, 0) and grid.first_day == 0
        assert "Mon 16 Nov" in grid.render_line(0).text


async def test_month_cells_count_per_network_and_show_the_first_title(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_week(pilot)
        await pilot.press("v")
        await settle(pilot)
        text = screen_text(app)
        # Thursday 19: one post on Facebook, six on X, two on Instagram, one on LinkedIn
        assert "FB 1 X 6 IG 2" in text and "LI 1" in text
        assert "✓ Rencontre" in text  # the day's first post, its status and title


async def test_the_chosen_post_stays_in_view_in_a_full_cell(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        pane = await open_week(pilot)
        await pilot.press("j")  # X on Thursday: five posts, one line and "+4 more" shown
        await settle(pilot)
        for _ in range(3):
            await pilot.press("J")
        await settle(pilot)
        chosen = pane.selected_post
        assert chosen is not None and pane.post_index == 3
        cell = words(column(pane.view, 3))
        assert f"▶{chosen.at.astimezone(app.ctx.zone):%H:%M}" in cell


async def test_the_side_panel_shows_the_cells_posts_in_full(make_app: Any) -> None:
    from datetime import date, time

    from cm_tui.core.models import Post, PostStatus
    from cm_tui.core.timeutil import local_to_utc
    from tests.conftest import PARIS

    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        pane = await open_week(pilot)
        text = " ".join(f"word{i}" for i in range(40))
        at = local_to_utc(date(2026, 11, 19), time(7, 0), PARIS)
        post = Post("facebook", at, "Early", text=text, notes="call the printer first")
        app.ctx.repo.posts.add(post.replace(status=PostStatus.DRAFT))
        pane.reload()
        await settle(pilot)
        detail = app.screen.query_one("#calendar-detail")
        detail._build()
        lines = [strip.text for strip in detail._strips]
        assert max(len(line.rstrip()) for line in lines) <= detail.size.width
        shown = " ".join(lines).split()
        # wrapped onto the panel's lines (scrolled by ↑ ↓), not cut: every word, and the notes
        assert [w for w in shown if w.startswith("word")] == text.split()
        assert "printer" in shown
