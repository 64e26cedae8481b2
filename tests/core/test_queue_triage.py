"""Pure triage rules of the queue: close, escalate, snooze (across DST), templates, filters,
alerts."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cm_tui.core.deadline import deadline_for
from cm_tui.core.models import QueueItem, QueueKind, QueueStatus
from cm_tui.core.queue import (
    ALERT_DUE15,
    ALERT_OVERDUE,
    QueueFilter,
    crossed_alerts,
    escalate,
    fill_template,
    filter_items,
    mark_ignored,
    mark_replied,
    snooze,
    snooze_until,
)
from cm_tui.core.recurrence import WorkHours

PARIS = ZoneInfo("Europe/Paris")
MONTREAL = ZoneInfo("America/Montreal")
NOW = datetime(2026, 11, 19, 8, 12, tzinfo=UTC)


def item(left_min: float = 30, id: int = 1, **kw: object) -> QueueItem:
    deadline = NOW + timedelta(minutes=left_min)
    base: dict[str, object] = {
        "kind": QueueKind.COMMENT,
        "network": "x",
        "author_handle": "@ann",
        "author_name": "Ann",
        "text": "Hello Café",
        "received_at": deadline - timedelta(hours=1),
        "deadline": deadline,
        "id": id,
    }
    base.update(kw)
    return QueueItem(**base)  # type: ignore[arg-type]


def test_close_and_escalate_keep_the_deadline() -> None:
    it = item(status=QueueStatus.SNOOZED, snoozed_until=NOW + timedelta(hours=1))
    done = mark_replied(it, NOW, "thanks")
    assert (done.status, done.reply_text, done.replied_at, done.closed_at) == (
        QueueStatus.REPLIED,
        "thanks",
        NOW,
        NOW,
    )
    assert done.snoozed_until is None and done.deadline == it.deadline
    ignored = mark_ignored(it, NOW)
    assert ignored.status is QueueStatus.IGNORED and ignored.closed_at == NOW
    assert ignored.replied_at is None
    esc = escalate(escalate(it, "ask  legal\n", NOW, PARIS), "again", NOW, PARIS)
    assert esc.status is QueueStatus.ESCALATED and esc.closed_at is None
    assert esc.notes == "2026-11-19 09:12 ask legal\n2026-11-19 09:12 again"
    assert esc.deadline == it.deadline


@pytest.mark.parametrize(
    ("tz", "now_local", "expected_local"),
    [
        # the evening before spring forward / fall back: "tomorrow 09:00" local is still 09:00
        (PARIS, datetime(2026, 3, 28, 22, 0), datetime(2026, 3, 29, 9, 0)),
        (PARIS, datetime(2026, 10, 24, 22, 0), datetime(2026, 10, 25, 9, 0)),
        (MONTREAL, datetime(2026, 3, 7, 23, 30), datetime(2026, 3, 8, 9, 0)),
        (MONTREAL, datetime(2026, 10, 31, 18, 0), datetime(2026, 11, 1, 9, 0)),
    ],
)
def test_snooze_until_tomorrow_morning_across_dst(
    tz: ZoneInfo, now_local: datetime, expected_local: datetime
) -> None:
    now = now_local.replace(tzinfo=tz).astimezone(UTC)
    until = snooze_until("morning", now, tz)
    assert until.astimezone(tz).replace(tzinfo=None) == expected_local
    assert until.tzinfo is UTC
    # the quick choices are real durations, whatever the wall clock does
    assert snooze_until("15m", now, tz) - now == timedelta(minutes=15)
    assert snooze_until("1h", now, tz) - now == timedelta(hours=1)
    later = snooze_until("morning", now, tz, WorkHours(start=time(8, 30)))
    assert later.astimezone(tz).time() == time(8, 30)


@pytest.mark.parametrize(
    ("tz", "local"),
    [
        (PARIS, datetime(2026, 3, 29, 1, 45)),
        (PARIS, datetime(2026, 10, 25, 2, 15)),
        (MONTREAL, datetime(2026, 3, 8, 1, 45)),
        (MONTREAL, datetime(2026, 11, 1, 1, 15)),
    ],
)
def test_snooze_never_moves_the_deadline_across_dst(tz: ZoneInfo, local: datetime) -> None:
    received = local.replace(tzinfo=tz).astimezone(UTC)
    deadline = deadline_for("comment", "x", received)
    it = item(received_at=received, deadline=deadline)
    slept = snooze(it, snooze_until("morning", received, tz))
    assert slept.deadline == deadline and (deadline - received).total_seconds() == 3600
    assert slept.status is QueueStatus.SNOOZED


def test_fill_template_is_literal() -> None:
    assert fill_template("Hi {author} {0} {x}!", item()) == "Hi Ann {0} {x}!"
    assert fill_template("{author}", item(author_name="")) == "@ann"
    assert fill_template("{author}", item(author_name="[/]{author}")) == "[/]{author}"


def test_filters() -> None:
    items = [
        item(id=1, network="x", text="Le café Nova"),
        item(id=2, network="facebook", kind=QueueKind.REVIEW, ambassador=True),
        item(id=3, keywords=("nova",), status=QueueStatus.ESCALATED, author_name="Zoé"),
    ]
    ids = lambda flt: [i.id for i in filter_items(items, flt)]  # noqa: E731
    assert ids(QueueFilter()) == [1, 2, 3]
    assert ids(QueueFilter(text="CAFE nova")) == [1]
    assert ids(QueueFilter(text="zoe")) == [3]
    assert ids(QueueFilter(network="facebook")) == [2]
    assert ids(QueueFilter(kind="review")) == [2]
    assert ids(QueueFilter(status="escalated")) == [3]
    assert ids(QueueFilter(ambassadors=True)) == [2]
    assert ids(QueueFilter(keywords=True)) == [3]
    assert ids(QueueFilter(network="x", keywords=True)) == [3]
    assert not QueueFilter().active and QueueFilter(ambassadors=True).active


def test_alerts_fire_once_on_each_crossing() -> None:
    items = [item(20, id=1), item(3, id=2), item(-5, id=3)]
    sent: set[tuple[int, str]] = set()
    assert crossed_alerts(items, NOW - timedelta(seconds=1), NOW, sent) == []
    got = crossed_alerts(items, NOW, NOW + timedelta(minutes=5), sent)
    assert [(i.id, th) for i, th in got] == [(1, ALERT_DUE15), (2, ALERT_OVERDUE)]
    # jumping past both thresholds at once: only the overdue alert
    got = crossed_alerts(items, NOW, NOW + timedelta(minutes=30), sent)
    assert [(i.id, th) for i, th in got] == [(1, ALERT_OVERDUE), (2, ALERT_OVERDUE)]
    sent.update((i.id, th) for i, th in got)
    assert crossed_alerts(items, NOW, NOW + timedelta(minutes=30), sent) == []
    # snoozed and closed items stay quiet
    quiet = [
        item(3, id=4, status=QueueStatus.SNOOZED, snoozed_until=NOW + timedelta(hours=1)),
        item(3, id=5, status=QueueStatus.REPLIED),
    ]
    assert crossed_alerts(quiet, NOW, NOW + timedelta(minutes=10)) == []
    assert crossed_alerts(items, NOW, NOW) == []  # no time passed (or the clock went back)


@given(
    start=st.integers(0, 120 * 60),
    steps=st.lists(st.integers(1, 600), min_size=1, max_size=60),
    left=st.integers(-30, 90),
)
def test_each_threshold_alerts_at_most_once_however_the_clock_ticks(
    start: int, steps: list[int], left: int
) -> None:
    it = item(left)
    sent: set[tuple[int, str]] = set()
    since = NOW - timedelta(minutes=60) + timedelta(seconds=start)
    fired: list[str] = []
    for step in steps:
        now = since + timedelta(seconds=step)
        for _i, threshold in crossed_alerts([it], since, now, sent):
            sent.add((it.id, threshold))
            fired.append(threshold)
        since = now
    assert len(fired) == len(set(fired))


def test_edited_lists() -> None:
    from cm_tui.core.queue import (
        format_keyword_lines,
        format_template_lines,
        parse_keyword_lines,
        parse_template_lines,
        rematch_keywords,
    )

    templates = parse_template_lines("Hi | Hello {author}\n\n  plain line  \nA|B|C\n")
    assert templates == [("Hi", "Hello {author}"), ("plain line", "plain line"), ("A", "B|C")]
    assert parse_template_lines(format_template_lines(templates)) == templates
    kinds = ("brand", "product", "competitor", "topic")
    words = parse_keyword_lines("Nova\ncompetitor:  Studio  Érable\nnova\nhttp: x\n", kinds)
    assert words == [("brand", "Nova"), ("competitor", "Studio Érable"), ("brand", "http: x")]
    assert parse_keyword_lines(format_keyword_lines(words), kinds) == words
    items = [item(id=1, text="Studio erable rocks"), item(id=2, text="nothing", keywords=("x",))]
    changed = rematch_keywords(items, ["Studio Érable"])
    assert [(i.id, i.keywords) for i in changed] == [(1, ("Studio Érable",)), (2, ())]


def test_a_saved_reply_never_carries_a_control_character_from_a_name() -> None:
    received = datetime(2026, 11, 19, 8, 0, tzinfo=UTC)
    item = QueueItem(
        QueueKind.COMMENT,
        "x",
        "@eve",
        "hi",
        received,
        received + timedelta(hours=1),
        author_name="Eve\x1b]2;PWNED\x07 \u202eLévesque",
    )
    assert fill_template("Thank you {author}!", item) == "Thank you Eve Lévesque!"
