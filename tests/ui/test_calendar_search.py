"""The Calendar's ``/`` search while typing: no alert per key, "no match" said in the field
itself (and once, on enter), and the posts' words folded once per search, not per key."""

from __future__ import annotations

from typing import Any

import pytest

from cm_tui.core import post_search
from tests.ui.conftest import SIZE, send_in_one_burst, settle


def _notes(app: Any) -> list[str]:
    return [note.message for note in app._notifications]


async def test_typing_a_search_without_match_gives_no_alert_per_key(make_app) -> None:
    app = make_app(initial_tab="calendar")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.active_pane
        before = _notes(app)
        send_in_one_burst(app, "slash", *"zqxwvzqxwvzqxwvzqxwv")
        await settle(pilot)
        field = pane.search_input("calendar-search")
        assert _notes(app) == before  # nothing pushed away from the history
        assert field.has_class("-no-match")
        assert "No post matches “zqxwvzqxwvzqxwvzqxwv”" in str(field.border_subtitle)
        await pilot.press("enter")  # said once, when asked for the next match
        await settle(pilot)
        assert _notes(app)[len(before) :] == ["No post matches “zqxwvzqxwvzqxwvzqxwv”"]
        field.value = ""
        word = pane.ctx.repo.posts.all()[0].title.split()[0]
        await pilot.press(*word)
        await settle(pilot)
        assert not field.has_class("-no-match")


async def test_the_posts_are_folded_once_per_search_not_per_key(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[int] = []
    real = post_search.PostIndex.__init__

    def counting(self: Any, posts: Any) -> None:
        built.append(1)
        real(self, posts)

    monkeypatch.setattr(post_search.PostIndex, "__init__", counting)
    app = make_app(initial_tab="calendar")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        send_in_one_burst(app, "slash", *"spring sale zqxwvzqx")
        await settle(pilot)
        assert built == [1]
        await pilot.press("escape", "slash", "a")  # a new search reads the posts again
        await settle(pilot)
        assert built == [1, 1]


def test_the_index_matches_as_matching_posts() -> None:
    from datetime import UTC, datetime, timedelta

    from cm_tui.core.models import Post

    at = datetime(2026, 11, 19, 9, tzinfo=UTC)
    posts = [
        Post(network="x", at=at + timedelta(days=2), title="Été à Lyon", id=2),
        Post(network="x", at=at, title="Lyon", text="été", id=1),
        Post(network="x", at=at, title="Paris", id=3),
    ]
    index = post_search.PostIndex(posts)
    assert [p.id for p in index.matching("ete LYON")] == [1, 2]
    assert index.matching("  ") == []
