"""Editing posts: checks, status cycle, moves across DST, form fields (``core.posts``)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from cm_tui.core.models import NetworkProfile, Post, PostStatus
from cm_tui.core.posts import (
    CheckKind,
    check_post,
    check_posts,
    duplicate_to,
    hashtags_of,
    move_days,
    move_slot,
    next_status,
    parse_post_fields,
    post_fields,
    published_early,
    published_text,
)
from cm_tui.core.timeutil import local_to_utc

PARIS = ZoneInfo("Europe/Paris")
X = NetworkProfile("x", "X", 280, 3, 6, max_hashtags=2)
IG = NetworkProfile("instagram", "Instagram", 2200, 1, 3, max_hashtags=30)
NETWORKS = {"x": X, "instagram": IG}
NOW = datetime(2026, 11, 19, 9, 12, tzinfo=PARIS).astimezone(UTC)
GAP = timedelta(minutes=60)


def post(
    pid: int,
    network: str = "x",
    hh: int = 10,
    mm: int = 0,
    day: date = date(2026, 11, 20),
    status: PostStatus = PostStatus.SCHEDULED,
    **kw: object,
) -> Post:
    return Post(network, local_to_utc(day, time(hh, mm), PARIS), f"p{pid}", status=status, id=pid,
                **kw)  # type: ignore[arg-type]  # fmt: skip


def kinds(checks: tuple) -> set[CheckKind]:  # type: ignore[type-arg]
    return {c.kind for c in checks}


def test_text_over_the_limit_counts_the_hashtags_that_will_be_appended() -> None:
    ok = post(1, text="a" * 270, hashtags=("#one",))  # 270 + "\n#one" = 275
    assert published_text(ok) == "a" * 270 + "\n#one"
    assert check_posts([ok], NETWORKS, NOW, GAP) == {}
    long = post(2, text="a" * 276, hashtags=("#one",))
    (check,) = check_posts([long], NETWORKS, NOW, GAP)[2]
    assert (check.kind, dict(check.params)) == (CheckKind.TOO_LONG, {"count": 281, "limit": 280})
    # a hashtag already in the text is not appended again
    assert published_text(post(3, text="hi #one", hashtags=("#One",))) == "hi #one"


def test_hashtags_count_field_and_text_once_each() -> None:
    p = post(1, text="#Campus and #news, not a#b", hashtags=("#campus", "#extra"))
    assert hashtags_of(p) == ["campus", "extra", "news"]
    assert kinds(check_posts([p], NETWORKS, NOW, GAP)[1]) == {CheckKind.TOO_MANY_HASHTAGS}
    assert check_posts([p.replace(network="instagram")], NETWORKS, NOW, GAP) == {}


def test_too_close_flags_both_posts_of_the_same_network_only() -> None:
    posts = [
        post(1, hh=10),
        post(2, hh=10, mm=59),  # 59 minutes later: too close
        post(3, hh=12),  # 61 minutes after #2: fine
        post(4, "instagram", hh=10, mm=5),  # other network
        post(5, hh=10, mm=30, status=PostStatus.CANCELLED),  # cancelled: ignored
    ]
    found = check_posts(posts, NETWORKS, NOW, GAP)
    assert set(found) == {1, 2}
    assert dict(found[1][0].params) == {"minutes": 59, "min": 60}
    assert check_posts(posts, NETWORKS, NOW, timedelta(minutes=30)) == {}


def test_past_and_not_published() -> None:
    yesterday = date(2026, 11, 18)
    posts = [
        post(1, day=yesterday, status=PostStatus.SCHEDULED),
        post(2, day=yesterday, hh=14, status=PostStatus.PUBLISHED),
        post(3, day=yesterday, hh=16, status=PostStatus.CANCELLED),
        post(4, day=date(2026, 11, 19), hh=9, mm=0, status=PostStatus.IDEA),  # 12 min ago
        post(5, day=date(2026, 11, 19), hh=9, mm=30, status=PostStatus.DRAFT),  # in 18 min
    ]
    found = check_posts(posts, NETWORKS, NOW, GAP)
    assert {pid for pid, c in found.items() if CheckKind.PAST_UNPUBLISHED in kinds(c)} == {1, 4}


def test_check_post_ignores_its_own_stored_version() -> None:
    stored = post(1, hh=10)
    edited = stored.replace(at=stored.at + timedelta(minutes=5))
    assert check_post(edited, X, [stored], NOW, GAP) == ()
    other = post(2, hh=10, mm=20)
    (check,) = check_post(edited, X, [stored, other], NOW, GAP)
    assert check.kind is CheckKind.TOO_CLOSE and check.params["minutes"] == 15
    new = edited.replace(id=0)
    assert kinds(check_post(new, X, [stored], NOW, GAP)) == {CheckKind.TOO_CLOSE}


def test_status_steps_forward_and_stop_at_published() -> None:
    order = [PostStatus.IDEA]
    while (step := next_status(order[-1])) is not None:
        order.append(step)
    assert order == ["idea", "draft", "scheduled", "published"]
    assert next_status(PostStatus.CANCELLED) is None


def test_published_before_its_time_is_early() -> None:
    later = post(1, hh=10).replace(at=NOW + timedelta(minutes=1))
    assert published_early(later, PostStatus.PUBLISHED, NOW)
    assert not published_early(later, PostStatus.SCHEDULED, NOW)
    assert not published_early(later.replace(at=NOW), PostStatus.PUBLISHED, NOW)
    assert not published_early(
        later.replace(status=PostStatus.PUBLISHED), PostStatus.PUBLISHED, NOW
    )


def test_moving_a_day_keeps_the_local_hour_across_dst() -> None:
    saturday = post(1, hh=9, day=date(2026, 3, 28))  # 08:00 UTC (CET)
    sunday = move_days(saturday, 1, PARIS)  # summer time from 29 March: 07:00 UTC
    assert sunday.at.astimezone(PARIS).time() == time(9, 0)
    assert sunday.at.astimezone(PARIS).date() == date(2026, 3, 29)
    assert sunday.at - saturday.at == timedelta(hours=23)
    assert move_days(sunday, -1, PARIS) == saturday
    assert sunday.replace(at=saturday.at) == saturday  # nothing else changed


def test_moving_between_slots_wraps_to_the_next_or_previous_day() -> None:
    p = post(1, hh=10, mm=5)
    assert move_slot(p, 1, PARIS).at.astimezone(PARIS).time() == time(12, 0)
    assert move_slot(p, -1, PARIS).at.astimezone(PARIS).time() == time(10, 0)
    late = move_slot(post(2, hh=20), 1, PARIS).at.astimezone(PARIS)
    assert (late.date(), late.time()) == (date(2026, 11, 21), time(8, 0))
    early = move_slot(post(3, hh=8), -1, PARIS).at.astimezone(PARIS)
    assert (early.date(), early.time()) == (date(2026, 11, 19), time(20, 0))


def test_duplicate_to_other_networks_only() -> None:
    p = post(7, text="same", hashtags=("#a",))
    copies = duplicate_to(p, ["x", "instagram", "facebook"])
    assert [c.network for c in copies] == ["instagram", "facebook"]
    assert all(c.id == 0 and c.at == p.at and c.text == "same" for c in copies)


def test_form_errors_are_one_per_bad_field_and_name_it() -> None:
    fields = post_fields(post(1), PARIS)
    fields.update(network="myspace", date="2026-02-30", title="  ", hashtags="#ok bad-tag",
                  link="ftp://x", status="sent")  # fmt: skip
    parsed, errors = parse_post_fields(fields, PARIS, ["x"])
    assert parsed is None
    assert [e.field for e in errors] == ["network", "date", "title", "status", "hashtags", "link"]
    fields = post_fields(post(1), PARIS) | {"time": "9h"}
    _, errors = parse_post_fields(fields, PARIS, ["x"])
    assert [(e.field, e.message_key) for e in errors] == [("time", "calendar.field.bad_time")]


def test_form_cleans_and_normalises() -> None:
    fields = post_fields(post(1), PARIS) | {
        "title": " Hello\tworld \x1b[31m",
        "hashtags": "campus, #News campus",
        "tags": "a, , b ",
        "text": "line 1\r\nline 2\u202e",
    }
    parsed, errors = parse_post_fields(fields, PARIS, ["x"], post_id=9)
    assert errors == [] and parsed is not None
    assert parsed.title == "Hello world"
    assert parsed.hashtags == ("#campus", "#News")
    assert parsed.tags == ("a", "b")
    assert parsed.text == "line 1\nline 2"
    assert parsed.id == 9


def test_full_instant_keeps_the_repeated_autumn_hour() -> None:
    first = datetime(2026, 10, 25, 2, 30, tzinfo=PARIS)  # CEST, fold=0
    second = first.replace(fold=1)  # the same wall time one hour later (CET)
    for local in (first, second):
        p = Post("x", local.astimezone(UTC), "t", id=1)
        parsed, _ = parse_post_fields(post_fields(p, PARIS, full_instant=True), PARIS, ["x"],
                                      post_id=1)  # fmt: skip
        assert parsed == p


line = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=30).map(
    lambda s: " ".join(s.split())
)


@given(
    title=line.filter(bool),
    text=st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=80),
    minutes=st.integers(0, 60 * 24 * 400),
    status=st.sampled_from(list(PostStatus)),
    tags=st.lists(line.filter(lambda s: s and "," not in s), max_size=3),
    hashtags=st.lists(
        st.from_regex(r"#[A-Za-z0-9_]{1,8}", fullmatch=True), max_size=3, unique=True
    ),
    full=st.booleans(),
)
def test_fields_round_trip(title, text, minutes, status, tags, hashtags, full) -> None:  # type: ignore[no-untyped-def]
    at = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=minutes)
    extra = {"campaign": "c", "link": "https://e.org/a", "notes": "n", "id": 3}
    p = Post("x", at, title, text=text.replace("\r", ""), status=status, tags=tuple(tags),
             hashtags=tuple(hashtags), **extra)  # fmt: skip
    parsed, errors = parse_post_fields(post_fields(p, PARIS, full_instant=full), PARIS, ["x"],
                                       post_id=3)  # fmt: skip
    assert errors == []
    if not full and at.astimezone(PARIS).fold:
        return  # local date + time cannot name the second 02:30 of autumn: the form's limit
    assert parsed == p
