"""Queue rules: deadlines in UTC across DST, order, bands, counts, countdown text, keywords."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cm_tui.core.deadline import DeadlinePolicy, add_working_time, deadline_for
from cm_tui.core.models import QueueItem, QueueKind, QueueStatus
from cm_tui.core.queue import (
    band,
    fold_text,
    format_countdown,
    match_keywords,
    order_queue,
    queue_counts,
    remaining,
)
from cm_tui.core.recurrence import WorkHours

PARIS = ZoneInfo("Europe/Paris")
MONTREAL = ZoneInfo("America/Montreal")
NOW = datetime(2026, 3, 10, 9, 30, tzinfo=UTC)


def item(minutes_left: float, status: str = "new", **kw: object) -> QueueItem:
    received = NOW - timedelta(minutes=60 - minutes_left)
    return QueueItem(
        QueueKind.COMMENT,
        "x",
        "@a",
        "hi",
        received,
        NOW + timedelta(minutes=minutes_left),
        status=QueueStatus(status),
        **kw,  # type: ignore[arg-type]
    )


def test_deadline_default_and_overrides_most_specific_wins() -> None:
    policy = DeadlinePolicy(60, {"review": 1440, "instagram": 30, "review@instagram": 2880})
    assert policy.minutes("comment", "x") == 60
    assert policy.minutes("comment", "instagram") == 30
    assert policy.minutes("review", "x") == 1440
    assert policy.minutes("review", "instagram") == 2880
    assert DeadlinePolicy(45).minutes(QueueKind.REVIEW, "facebook") == 45
    received = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
    assert deadline_for("review", "x", received, policy) == received + timedelta(days=1)
    assert deadline_for("comment", "x", received) == received + timedelta(hours=1)


@pytest.mark.parametrize(
    ("tz", "local"),
    [
        (PARIS, datetime(2026, 3, 29, 1, 30)),  # spring forward at 02:00
        (PARIS, datetime(2026, 10, 25, 2, 30)),  # inside the repeated hour
        (MONTREAL, datetime(2026, 3, 8, 1, 30)),
        (MONTREAL, datetime(2026, 11, 1, 1, 30)),
    ],
)
def test_one_hour_is_3600_real_seconds_across_dst(tz: ZoneInfo, local: datetime) -> None:
    received = local.replace(tzinfo=tz).astimezone(UTC)
    deadline = deadline_for("comment", "x", received)
    assert (deadline - received).total_seconds() == 3600
    assert deadline.tzinfo is UTC
    # the wall clock may show 2 h or 0 h later: that is the point
    wall = deadline.astimezone(tz).replace(tzinfo=None) - local
    assert wall in (timedelta(hours=0), timedelta(hours=1), timedelta(hours=2))


@given(
    instant=st.datetimes(
        min_value=datetime(2000, 1, 1), max_value=datetime(2050, 1, 1), timezones=st.just(UTC)
    ),
    minutes=st.integers(1, 3 * 24 * 60),
)
def test_deadline_is_plain_utc_arithmetic(instant: datetime, minutes: int) -> None:
    got = deadline_for("comment", "x", instant, DeadlinePolicy(minutes))
    assert got - instant == timedelta(minutes=minutes)


def test_working_hours_deadline() -> None:
    hours = WorkHours(time(9), time(18))
    # Friday 17:30 Paris + 60 working minutes -> Monday 09:30
    friday = datetime(2026, 3, 13, 17, 30, tzinfo=PARIS).astimezone(UTC)
    got = deadline_for("comment", "x", friday, DeadlinePolicy(60), hours=hours, tz=PARIS)
    assert got.astimezone(PARIS).replace(tzinfo=None) == datetime(2026, 3, 16, 9, 30)
    # received before opening: the clock starts at 09:00
    early = datetime(2026, 3, 10, 7, 0, tzinfo=PARIS).astimezone(UTC)
    got = add_working_time(early, timedelta(minutes=30), hours, PARIS)
    assert got.astimezone(PARIS).time() == time(9, 30)


def test_band_thresholds() -> None:
    assert band(item(-1), NOW) == "overdue"
    assert band(item(0), NOW) == "overdue"
    assert band(item(0.5), NOW) == "due15"
    assert band(item(15), NOW) == "due15"
    assert band(item(15.1), NOW) == "due30"
    assert band(item(30), NOW) == "due30"
    assert band(item(31), NOW) == "ok"
    assert remaining(item(12), NOW) == timedelta(minutes=12)


def test_order_overdue_first_then_deadline_snoozed_last() -> None:
    a, b, c = item(20), item(-5), item(3)
    sleeping = item(-30, "snoozed", snoozed_until=NOW + timedelta(minutes=10))
    woken = item(-40, "snoozed", snoozed_until=NOW - timedelta(minutes=1))
    assert order_queue([a, sleeping, b, c, woken], NOW) == [woken, b, c, a, sleeping]


def test_queue_counts() -> None:
    items = [
        item(-5),
        item(0),
        item(10),
        item(15),
        item(16),
        item(-50, "replied"),
        item(5, "escalated"),
        item(5, "snoozed"),
        item(-1, "ignored"),
    ]
    counts = queue_counts(items, NOW)
    assert (counts.open, counts.due_soon, counts.overdue) == (7, 4, 2)


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(minutes=47), "0h47"),
        (timedelta(minutes=46, seconds=1), "0h47"),
        (timedelta(seconds=30), "0h01"),
        (timedelta(0), "0h00"),
        (timedelta(minutes=-12), "-0h12"),
        (timedelta(minutes=-11, seconds=-30), "-0h12"),
        (timedelta(hours=3, minutes=5), "3h05"),
        (timedelta(minutes=60), "1h00"),
        (timedelta(hours=-2, minutes=-1), "-2h01"),
        (timedelta(hours=26), "1d02"),
    ],
)
def test_format_countdown(delta: timedelta, text: str) -> None:
    assert format_countdown(delta) == text


def test_fold_text() -> None:
    assert fold_text("Évènement À LA Crème") == "evenement a la creme"
    assert fold_text("Straße") == "strasse"


def test_match_keywords_whole_words_case_and_accents() -> None:
    keywords = ["Café", "Maison Lumen", "#lumen", "Aurore", "café"]
    text = "J'adore le CAFE de MAISON   lumen ! #Lumen et l'aurore-boréale"
    assert match_keywords(text, keywords) == ("Café", "Maison Lumen", "#lumen", "Aurore")
    assert match_keywords("cafeteria lumens", keywords) == ()
    assert match_keywords("", keywords) == ()
    assert match_keywords("anything", []) == ()
    assert match_keywords("a [b] c", ["[b]"]) == ("[b]",)  # regex characters are literal


def test_deadline_from_the_settings_policy() -> None:
    from cm_tui.core.settings import Settings

    policy = Settings(
        reply_deadline_minutes=30, deadline_overrides={"review": 1440}
    ).deadline_policy
    received = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
    assert deadline_for("comment", "x", received, policy) == received + timedelta(minutes=30)
    assert deadline_for("review", "x", received, policy) == received + timedelta(days=1)


INSTANTS = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)


@given(a=INSTANTS, b=INSTANTS)
def test_stored_instants_sort_as_text_like_the_instants(a: datetime, b: datetime) -> None:
    """What ``OpenEntry`` relies on: canonical UTC text (with or without microseconds) is in
    the instants' order, so the queue is ordered and counted without parsing 10,000 dates."""
    from cm_tui.core.models import format_instant

    assert (format_instant(a) < format_instant(b)) == (a < b)
    assert (format_instant(a) == format_instant(b)) == (a == b)


@given(
    st.lists(
        st.tuples(
            st.floats(min_value=-600, max_value=600),
            st.floats(min_value=-60, max_value=60) | st.none(),
        ),
        max_size=30,
    )
)
def test_queue_order_and_counts_from_entries_match_the_items(rows: list) -> None:
    """Entries (stored text) and items (datetimes) give the same order, counts and alerts."""
    from cm_tui.core.queue import (
        crossed_alerts,
        crossed_entry_alerts,
        entry_counts,
        entry_of,
        is_snoozed,
    )

    items = []
    for n, (left, snooze) in enumerate(rows, start=1):
        extra: dict[str, object] = {}
        if snooze is not None:
            extra = {"status": "snoozed", "snoozed_until": NOW + timedelta(minutes=snooze)}
        built = item(left, **extra)
        built.id = n
        items.append(built)
    ordered = order_queue(items, NOW)
    awake = sorted(
        (i for i in items if not is_snoozed(i, NOW)),
        key=lambda i: (i.deadline, i.received_at, i.id),
    )
    asleep = sorted(
        (i for i in items if is_snoozed(i, NOW)), key=lambda i: (i.snoozed_until, i.deadline, i.id)
    )
    assert [i.id for i in ordered] == [i.id for i in awake + asleep]
    entries = [entry_of(i) for i in items]
    assert entry_counts(entries, NOW) == queue_counts(items, NOW)
    later = NOW + timedelta(minutes=7, microseconds=1)
    expected = []  # the rule, on datetimes
    for i in items:
        if is_snoozed(i, later):
            continue
        if NOW < i.deadline <= later:
            expected.append((i.id, "overdue"))
        elif NOW < i.deadline - timedelta(minutes=15) <= later:
            expected.append((i.id, "due15"))
    assert [(e.id, th) for e, th in crossed_entry_alerts(entries, NOW, later)] == expected
    assert [(i.id, th) for i, th in crossed_alerts(items, NOW, later)] == expected


def test_format_countdown_writes_the_day_letter_of_the_language() -> None:
    """Seen: "2d03" in the French interface too."""
    from cm_tui.core.i18n import set_language

    set_language("fr")
    assert format_countdown(timedelta(days=2, hours=3)) == "2j03"
    assert format_countdown(-timedelta(days=1, hours=2)) == "-1j02"
    set_language("en")
    assert format_countdown(timedelta(days=2, hours=3)) == "2d03"
