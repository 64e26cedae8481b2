"""Demo data: deterministic and realistic (the properties the screenshots and benchmarks use)."""

from __future__ import annotations

import json
import statistics
import time as clock
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import pytest

from cm_tui.core.deadline import DeadlinePolicy, deadline_for
from cm_tui.core.demo import (
    POSTING_NETWORKS,
    DemoData,
    generate_demo,
)
from cm_tui.core.models import PostStatus, QueueStatus, TaskOccurrence
from cm_tui.core.queue import band
from cm_tui.core.targets import target_state
from cm_tui.core.textsafe import clean_text
from cm_tui.io.shipped import load_catalog, load_networks
from tests.hostile import HOSTILE_TEXTS, LOOKS_HOSTILE

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 3, 10, 9, 30, tzinfo=UTC)  # Tuesday 10:30 in Paris
TODAY = date(2026, 3, 10)


@cache
def demo(size: str, seed: int = 2026) -> DemoData:
    return generate_demo(
        size, NOW, seed, networks=load_networks(), templates=load_catalog(), tz=PARIS
    )


def fingerprint(data: DemoData) -> str:
    tables = {
        "posts": data.posts,
        "queue": data.queue,
        "archived": data.archived,
        "figures": data.figures,
        "campaigns": data.campaigns,
        "competitors": data.competitors,
        "influencers": data.influencers,
        "documents": data.documents,
        "occurrences": data.occurrences,
    }
    return json.dumps({k: [r.to_dict() for r in v] for k, v in tables.items()}, sort_keys=True)


def test_same_inputs_same_output_other_seed_other_output() -> None:
    again = generate_demo(
        "small", NOW, 2026, networks=load_networks(), templates=load_catalog(), tz=PARIS
    )
    assert fingerprint(again) == fingerprint(demo("small"))
    assert fingerprint(demo("small", seed=7)) != fingerprint(demo("small"))


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="size"):
        generate_demo("huge", NOW, networks=load_networks())
    with pytest.raises(ValueError, match="aware"):
        generate_demo("small", datetime(2026, 1, 1), networks=load_networks())


def test_every_instant_is_utc_and_every_text_clean() -> None:
    data = demo("year")
    for item in [*data.queue, *data.archived[:2000]]:
        assert item.received_at.tzinfo is UTC and item.deadline.tzinfo is UTC
        assert clean_text(item.text) == item.text
    assert all(p.at.tzinfo is UTC for p in data.posts)


# --------------------------------------------------------------------------- posts


def test_year_of_posts_meeting_targets_most_days() -> None:
    data = demo("year")
    networks = {n.key: n for n in data.networks}
    per_day: Counter[tuple[str, date]] = Counter()
    for post in data.posts:
        local = post.at.astimezone(PARIS)
        if post.status in (PostStatus.SCHEDULED, PostStatus.PUBLISHED):
            per_day[(post.network, local.date())] += 1
        if post.network in POSTING_NETWORKS and post.status is not PostStatus.CANCELLED:
            assert time(7, 30) <= local.time() <= time(21, 0), post
        if post.at <= NOW:
            assert post.status in (PostStatus.PUBLISHED, PostStatus.CANCELLED)
        else:
            assert post.status is not PostStatus.PUBLISHED
    for network in POSTING_NETWORKS:
        profile = networks[network]
        days = [TODAY - timedelta(days=k) for k in range(1, 365)]
        within = sum(
            target_state(per_day[(network, d)], profile.target_min, profile.target_max) == "within"
            for d in days
        )
        assert within / len(days) > 0.75, network
    earliest = min(p.at for p in data.posts).astimezone(PARIS).date()
    assert earliest <= TODAY - timedelta(days=364)


def test_blog_post_every_friday_then_links_on_x_and_facebook() -> None:
    data = demo("year")
    fridays = [TODAY - timedelta(days=(TODAY.isoweekday() - 5) % 7 + 7 * k) for k in range(50)]
    by_day: dict[date, list] = {}
    for post in data.posts:
        by_day.setdefault(post.at.astimezone(PARIS).date(), []).append(post)
    for friday in fridays:
        posts = by_day[friday]
        blog = [p for p in posts if p.network == "blog"]
        assert len(blog) == 1 and blog[0].status is PostStatus.PUBLISHED
        links = [p for p in posts if p.title.startswith("Blog:")]
        assert sorted(p.network for p in links) == ["facebook", "x"]
        assert all(p.at > blog[0].at for p in links)


def test_upcoming_two_weeks_of_scheduled_drafts_and_ideas() -> None:
    data = demo("year")
    upcoming = [p for p in data.posts if p.at > NOW]
    assert max(p.at for p in upcoming) > NOW + timedelta(days=13)
    statuses = Counter(p.status for p in upcoming)
    assert (
        statuses[PostStatus.SCHEDULED] and statuses[PostStatus.DRAFT] and statuses[PostStatus.IDEA]
    )
    too_long = [p for p in upcoming if p.network == "x" and len(p.text) > 280]
    assert len(too_long) == 1  # the Calendar's check has something to show


# --------------------------------------------------------------------------- queue


def test_open_items_around_now_mix_bands_and_flags() -> None:
    data = demo("year")
    open_items = data.open_items
    assert 15 <= len(open_items) <= 40
    bands = Counter(band(item, NOW) for item in open_items)
    assert bands["overdue"] and bands["due15"] and bands["ok"]
    assert any(i.ambassador for i in open_items)
    assert any(i.keywords for i in open_items)
    assert {QueueStatus.SNOOZED, QueueStatus.ESCALATED} <= {i.status for i in open_items}


def test_queue_history_is_realistic() -> None:
    data = demo("year")
    closed = [*data.archived, *[i for i in data.queue if not i.status.is_open]]
    per_workday: Counter[date] = Counter()
    replied_minutes = []
    for item in closed:
        local = item.received_at.astimezone(PARIS)
        assert time(9) <= local.time() < time(18)
        assert item.closed_at is not None and item.received_at <= item.closed_at <= NOW
        assert item.deadline == deadline_for(
            item.kind, item.network, item.received_at, DeadlinePolicy(60, {"review": 1440})
        )
        if local.isoweekday() <= 5:
            per_workday[local.date()] += 1
        if item.status is QueueStatus.REPLIED:
            assert item.reply_text and item.replied_at == item.closed_at
            replied_minutes.append((item.replied_at - item.received_at).total_seconds() / 60)
    full_days = [n for d, n in per_workday.items() if d < TODAY]
    assert min(full_days) >= 20 - 1 and max(full_days) <= 60  # the day before now may be cut
    assert 15 <= statistics.median(replied_minutes) <= 40
    late = sum(m > 60 for m in replied_minutes) / len(replied_minutes)
    assert 0.05 < late < 0.35
    # archive split: everything archived was closed before the archive age
    cutoff = NOW - timedelta(days=7)
    assert all(i.closed_at < cutoff for i in data.archived)
    assert all(i.closed_at >= cutoff for i in data.queue if not i.status.is_open)


def test_queue_texts_show_french_emoji_ambassadors_and_keywords() -> None:
    items = [*demo("year").queue, *demo("year").archived]
    texts = {i.text for i in items}
    assert any("é" in t or "è" in t for t in texts)
    assert any(any(ord(c) > 0x1F000 for c in t) for t in texts)
    assert sum(i.ambassador for i in items) > 100
    matched = [i for i in items if i.keywords]
    assert matched and all(isinstance(k, str) for i in matched for k in i.keywords)


def test_the_demo_shows_no_hostile_test_string() -> None:
    """The demo is the shop window (the README's screenshots): the tests' hostile strings
    (``tests.hostile``) stay in the tests."""
    data = demo("year")
    assert all(LOOKS_HOSTILE.search(text) for text in HOSTILE_TEXTS)
    texts = [
        *(t for i in [*data.queue, *data.archived] for t in (i.text, i.author_name, i.notes)),
        *(t for p in data.posts for t in (p.title, p.text, p.notes, p.link)),
    ]
    assert [text for text in texts if LOOKS_HOSTILE.search(text)] == []


# --------------------------------------------------------------------------- stats & lists


def test_monthly_figures_trend_and_match_posts() -> None:
    data = demo("year")
    months = sorted({f.month for f in data.figures})
    assert len(months) == 12 and months[-1] == "2026-02"
    for network in POSTING_NETWORKS:
        series = [f for f in sorted(data.figures, key=lambda f: f.month) if f.network == network]
        assert series[-1].followers > series[0].followers
        published = sum(
            1
            for p in data.posts
            if p.network == network
            and p.status is PostStatus.PUBLISHED
            and p.at.astimezone(PARIS).strftime("%Y-%m") == series[-1].month
        )
        assert series[-1].posts == published
    # seasonal engagement: December above June on average
    dec = [f.reactions / f.reach for f in data.figures if f.month.endswith("-12")]
    jun = [f.reactions / f.reach for f in data.figures if f.month.endswith("-06")]
    assert statistics.mean(dec) > statistics.mean(jun)


def test_competitors_campaigns_lists() -> None:
    data = demo("year")
    assert len(data.competitors) == 3 and all(len(c.months) == 12 for c in data.competitors)
    assert len(data.campaigns) == 2
    active = [c for c in data.campaigns if c.start <= TODAY <= c.end]
    assert len(active) == 1
    checks = [c.day for c in active[0].checks]
    assert checks == [active[0].start + timedelta(days=k) for k in range(len(checks))]
    assert checks[-1] == TODAY - timedelta(days=1)
    assert active[0].spend == pytest.approx(sum(c.spend for c in active[0].checks), abs=0.01)
    assert len(data.influencers) >= 5 and any(i.last_contacted is None for i in data.influencers)
    assert {h.kind.value for h in data.hashtags} == {"general", "specific"}
    assert len(data.keywords) >= 5
    due = [d for d in data.documents if d.last_reviewed + timedelta(d.review_every_days) < TODAY]
    assert due  # the Today tab's "due reviews" has something to show


def test_occurrence_history() -> None:
    data = demo("year")
    keys = [o.key for o in data.occurrences]
    assert len(keys) == len(set(keys))
    templates = {t.key for t in data.templates}
    assert all(o.template_key in templates for o in data.occurrences)
    statuses = Counter(o.status.value for o in data.occurrences)
    assert statuses["done"] > 10 * statuses["skipped"] > 0
    days = {o.day for o in data.occurrences if o.day.year > 1970}
    assert min(days) <= TODAY - timedelta(days=360) and max(days) == TODAY
    assert all(isinstance(o, TaskOccurrence) and o.at <= NOW for o in data.occurrences)
    # only the networks the demo organisation works
    for o in data.occurrences:
        assert not o.template_key.endswith(("pinterest", "snapchat"))


def test_small_demo_is_small_with_onboarding_in_progress() -> None:
    data = demo("small")
    assert len(data.queue) + len(data.archived) < 120
    assert data.onboarding_start == TODAY - timedelta(days=20)
    checklist = [o for o in data.occurrences if o.day == date(1970, 1, 1)]
    assert 0 < len(checklist) < 16


def test_stress_sizes_and_time() -> None:
    start = clock.perf_counter()
    data = generate_demo(
        "stress", NOW, networks=load_networks(), templates=load_catalog(), tz=PARIS
    )
    elapsed = clock.perf_counter() - start
    print(f"demo stress generated in {elapsed:.2f} s")
    assert len(data.posts) == 5_000
    assert len(data.open_items) == len(data.queue) == 10_000
    assert len(data.archived) == 100_000
    assert all(not i.status.is_open for i in data.archived[:1000])
    assert elapsed < 15


# --------------------------------------------------------------------------- supported days


@pytest.mark.parametrize("size", ["small", "year"])
@pytest.mark.parametrize(
    "now",
    [datetime(2000, 1, 1, 11, 0, tzinfo=UTC), datetime(2199, 12, 31, 11, 0, tzinfo=UTC)],
    ids=["first-day", "last-day"],
)
def test_a_demo_at_the_edge_of_the_supported_days_stays_inside_them(
    size: str, now: datetime
) -> None:
    """Seen: ``--demo --now 2000-01-01`` wrote posts, items and figures dated 1999, days no
    import or form accepts (``core.timeutil.FIRST_DAY`` .. ``LAST_DAY``)."""
    import re

    from cm_tui.core.timeutil import FIRST_DAY, LAST_DAY

    data = generate_demo(size, now, networks=load_networks(), templates=load_catalog(), tz=PARIS)
    from cm_tui.core.recurrence import CHECKLIST_DAY

    # a one-off checklist task's occurrence is keyed by a fixed marker day, not a date shown
    text = fingerprint(data).replace(CHECKLIST_DAY.isoformat(), "")
    text += data.onboarding_start.isoformat()
    days = re.findall(r"\b(\d{4}-\d{2}(?:-\d{2})?)", text)
    assert days
    outside = sorted(
        {d for d in days if not FIRST_DAY.isoformat()[: len(d)] <= d <= LAST_DAY.isoformat()}
    )
    assert not outside
    # the demo still shows a day's work: posts today, open items and a month of figures at least
    assert data.posts and data.open_items


# --------------------------------------------------------------------------- language


@pytest.mark.parametrize(
    ("language", "foreign"),
    [
        ("fr", ("Header", "Hashtag lists", "About", "Editorial line", "Watch plan")),
        ("en", ("Charte", "Nétiquette", "Plan de veille", "Ligne éditoriale", "À propos")),
    ],
)
def test_document_titles_are_in_the_language_of_the_demo(
    language: str, foreign: tuple[str, ...]
) -> None:
    """Seen: "Header / cover images" and "Hashtag lists" in a French demo (and French titles
    in an English one)."""
    from cm_tui.core.i18n import language as current
    from cm_tui.core.i18n import set_language

    before = current()
    set_language(language)
    try:
        data = generate_demo(
            "small", NOW, networks=load_networks(), templates=load_catalog(), tz=PARIS
        )
    finally:
        set_language(before)
    assert data.language == language
    titles = [d.title for d in data.documents]
    assert len(set(titles)) == len(titles)
    assert not [title for title in titles if any(word in title for word in foreign)], titles
    # the editorial line is the current year's, not a year written in the code
    assert any(str(TODAY.year) in title for title in titles)
