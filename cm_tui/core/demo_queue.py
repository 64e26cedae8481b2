"""The demo's queue (``core.demo``): comments, messages, mentions and reviews arriving on working
days (fewer at weekends), mostly replied or ignored with realistic response times, and the open
ones around ``now`` (overdue, due soon, later; an ambassador, a keyword match, a little spam).
Drawn from the run's one random source (``core.demo_run``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from cm_tui.core.deadline import deadline_for
from cm_tui.core.demo_run import DemoRun
from cm_tui.core.demo_vocabulary import (
    AMBASSADORS,
    COMMENTS_EN,
    COMMENTS_FR,
    FIRST_NAMES,
    INFLUENCERS,
    LAST_NAMES,
    ODD_TEXTS,
    POSTING_NETWORKS,
    REPLIES,
    REVIEWS,
)
from cm_tui.core.models import QueueItem, QueueKind, QueueStatus
from cm_tui.core.queue import fold_text
from cm_tui.core.timeutil import local_to_utc

#: one author of queue items: (handle, display name, ambassador, influencer)
Author = tuple[str, str, bool, bool]


def author_pool(run: DemoRun) -> list[Author]:
    """Who writes to the organisation: 60 commenters (the first ``AMBASSADORS`` of them
    ambassadors) and the influencers, shuffled."""
    rng = run.rng
    pool = []
    for i in range(60):
        first = FIRST_NAMES[i % len(FIRST_NAMES)]
        last = LAST_NAMES[(i * 7) % len(LAST_NAMES)]
        handle = "@" + fold_text(first + last[:3])
        pool.append((f"{handle}{i}", f"{first} {last}", i < AMBASSADORS, False))
    for name, _, handle in INFLUENCERS:
        pool.append((handle, name, False, True))
    rng.shuffle(pool)
    return pool


def _item_text(run: DemoRun) -> tuple[QueueKind, str]:
    rng = run.rng
    roll = rng.random()
    if roll < 0.015:
        text = rng.choice(ODD_TEXTS)
    elif roll < 0.55:
        text = rng.choice(COMMENTS_FR)
    else:
        text = rng.choice(COMMENTS_EN)
    kind_roll = rng.random()
    if kind_roll < 0.05:
        return QueueKind.REVIEW, rng.choice(REVIEWS)
    if kind_roll < 0.62:
        return QueueKind.COMMENT, text
    if kind_roll < 0.82:
        return QueueKind.MESSAGE, text
    return QueueKind.MENTION, text


def _make_item(
    run: DemoRun, authors: Sequence[Author], received: datetime, network: str | None = None
) -> QueueItem:
    rng = run.rng
    kind, text = _item_text(run)
    network = network or rng.choice(POSTING_NETWORKS)
    handle, name, ambassador, influencer = rng.choice(authors)
    seq = run.next_seq()
    return QueueItem(
        kind=kind,
        network=network,
        author_handle=handle,
        author_name=name,
        text=text,
        received_at=received,
        deadline=deadline_for(kind, network, received, run.deadlines),
        ambassador=ambassador,
        influencer=influencer,
        follower=rng.random() < 0.85,
        link=f"https://{network}.example/c/{seq}",
        external_id=f"{network}-{seq}",
        keywords=run.keywords_of(text),
    )


def _close(run: DemoRun, item: QueueItem) -> QueueItem:
    """A realistic outcome for an item received well before ``now``."""
    rng = run.rng
    roll = rng.random()
    if roll < 0.8:
        # log-normal response time: median ~25 min, about one in six after the hour
        minutes = min(rng.lognormvariate(math.log(25), 0.85), 60 * 20)
        replied = min(item.received_at + timedelta(minutes=minutes), run.now)
        author = item.author_name.split()[0] if item.author_name else item.author_handle
        return item.replace(
            status=QueueStatus.REPLIED,
            reply_text=rng.choice(REPLIES).format(author=author),
            replied_at=replied,
            closed_at=replied,
        )
    closed = min(item.received_at + timedelta(minutes=rng.uniform(2, 120)), run.now)
    return item.replace(status=QueueStatus.IGNORED, closed_at=closed)


def _arrivals(run: DemoRun, day: date) -> list[datetime]:
    rng = run.rng
    workday = day.isoweekday() in run.hours.workdays
    if run.size == "small":
        count = rng.randint(1, 3) if workday else rng.randint(0, 1)
    else:
        count = rng.randint(20, 60) if workday else rng.randint(4, 12)
    start = run.hours.start.hour * 60 + run.hours.start.minute
    end = run.hours.end.hour * 60 + run.hours.end.minute
    seconds = sorted(rng.randrange(start * 60, end * 60) for _ in range(count))
    tz = run.tz
    return [local_to_utc(day, time(s // 3600, s // 60 % 60, s % 60), tz) for s in seconds]


def queue_history(
    run: DemoRun, authors: Sequence[Author]
) -> tuple[list[QueueItem], list[QueueItem]]:
    """The items received from ``run.start`` until two hours before ``now``, each closed:
    (those kept in the hot store, those closed before the archive cut-off)."""
    hot: list[QueueItem] = []
    archived: list[QueueItem] = []
    horizon = run.now - timedelta(hours=2)  # the open set covers the last two hours
    for day in run.days(run.start, run.today):
        for received in _arrivals(run, day):
            if received >= horizon:
                break
            item = _close(run, _make_item(run, authors, received))
            if item.closed_at is not None and item.closed_at < run.archive_cutoff:
                archived.append(item)
            else:
                hot.append(item)
    return hot, archived


def open_items(run: DemoRun, authors: Sequence[Author]) -> list[QueueItem]:
    """15-40 open items around ``now`` (small: 6-10): overdue, due within 15/30 min, later."""
    rng = run.rng
    count = rng.randint(6, 10) if run.size == "small" else rng.randint(15, 40)
    # received this many minutes ago -> band for a 60-minute deadline
    spans = ((62, 115), (46, 59), (31, 44), (1, 29))
    out = []
    for i in range(count):
        lo, hi = spans[i % len(spans)]
        received = run.now - timedelta(minutes=rng.randint(lo, hi), seconds=rng.randint(0, 59))
        item = _make_item(run, authors, received)
        if item.kind is QueueKind.REVIEW:
            received = run.now - timedelta(hours=rng.randint(2, 20))
            item = item.replace(
                received_at=received,
                deadline=deadline_for(item.kind, item.network, received, run.deadlines),
            )
        out.append(item)
    # a snoozed one and an escalated one
    out[0] = out[0].replace(
        status=QueueStatus.SNOOZED, snoozed_until=run.now + timedelta(minutes=15)
    )
    out[1] = out[1].replace(status=QueueStatus.ESCALATED, notes="Forwarded to customer service")
    # make sure the open set shows an ambassador and a keyword match
    out[2] = out[2].replace(ambassador=True)
    text = "Est-ce que Maison Lumen livre à Sherbrooke ? 🚚"
    out[3] = out[3].replace(text=text, keywords=run.keywords_of(text))
    out.sort(key=lambda q: q.received_at)
    return out


def stress_open(run: DemoRun, authors: Sequence[Author], n: int) -> list[QueueItem]:
    """``n`` open items received over the last three days (the ``stress`` size)."""
    rng = run.rng
    out = []
    for _ in range(n):
        received = run.now - timedelta(seconds=rng.randrange(3 * 86400))
        out.append(_make_item(run, authors, received))
    out.sort(key=lambda q: q.received_at)
    return out


def stress_archived(run: DemoRun, authors: Sequence[Author], n: int) -> list[QueueItem]:
    """``n`` items of the past year, all closed before the archive cut-off (``stress``)."""
    rng = run.rng
    span = int(
        (run.archive_cutoff - timedelta(days=1) - (run.now - timedelta(days=365))).total_seconds()
    )
    first = run.now - timedelta(days=365)
    out = []
    for _ in range(n):
        received = first + timedelta(seconds=rng.randrange(span))
        item = _close(run, _make_item(run, authors, received))
        if item.closed_at is None or item.closed_at >= run.archive_cutoff:
            item = item.replace(closed_at=run.archive_cutoff - timedelta(hours=1))
        out.append(item)
    out.sort(key=lambda q: q.received_at)
    return out
