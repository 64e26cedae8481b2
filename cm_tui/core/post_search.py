"""The Calendar's search: which posts a text matches, and the next one from the selection.

A post matches when every word of the query (case and accents ignored) is in its title, text,
hashtags, tags, campaign, notes or link. Matches are in time order, so the search walks the
calendar forward from the selected post and wraps around at the last one.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from cm_tui.core.models import Post
from cm_tui.core.queue import fold_text


def post_words(post: Post) -> str:
    """Everything the search reads of ``post``, folded."""
    return fold_text(
        " ".join(
            (
                post.title,
                post.text,
                " ".join(post.hashtags),
                " ".join(post.tags),
                post.campaign,
                post.notes,
                post.link,
            )
        )
    )


def matching_posts(posts: Iterable[Post], query: str) -> list[Post]:
    """The posts matching every word of ``query``, by time then id; none for an empty query."""
    words = fold_text(query).split()
    if not words:
        return []
    found = [post for post in posts if all(word in post_words(post) for word in words)]
    found.sort(key=lambda post: (post.at, post.id))
    return found


def next_match(matches: list[Post], at: datetime, post_id: int, *, same: bool) -> Post | None:
    """The first match from the selection (``at``, ``post_id``) on: the selected post itself
    when ``same`` (typing refines the search in place), else the one after it; after the last
    match, the first one. ``None`` without matches."""
    if not matches:
        return None
    here = (at, post_id)
    for post in matches:
        key = (post.at, post.id)
        if key > here or (same and key == here):
            return post
    return matches[0]
