"""The Calendar's search: which posts a text matches, and the next one from the selection.

A post matches when every word of the query (case and accents ignored) is in its title, text,
hashtags, tags, campaign, notes or link. Matches are in time order, so the search walks the
calendar forward from the selected post and wraps around at the last one.

Folding every post's words is the search's whole cost (a year holds thousands of posts): a
``PostIndex`` folds them once, then answers every query typed against it.
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


class PostIndex:
    """``posts`` in time order (then id) with their folded words, read once: ``matching`` is
    then one substring test per word and post, whatever the number of queries."""

    def __init__(self, posts: Iterable[Post]) -> None:
        ordered = sorted(posts, key=lambda post: (post.at, post.id))
        self._entries = [(post, post_words(post)) for post in ordered]

    def matching(self, query: str) -> list[Post]:
        """The posts matching every word of ``query``, by time then id; none for an empty
        query."""
        words = fold_text(query).split()
        if not words:
            return []
        return [post for post, text in self._entries if all(word in text for word in words)]


def matching_posts(posts: Iterable[Post], query: str) -> list[Post]:
    """The posts matching every word of ``query``, by time then id (``PostIndex`` for one
    query)."""
    return PostIndex(posts).matching(query)


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
