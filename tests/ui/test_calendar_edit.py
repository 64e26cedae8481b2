"""Pilot tests of the Calendar's editing keys on a small store (real key presses).

The store has the shipped networks and a few posts; the active networks are X, Instagram and
Facebook (in that order, so the grid's rows are fixed). The clock is Thursday 2026-11-19 09:12
in Paris: the week shown is Monday 16 - Sunday 22 November, the cursor starts on X, Thursday.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest

from cm_tui.core.models import Post, PostStatus
from cm_tui.core.settings import Settings
from cm_tui.core.timeutil import local_to_utc
from cm_tui.io.seeding import seed_if_needed
from cm_tui.store import Store
from cm_tui.ui.screens.confirm import Confirm
from cm_tui.ui.screens.network_picker import NetworkPicker
from cm_tui.ui.screens.post_form import PostForm
from tests.conftest import PARIS
from tests.ui.conftest import SIZE, screen_text, settle

THURSDAY = date(2026, 11, 19)
FRIDAY = date(2026, 11, 20)


def at(day: date, hh: int, mm: int = 0) -> Any:
    return local_to_utc(day, time(hh, mm), PARIS)


@pytest.fixture
def settings() -> Settings:
    return Settings(
        timezone="Europe/Paris", language="en", active_networks=("x", "instagram", "facebook")
    )


@pytest.fixture
def small_db(tmp_path: Path) -> Path:
    db = tmp_path / "cal" / "store.json"
    db.parent.mkdir()
    with Store.open(db) as store:
        seed_if_needed(store)
        store.repo.posts.add_many(
            [
                Post(
                    "x",
                    at(THURSDAY, 14),
                    "Launch thread",
                    text="Our launch [/] is today",
                    status=PostStatus.DRAFT,
                    hashtags=("#launch",),
                ),
                Post("x", at(THURSDAY, 17), "Evening recap", status=PostStatus.IDEA),
                Post("instagram", at(FRIDAY, 12), "Photo of the team", status=PostStatus.SCHEDULED),
            ]
        )
    return db


@pytest.fixture
def open_calendar(make_app: Callable[..., Any], small_db: Path, settings: Settings) -> Any:
    def make() -> Any:
        return make_app(db=small_db, settings=settings, initial_tab="calendar")

    return make


def posts_of(app: Any) -> list[Post]:
    return sorted(app.ctx.repo.posts.all(), key=lambda p: (p.at, p.network, p.title))


def titles(app: Any) -> list[str]:
    return [p.title for p in posts_of(app)]


async def start(pilot: Any) -> Any:
    await settle(pilot)
    pane = pilot.app.active_pane
    assert pane.PANE_ID == "calendar"
    assert pane.cursor == (0, 3)
    return pane


async def test_create_a_post_with_the_form(open_calendar: Any) -> None:
    app = open_calendar()
    async with app.run_test(size=SIZE) as pilot:
        pane = await start(pilot)
        await pilot.press("l", "n")  # X, Friday
        await settle(pilot)
        form = app.screen
        assert isinstance(form, PostForm)
        await pilot.press(*"Weekend teaser")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, PostForm)
        (new,) = [p for p in posts_of(app) if p.title == "Weekend teaser"]
        assert (new.network, new.status) == ("x", PostStatus.IDEA)
        assert new.at == at(FRIDAY, 10)
        assert pane.selected_post == new
        assert "Weekend teaser" in screen_text(app)
        await pilot.press("u")  # undo the creation
        await settle(pilot)
        assert "Weekend teaser" not in titles(app)


async def test_form_errors_keep_what_was_typed(open_calendar: Any) -> None:
    app = open_calendar()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"Keep me")
        await pilot.press("shift+tab", "shift+tab")  # title -> time -> date
        await pilot.press("end", "ctrl+u", *"2026-02-30")
        await pilot.press("ctrl+s")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, PostForm)  # still open
        text = screen_text(app)
        assert "Date: '2026-02-30' is not a date (YYYY-MM-DD)" in text
        assert form.values()["title"] == "Keep me"
        assert form.query_one("#post-field-date").has_focus
        await pilot.press("ctrl+u", *"2026-11-21", "ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, PostForm)
        (new,) = [p for p in posts_of(app) if p.title == "Keep me"]
        assert new.at == at(date(2026, 11, 21), 10)
        # escape cancels: nothing written
        count = len(posts_of(app))
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"Nope", "escape")
        await settle(pilot)
        assert len(posts_of(app)) == count


async def test_edit_with_e_shows_checks_live(open_calendar: Any) -> None:
    app = open_calendar()
    async with app.run_test(size=SIZE) as pilot:
        pane = await start(pilot)
        assert [p.title for p in pane.selected_posts()] == ["Launch thread", "Evening recap"]
        await pilot.press("J")  # the second post of the cell
        assert pane.selected_post.title == "Evening recap"
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, PostForm)
        assert form.values()["title"] == "Evening recap"
        await pilot.press("end", *" v2")
        await pilot.press("shift+tab", "ctrl+u", *"14:30")  # 30 min after "Launch thread"
        await settle(pilot)
        assert "only 30 min from another post on this network (minimum 60)" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        edited = [p for p in posts_of(app) if p.title == "Evening recap v2"]
        assert len(edited) == 1 and edited[0].at == at(THURSDAY, 14, 30)
        assert edited[0].status is PostStatus.IDEA
        # the grid marks both posts, the side panel says why
        assert set(pane.checks) >= {p.id for p in posts_of(app) if p.network == "x"}
        assert "only 30 min from" in screen_text(app)


async def test_status_cycle_delete_and_several_undos(open_calendar: Any) -> None:
    app = open_calendar()
    async with app.run_test(size=SIZE) as pilot:
        pane = await start(pilot)
        original = pane.selected_post
        assert original.status is PostStatus.DRAFT
        await pilot.press("p")
        await settle(pilot)
        assert app.ctx.repo.posts.get(original.id).status is PostStatus.SCHEDULED
        await pilot.press("p")  # published, though set for later today: asked first
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.ctx.repo.posts.get(original.id).status is PostStatus.PUBLISHED
        await pilot.press("p")  # it stops there
        await settle(pilot)
        assert app.ctx.repo.posts.get(original.id).status is PostStatus.PUBLISHED
        await pilot.press("P")  # back to idea, chosen from the list
        await settle(pilot)
        await pilot.press("g", "enter")
        await settle(pilot)
        assert app.ctx.repo.posts.get(original.id).status is PostStatus.IDEA
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        assert "Launch thread" not in titles(app)
        for _ in range(4):  # delete, then the three status changes
            await pilot.press("u")
            await settle(pilot)
        (back,) = [p for p in posts_of(app) if p.title == "Launch thread"]
        assert back.replace(id=original.id) == original
        await pilot.press("u")
        await settle(pilot)
        assert len(app.ctx.edits) == 0
        assert "Nothing to undo." in [n.message for n in app._notifications]


async def test_delete_can_be_refused(open_calendar: Any) -> None:
    app = open_calendar()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("x", "n")
        await settle(pilot)
        assert "Launch thread" in titles(app)


async def test_move_by_day_and_slot_keeps_everything_else(open_calendar: Any) -> None:
    app = open_calendar()
    async with app.run_test(size=SIZE) as pilot:
        pane = await start(pilot)
        original = pane.selected_post
        await pilot.press("shift+right")
        await settle(pilot)
        moved = app.ctx.repo.posts.get(original.id)
        assert moved == original.replace(at=at(FRIDAY, 14))
        assert pane.cursor == (0, 4) and pane.selected_post.id == original.id  # followed
        await pilot.press("shift+down")
        await settle(pilot)
        assert app.ctx.repo.posts.get(original.id).at == at(FRIDAY, 16)
        await pilot.press("shift+up", "shift+up")
        await settle(pilot)
        assert app.ctx.repo.posts.get(original.id).at == at(FRIDAY, 12)
        for _ in range(4):
            await pilot.press("shift+left")
            await settle(pilot)
        # Monday 16 -> Sunday 15: the previous week is shown
        assert app.ctx.repo.posts.get(original.id).at == at(date(2026, 11, 16), 12)
        await pilot.press("shift+left")
        await settle(pilot)
        assert pane.week_start == date(2026, 11, 9)
        assert pane.selected_post.id == original.id


async def test_duplicate_to_other_networks(open_calendar: Any) -> None:
    app = open_calendar()
    async with app.run_test(size=SIZE) as pilot:
        pane = await start(pilot)
        original = pane.selected_post
        await pilot.press("ctrl+d")
        await settle(pilot)
        assert isinstance(app.screen, NetworkPicker)
        await pilot.press("space", "down", "space", "enter")  # Instagram and Facebook
        await settle(pilot)
        copies = [p for p in posts_of(app) if p.title == original.title]
        assert sorted(p.network for p in copies) == ["facebook", "instagram", "x"]
        for copy in copies:
            assert copy.replace(id=original.id, network="x") == original
        await pilot.press("u")
        await settle(pilot)
        assert [p.network for p in posts_of(app) if p.title == original.title] == ["x"]


async def test_hostile_text_in_a_post_is_plain(open_calendar: Any) -> None:
    app = open_calendar()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        assert "Our launch [/] is today" in screen_text(app)
        await pilot.press("e")
        await settle(pilot)
        assert app.screen.values()["text"] == "Our launch [/] is today"
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running


async def test_month_view_navigation_and_back(open_calendar: Any) -> None:
    app = open_calendar()
    async with app.run_test(size=SIZE) as pilot:
        pane = await start(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert pane.mode == "month" and pane.month_view.has_focus
        text = screen_text(app)
        assert "November 2026" in text
        assert pane.month_cursor == THURSDAY
        # the day's posts of every network, in time order
        assert [p.title for p in pane.selected_posts()] == ["Launch thread", "Evening recap"]
        await pilot.press("l", "j")  # next day, then a week later
        await settle(pilot)
        assert pane.month_cursor == date(2026, 11, 27)
        await pilot.press("k")
        await settle(pilot)
        assert [p.title for p in pane.selected_posts()] == ["Photo of the team"]
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert pane.month_cursor == date(2026, 12, 20) and "December 2026" in screen_text(app)
        await pilot.press("j", "j")  # into January
        await settle(pilot)
        assert pane.month_cursor == date(2027, 1, 3) and "January 2027" in screen_text(app)
        await pilot.press("t", "v", "v")  # today, the month's list, back to the week
        await settle(pilot)
        assert pane.mode == "week" and pane.week_start == date(2026, 11, 16)
        assert pane.cursor[1] == 3


async def test_edit_from_the_month_view(open_calendar: Any) -> None:
    app = open_calendar()
    async with app.run_test(size=SIZE) as pilot:
        pane = await start(pilot)
        await pilot.press("v", "l")  # the month, Friday
        await settle(pilot)
        photo = pane.selected_post
        assert photo.title == "Photo of the team"
        await pilot.press("p")  # published before its time: asked first
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        await pilot.press("shift+right")
        await settle(pilot)
        stored = app.ctx.repo.posts.get(photo.id)
        assert stored.status is PostStatus.PUBLISHED
        assert stored.at == at(date(2026, 11, 21), 12)
        assert pane.month_cursor == date(2026, 11, 21)  # the selection followed the post


async def test_list_view_shows_the_texts_of_the_month(open_calendar: Any) -> None:
    app = open_calendar()
    async with app.run_test(size=SIZE) as pilot:
        pane = await start(pilot)
        await pilot.press("v", "v")  # the month, then the list of its posts
        await settle(pilot)
        assert pane.mode == "list" and pane.range_mode == "month" and pane.list_view.has_focus
        assert [p.title for p in pane.list_posts] == [
            "Launch thread",
            "Evening recap",
            "Photo of the team",
        ]
        text = screen_text(app)
        assert "Our launch [/] is today" in text  # the text, literally
        await pilot.press("j", "j")
        await settle(pilot)
        assert pane.selected_post.title == "Photo of the team"
        await pilot.press("right_square_bracket")  # next month: empty
        await settle(pilot)
        assert pane.list_posts == [] and "No post in this period." in screen_text(app)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert len(pane.list_posts) == 3
        await pilot.press("v")
        await settle(pilot)
        assert pane.mode == "week"


async def test_hashtag_lists_and_completion_in_the_form(open_calendar: Any) -> None:
    from cm_tui.core.models import HashtagKind
    from cm_tui.ui.screens.hashtags import HashtagScreen

    app = open_calendar()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("M")
        await settle(pilot)
        assert isinstance(app.screen, HashtagScreen)
        await pilot.press(*"#campus launch", "enter")  # "launch" gets its "#"
        await pilot.press("ctrl+g", *"#Paris", "enter")
        await pilot.press(*"not-one", "enter")  # refused, nothing added
        await settle(pilot)
        tags = {h.tag: h.kind for h in app.ctx.repo.hashtags.all()}
        assert tags == {
            "#campus": HashtagKind.GENERAL,
            "#launch": HashtagKind.GENERAL,
            "#Paris": HashtagKind.SPECIFIC,
        }
        assert "'not-one' is not a hashtag (#word)" in [n.message for n in app._notifications]
        await pilot.press("ctrl+u", "shift+tab")  # to the list: general first, by name
        await pilot.press("s")  # #campus becomes specific
        await settle(pilot)
        assert {h.tag: h.kind for h in app.ctx.repo.hashtags.all()}[
            "#campus"
        ] is HashtagKind.SPECIFIC
        await pilot.press("g", "delete")  # the first row now: #launch
        await settle(pilot)
        assert sorted(h.tag for h in app.ctx.repo.hashtags.all()) == ["#Paris", "#campus"]
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("e")  # edit "Launch thread" (hashtags "#launch")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, PostForm)
        form.query_one("#post-field-hashtags").focus()
        await settle(pilot)
        await pilot.press("end", *" #ca")
        await settle(pilot)
        await pilot.press("right")  # accept the suggestion
        assert form.values()["hashtags"] == "#launch #campus"


async def test_a_long_text_scrolls_in_the_side_panel(open_calendar: Any, small_db: Path) -> None:
    app = open_calendar()
    long_text = "\n".join(f"line {n}" for n in range(80))
    async with app.run_test(size=SIZE) as pilot:
        pane = await start(pilot)
        post = pane.selected_post
        app.ctx.repo.posts.update(post.replace(text=long_text))
        pane.reload()
        await settle(pilot)
        text = screen_text(app)
        assert "line 0" in text and "line 79" not in text and "…" in text
        detail = pane.query_one("#calendar-detail")
        detail.focus()
        await pilot.press(*["down"] * 60)
        await settle(pilot)
        assert detail.top > 0 and "line 79" in screen_text(app)
        assert pane.cursor == (0, 3)  # the arrows scrolled the text, not the grid


async def test_content_series_creates_ideas_once_and_undo(open_calendar: Any) -> None:
    app = open_calendar()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        count = len(posts_of(app))
        await pilot.press("R")
        await settle(pilot)
        ideas = [p for p in posts_of(app) if p.campaign == "blog-weekly"]
        # the blog network is not active here: X and Facebook, four Fridays from tomorrow
        assert sorted({p.network for p in ideas}) == ["facebook", "x"] and len(ideas) == 8
        assert ideas[0].title == "Link to this week's blog post"
        assert ideas[0].at == at(FRIDAY, 11)
        await pilot.press("R")  # nothing twice
        await settle(pilot)
        assert len(posts_of(app)) == count + 8
        assert "0 idea posts added from the content series" in [
            n.message for n in app._notifications
        ]
        await pilot.press("u")
        await settle(pilot)
        assert len(posts_of(app)) == count
