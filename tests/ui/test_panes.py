"""Pilot tests of the four panes: hostile text, lazy rendering, navigation, cached chart."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path

import pytest

from cm_tui.core.models import QueueItem, QueueKind
from cm_tui.store import Store
from cm_tui.ui.panes.queue import QueuePane
from tests.conftest import FIXED_NOW
from tests.ui.conftest import SIZE, screen_text, settle

HOSTILE = ("[/]", "[@click=app.quit]x[/]", "[link=file:///etc/passwd]x[/]", "[b]bold?[/b] \x1b[31m")


def _item(author: str, text: str, minutes_ago: int) -> QueueItem:
    received = FIXED_NOW - timedelta(minutes=minutes_ago)
    return QueueItem(
        kind=QueueKind.COMMENT,
        network="x",
        author_handle=author,
        author_name=author,
        text=text,
        received_at=received,
        deadline=received + timedelta(hours=1),
    )


async def test_hostile_text_is_shown_literally_and_runs_nothing(make_app, demo_db: Path) -> None:
    with Store.open(demo_db) as store:
        # the most overdue items come first: these two are at the top of the queue
        store.repo.queue.add(_item("[/]", "[@click=app.quit]x[/] and [/]", 600))
        store.repo.queue.add(_item("[@click=app.quit]x[/]", "[link=file:///etc/passwd]x[/]", 599))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await settle(pilot)
        text = screen_text(app)
        assert "[@click=app.quit]x[/] and [/]" in text  # list row, author "[/]"
        assert "[link=file:///etc/passwd]x[/]" in text
        # the detail pane shows the selected item's whole text, as written
        assert text.count("[@click=app.quit]x[/] and [/]") >= 2
        await pilot.press("j")
        await settle(pilot)
        text = screen_text(app)
        assert text.count("[link=file:///etc/passwd]x[/]") >= 2
        # clicking the rendered text runs no action (a markup link would quit the app)
        await pilot.click("#queue-detail")
        await pilot.click("#queue-list", offset=(40, 1))
        await settle(pilot)
        assert app.is_running and app.return_code is None


async def test_hostile_strings_render_in_every_queue_widget(make_app, demo_db: Path) -> None:
    with Store.open(demo_db) as store:
        for n, hostile in enumerate(HOSTILE):
            store.repo.queue.add(_item(hostile, hostile, 900 - n))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await settle(pilot)
        queue = app.active_pane
        for _ in HOSTILE:
            item = queue.list.current
            assert item.author_handle in HOSTILE
            detail = str(queue.query_one("#queue-detail").render())
            assert item.text.replace("\x1b", "") in detail.replace("\x1b", "")
            await pilot.press("j")
            await settle(pilot)
        assert app.is_running


async def test_queue_renders_only_visible_rows_of_10000(
    make_app, tmp_path: Path, demo_settings
) -> None:
    db = tmp_path / "big" / "store.json"
    with Store.open(db) as store:
        store.repo.networks.add_many(_networks())
        store.repo.queue.add_many(
            [_item(f"@user{n}", f"message {n}", n % 500) for n in range(10_000)]
        )
    app = make_app(db=db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await settle(pilot)
        queue = app.active_pane
        assert isinstance(queue, QueuePane)
        assert len(queue.list.rows) == 10_000
        rendered: list[int] = []
        original = queue._render_item

        def counting(item, width):
            rendered.append(item.id)
            return original(item, width)

        queue.list._renderer = counting
        await pilot.press("G")
        await settle(pilot)
        assert queue.list.cursor == 9_999
        assert 0 < len(set(rendered)) < 100  # one screen of rows, not ten thousand
        await pilot.press("g")
        await settle(pilot)
        assert queue.list.cursor == 0


async def test_calendar_navigation(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await settle(pilot)
        calendar = app.active_pane
        monday = app.ctx.today() - timedelta(days=3)
        assert calendar.week_start == monday
        assert calendar.cursor == (0, 3)  # first network, Thursday
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert calendar.week_start == monday + timedelta(weeks=1)
        await pilot.press("left_square_bracket", "left_square_bracket")
        await settle(pilot)
        assert calendar.week_start == monday - timedelta(weeks=1)
        await pilot.press("t")
        await settle(pilot)
        assert calendar.week_start == monday
        await pilot.press("l", "j", "right")
        await settle(pilot)
        assert calendar.cursor == (1, 5)
        row = calendar.grid.rows[1]
        cell = row.cells[5]
        side = calendar.query_one("#calendar-detail").render()
        for _local, post in cell.posts:
            assert post.title in str(side)
        await pilot.press("right", "right")  # past Sunday: next week, Monday
        await settle(pilot)
        assert calendar.week_start == monday + timedelta(weeks=1)
        assert calendar.cursor == (1, 0)


async def test_stats_chart_is_built_once_per_data_size_theme(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)  # Today is composed before "4" arrives
        await pilot.press("4")
        await settle(pilot)
        stats = app.active_pane
        chart = stats.chart
        built = chart.builds
        assert built >= 1
        for _ in range(3):
            chart.refresh()
            await settle(pilot)
        assert chart.builds == built  # repaints reuse the built figure
        await pilot.press("m")
        await settle(pilot)
        assert stats.metric == "engagements" and chart.builds == built + 1
        app.theme = "nord"
        await settle(pilot)
        await settle(pilot)
        assert chart.builds == built + 2
        assert "Followers" in screen_text(app)  # the table's header


@pytest.mark.parametrize("tab_key", ["4"])
def test_plotext_is_imported_only_when_stats_is_shown(demo_db: Path, tab_key: str) -> None:
    """In a fresh interpreter: start-up (Today) imports neither plotext, arrow nor the other
    tabs' modules; showing Stats imports plotext."""
    script = textwrap.dedent(
        f"""
        import asyncio, sys
        from datetime import datetime
        from zoneinfo import ZoneInfo
        from cm_tui.core.clock import FixedClock
        from cm_tui.core.settings import Settings
        from cm_tui.store import Store
        from cm_tui.ui.app import CmTuiApp

        async def main():
            clock = FixedClock(datetime(2026, 11, 19, 9, 12, tzinfo=ZoneInfo("Europe/Paris")))
            with Store.open({str(demo_db)!r}) as store:
                app = CmTuiApp(store, Settings(timezone="Europe/Paris", language="en"), clock, "d")
                async with app.run_test(size=(140, 45)) as pilot:
                    await pilot.pause()
                    lazy = [m for m in ("plotext", "arrow", "cm_tui.ui.panes.calendar",
                                        "cm_tui.ui.panes.queue", "cm_tui.ui.panes.stats")
                            if m in sys.modules]
                    print("start", lazy)
                    await pilot.press({tab_key!r})
                    await pilot.pause()
                    print("stats", "plotext" in sys.modules)

        asyncio.run(main())
        """
    )
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        cwd=root,
        env=env,
    ).stdout
    assert "start []" in out
    assert "stats True" in out


def _networks():
    from cm_tui.io.shipped import load_networks

    return load_networks()
