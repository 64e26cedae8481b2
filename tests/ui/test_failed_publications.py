"""A post a live account could not publish shows as failed, with its reason, on Today and in
the Calendar (mark, colour, detail), in English and French; never silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from cm_tui.core.i18n import set_language
from cm_tui.core.models import PostStatus
from cm_tui.core.net_records import Publication, PublicationState
from cm_tui.store import Store
from tests.conftest import FIXED_NOW
from tests.ui.conftest import SIZE, screen_text, settle

REASON = "Text too long (500 characters at most)"


def _fail_one_post(db: Path) -> tuple[int, str]:
    """The first post of the shown day failed on an account (status *failed*, as the sync
    engine leaves it, and its publication's reason); its id and title."""
    with Store.open(db) as store:
        post = min(
            (p for p in store.repo.posts.all() if p.at.date() == FIXED_NOW.date()),
            key=lambda p: p.at,
        )
        with store.transaction():
            store.repo.posts.update(post.replace(status=PostStatus.FAILED))
            store.repo.publications.add(
                Publication(
                    post=post.id,
                    account="mastodon:brand@example.org",
                    state=PublicationState.FAILED,
                    reason=REASON,
                )
            )
        return post.id, post.title


@pytest.mark.parametrize("language", ["en", "fr"])
async def test_today_lists_the_failed_post_with_its_reason(make_app, demo_db, language) -> None:
    set_language(language)
    _id, title = _fail_one_post(demo_db)
    app = make_app(db=demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = screen_text(app)
        assert ("Not published" if language == "en" else "Non publiées") in shown
        assert title[:20] in shown
        assert REASON[:20] in shown


async def test_the_calendar_marks_the_failed_post_and_says_why(make_app, demo_db) -> None:
    post_id, _title = _fail_one_post(demo_db)
    app = make_app(db=demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "v", "v")  # the list view
        await settle(pilot)
        pane = app.active_pane
        post = next(p for p in pane.list_posts if p.id == post_id)
        row = pane._list_row(post, 100)
        assert "!" in row.plain
        assert any("error" in str(span.style) for span in row.spans)
        detail = pane._post_detail(post).plain
        assert f"failed: {REASON}" in detail
        # the week grid and the side detail of the day draw it too (no status left unknown)
        await pilot.press("v")
        await settle(pilot)
        assert "Traceback" not in screen_text(app)
