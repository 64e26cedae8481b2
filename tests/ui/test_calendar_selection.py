"""Pilot tests: the Calendar's actions act on the post that is selected, which is always marked
``▶`` (in the grid and in the side panel, also right after saving), and the status moves as
the key says: ``p`` forward only, stopping at published; ``P`` any status from a list; a post
set in the future asks before it is marked published.

The store and clock are those of ``test_calendar_edit``: Thursday 2026-11-19 09:12 in Paris,
the cursor on X, Thursday (Launch thread 14:00 draft, Evening recap 17:00 idea).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cm_tui.core.models import Post, PostStatus
from cm_tui.core.settings import Settings
from cm_tui.store import Store
from cm_tui.ui.screens.confirm import Confirm
from tests.ui.conftest import SIZE, screen_text, settle
from tests.ui.test_calendar_edit import FRIDAY, at, posts_of, start
from tests.ui.test_calendar_edit import small_db as small_db  # the store described above

WEDNESDAY = date(2026, 11, 18)
LONG_TEXT = " ".join(["A long read about the new collection, chapter by chapter."] * 30)


@pytest.fixture
def settings() -> Settings:
    return Settings(
        timezone="Europe/Paris", language="en", active_networks=("x", "instagram", "facebook")
    )


@pytest.fixture
def db(small_db: Path) -> Path:
    """The small store, plus a long post on X on Friday morning and one on Wednesday (past)."""
    with Store.open(small_db) as store:
        store.repo.posts.add_many(
            [
                Post("x", at(FRIDAY, 9), "Long read", text=LONG_TEXT, status=PostStatus.SCHEDULED),
                Post("x", at(WEDNESDAY, 10), "Yesterday's tip", status=PostStatus.IDEA),
            ]
        )
    return small_db


@pytest.fixture
def open_calendar(make_app: Any, db: Path, settings: Settings) -> Any:
    def make() -> Any:
        return make_app(db=db, settings=settings, initial_tab="calendar")

    return make


def halves(app: Any) -> tuple[list[str], list[str]]:
    """The screen's lines cut in two: the grid (left box) and the side panel (right box)."""
    grid, side = [], []
    for line in screen_text(app).splitlines():
        left, sep, right = line.rpartition("││")
        grid.append(left if sep else line)
        side.append(right if sep else "")
    return grid, side


def marked(lines: list[str]) -> list[str]:
    return [line for line in lines if "▶" in line]


def stored(app: Any, title: str) -> Post:
    (post,) = [p for p in posts_of(app) if p.title == title]
    return post


async def test_a_new_post_is_selected_and_marked_after_saving_and_j_moves_the_mark(
    open_calendar: Any,
) -> None:
    app = open_calendar()
    async with app.run_test(size=SIZE) as pilot:
        pane = await start(pilot)
        await pilot.press("l", "n")  # X, Friday: the long read is there at 09:00
        await settle(pilot)
        await pilot.press(*"Teaser", "ctrl+s")
        await settle(pilot)
        assert pane.selected_post.title == "Teaser"
        grid, side = halves(app)
        (line,) = marked(grid)
        assert "▶10:00" in line  # in the cell, on the new post's line
        (line,) = marked(side)
        assert "▶ 10:00" in line  # and in the side panel, scrolled into view
        await pilot.press("J")
        await settle(pilot)
        assert pane.selected_post.title == "Long read"
        grid, side = halves(app)
        (line,) = marked(grid)
        assert "▶09:00" in line
        (line,) = marked(side)
        assert "▶ 09:00" in line


async def test_a_single_post_is_marked_too(open_calendar: Any) -> None:
    app = open_calendar()
    async with app.run_test(size=SIZE) as pilot:
        pane = await start(pilot)
        await pilot.press("h")  # Wednesday: one post
        await settle(pilot)
        assert pane.selected_post.title == "Yesterday's tip"
        grid, side = halves(app)
        assert len(marked(grid)) == 1 and "▶10:00" in marked(grid)[0]
        assert len(marked(side)) == 1


async def test_p_moves_forward_and_stops_at_published(open_calendar: Any) -> None:
    app = open_calendar()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("h")  # Wednesday, 10:00: in the past
        await settle(pilot)
        seen = []
        for _ in range(4):
            await pilot.press("p")
            await settle(pilot)
            seen.append(stored(app, "Yesterday's tip").status)
        assert seen == ["draft", "scheduled", "published", "published"]
        messages = [n.message for n in app._notifications]
        assert "Already published: P chooses another status" in messages


async def test_marking_a_future_post_published_asks_first(open_calendar: Any) -> None:
    app = open_calendar()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)  # Launch thread, today 14:00: later than now
        await pilot.press("p")
        await settle(pilot)
        assert stored(app, "Launch thread").status is PostStatus.SCHEDULED
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        assert "Launch thread is set for Thu 19 Nov 14:00" in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        assert stored(app, "Launch thread").status is PostStatus.SCHEDULED
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert stored(app, "Launch thread").status is PostStatus.PUBLISHED


async def test_capital_p_chooses_any_status_and_escape_cancels(open_calendar: Any) -> None:
    from cm_tui.ui.screens.status_chooser import StatusChooser

    app = open_calendar()
    async with app.run_test(size=SIZE) as pilot:
        pane = await start(pilot)
        await pilot.press("J")  # Evening recap, idea
        await settle(pilot)
        await pilot.press("P")
        await settle(pilot)
        chooser = app.screen
        assert isinstance(chooser, StatusChooser)
        text = screen_text(app)
        for word in ("Idea", "Draft", "Scheduled", "Published", "Cancelled"):
            assert word in text
        assert chooser.highlighted is PostStatus.IDEA  # the current one
        await pilot.press("j", "escape")
        await settle(pilot)
        assert stored(app, "Evening recap").status is PostStatus.IDEA
        assert pane.selected_post.title == "Evening recap"
        await pilot.press("P")
        await settle(pilot)
        await pilot.press("G", "enter")  # cancelled
        await settle(pilot)
        assert stored(app, "Evening recap").status is PostStatus.CANCELLED
        assert pane.selected_post.title == "Evening recap"
        await pilot.press("P")
        await settle(pilot)
        assert app.screen.highlighted is PostStatus.CANCELLED
        await pilot.press("k", "enter")  # published, later today: asks first
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        assert stored(app, "Evening recap").status is PostStatus.PUBLISHED
        await pilot.press("P")
        await settle(pilot)
        await pilot.press("g", "enter")  # back to idea
        await settle(pilot)
        assert stored(app, "Evening recap").status is PostStatus.IDEA
        assert stored(app, "Launch thread").status is PostStatus.DRAFT  # never touched


async def test_saving_a_future_post_as_published_in_the_form_asks_first(open_calendar: Any) -> None:
    """The form's status field is the other way to mark a post published: it asks too; "no"
    keeps what was typed, with the status the post had."""
    from cm_tui.core.posts import post_fields

    app = open_calendar()
    async with app.run_test(size=SIZE) as pilot:
        pane = await start(pilot)  # Launch thread (draft), today 14:00: later than now
        post = pane.selected_post
        fields = {**post_fields(post, app.ctx.zone), "status": PostStatus.PUBLISHED.value}
        fields["title"] = "Launch thread!"
        pane._open_form(fields, post.id)
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await settle(pilot)
        assert stored(app, "Launch thread!").status is PostStatus.DRAFT
        fields["title"] = "Launch thread"
        pane._open_form(fields, post.id)
        await settle(pilot)
        await pilot.press("ctrl+s", "y")
        await settle(pilot)
        assert stored(app, "Launch thread").status is PostStatus.PUBLISHED
