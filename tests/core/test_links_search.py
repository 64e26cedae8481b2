"""What ``o`` may open (web links only) and the Calendar's post search (every word, in time
order, wrapping around)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cm_tui.core.links import first_web_link, web_link
from cm_tui.core.models import Post
from cm_tui.core.post_search import matching_posts, next_match

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_only_http_and_https_links_are_web_links() -> None:
    assert web_link(" https://example.org/a?b=1 ") == "https://example.org/a?b=1"
    assert web_link("HTTP://example.org") == "HTTP://example.org"
    for bad in ("", "https://", "file:///etc/passwd", "javascript:alert(1)", "example.org",
                "https://a b", "see https://example.org"):  # fmt: skip
        assert web_link(bad) is None, bad


def test_the_first_web_link_of_a_text_leaves_sentence_punctuation_out() -> None:
    assert first_web_link("Read https://example.org/post, then reply.") == (
        "https://example.org/post"
    )
    assert first_web_link("(see https://example.org/x).") == "https://example.org/x"
    assert first_web_link("no link, file:///etc/passwd") is None


def _post(n: int, title: str, **kw: object) -> Post:
    return Post(network="x", at=T0 + timedelta(days=n), title=title, id=n + 1, **kw)  # type: ignore[arg-type]


def test_a_post_matches_when_every_word_is_somewhere_in_it_accents_and_case_ignored() -> None:
    posts = [
        _post(2, "Salon de l'été", hashtags=("#Lyon",)),
        _post(0, "Summer fair", text="At the Été venue in lyon"),
        _post(1, "Winter sale", notes="été"),
    ]
    assert [p.id for p in matching_posts(posts, "ete LYON")] == [1, 3]
    assert [p.id for p in matching_posts(posts, "   ")] == []
    assert matching_posts(posts, "nowhere") == []


def test_the_next_match_walks_forward_from_the_selection_and_wraps_around() -> None:
    matches = [_post(0, "a"), _post(1, "a"), _post(3, "a")]
    second = matches[1]
    assert next_match(matches, second.at, second.id, same=True) is second
    assert next_match(matches, second.at, second.id, same=False) is matches[2]
    last = matches[2]
    assert next_match(matches, last.at, last.id, same=False) is matches[0]
    assert next_match(matches, T0 + timedelta(days=2), 0, same=True) is matches[2]
    assert next_match([], T0, 0, same=True) is None
